/**
 * The extractor on pages built to hurt it (issue 6): scripts and `<img onerror>` in titles, markup
 * in JSON-LD and page data, broken JSON, right-to-left and zero-width characters, dates that do
 * not exist, 5 MB pages, 10,000 nested elements, 1,000 JSON-LD blocks. Whatever the page:
 *
 * 1. `extract` never throws;
 * 2. it never hangs: each page's extraction ends within HANG_GUARD_MS (a guard against runaway
 *    work, not a timing goal: a read takes milliseconds, `npm run bench` measures it). Parsing
 *    the HTML is the browser's work and is left out of the timed section;
 * 3. the offer it returns, if any, passes the `Offer` schema the background validates with;
 * 4. every string of that offer is text, never markup: none holds a tag opener (`<` followed by a
 *    letter, `/`, `!` or `?`, see ./payloads.ts). The words stay; `<img` becomes `< img`.
 *
 * How the panel and the popup show such values (as text, no link to `javascript:`) is tested
 * beside this file; the same pages at full size in Chromium are in tests/e2e/hostile.e2e.test.ts.
 * Random small trees are the older tests/unit/extract/never-throws.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract } from '../../../lib/extract';
import { Offer } from '../../../lib/offer';
import { parseHtml } from '../../support/load-page';
import { escapeHtml, HOSTILE_TEXTS, hostileText, markupIn } from './payloads';

const HANG_GUARD_MS = 2000;
const TEST_TIMEOUT_MS = 60_000;
const NOW = new Date('2026-01-15T10:00:00Z');

const GENERIC_URL = 'https://jobs.example.org/offres/42';
const INCUBATEUR_URL = 'https://incubateur.anct.gouv.fr/recrutements/equipe-role-0123456789abcdef/';
const BETA_URL = 'https://beta.gouv.fr/recrutement/2026/01/02/role.html';
const URLS = [GENERIC_URL, INCUBATEUR_URL, BETA_URL] as const;

interface Checked {
  isPosting: boolean;
  offer: Offer | null;
}

/** Parses `html` at `url`, extracts (timed), and checks the four promises above. */
function extractChecked(html: string, url: string, force = false): Checked {
  const document = parseHtml(html, url);
  const started = performance.now();
  const result = extract({ document, url: new URL(url), now: NOW }, { force });
  const elapsed = performance.now() - started;
  expect(elapsed, `extraction of a ${html.length}-character page`).toBeLessThan(HANG_GUARD_MS);
  if (result.offer) {
    const parsed = Offer.safeParse(result.offer);
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues[0])).toBe(true);
    expect(markupIn(result.offer)).toEqual([]);
  }
  return result;
}

// ——— where a hostile page puts its values ———

/** JSON as it appears inside `<script>`: `</script>` in a string must not end the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}

function jobPosting(text: string): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: text,
    hiringOrganization: { '@type': 'Organization', name: text },
    datePosted: text,
    validThrough: text,
    employmentType: text,
    description: `<p>${text}</p><script>alert(1)</script>`,
    jobLocation: { '@type': 'Place', address: { addressLocality: text } },
    applicationContact: { '@type': 'ContactPoint', email: text, url: text, name: text },
    url: text,
    directApply: true,
  };
}

/** One way to put a text in a page: the HTML of the `<head>` and of the `<body>` it adds. */
type Placement = (text: string) => { head?: string; body?: string };

