/**
 * A hostile page in the real browser (issue 6). Our own page tests/fixtures/hostile/
 * incubateur-posting.html, served at incubateur addresses so the posting reader runs on it, holds
 * markup, script, `javascript:` links, right-to-left and zero-width characters and impossible dates
 * in every value Postulo reads, and gives its own scripts the ways a page has to get at an
 * extension. Its scripts run in the page's world (the test calls them there, as the page could):
 *
 * - messages in Postulo's shapes through `window.postMessage`, DOM events, and
 *   `chrome.runtime.sendMessage(<our id>)` (no `externally_connectable`: a page cannot reach us)
 *   → nothing is saved;
 * - the page never learns our extension id (it would let it aim at us);
 * - a click on the panel's save button dispatched by the page's script (the shadow root is open)
 *   is not the candidate's: nothing is saved;
 * - the values show as text in the panel and the popup, nothing runs, no `javascript:` link; the
 *   candidate's own click saves a whole, schema-valid, inert record.
 *
 * And the extractor itself, bundled and run in Chromium on pages a unit test's DOM cannot hold at
 * full size (5 MB of elements, 10,000 nested elements, 1,000 JSON-LD blocks): each read ends under
 * the hang guard, and returns a schema-valid offer made of text.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Offer } from '../../lib/offer';
import { SavedOffer } from '../../lib/saved-offer';
import { escapeHtml, HOSTILE_TEXTS, markupIn } from '../unit/hostile/payloads';
import { type ExtensionBrowser, launchBrowser, missingPrerequisite, openPage, servePage } from './support/browser';
import { readTable } from './support/database';
import { readOwnFixture } from './support/fixtures';
import { panel, screenshot } from './support/panel';

const POSTING = 'https://incubateur.anct.gouv.fr/recrutements/equipe-hostile-developpeur-se-front-end-';
/** The same page at three addresses, so each test has an offer of its own. */
const ATTACKED_URL = `${POSTING}0123456789abcdef0123456789abcdef/`;
const SAVED_URL = `${POSTING}fedcba9876543210fedcba9876543210/`;
const HEAVY_URL = `${POSTING}00112233445566778899aabbccddeeff/`;
const FORGED_ID = 'https://incubateur.anct.gouv.fr/recrutements/offre-forgee-0123456789abcdef';
const EXTRACTOR_HOST = 'https://extractor.postulo.invalid/';

const HANG_GUARD_MS = 2000;
const WAIT_FOR_A_SAVE_MS = 1500;

const missing = missingPrerequisite();
if (missing) console.warn(`browser tests skipped: ${missing}`);

interface HostileReport {
  messages: string[];
  leakedIds: string[];
  runtime: string[];
}

function idOf(row: unknown): string {
  return typeof row === 'object' && row !== null ? String(Reflect.get(row, 'id')) : '';
}

/** What, in the panel's shadow root, would betray a value turned into markup. */
function panelLiveMarkup(page: Page): Promise<string[]> {
  return page.locator('postulo-panel').evaluate((host) => {
    const root = host.shadowRoot;
    if (!root) return ['no shadow root'];
    const found: string[] = [];
    for (const element of Array.from(root.querySelectorAll('*'))) {
      const tag = element.tagName.toLowerCase();
      if (['script', 'img', 'iframe', 'svg', 'object', 'embed'].includes(tag)) found.push(`<${tag}>`);
      for (const attribute of Array.from(element.attributes)) {
        if (attribute.name.startsWith('on')) found.push(`${tag}[${attribute.name}]`);
      }
      const href = element.getAttribute('href');
      if (href !== null && !/^(?:https?:|mailto:)/i.test(href)) found.push(`${tag} → ${href}`);
    }
    return found;
  });
}

