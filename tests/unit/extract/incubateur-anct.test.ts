/**
 * incubateur.anct.gouv.fr: our own small pages (one per layout era, invented content), then the
 * real pages of the shared fixtures when they sit beside the project.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { incubateurAnct, isPostingPath } from '../../../lib/extract/adapters/incubateur-anct';
import {
  balancedObjectAt,
  MAX_SCRIPT_CHARS,
  readAssignedObject,
  readEmbeddedStates,
} from '../../../lib/extract/page-state';
import type { Found, SiteReading } from '../../../lib/extract/types';
import {
  type Case,
  type CaseField,
  countedFields,
  isRight,
  loadCases,
  runCase,
  SHARED_FIXTURES,
  sharedFixturesAvailable,
} from '../../support/cases';
import { extractHtml, parseHtml } from '../../support/load-page';

const ORIGIN = 'https://incubateur.anct.gouv.fr';
const FIXTURES = join(import.meta.dirname, '../../fixtures/incubateur');

function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

interface ReadOptions {
  now?: Date;
  capturedScripts?: readonly string[];
  /** Drop the document's scripts, as a live page does once its state script has removed itself. */
  withoutScripts?: boolean;
}

function readPage(html: string, path: string, options: ReadOptions = {}): SiteReading {
  const url = `${ORIGIN}${path}`;
  const document = parseHtml(html, url);
  if (options.withoutScripts) for (const script of Array.from(document.querySelectorAll('script'))) script.remove();
  return incubateurAnct.read({
    document,
    url: new URL(url),
    now: options.now ?? new Date('2021-06-01T12:00:00Z'),
    capturedScripts: options.capturedScripts,
  });
}

/** The inline state script of a page, as the content script would capture it. */
function stateScriptOf(html: string): string {
  const document = parseHtml(html, ORIGIN);
  const script = Array.from(document.querySelectorAll('script')).find((s) =>
    (s.textContent ?? '').includes('__INITIAL_STATE__'),
  );
  if (!script?.textContent) throw new Error('fixture has no state script');
  return script.textContent;
}

type Flat = Partial<Record<keyof Found, unknown>>;

/** Found values as plain data (the contact by its e-mail), for table comparisons. */
function flatten(found: Found): Flat {
  const flat: Flat = {};
  for (const [field, entry] of Object.entries(found) as [keyof Found, Found[keyof Found]][]) {
    if (!entry) continue;
    const value = entry.value;
    flat[field] = typeof value === 'object' && value !== null && 'email' in value ? value.email : value;
  }
  return flat;
}