const PLACEMENTS: Record<string, Placement> = {
  // <title> is raw text to the HTML parser: tags inside it are its text.
  title: (text) => ({ head: `<title>${text}</title>` }),
  openGraph: (text) => ({ head: `<meta property="og:title" content="${escapeHtml(text)}">` }),
  headingAsMarkup: (text) => ({ body: `<h1>Poste ${text}<script>alert(1)</script><img src=x onerror=alert(1)></h1>` }),
  headingAsText: (text) => ({ body: `<h1>${escapeHtml(text)}</h1>` }),
  jsonLd: (text) => ({ body: `<script type="application/ld+json">${scriptJson(jobPosting(text))}</script>` }),
  // Not escaped: `</script>` inside the JSON ends the element, as on a careless page.
  jsonLdRaw: (text) => ({ body: `<script type="application/ld+json">${JSON.stringify(jobPosting(text))}</script>` }),
  jsonLdBroken: (text) => ({
    body: `<script type="application/ld+json">${scriptJson(jobPosting(text)).slice(0, 60)}</script>`,
  }),
  microdata: (text) => ({
    body: `<div itemscope itemtype="https://schema.org/JobPosting"><h2 itemprop="title">${text}</h2>
      <span itemprop="validThrough">${escapeHtml(text)}</span><a itemprop="url" href="${escapeHtml(text)}">x</a>
      <div itemprop="hiringOrganization" itemscope><span itemprop="name">${text}</span></div></div>`,
  }),
  // The incubateur's layout and the page data its adapter reads.
  incubateurPage: (text) => ({
    body: `<div class="job"><div class="page-title"><h2>${text} recrute :</h2><h1>${text}</h1></div>
      <div class="notice-pourvu">${escapeHtml(text)}</div>
      <div class="page-content"><p>${text}</p><a class="button" href="${escapeHtml(text)}">Postuler</a></div></div>
      <script>window.__INITIAL_STATE__=${scriptJson({
        data: {
          job: { role: text, equipe: text, contrat: text, contact: text, poste_ferme: text, poste_pourvu: text },
        },
      })}</script>`,
  }),
  closingPhrase: (text) => ({
    body: `<main><p>Date limite de candidature : ${escapeHtml(text)}</p><p>Contrat : ${text}</p>
      <p>Écrire à <a href="mailto:${escapeHtml(text)}">${text}</a></p></main>`,
  }),
};
const PLACEMENT_NAMES = Object.keys(PLACEMENTS);

function pageWith(placements: readonly string[], texts: readonly string[]): string {
  const head: string[] = [];
  const body: string[] = [];
  placements.forEach((name, index) => {
    const place = PLACEMENTS[name];
    const text = texts[index % texts.length] ?? '';
    if (!place) return;
    const part = place(text);
    if (part.head) head.push(part.head);
    if (part.body) body.push(part.body);
  });
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8">${head.join('')}</head><body>${body.join('\n')}</body></html>`;
}

const hostilePage = fc.record({
  url: fc.constantFrom(...URLS),
  placements: fc.subarray(PLACEMENT_NAMES, { minLength: 1 }),
  texts: fc.array(hostileText, { minLength: 1, maxLength: 5 }),
  force: fc.boolean(),
});