describe.skipIf(missing !== null)('a hostile page', () => {
  let browser: ExtensionBrowser;
  let extensionPage: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    const html = readOwnFixture('hostile/incubateur-posting.html');
    await servePage(browser.context, ATTACKED_URL, html);
    await servePage(browser.context, SAVED_URL, html);
    extensionPage = await browser.context.newPage();
    await extensionPage.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function openAttackedPage(): Promise<Page> {
    const page = await openPage(browser.context, ATTACKED_URL);
    await panel(page).getByRole('button', { name: "Enregistrer l'offre" }).waitFor({ timeout: 15_000 });
    return page;
  }

  const report = (page: Page) =>
    page.evaluate(() => Reflect.get(window, '__hostileReport') as HostileReport | undefined);

  it('cannot reach the background with messages of our shapes, whatever way it sends them', async () => {
    const page = await openAttackedPage();
    await page.evaluate((id) => {
      const forge = Reflect.get(window, '__hostileForgeMessages') as (ids: string[]) => void;
      forge([id]);
    }, browser.extensionId);
    await page.waitForTimeout(WAIT_FOR_A_SAVE_MS);

    const { runtime } = (await report(page)) ?? { runtime: [] };
    expect(runtime.length).toBeGreaterThan(0);
    expect(runtime.filter((attempt) => attempt.startsWith('answered'))).toEqual([]);
    expect((await readTable(extensionPage, 'offers')).map(idOf)).toEqual([]);
    expect(await panel(page).getByRole('button', { name: "Enregistrer l'offre" }).count()).toBe(1);
    await page.close();
  });

  it('never learns our extension id', async () => {
    const page = await openAttackedPage();
    const seen = (await report(page)) ?? { messages: [], leakedIds: [] };
    expect(seen.leakedIds).not.toContain(browser.extensionId);
    expect(seen.messages.filter((message) => message.includes(browser.extensionId))).toEqual([]);
    await page.close();
  });

  it("cannot save by clicking the panel's button from its own script", async () => {
    const page = await openAttackedPage();
    const clicked = await page.evaluate(() => (Reflect.get(window, '__hostileClickSave') as () => boolean)());
    expect(clicked).toBe(true);
    await page.waitForTimeout(WAIT_FOR_A_SAVE_MS);

    expect(
      (await readTable(extensionPage, 'offers')).map(idOf).filter((id) => id !== SAVED_URL.replace(/\/$/, '')),
    ).toEqual([]);
    expect(await panel(page).getByRole('button', { name: "Enregistrer l'offre" }).count()).toBe(1);
    await page.close();
  });

  it("shows its values as text; the candidate's own click saves a whole, inert record", async () => {
    const dialogs: string[] = [];
    const page = await openPage(browser.context, SAVED_URL);
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const save = panel(page).getByRole('button', { name: "Enregistrer l'offre" });
    await save.waitFor({ timeout: 15_000 });

    expect(await panelLiveMarkup(page)).toEqual([]);
    const role = await panel(page).locator('.role').textContent();
    expect(role).toContain('onerror=');
    expect(role).toContain('Développeur·se');
    expect(
      await panel(page)
        .getByRole('link', { name: /Postuler/ })
        .count(),
    ).toBe(0);
    await screenshot(page, 'hostile-panel');

    await save.click();
    await expect.poll(() => panel(page).locator('.saved').textContent(), { timeout: 10_000 }).toContain('Enregistrée');

    const rows = await readTable(extensionPage, 'offers');
    const stored = rows.find((row) => idOf(row) === SAVED_URL.replace(/\/$/, ''));
    const parsed = SavedOffer.safeParse(stored);
    expect(parsed.success).toBe(true);
    if (parsed.success) {
      expect(markupIn(parsed.data.page)).toEqual([]);
      expect(parsed.data.page.closesAt).toBe('2099-06-30');
      expect(parsed.data.page.applyUrl).toBeNull();
    }
    expect(rows.map(idOf)).not.toContain(FORGED_ID);

    // The popup shows the same record as text.
    const popup = await browser.context.newPage();
    popup.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?offer=${encodeURIComponent(idOf(stored))}`);
    const heading = popup.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.textContent(), { timeout: 10_000 }).toContain('onerror=');
    expect(
      await popup.locator('img, iframe, svg, object, embed, [onerror], [onclick], [onload], [onmouseover]').count(),
    ).toBe(0);
    const hrefs = await popup.locator('a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    for (const href of hrefs) expect(href).toMatch(/^(?:https?:|mailto:|tel:|chrome-extension:)/);
    await screenshot(popup, 'hostile-popup-detail');

    for (const world of [page, popup]) {
      expect(await world.evaluate(() => Reflect.get(window, '__postuloPwned') ?? null)).toBeNull();
    }
    expect(dialogs).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('stays usable on a 5 MB posting: the panel comes, the page answers', async () => {
    const fixture = readOwnFixture('hostile/incubateur-posting.html');
    const paragraph = `<p>Date limite : 31/02/2026. ${HOSTILE_TEXTS.map(escapeHtml).join(' ')} <a href="mailto:rh@exemple.fr">écrire</a></p>\n`;
    const bulk = paragraph.repeat(Math.ceil(5_000_000 / paragraph.length));
    const html = fixture.replace('<div class="page-content">', `<div class="page-content">${bulk}`);
    expect(html.length).toBeGreaterThan(5_000_000);
    await servePage(browser.context, HEAVY_URL, html);

    const page = await openPage(browser.context, HEAVY_URL);
    await panel(page).getByRole('button', { name: "Enregistrer l'offre" }).waitFor({ timeout: 30_000 });
    const started = Date.now();
    expect(await page.evaluate(() => document.querySelectorAll('p').length)).toBeGreaterThan(1000);
    expect(Date.now() - started).toBeLessThan(HANG_GUARD_MS);
    expect(await panelLiveMarkup(page)).toEqual([]);
    await page.close();
  });
});

// ——— the extractor alone, in Chromium, on pages too large for the unit tests' DOM ———

/** lib/extract as one classic script that sets `postuloExtract` on the page's global object. */
async function bundleExtractor(): Promise<string> {
  const result = await build({
    stdin: {
      contents: "import { extract } from './lib/extract'; globalThis.postuloExtract = extract;",
      resolveDir: resolve(import.meta.dirname, '../..'),
      loader: 'ts',
      sourcefile: 'hostile-extractor-entry.ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no bundle');
  return output.text;
}

function scriptJson(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}

function posting(text: string, index = 0): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: `${text} ${index}`,
    hiringOrganization: { name: text },
    validThrough: '31/02/2026',
    employmentType: text,
    description: `<p>${text}</p><script>alert(1)</script>`,
    applicationContact: { email: text, url: 'javascript:alert(1)' },
    url: `https://jobs.example.org/offres/${index}`,
  };
}

const HOSTILE_LINE = HOSTILE_TEXTS.join(' ');
const HEAVY_PAGES: ReadonlyArray<{ name: string; url: string; html: () => string }> = [
  {
    name: '5 MB of paragraphs, links and dates',
    url: 'https://jobs.example.org/offres/1',
    html: () => {
      const paragraph = `<p class="job">Date limite : 31/02/2026 <time datetime="2026-02-31">${escapeHtml(HOSTILE_LINE)}</time> <a href="mailto:rh@exemple.fr">${HOSTILE_LINE}</a></p>\n`;
      return `<html><head><title>${HOSTILE_LINE}</title></head><body><main><h1>${HOSTILE_LINE}</h1>${paragraph.repeat(Math.ceil(5_000_000 / paragraph.length))}</main></body></html>`;
    },
  },
  {
    name: '5 MB of list items on the incubateur',
    url: 'https://incubateur.anct.gouv.fr/recrutements/equipe-role-0123456789abcdef/',
    html: () => {
      const item = `<li><a href="/recrutements/x/">${HOSTILE_LINE}</a> contrat CDD, avant le 31 février 2026</li>`;
      return `<html><body><div class="job"><div class="page-title"><h2>${HOSTILE_LINE} recrute :</h2><h1>${HOSTILE_LINE}</h1></div><div class="page-content"><ul>${item.repeat(Math.ceil(5_000_000 / item.length))}</ul></div></div></body></html>`;
    },
  },
  {
    name: '10,000 nested elements',
    url: 'https://beta.gouv.fr/recrutement/2026/01/02/role.html',
    html: () =>
      `<html><body>${'<div class="job">'.repeat(10_000)}<h1>${HOSTILE_LINE}</h1><p>Date limite : 31/02/2026</p>${'</div>'.repeat(10_000)}<h1>${'<span>'.repeat(10_000)}${HOSTILE_LINE}</h1></body></html>`,
  },
  {
    name: '1,000 JSON-LD blocks, a fifth of them broken',
    url: 'https://jobs.example.org/offres/3',
    html: () => {
      const blocks = Array.from({ length: 1000 }, (_, index) => {
        const json = scriptJson(posting(HOSTILE_TEXTS[index % HOSTILE_TEXTS.length] ?? '', index % 7));
        return `<script type="application/ld+json">${index % 5 === 0 ? json.slice(0, 90) : json}</script>`;
      });
      return `<html><body>${blocks.join('\n')}</body></html>`;
    },
  },
  {
    name: 'a 5 MB JSON-LD block and a 5 MB attribute',
    url: 'https://jobs.example.org/offres/4',
    html: () => {
      const huge = escapeHtml(HOSTILE_LINE).repeat(Math.ceil(5_000_000 / HOSTILE_LINE.length));
      return `<html><head><meta property="og:title" content="${huge}"></head><body><script type="application/ld+json">${scriptJson({ ...posting(HOSTILE_LINE), description: huge })}</script></body></html>`;
    },
  },
];

describe.skipIf(missing !== null)('the extractor in Chromium on very large hostile pages', () => {
  let browser: ExtensionBrowser;
  let host: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    await servePage(browser.context, EXTRACTOR_HOST, '<!doctype html><title>extractor</title>');
    host = await openPage(browser.context, EXTRACTOR_HOST);
    await host.addScriptTag({ content: await bundleExtractor() });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each(HEAVY_PAGES)('$name: ends under the guard, schema-valid, text only', async ({ url, html }) => {
    const source = html();
    const result = await host.evaluate(
      ({ source, url }) => {
        type Extract = (
          page: { document: Document; url: URL; now: Date },
          options: { force: boolean },
        ) => { isPosting: boolean; offer: unknown };
        const extract = Reflect.get(globalThis, 'postuloExtract') as Extract;
        const document = new DOMParser().parseFromString(source, 'text/html');
        const times: number[] = [];
        let offer: unknown = null;
        for (const force of [false, true]) {
          const started = performance.now();
          offer = extract({ document, url: new URL(url), now: new Date('2026-01-15T10:00:00Z') }, { force }).offer;
          times.push(performance.now() - started);
        }
        return { times, offer };
      },
      { source, url },
    );
    for (const time of result.times) expect(time).toBeLessThan(HANG_GUARD_MS);
    expect(result.offer).not.toBeNull();
    const parsed = Offer.safeParse(result.offer);
    expect(parsed.success).toBe(true);
    expect(markupIn(result.offer)).toEqual([]);
  });
});