describe('incubateur.anct.gouv.fr: own pages, one per layout', () => {
  const rows: { name: string; file: string; path: string; now?: string; expected: Flat | null }[] = [
    {
      name: '2020-07 posting with a mailto "Postuler" button',
      file: 'posting-2020-07-mailto.html',
      path: '/recrutement/territoires-connectes/animateur-rice-de-communaute/',
      expected: {
        title: 'Animateur·rice de communauté',
        organization: 'Territoires Connectés',
        status: 'open',
        applyUrl:
          'mailto:equipe@territoires-connectes.example.org?subject=[Candidature] Territoires Connectés - Animateur·rice de communauté',
        contact: 'equipe@territoires-connectes.example.org',
        closesAt: undefined,
      },
    },
    {
      name: '2020-09 posting with the Airtable form (e-mail inside a named contact)',
      file: 'posting-2020-09-airtable.html',
      path: '/recrutements/cartographe/',
      expected: {
        title: 'Cartographe',
        organization: 'Relance Numérique Locale',
        status: 'open',
        applyUrl: 'https://airtable.example.org/embed/shrFORM?prefill_Poste=Cartographe&backgroundColor=yellow',
        contact: 'relance@example.org',
        closesAt: undefined,
      },
    },
    {
      name: 'filled notice',
      file: 'posting-filled.html',
      path: '/recrutements/mairie-ouverte-designer-de-service-0a1b2c3d/',
      expected: {
        title: 'Designer de service',
        organization: 'Mairie Ouverte',
        status: 'filled',
        applyUrl: undefined,
        contact: 'design@mairie-ouverte.example.org',
        closesAt: undefined,
      },
    },
    {
      name: 'closed notice, closing date in the page data only',
      file: 'posting-closed.html',
      path: '/recrutements/adresses-communes-developpeur-se-back-end-4e5f6a7b/',
      expected: {
        title: 'Développeur·se back-end',
        organization: 'Adresses Communes',
        status: 'closed',
        applyUrl: undefined,
        contact: 'camille.exemple@adresses.example.org',
        // The UTC date of the timestamp, although in Paris that instant is already April 1st.
        closesAt: '2021-03-31',
        closesAtRaw: '2021-03-31T23:00:00.000Z',
      },
    },
    {
      name: 'broken state JSON: the page still reads, the contact comes from the body, no date is invented',
      file: 'posting-broken-state.html',
      path: '/recrutements/lieux-utiles-charge-e-de-deploiement-9c8d7e6f/',
      expected: {
        title: 'Chargé·e de déploiement',
        organization: 'Lieux Utiles',
        status: 'open',
        applyUrl: undefined,
        contact: 'recrutement@lieux-utiles.example.org',
        closesAt: undefined,
      },
    },
    { name: 'listing', file: 'listing.html', path: '/recrutements/', expected: null },
    { name: 'filled-posts listing', file: 'listing.html', path: '/recrutements/pourvues/', expected: null },
    {
      name: 'news page: a call for applications (AMI) with dates',
      file: 'news-ami.html',
      path: '/actualites/appel-a-manifestation-d-interet-un-outil-commun/',
      expected: null,
    },
    {
      name: 'a posting layout outside the recruitment section',
      file: 'posting-closed.html',
      path: '/actualites/adresses-communes/',
      expected: null,
    },
  ];

  it.each(rows)('$name', ({ file, path, now, expected }) => {
    const reading = readPage(fixture(file), path, { now: now ? new Date(now) : undefined });
    if (expected === null) {
      expect(reading.detection).toBe('not-posting');
      expect(reading.found).toEqual({});
      return;
    }
    expect(reading.detection).toBe('posting');
    const flat = flatten(reading.found);
    for (const [field, value] of Object.entries(expected)) expect(flat[field as keyof Flat], field).toEqual(value);
    expect(reading.content?.classList.contains('page-content')).toBe(true);
  });

  it.each([
    [
      'without the .page-title wrapper',
      (html: string) => html.replace(/<div class="page-title">([\s\S]*?<\/h1>)<\/div>/, '$1'),
    ],
    [
      'with "<equipe> recrute : <role>" all in the h1',
      (html: string) =>
        html.replace(/<h2>[\s\S]*?<\/h2><h1>[\s\S]*?<\/h1>/, '<h1>Mairie Ouverte recrute : Designer de service</h1>'),
    ],
  ])('reads the heading of a build %s', (_label, rewrite) => {
    const html = rewrite(fixture('posting-filled.html'));
    expect(html).not.toBe(fixture('posting-filled.html'));
    const reading = readPage(html, '/recrutements/mairie-ouverte-designer-de-service-0a1b2c3d/');
    expect(reading.detection).toBe('posting');
    expect(flatten(reading.found)).toMatchObject({ title: 'Designer de service', organization: 'Mairie Ouverte' });
  });

  it('says which strategy found each field: the DOM is "site", the embedded state "page-data"', () => {
    const { found } = readPage(fixture('posting-closed.html'), '/recrutements/adresses-communes-x-4e5f6a7b/');
    expect(found.title?.via).toBe('site');
    expect(found.status?.via).toBe('site');
    expect(found.contact?.via).toBe('page-data');
    expect(found.closesAt?.via).toBe('page-data');
    expect(found.closesAtRaw?.via).toBe('page-data');
  });

  it('gives a plain-text description with blocks kept apart', () => {
    const { found } = readPage(fixture('posting-2020-07-mailto.html'), '/recrutement/equipe/role/');
    expect(found.description?.value).toMatch(/^Territoires Connectés cherche une personne pour animer/);
    expect(found.description?.value).toContain('Missions Organiser des ateliers Répondre aux questions');
    expect(found.description?.value).not.toContain('<');
  });

  it('the whole extractor keeps the adapter fields and its posting decision', () => {
    const { isPosting, offer } = extractHtml(
      fixture('posting-closed.html'),
      `${ORIGIN}/recrutements/adresses-communes-developpeur-se-back-end-4e5f6a7b/`,
      new Date('2021-06-01T12:00:00Z'),
    );
    expect(isPosting).toBe(true);
    expect(offer?.source).toBe('incubateur.anct.gouv.fr');
    expect(offer?.title).toBe('Développeur·se back-end');
    expect(offer?.closesAt).toBe('2021-03-31');
    expect(offer?.status).toBe('closed');
    expect(extractHtml(fixture('listing.html'), `${ORIGIN}/recrutements/`).isPosting).toBe(false);
  });
});