describe('the extractor on hostile values, wherever the page puts them', () => {
  it(
    'never throws, ends in time, and returns schema-valid offers that hold text only',
    () => {
      fc.assert(
        fc.property(hostilePage, ({ url, placements, texts, force }) => {
          extractChecked(pageWith(placements, texts), url, force);
        }),
        { numRuns: 150 },
      );
    },
    TEST_TIMEOUT_MS,
  );

  it('keeps the words of markup a page shows as text, made inert', () => {
    const html = pageWith(['headingAsText'], ['<img src=x onerror=alert(1)>Développeur·se']);
    const { offer } = extractChecked(html, GENERIC_URL, true);
    expect(offer?.title).toBe('< img src=x onerror=alert(1)>Développeur·se');
  });

  it('reads a title written with markup as its text, without the markup or the script', () => {
    const html = pageWith(['headingAsMarkup'], ['<b>Designer</b> <img src=x onerror=alert(2)>']);
    const { offer } = extractChecked(html, GENERIC_URL, true);
    expect(offer?.title).toMatch(/^Poste Designer/);
    expect(offer?.title).not.toMatch(/onerror|<img|<script/);
  });

  it('turns the HTML of JSON-LD strings into text', () => {
    const posting = {
      '@type': 'JobPosting',
      title: '<img src=x onerror=alert(1)><b>Chef·fe de projet</b>',
      hiringOrganization: { name: '&lt;script&gt;alert(1)&lt;/script&gt;DINUM' },
      description: '<p>Missions</p><script>alert(1)</script><p>Profil</p>',
    };
    const html = `<html><body><script type="application/ld+json">${scriptJson(posting)}</script></body></html>`;
    const { isPosting, offer } = extractChecked(html, GENERIC_URL);
    expect(isPosting).toBe(true);
    expect(offer?.title).toBe('Chef·fe de projet');
    expect(offer?.organization).toContain('DINUM');
    expect(offer?.description).toBe('Missions Profil');
  });

  it.each([
    [
      'JSON-LD',
      `<script type="application/ld+json">${scriptJson({ '@type': 'JobPosting', title: 'Dev', validThrough: '31/02/2026' })}</script>`,
    ],
    [
      'JSON-LD, ISO',
      `<script type="application/ld+json">${scriptJson({ '@type': 'JobPosting', title: 'Dev', validThrough: '2026-02-31' })}</script>`,
    ],
    ['text', '<h1>Dev</h1><p>Date limite de candidature : 31/02/2026</p><p>Candidatures avant le 31 février 2026.</p>'],
  ])('reads no closing date from a day that does not exist (%s)', (_where, body) => {
    const { offer } = extractChecked(`<html><body>${body}</body></html>`, GENERIC_URL, true);
    expect(offer).not.toBeNull();
    expect(offer?.closesAt).toBeNull();
  });

  it('keeps right-to-left and zero-width characters as text, never as a way to hide markup', () => {
    const title = '\u202e<img src=x onerror=alert(1)>\u202c \u2067مطور\u2069 \u200b<\u200bscript>';
    const { offer } = extractChecked(pageWith(['headingAsText'], [title]), GENERIC_URL, true);
    expect(offer?.title).toContain('مطور');
    expect(offer?.title).toContain('\u202e');
  });
});

// ——— pages built for size ———

/** Text of about `size` characters, hostile texts and date-like words spread through it. */
function bulkText(size: number, texts: readonly string[]): string {
  const sentence = `Date limite : 31/02/2026. ${texts.map(escapeHtml).join(' ')} — CDD de 3 ans, écrire à rh@exemple.fr. `;
  return sentence.repeat(Math.ceil(size / sentence.length));
}

const heavyRun = { numRuns: 3, endOnFailure: true };
const someTexts = fc.array(fc.constantFrom(...HOSTILE_TEXTS), { minLength: 1, maxLength: 3 });

