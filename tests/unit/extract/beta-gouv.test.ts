/**
 * beta.gouv.fr: our own small pages (one per hero layout, friend postings, notices and the
 * non-posting traps, all invented content), then the real pages of the shared fixtures when they
 * sit beside the project.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { betaGouv, isPostingPath } from '../../../lib/extract/adapters/beta-gouv';
import { collapseSpace } from '../../../lib/extract/text';
import type { Found, SiteReading } from '../../../lib/extract/types';
import {
  type Case,
  type CaseField,
  countedFields,
  isRight,
  knownMiss,
  loadCases,
  normalizeForCompare,
  runCase,
  SHARED_FIXTURES,
  sharedFixturesAvailable,
} from '../../support/cases';
import { parseHtml } from '../../support/load-page';

const ORIGIN = 'https://beta.gouv.fr';
const FIXTURES = join(import.meta.dirname, '../../fixtures/beta');
/** E-mails of the site's own chrome in our pages: never part of a posting's body. */
const SITE_EMAILS = ['questions-site@beta.gouv.fr', 'accueil-site@beta.gouv.fr'];

function readPage(file: string, path: string): SiteReading {
  const url = `${ORIGIN}${path}`;
  const html = readFileSync(join(FIXTURES, file), 'utf8');
  return betaGouv.read({ document: parseHtml(html, url), url: new URL(url), now: new Date('2024-01-01T00:00:00Z') });
}

type Flat = Partial<Record<keyof Found, unknown>>;

function valuesOf(found: Found): Flat {
  return Object.fromEntries(Object.entries(found).map(([field, entry]) => [field, entry?.value]));
}

function contentText(reading: SiteReading): string {
  return collapseSpace(reading.content?.textContent ?? '');
}

interface Row {
  name: string;
  file: string;
  path: string;
  /** null: not a posting. */
  expected: Flat | null;
  /** Words of the body the text fallback must be handed. */
  bodyHas?: string[];
}

