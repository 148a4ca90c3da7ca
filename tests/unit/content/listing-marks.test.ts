import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPostingLinks, isListingPage } from '../../../lib/listing-marks';
import { canonicalUrl } from '../../../lib/url';
import { loadCases, SHARED_FIXTURES, sharedFixturesAvailable } from '../../support/cases';
import { parseHtml } from '../../support/load-page';

const FIXTURES = join(import.meta.dirname, '../../fixtures/listing');

function loadListing(file: string): Document {
  const doc = document.implementation.createHTMLDocument('');
  doc.documentElement.innerHTML = readFileSync(join(FIXTURES, file), 'utf8');
  return doc;
}

describe('isListingPage', () => {
  it.each([
    ['https://incubateur.anct.gouv.fr/recrutements/', true],
    ['https://incubateur.anct.gouv.fr/recrutements', true],
    ['https://incubateur.anct.gouv.fr/recrutements/pourvues/', true],
    ['https://incubateur.anct.gouv.fr/recrutement/', true],
    ['https://incubateur.anct.gouv.fr/recrutements/index.html', true],
    ['https://beta.gouv.fr/recrutement/', true],
    ['https://incubateur.anct.gouv.fr/recrutements/equipe-role-0a1b2c3d/', false],
    ['https://incubateur.anct.gouv.fr/recrutement/equipe/role/', false],
    ['https://incubateur.anct.gouv.fr/actualites/', false],
    ['https://incubateur.anct.gouv.fr/', false],
    ['https://beta.gouv.fr/recrutement/2021/09/23/x.html', false],
    ['https://beta.gouv.fr/recrutements/', false],
    ['https://beta.gouv.fr/startups/', false],
    ['https://example.org/recrutement/', false],
  ])('%s → %s', (url, expected) => {
    expect(isListingPage(new URL(url))).toBe(expected);
  });
});

describe('findPostingLinks on an incubateur listing', () => {
  const pageUrl = new URL('https://incubateur.anct.gouv.fr/recrutements/pourvues/');
  const doc = loadListing('incubateur-pourvues.html');
  const found = findPostingLinks(doc, pageUrl);

  it('finds each posting card once, as canonical URLs, and nothing else', () => {
    expect(found.map((link) => link.url)).toEqual([
      'https://incubateur.anct.gouv.fr/recrutements/equipe-alpha-developpeur-se-0a1b2c3d4e5f60718293a4b5c6d7e8f9',
      'https://incubateur.anct.gouv.fr/recrutements/equipe-beta-designer-11223344556677889900aabbccddeeff',
      'https://incubateur.anct.gouv.fr/recrutements/equipe-gamma-chef-fe-de-produit-ffeeddccbbaa99887766554433221100',
    ]);
  });

  it("takes the link's card, not the list around it", () => {
    for (const link of found) expect(link.card.className).toBe('job-card-container');
  });

  it("puts the mark in the card's title", () => {
    expect(found.map((link) => link.slot.textContent?.trim())).toEqual([
      'Développeur·se',
      'Designer',
      'Chef·fe de produit',
    ]);
  });
});

describe('findPostingLinks on a beta.gouv.fr listing', () => {
  const doc = loadListing('beta-recrutement.html');
  const found = findPostingLinks(doc, new URL('https://beta.gouv.fr/recrutement/'));

  it('keeps one mark per card when the image and the title both link to the posting', () => {
    expect(found.map((link) => link.url)).toEqual([
      'https://beta.gouv.fr/recrutement/2021/09/23/produit-un-developpeur.html',
      'https://beta.gouv.fr/recrutement/2021/08/30/stagiaire-data.html',
    ]);
    expect(found.every((link) => link.card.classList.contains('fr-card'))).toBe(true);
  });

  it('puts the mark in the heading around the link', () => {
    expect(found.map((link) => link.slot.localName)).toEqual(['h2', 'h2']);
  });
});

describe('findPostingLinks elsewhere', () => {
  it('finds nothing on a page that is not a listing', () => {
    const doc = loadListing('incubateur-pourvues.html');
    expect(findPostingLinks(doc, new URL('https://incubateur.anct.gouv.fr/actualites/'))).toEqual([]);
    expect(findPostingLinks(doc, new URL('https://example.org/recrutements/'))).toEqual([]);
  });

  it("marks a lone posting in its own title, not in the page's", () => {
    const doc = document.implementation.createHTMLDocument('');
    doc.body.innerHTML =
      '<div class="page"><h1>Recrutement</h1><div><div><a href="/recrutement/2022/01/10/seul.html">Le seul poste</a></div></div></div>';
    const [only, ...rest] = findPostingLinks(doc, new URL('https://beta.gouv.fr/recrutement/'));
    expect(rest).toEqual([]);
    expect(only?.slot.localName).toBe('a');
    expect(only?.slot.textContent).toBe('Le seul poste');
  });

  it('ignores links to other sites and non-web schemes', () => {
    const doc = document.implementation.createHTMLDocument('');
    doc.body.innerHTML = [
      '<a href="https://example.org/recrutements/x/">ailleurs</a>',
      '<a href="javascript:void(0)">script</a>',
      '<a href="mailto:x@example.org">mail</a>',
      '<a href="http://[bad">cassé</a>',
    ].join('');
    expect(findPostingLinks(doc, new URL('https://incubateur.anct.gouv.fr/recrutements/'))).toEqual([]);
  });
});

describe.skipIf(!sharedFixturesAvailable())('findPostingLinks on the real listing pages', () => {
  const { cases, dir } = sharedFixturesAvailable()
    ? loadCases(join(SHARED_FIXTURES, 'cases.json'))
    : { cases: [], dir: '' };
  const listings = cases.filter((c) => c.kind === 'listing');

  it.each(listings.map((c) => [c.id, c] as const))('%s: only postings the page data lists, each once', (_id, c) => {
    const doc = parseHtml(readFileSync(join(dir, c.file), 'utf8'), c.url);
    const listed = new Set(
      ((c as { listingItems?: Array<{ url: string }> }).listingItems ?? []).map((item) => canonicalUrl(item.url)),
    );
    const found = findPostingLinks(doc, new URL(c.url));
    // Each rendered posting link is found: as many as the page has distinct posting hrefs in the list.
    const rendered = new Set(
      Array.from(doc.querySelectorAll('a[href]'))
        .map((a) => canonicalUrl(new URL(a.getAttribute('href') ?? '', c.url)))
        .filter((url) => listed.has(url)),
    );
    expect(new Set(found.map((link) => link.url))).toEqual(rendered);
    for (const link of found) expect(listed.has(link.url), link.url).toBe(true);
    expect(new Set(found.map((link) => link.url)).size).toBe(found.length);
    // A mark goes in the link's own heading when it has one (cards), else in the link (plain lists).
    for (const link of found) {
      const inHeading =
        /^h[1-6]$/.test(link.slot.localName) && (link.slot.contains(link.link) || link.link.contains(link.slot));
      expect(inHeading || link.slot === link.link, link.url).toBe(true);
    }
  });
});

if (!sharedFixturesAvailable()) console.warn(`real listing pages skipped: no shared fixtures at ${SHARED_FIXTURES}`);
