import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText, parseLenient, readJsonLd } from '../../../lib/extract/jsonld';
import type { Found, Page } from '../../../lib/extract/types';
import { parseHtml } from '../../support/load-page';

const URL_OF_PAGE = 'https://jobs.example.org/offres/42';
const NOW = new Date('2024-04-15T10:00:00Z');

function pageWith(blocks: readonly string[], url = URL_OF_PAGE): Page {
  // As sites do, "</" is escaped so a "</script>" inside a string cannot end the element.
  const scripts = blocks
    .map((json) => `<script type="application/ld+json">${json.replace(/<\//g, '<\\/')}</script>`)
    .join('\n');
  const html = `<!doctype html><html><head>${scripts}</head><body><h1>Page</h1></body></html>`;
  return { document: parseHtml(html, url), url: new URL(url), now: NOW };
}

function read(...blocks: string[]): Found {
  return readJsonLd(pageWith(blocks));
}

const posting = { '@context': 'https://schema.org', '@type': 'JobPosting', title: 'Designer' };

describe('readJsonLd: where the JobPosting sits', () => {
  it.each([
    ['a single object', [JSON.stringify(posting)]],
    ['an @graph', [JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage' }, posting] })]],
    ['a top-level array', [JSON.stringify([{ '@type': 'Organization', name: 'X' }, posting])]],
    ['an @type array', [JSON.stringify({ ...posting, '@type': ['Thing', 'JobPosting'] })]],
    ['a prefixed @type', [JSON.stringify({ ...posting, '@type': 'http://schema.org/JobPosting' })]],
    ['the mainEntity of a page', [JSON.stringify({ '@type': 'WebPage', mainEntity: posting })]],
    ['the second of several blocks', [JSON.stringify({ '@type': 'BreadcrumbList' }), JSON.stringify(posting)]],
    ['after an invalid block', ['{"@type": "JobPosting", "title": ', JSON.stringify(posting)]],
    ['in an HTML comment wrapper', [`<!-- ${JSON.stringify(posting)} -->`]],
    [
      'with raw line breaks inside a string',
      ['{"@type": "JobPosting", "title": "Designer",\n "description": "line one\nline two"}'],
    ],
    ['with trailing commas', ['{"@type": "JobPosting", "title": "Designer", "skills": ["a", "b",],}']],
  ])('finds it in %s', (_shape, blocks) => {
    expect(read(...blocks).title).toEqual({ value: 'Designer', via: 'json-ld' });
  });

  it.each([
    ['no block', []],
    ['only invalid JSON', ['{not json', '']],
    [
      'other types only',
      [
        JSON.stringify({ '@type': 'Organization', name: 'X' }),
        JSON.stringify({ '@type': 'NewsArticle', headline: 'Y' }),
      ],
    ],
    ['a JSON scalar', ['42', '"JobPosting"', 'null']],
  ])('returns nothing for %s', (_case, blocks) => {
    expect(read(...blocks)).toEqual({});
  });

  it('treats several different postings as a listing, unless one of them is this page', () => {
    const listing = [
      { ...posting, title: 'Designer', url: 'https://jobs.example.org/offres/41' },
      { ...posting, title: 'Développeur', url: 'https://jobs.example.org/offres/42/' },
    ];
    expect(read(JSON.stringify(listing)).title?.value).toBe('Développeur');
    expect(readJsonLd(pageWith([JSON.stringify(listing)], 'https://jobs.example.org/offres'))).toEqual({});
    // The same posting in two blocks is one posting.
    expect(read(JSON.stringify(posting), JSON.stringify(posting)).title?.value).toBe('Designer');
  });

  it('reads at most 50 blocks', () => {
    const filler = Array.from({ length: 50 }, () => JSON.stringify({ '@type': 'Thing' }));
    expect(read(...filler, JSON.stringify(posting))).toEqual({});
    expect(read(...filler.slice(1), JSON.stringify(posting)).title?.value).toBe('Designer');
  });

  it('skips a block over 1 MB', () => {
    const huge = JSON.stringify({ ...posting, description: 'x'.repeat(1_100_000) });
    expect(read(huge)).toEqual({});
  });
});

describe('readJsonLd: the fields', () => {
  const full = {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: 'Chargé&middot;e de d&eacute;ploiement',
    name: 'ignored when title is there',
    hiringOrganization: { '@type': 'Organization', name: 'Agence &amp; Co' },
    datePosted: '2024-03-01T09:30:00.000Z',
    validThrough: '2024-05-31',
    employmentType: ['FULL_TIME', 'CONTRACTOR'],
    jobLocation: [
      {
        '@type': 'Place',
        address: {
          '@type': 'PostalAddress',
          addressLocality: 'Paris',
          addressRegion: 'Île-de-France',
          addressCountry: { '@type': 'Country', name: 'FR' },
        },
      },
    ],
    applicationContact: { '@type': 'ContactPoint', email: 'mailto:rh@exemple.fr', name: 'Service RH' },
    directApply: true,
    url: 'https://jobs.example.org/offres/42/postuler',
    description: '<p>Nous cherchons un&middot;e <b>chargé·e</b>.</p><ul><li>Terrain</li></ul><script>alert(1)</script>',
  };

  it('reads every field of a complete posting', () => {
    const found = read(JSON.stringify(full));
    const values = Object.fromEntries(Object.entries(found).map(([field, entry]) => [field, entry?.value]));
    expect(values).toEqual({
      title: 'Chargé·e de déploiement',
      organization: 'Agence & Co',
      publishedAt: '2024-03-01',
      publishedAtRaw: '2024-03-01T09:30:00.000Z',
      closesAt: '2024-05-31',
      closesAtRaw: '2024-05-31',
      status: 'open',
      contractRaw: 'FULL_TIME, CONTRACTOR',
      contract: 'freelance',
      location: 'Paris, Île-de-France, FR',
      contact: { email: 'rh@exemple.fr', name: 'Service RH', phone: null },
      applyUrl: 'https://jobs.example.org/offres/42/postuler',
      description: 'Nous cherchons un·e chargé·e. Terrain',
    });
    expect(Object.values(found).every((entry) => entry?.via === 'json-ld')).toBe(true);
  });

  it.each([
    ['2024-04-14', 'closed'],
    ['2024-04-15', 'open'],
    ['2024-04-15T09:00:00Z', 'closed'],
    ['2024-04-15T23:00:00+02:00', 'open'],
    ['2025-01-01', 'open'],
  ])('validThrough %s on 2024-04-15T10:00Z → %s', (validThrough, status) => {
    expect(read(JSON.stringify({ ...posting, validThrough })).status?.value).toBe(status);
  });

  it('leaves the status unknown (unset) without a validThrough, and refuses an impossible date', () => {
    expect(read(JSON.stringify(posting)).status).toBeUndefined();
    const found = read(JSON.stringify({ ...posting, validThrough: '2026-02-31' }));
    expect(found.closesAt).toBeUndefined();
    expect(found.status).toBeUndefined();
  });

  it('keeps the calendar date of a timestamp as written', () => {
    expect(read(JSON.stringify({ ...posting, validThrough: '2022-02-22T23:00:00.000Z' })).closesAt?.value).toBe(
      '2022-02-22',
    );
  });

  it.each([
    ['a plain string', 'Mairie de Lyon', 'Mairie de Lyon'],
    ['an array', [{ name: '' }, { '@type': 'Organization', legalName: 'SAS Exemple' }], 'SAS Exemple'],
    ['an @value', { name: { '@value': 'Région Bretagne' } }, 'Région Bretagne'],
  ])('reads hiringOrganization given as %s', (_shape, hiringOrganization, name) => {
    expect(read(JSON.stringify({ ...posting, hiringOrganization })).organization?.value).toBe(name);
  });

  it('follows an @id reference to the organization', () => {
    const graph = {
      '@graph': [
        { '@type': 'Organization', '@id': '#org', name: 'Atelier' },
        { ...posting, hiringOrganization: { '@id': '#org' } },
      ],
    };
    expect(read(JSON.stringify(graph)).organization?.value).toBe('Atelier');
  });

  it.each([
    ['INTERN', 'INTERN', 'stage'],
    ['TEMPORARY', 'TEMPORARY', 'CDD'],
    [['CDI', 'FULL_TIME'], 'CDI, FULL_TIME', 'CDI'],
    ['Stage', 'Stage', 'stage'],
    ['VOLUNTEER', 'VOLUNTEER', 'autre'],
  ])('employmentType %j → %j, %j', (employmentType, raw, kind) => {
    const found = read(JSON.stringify({ ...posting, employmentType }));
    expect([found.contractRaw?.value, found.contract?.value]).toEqual([raw, kind]);
  });

  it('says nothing of the contract when employmentType only gives working hours', () => {
    const found = read(JSON.stringify({ ...posting, employmentType: 'FULL_TIME' }));
    expect(found.contract).toBeUndefined();
    expect(found.contractRaw).toBeUndefined();
  });

  it.each([
    [{ jobLocationType: 'TELECOMMUTE' }, 'full'],
    [{ jobLocationType: ['TELECOMMUTE'], jobLocation: { '@type': 'Place', address: 'Nantes' } }, 'partial'],
    [{ jobLocation: { '@type': 'Place', address: 'Nantes' } }, undefined],
  ])('remote from %j → %s', (fields, remote) => {
    expect(read(JSON.stringify({ ...posting, ...fields })).remote?.value).toBe(remote);
  });

  it('names the required country of a remote job when no place is given', () => {
    const found = read(
      JSON.stringify({
        ...posting,
        jobLocationType: 'TELECOMMUTE',
        applicantLocationRequirements: { '@type': 'Country', name: 'France' },
      }),
    );
    expect(found.location?.value).toBe('France');
  });

  it('falls back on name for the title, and only takes web addresses to apply', () => {
    const found = read(
      JSON.stringify({ '@type': 'JobPosting', name: 'Data analyst', directApply: true, url: 'javascript:alert(1)' }),
    );
    expect(found.title?.value).toBe('Data analyst');
    expect(found.applyUrl).toBeUndefined();
  });

  it('reads an ApplyAction target, relative to the page', () => {
    const found = read(
      JSON.stringify({
        ...posting,
        potentialAction: { '@type': 'ApplyAction', target: { '@type': 'EntryPoint', urlTemplate: '/apply/42' } },
      }),
    );
    expect(found.applyUrl?.value).toBe('https://jobs.example.org/apply/42');
  });

  it('never throws on odd values', () => {
    const odd = {
      '@type': 'JobPosting',
      title: ['', 42],
      hiringOrganization: [null, 3],
      datePosted: {},
      validThrough: [],
      jobLocation: [[]],
      employmentType: { x: 1 },
      applicationContact: 'rh',
      description: 7,
    };
    expect(() => read(JSON.stringify(odd))).not.toThrow();
    expect(read(JSON.stringify(odd)).title?.value).toBe('42');
  });
});

describe('htmlToText and decodeEntities', () => {
  it.each([
    ['<p>Un</p><p>Deux</p>', 'Un\nDeux'],
    ['Salaire &lt; 40 k€ &amp; tickets', 'Salaire < 40 k€ & tickets'],
    ['&lt;p&gt;Double &amp;eacute;chappement&lt;/p&gt;', 'Double échappement'],
    ['<img src=x onerror=alert(1)>Bonjour', 'Bonjour'],
    ['<script>alert(1)</script><style>p{}</style>Texte', 'Texte'],
    ['a <b>gras</b>, <i>italique</i>', 'a gras, italique'],
    ['&#233;t&#xE9; &nbsp;&rsquo;&inconnu;', 'été ’&inconnu;'],
  ])('%j → %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it('leaves no markup, however deeply escaped', () => {
    const text = htmlToText('&amp;amp;lt;script&amp;amp;gt;alert(1)&amp;amp;lt;/script&amp;amp;gt;');
    expect(text).not.toMatch(/<[a-z/!?]/i);
  });

  it('decodes code points safely', () => {
    expect(decodeEntities('&#0;&#xD800;&#x1F600;')).toBe('  😀');
  });

  it('parseLenient returns undefined rather than throwing', () => {
    expect(parseLenient('{')).toBeUndefined();
    expect(parseLenient('[1,]')).toEqual([1]);
  });
});