const rows: Row[] = [
  {
    name: '2017 one-line hero, role lower-cased, capitals restored from <title>',
    file: 'layout-2017.html',
    path: '/recrutement/2017/05/02/dev-rails.html',
    expected: {
      title: 'Développeur·se Rails',
      organization: 'Atelier Pivoine',
      publishedAt: '2017-05-02',
      publishedAtRaw: '02/05/2017',
      status: 'open',
    },
    bodyHas: ['simplifie la déclaration des ruchers', 'indépendant·e', 'equipe@pivoine.example.fr'],
  },
  {
    name: '2017 friend posting, filled although "Poste ouvert" is printed too',
    file: 'layout-2017-filled-friend.html',
    path: '/recrutement/2017/09/04/cto-mouette.html',
    expected: {
      title: 'un cto',
      organization: 'Mouette Académie',
      publishedAt: '2017-09-04',
      publishedAtRaw: '04/09/2017',
      status: 'filled',
      applyUrl: 'https://mouette.example.org/emplois/cto/',
    },
    bodyHas: ['CDD de deux ans'],
  },
  {
    name: '2019-01 hero h1 + h2.article__title, friend link with an empty href',
    file: 'layout-2019-h2-friend-empty.html',
    path: '/recrutement/2019/02/11/phare-ops.html',
    expected: {
      title: "un·e responsable d'exploitation",
      organization: 'Service Phare',
      publishedAt: '2019-02-11',
      publishedAtRaw: '11/02/2019',
      status: 'open',
    },
    bodyHas: ['CDD de trois ans', 'recrutement@phare.example.fr'],
  },
  {
    name: '2019-07 hero h1 + p.article__title, friend link to the partner site',
    file: 'layout-2020-p-friend-link.html',
    path: '/recrutement/2020/03/09/coquelicot-dev.html',
    expected: {
      title: 'une développeuse ou un développeur',
      organization: 'Lab Coquelicot',
      publishedAt: '2020-03-09',
      publishedAtRaw: '09/03/2020',
      status: 'open',
      applyUrl: 'https://coquelicot.example.org/offres/dev-42',
    },
    bodyHas: ['indépendant·e, six mois'],
  },
  {
    name: '2021-07 DSFR hero: h1 "<org> <em>recrute</em>" + p role',
    file: 'layout-2021-fr-h1.html',
    path: '/recrutement/2021/07/19/fontaines-po.html',
    expected: {
      title: 'Responsable de produit numérique',
      organization: 'Registre des Fontaines',
      publishedAt: '2021-07-19',
      publishedAtRaw: '19/07/2021',
      status: 'open',
    },
    bodyHas: ['indépendant·e·s', 'contact@fontaines.example.fr'],
  },
  {
    name: '2022-01 DSFR hero: p "<org> <em>recrute</em>" + h1 role',
    file: 'layout-2022-fr-p.html',
    path: '/recrutement/2022/02/14/cartes-sonores-deploiement.html',
    expected: {
      title: 'Chargé.e de déploiement',
      organization: 'Cartes Sonores',
      publishedAt: '2022-02-14',
      publishedAtRaw: '14/02/2022',
      status: 'open',
    },
    bodyHas: ['accompagner les communes'],
  },
  {
    name: '2022-10 DSFR alert "Poste ouvert le", trailing-slash address',
    file: 'layout-2024-alert.html',
    path: '/recrutement/2023/02/06/boussole-dev/',
    expected: {
      title: 'Une développeuse ou un développeur full stack',
      organization: 'Boussole Eau',
      publishedAt: '2023-02-06',
      publishedAtRaw: '06/02/2023',
      status: 'open',
    },
    bodyHas: ['TypeScript - PostgreSQL', 'equipe@boussole.example.fr'],
  },
  {
    name: 'filled notice (fr-alert--error) with a friend link in an info alert',
    file: 'filled-2024-friend.html',
    path: '/recrutement/2020/07/21/chef-fe-projets-communs.html',
    expected: {
      title: 'Chef.fe de projets communs',
      organization: "l'Incubateur des Rivières",
      publishedAt: '2020-07-21',
      publishedAtRaw: '21/07/2020',
      status: 'filled',
      applyUrl: 'https://rivieres.example.org/recrutements/chef-fe-de-projets/',
    },
    bodyHas: ['recherche un•e chef•fe de projets'],
  },
  {
    name: 'empty role heading: the role comes from the bold words of the lead, article dropped',
    file: 'empty-role-2024.html',
    path: '/recrutement/2021/01/11/suivi-portefeuille.html',
    expected: {
      title: 'chargé.e de suivi de portefeuille',
      organization: 'beta.gouv.fr',
      publishedAt: '2021-01-11',
      publishedAtRaw: '11/01/2021',
      status: 'filled',
    },
    bodyHas: ['indépendant, trois jours'],
  },
  {
    name: 'Jekyll redirect stub at a posting address',
    file: 'redirect-stub.html',
    path: '/recrutement/2019/08/04/bizdev-lanterne.html',
    expected: null,
  },
  { name: 'the recruiting listing', file: 'listing.html', path: '/recrutement/', expected: null },
  {
    name: 'the listing, even at a posting-like address (its cards are not a hero)',
    file: 'listing.html',
    path: '/recrutement/2021/09/27/search-engineer-lanterne.html',
    expected: null,
  },
  { name: 'a startup page', file: 'startup.html', path: '/startups/lanterne.html', expected: null },
  {
    name: 'a startup page, even at a posting-like address (no status line, no role)',
    file: 'startup.html',
    path: '/recrutement/2020/01/06/lanterne.html',
    expected: null,
  },
  {
    name: 'a posting page at an address that is not a posting',
    file: 'layout-2022-fr-p.html',
    path: '/nous-rejoindre/',
    expected: null,
  },
];

describe('beta.gouv.fr: own pages', () => {
  it.each(rows.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    const reading = readPage(row.file, row.path);
    if (row.expected === null) {
      expect(reading.detection).toBe('not-posting');
      expect(reading.found).toEqual({});
      return;
    }
    expect(reading.detection).toBe('posting');
    const { description, ...values } = valuesOf(reading.found);
    expect(values).toEqual(row.expected);
    for (const entry of Object.values(reading.found)) expect(entry?.via).toBe('site');
    expect(typeof description).toBe('string');

    const body = contentText(reading);
    for (const words of row.bodyHas ?? []) expect(body).toContain(words);
    for (const email of SITE_EMAILS) expect(body).not.toContain(email);
    // The hero and the status line are not body text (the fallback would read dates twice).
    expect(body).not.toMatch(/pourvu depuis son ouverture|Une offre à pourvoir chez nos/);
  });

  it('keeps a tag box ("Choix technologiques") out of the description but in the content', () => {
    const reading = readPage('layout-2020-p-friend-link.html', '/recrutement/2020/03/09/coquelicot-dev.html');
    expect(reading.found.description?.value).toMatch(/^Le Lab Coquelicot ouvre/);
    expect(contentText(reading)).toContain('Choix technologiques');
  });
});