describe('incubateur.anct.gouv.fr: data the page hides', () => {
  const closedHtml = fixture('posting-closed.html');
  const closedPath = '/recrutements/adresses-communes-developpeur-se-back-end-4e5f6a7b/';

  it('reads the hidden fields from captured scripts alone (the document has lost its script)', () => {
    const { found } = readPage(closedHtml, closedPath, {
      withoutScripts: true,
      capturedScripts: ['console.log("another inline script")', stateScriptOf(closedHtml)],
    });
    expect(found.closesAt).toEqual({ value: '2021-03-31', via: 'page-data' });
    expect(found.contact?.value.email).toBe('camille.exemple@adresses.example.org');
  });

  it('without any state, invents no closing date and no contact', () => {
    const reading = readPage(closedHtml, closedPath, { withoutScripts: true });
    expect(reading.detection).toBe('posting');
    expect(reading.found.closesAt).toBeUndefined();
    expect(reading.found.closesAtRaw).toBeUndefined();
    expect(reading.found.contact).toBeUndefined();
    const stripped = closedHtml.replace(/<script>[\s\S]*?<\/script>/g, '');
    const { offer } = extractHtml(stripped, `${ORIGIN}${closedPath}`, new Date('2021-06-01T12:00:00Z'));
    expect(offer?.closesAt).toBeNull();
    expect(offer?.closesAtRaw).toBeNull();
  });

  it('accepts the JSON of the site data endpoint as a captured text', () => {
    const endpoint = JSON.stringify({
      hash: 'abc',
      data: {
        job: {
          equipe: 'Relance Numérique Locale',
          role: 'Cartographe',
          contact: 'carto@example.org',
          poste_ferme: '2021-01-31T15:00:00.000Z',
          poste_pourvu: null,
          contrat: 'indépendant',
          poste_ouvert: '2020-12-01T00:00:00.000Z',
        },
      },
      context: {},
    });
    const { found } = readPage(fixture('posting-2020-09-airtable.html'), '/recrutements/cartographe/', {
      withoutScripts: true,
      capturedScripts: [endpoint],
      now: new Date('2021-01-31T10:00:00Z'),
    });
    expect(flatten(found)).toMatchObject({
      contact: 'carto@example.org',
      closesAt: '2021-01-31',
      contractRaw: 'indépendant',
      contract: 'freelance',
      publishedAt: '2020-12-01',
      status: 'open',
    });
  });

  it('judges the closing date at page.now', () => {
    const state = `window.__INITIAL_STATE__={"data":{"job":{"role":"Cartographe","poste_ferme":"2021-01-31T15:00:00.000Z"}}}`;
    const read = (now: string) =>
      readPage(fixture('posting-2020-09-airtable.html'), '/recrutements/cartographe/', {
        withoutScripts: true,
        capturedScripts: [state],
        now: new Date(now),
      }).found.status;
    expect(read('2021-01-31T14:59:00Z')).toEqual({ value: 'open', via: 'site' });
    expect(read('2021-01-31T15:01:00Z')).toEqual({ value: 'closed', via: 'page-data' });
  });

  it.each([
    ['poste_pourvu: true', '"poste_pourvu":true,"poste_ferme":"2030-01-01T00:00:00.000Z"', 'filled'],
    ['the 2020 "status: closed"', '"status":"closed"', 'filled'],
    ['"status: open"', '"status":"open"', 'open'],
    ['poste_pourvu: false and a past closing date', '"poste_pourvu":false,"poste_ferme":"2020-01-01"', 'closed'],
  ])('status from page data: %s', (_label, fields, status) => {
    const { found } = readPage(fixture('posting-2020-09-airtable.html'), '/recrutements/cartographe/', {
      withoutScripts: true,
      capturedScripts: [`window.__INITIAL_STATE__={"data":{"job":{"role":"Cartographe",${fields}}}};`],
    });
    expect(found.status?.value).toBe(status);
  });

  it('a filled notice wins over data that only says the post closed', () => {
    const { found } = readPage(fixture('posting-filled.html'), '/recrutements/mairie-ouverte-x-0a1b2c3d/', {
      withoutScripts: true,
      capturedScripts: ['window.__INITIAL_STATE__={"data":{"job":{"poste_ferme":"2020-01-01T00:00:00.000Z"}}}'],
    });
    expect(found.status).toEqual({ value: 'filled', via: 'site' });
  });

  it("ignores another posting's captured data and prefers the one that matches the heading", () => {
    const other = `window.__INITIAL_STATE__={"data":{"job":{"equipe":"Autre Équipe","role":"Autre rôle","contact":"autre@example.org","poste_ferme":"2020-02-02T00:00:00.000Z"}}}`;
    const stale = readPage(closedHtml, closedPath, { withoutScripts: true, capturedScripts: [other] });
    expect(stale.found.contact).toBeUndefined();
    expect(stale.found.closesAt).toBeUndefined();
    const both = readPage(closedHtml, closedPath, {
      withoutScripts: true,
      capturedScripts: [other, stateScriptOf(closedHtml)],
    });
    expect(both.found.closesAt?.value).toBe('2021-03-31');
  });

  it('skips oversized scripts and never throws on hostile ones', () => {
    const huge = `window.__INITIAL_STATE__={"data":{"job":{"role":"Cartographe","contact":"x@example.org","pad":"${'x'.repeat(MAX_SCRIPT_CHARS)}"}}}`;
    const hostile = [
      'window.__INITIAL_STATE__={{{{',
      'window.__INITIAL_STATE__=null',
      '{"data":',
      '{"data":{"job":5}}',
    ];
    const reading = readPage(fixture('posting-2020-09-airtable.html'), '/recrutements/cartographe/', {
      withoutScripts: true,
      capturedScripts: [huge, ...hostile],
    });
    expect(reading.detection).toBe('posting');
    expect(reading.found.contact).toBeUndefined();
  });

  it('drops a malformed field alone and keeps the others', () => {
    const state = `window.__INITIAL_STATE__={"data":{"job":{"role":"Cartographe","contact":42,"poste_ferme":"2021-02-30T00:00:00Z","contrat":"CDD 2 ans"}}}`;
    const { found } = readPage(fixture('posting-2020-09-airtable.html'), '/recrutements/cartographe/', {
      withoutScripts: true,
      capturedScripts: [state],
    });
    expect(found.contact).toBeUndefined();
    expect(found.closesAt).toBeUndefined();
    expect(found.contract?.value).toBe('CDD');
  });
});