describe('the extractor on very large pages', () => {
  it(
    'reads a 5 MB posting body within the guard',
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...URLS), someTexts, (url, texts) => {
          const body = bulkText(5_000_000, texts);
          const posting = `<script type="application/ld+json">${scriptJson(jobPosting(texts[0] ?? 'Dev'))}</script>`;
          const html = `<html><head><title>${texts.join(' ')}</title></head><body>${posting}
            <div class="job"><div class="page-title"><h2>Équipe recrute :</h2><h1>${texts.join(' ')}</h1></div>
            <div class="page-content"><p>${body}</p></div></div></body></html>`;
          expect(html.length).toBeGreaterThan(5_000_000);
          extractChecked(html, url, true);
        }),
        heavyRun,
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'reads a 5 MB posting body of long words with no address in them within the guard',
    () => {
      // Long runs of letters are where a careless e-mail pattern backtracks: each costs its square.
      fc.assert(
        fc.property(fc.constantFrom(...URLS), fc.integer({ min: 200, max: 2000 }), (url, wordLength) => {
          const words = `${'x'.repeat(wordLength)} `.repeat(Math.ceil(5_000_000 / (wordLength + 1)));
          const html = `<html><body><div class="job"><div class="page-title"><h2>Équipe recrute :</h2><h1>Poste</h1></div>
            <div class="page-content"><p>${words}</p></div></div><main><p>${words}</p></main></body></html>`;
          extractChecked(html, url, true);
        }),
        heavyRun,
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'reads 2 MB of the character runs patterns backtrack on within the guard',
    () => {
      const runs = fc.constantFrom(
        '1'.repeat(3000),
        '.'.repeat(3000),
        '@'.repeat(3000),
        'a@'.repeat(1500),
        `x@${'a.'.repeat(1500)}`,
        '31/'.repeat(1000),
        '<'.repeat(3000),
        ' \u00a0\u200b'.repeat(1000),
        'Date limite : '.repeat(300),
        '+33 '.repeat(700),
        '[at]'.repeat(700),
        '31 février '.repeat(300),
        'Tél. : '.repeat(400),
      );
      fc.assert(
        fc.property(fc.constantFrom(...URLS), runs, (url, run) => {
          const body = `${run} `.repeat(Math.ceil(1_000_000 / (run.length + 1)));
          const html = `<html><body><div class="job"><div class="page-title"><h2>É recrute :</h2><h1>Poste</h1></div>
            <div class="page-content"><p>${escapeHtml(body)}</p></div></div><main><h1>Poste</h1><p>${escapeHtml(body)}</p></main></body></html>`;
          extractChecked(html, url, true);
        }),
        { numRuns: 6, endOnFailure: true },
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'skips a 5 MB JSON-LD block, a 5 MB attribute and a 5 MB page-data script within the guard',
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...URLS), someTexts, (url, texts) => {
          const huge = bulkText(5_000_000, texts);
          const html = `<html><head><meta property="og:title" content="${huge}"></head><body>
            <script type="application/ld+json">${scriptJson({ '@type': 'JobPosting', title: texts[0], description: huge })}</script>
            <div class="job"><div class="page-title"><h2>É recrute :</h2><h1>R</h1></div><div class="page-content"></div></div>
            <script>window.__INITIAL_STATE__={"data":{"job":{"role":"R","contrat":"${'{['.repeat(2_500_000)}</script></body></html>`;
          extractChecked(html, url, true);
        }),
        heavyRun,
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'reads a posting under 10,000 nested elements within the guard',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...URLS),
          someTexts,
          fc.constantFrom('div', 'span', 'a', 'li'),
          (url, texts, tag) => {
            const open = `<${tag} class="job page-content">`.repeat(10_000);
            const close = `</${tag}>`.repeat(10_000);
            const html = `<html><body>${open}<h1>${texts.join(' ')}</h1><p>Date limite : 31/02/2026</p>${close}
            <h1>${'<span>'.repeat(10_000)}${texts.join(' ')}</h1></body></html>`;
            extractChecked(html, url, true);
          },
        ),
        { numRuns: 2, endOnFailure: true },
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'reads 1,000 JSON-LD blocks — copies, different postings, broken ones — within the guard',
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...URLS), someTexts, fc.nat(999), (url, texts, pageIndex) => {
          const blocks = Array.from({ length: 1000 }, (_, index) => {
            const text = texts[index % texts.length] ?? '';
            const posting = { ...jobPosting(text), title: `${text} ${index % 3}`, url: `${GENERIC_URL}?p=${index}` };
            if (index % 5 === 0) return scriptJson(posting).slice(0, 80); // broken
            if (index % 5 === 1) return `${scriptJson({ '@graph': [posting, { '@id': `#o${index}` }] })},`; // trailing comma
            return scriptJson(posting);
          });
          const html = `<html><body>${blocks.map((json) => `<script type="application/ld+json">${json}</script>`).join('\n')}</body></html>`;
          // As the address of one of the postings, and as any other page, forced or not.
          extractChecked(html, `${GENERIC_URL}?p=${pageIndex}`, false);
          extractChecked(html, url, true);
        }),
        heavyRun,
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'reads thousands of date-like words, e-mail links and microdata properties within the guard',
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...URLS), someTexts, (url, texts) => {
          const text = escapeHtml(texts.join(' '));
          const links = `<p>avant le 31/02/2026 <a href="mailto:${text}">${text}</a> <time datetime="2026-02-31">${text}</time></p>`;
          const properties = `<span itemprop="validThrough">${text}</span><span itemprop="title">${text}</span>`;
          const html = `<html><body><main><h1>${text}</h1>${links.repeat(2000)}</main>
            <div itemscope itemtype="https://schema.org/JobPosting">${properties.repeat(2000)}</div></body></html>`;
          extractChecked(html, url, true);
        }),
        { numRuns: 2, endOnFailure: true },
      );
    },
    TEST_TIMEOUT_MS,
  );
});