describe('beta.gouv.fr: hosts and addresses', () => {
  it.each([
    ['https://beta.gouv.fr/recrutement/2019/09/20/dev.html', true],
    ['https://www.beta.gouv.fr/recrutement/2019/09/20/dev.html', true],
    ['https://beta.gouv.fr.evil.example/recrutement/2019/09/20/dev.html', false],
    ['https://incubateur.anct.gouv.fr/recrutements/dev/', false],
  ])('matches(%s) is %s', (url, owned) => {
    expect(betaGouv.matches(new URL(url))).toBe(owned);
  });

  it.each([
    ['/recrutement/2019/09/20/datagouvfr-developpeuse.html', true],
    ['/recrutement/2019/09/20/datagouvfr-developpeuse', true],
    ['/recrutement/2019/09/20/datagouvfr-developpeuse/', true],
    ['/recrutement/2019/09/20/datagouvfr-developpeuse/index.html', true],
    ['/recrutement/2021/08/20/charge.de.projet.f.h.html', true],
    ['/recrutement/', false],
    ['/recrutement/2019/', false],
    ['/recrutement/2019/09/20/', false],
    ['/nous-rejoindre/', false],
    ['/startups/sante-psy-etudiant.html', false],
    ['/', false],
  ])('isPostingPath(%s) is %s', (path, posting) => {
    expect(isPostingPath(new URL(`${ORIGIN}${path}`))).toBe(posting);
  });

  it('drops a status date that is not a calendar date, and invents no title', () => {
    const url = `${ORIGIN}/recrutement/2021/02/28/x.html`;
    const html = `${'<div>'.repeat(500)}<p>Atelier Ours <em>recrute</em></p><h1></h1>
      <p>Poste ouvert le <time datetime="2021-02-30">30/02/2021</time></p><section><p>Rien.</p></section>`;
    const reading = betaGouv.read({ document: parseHtml(html, url), url: new URL(url), now: new Date() });
    expect(reading.detection).toBe('posting');
    expect(reading.found.publishedAt).toBeUndefined();
    expect(reading.found.publishedAtRaw?.value).toBe('30/02/2021');
    expect(reading.found.title).toBeUndefined();
    expect(reading.found.status?.value).toBe('open');
  });
});

/** Fields this adapter reads itself; the others come from the text fallback over `content`. */
const ADAPTER_FIELDS: readonly CaseField[] = ['title', 'organization', 'publishedAt', 'status', 'applyUrl'];
/** Fields the text fallback finds in the body this adapter hands it (when the page shows them). */
const BODY_FIELDS: readonly CaseField[] = ['contractRaw', 'contact', 'closesAt'];

const shared = sharedFixturesAvailable() ? loadCases(join(SHARED_FIXTURES, 'cases.json')) : null;
const realCases: Case[] = shared?.cases.filter((testCase) => testCase.site === 'beta.gouv.fr') ?? [];
const realPostings = realCases.filter((testCase) => testCase.kind === 'posting');
if (!shared) console.warn(`beta.gouv.fr real-page tests skipped: no shared fixtures at ${SHARED_FIXTURES}`);

/** One row per counted field of each posting, named after who reads it, so a failure says whose it is. */
const fieldRows = realPostings.flatMap((testCase) =>
  countedFields(testCase).map((field) => {
    const reader = ADAPTER_FIELDS.includes(field) ? 'adapter' : 'text fallback';
    return [`${testCase.id} ${field} (${reader})`, testCase, field] as const;
  }),
);

describe.skipIf(!shared)('beta.gouv.fr: real pages of the shared fixtures', () => {
  it.each(realCases.map((testCase) => [testCase.id, testCase] as const))('%s: detection', (_id, testCase) => {
    if (!shared) return;
    expect(runCase(testCase, shared.dir).isPosting).toBe(testCase.kind === 'posting');
  });

  it.each(fieldRows)('%s', (_name, testCase, field) => {
    if (!shared) return;
    const actual = runCase(testCase, shared.dir).offer?.[field] ?? null;
    const known = knownMiss(testCase, field);
    if (known) expect(isRight(testCase, field, actual), `known miss now right, remove it: ${known}`).toBe(false);
    else expect(isRight(testCase, field, actual), `got ${JSON.stringify(actual)}`).toBe(true);
  });

  // The adapter's own share of the body fields: the content root it hands over holds what the page shows.
  it.each(realPostings.map((testCase) => [testCase.id, testCase] as const))(
    '%s: the content root holds the body fields',
    (_id, testCase) => {
      if (!shared) return;
      const html = readFileSync(join(shared.dir, testCase.file), 'utf8');
      const url = new URL(testCase.url);
      const reading = betaGouv.read({ document: parseHtml(html, testCase.url), url, now: new Date() });
      const body = normalizeForCompare('title', contentText(reading)) ?? '';
      for (const field of countedFields(testCase).filter((f) => BODY_FIELDS.includes(f))) {
        if (testCase.where?.[field] !== 'text') continue;
        expect(body, field).toContain(normalizeForCompare(field, testCase.expected[field]));
      }
    },
  );
});