describe('incubateur.anct.gouv.fr: which addresses hold postings', () => {
  it.each([
    ['/recrutement/aidants-connect/charge-e-de-deploiement/', true],
    ['/recrutements/chef-fe-de-produit/', true],
    ['/recrutements/equipe-role-0123456789abcdef0123456789abcdef/', true],
    ['/recrutements/equipe-role-0123/index.html', true],
    ['/recrutement/', false],
    ['/recrutement', false],
    ['/recrutements/', false],
    ['/recrutements/pourvues/', false],
    ['/actualites/appel-a-manifestation-d-interet/', false],
    ['/a-propos/', false],
    ['/', false],
  ])('%s → %s', (path, expected) => {
    expect(isPostingPath(new URL(`${ORIGIN}${path}`))).toBe(expected);
  });

  it('owns its host only', () => {
    expect(incubateurAnct.matches(new URL(`${ORIGIN}/recrutements/x/`))).toBe(true);
    expect(incubateurAnct.matches(new URL('https://incubateur.anct.gouv.fr.example.org/recrutements/x/'))).toBe(false);
    expect(incubateurAnct.matches(new URL('https://beta.gouv.fr/recrutement/'))).toBe(false);
  });
});

describe('page-state reader', () => {
  it('cuts the balanced object out, braces and quotes inside strings included', () => {
    const text = 'x={"a":"} \\" {","b":[1,{"c":2}]};(function(){})()';
    const start = text.indexOf('{');
    expect(balancedObjectAt(text, start)).toBe('{"a":"} \\" {","b":[1,{"c":2}]}');
    expect(balancedObjectAt('{"open": 1', 0)).toBeNull();
    expect(balancedObjectAt('[1]', 0)).toBeNull();
  });

  it('reads the assignment and refuses what is not JSON', () => {
    expect(readAssignedObject('window.__INITIAL_STATE__ = {"data":null};', '__INITIAL_STATE__')).toEqual({
      data: null,
    });
    expect(readAssignedObject('window.__INITIAL_STATE__={data:alert(1)}', '__INITIAL_STATE__')).toBeNull();
    expect(readAssignedObject('if (window.__INITIAL_STATE__=={}) {}', '__INITIAL_STATE__')).toBeNull();
    expect(readAssignedObject('window.OTHER_STATE={"a":1}', '__INITIAL_STATE__')).toBeNull();
  });

  it('lists captured states before those still in the document', () => {
    const document = parseHtml(
      '<script>window.__INITIAL_STATE__={"from":"document"}</script><script src="/app.js"></script>',
      ORIGIN,
    );
    const states = readEmbeddedStates({ document, capturedScripts: ['{"from":"endpoint"}'] }, '__INITIAL_STATE__');
    expect(states).toEqual([
      { origin: 'captured', value: { from: 'endpoint' } },
      { origin: 'document', value: { from: 'document' } },
    ]);
  });
});

/** Fields this adapter reads itself; the contract words and publication dates come from the text fallback. */
const ADAPTER_FIELDS: readonly CaseField[] = ['title', 'organization', 'status', 'applyUrl', 'contact', 'closesAt'];

const shared = sharedFixturesAvailable() ? loadCases(join(SHARED_FIXTURES, 'cases.json')) : null;
const realCases: Case[] = shared?.cases.filter((testCase) => testCase.site === 'incubateur.anct.gouv.fr') ?? [];
if (!shared) console.warn(`incubateur real-page tests skipped: no shared fixtures at ${SHARED_FIXTURES}`);

describe.skipIf(!shared)('incubateur.anct.gouv.fr: real pages of the shared fixtures', () => {
  it.each(realCases.map((testCase) => [testCase.id, testCase] as const))('%s', (_id, testCase) => {
    if (!shared) return;
    const result = runCase(testCase, shared.dir);
    expect(result.isPosting, 'detection').toBe(testCase.kind === 'posting');
    if (testCase.kind !== 'posting') return;
    for (const field of countedFields(testCase).filter((f) => ADAPTER_FIELDS.includes(f))) {
      expect(isRight(testCase, field, result.offer?.[field] ?? null), `${field}: ${result.offer?.[field]}`).toBe(true);
    }
  });

  it.each(realCases.filter((c) => c.kind === 'posting').map((c) => [c.id, c] as const))(
    '%s: the adapter alone invents no closing date or apply link',
    (_id, testCase) => {
      if (!shared) return;
      const html = readFileSync(join(shared.dir, testCase.file), 'utf8');
      const now = new Date(testCase.snapshot?.date ?? Date.now());
      const { found } = incubateurAnct.read({
        document: parseHtml(html, testCase.url),
        url: new URL(testCase.url),
        now,
      });
      for (const field of ['closesAt', 'applyUrl', 'status'] as const) {
        const value = found[field]?.value ?? null;
        expect(isRight(testCase, field, value), `${field}: ${value}`).toBe(true);
      }
    },
  );
});

describe.runIf(!shared)('incubateur.anct.gouv.fr: real pages', () => {
  it.skip('skipped: the shared fixtures folder (../shared/fixtures) is absent', () => {});
});
