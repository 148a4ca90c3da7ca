/**
 * The posting reader on the project's own small pages: always runs, with or without the shared
 * real pages. The background injects it once the tab has loaded: nothing of Postulo runs in the
 * page before (no isolated world of ours exists then), a page whose load never ends still gets it
 * after 5 s, and a second injection into the same document changes nothing.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser as extensionApi } from 'wxt/browser';
import {
  type ExtensionBrowser,
  holdRequests,
  launchBrowser,
  missingPrerequisite,
  openPage,
  servePage,
  watchOurWorlds,
} from './support/browser';
import { readOwnFixture } from './support/fixtures';
import { panel, panelField, postuloHosts, screenshot, settle } from './support/panel';

const POSTING_URL =
  'https://incubateur.anct.gouv.fr/recrutements/equipe-test-developpeur-se-front-end-0123456789abcdef0123456789abcdef/';
const LISTING_URL = 'https://incubateur.anct.gouv.fr/recrutements/pourvues/';
/** The same posting with an image at the end of its body, which the tests answer late or never. */
const SLOW_ID = '00112233445566778899aabbccddeeff';
const STUCK_ID = 'ffeeddccbbaa99887766554433221100';
const slowPostingUrl = (id: string) =>
  `https://incubateur.anct.gouv.fr/recrutements/equipe-test-developpeur-se-front-end-${id}/`;
function withSlowImage(html: string, id: string): string {
  return html.replace('</body>', `<img src="/slow-image-${id}.png" alt=""></body>`);
}

/** What Postulo's isolated world of a tab holds: the posting reader's handoff to the panel script. */
interface HandoffProbe {
  handoff: string;
  panelScriptRan: boolean;
}

/**
 * From the background, as `showPanel` does: runs the panel script again in the tab showing `url`
 * (`inject`), then looks at the handoff in our isolated world, where the posting reader runs.
 */
async function probeTab(browser: ExtensionBrowser, url: string, inject: boolean): Promise<HandoffProbe> {
  return browser.serviceWorker.evaluate(
    async ({ url, inject }) => {
      const api = (globalThis as unknown as { chrome: typeof extensionApi }).chrome;
      const [tab] = await api.tabs.query({ url });
      if (tab?.id === undefined) throw new Error(`no tab at ${url}`);
      if (inject) await api.scripting.executeScript({ target: { tabId: tab.id }, files: ['/panel.js'] });
      const [probe] = await api.scripting.executeScript({
        target: { tabId: tab.id },
        func: () => {
          const handoff: unknown = Reflect.get(globalThis, '__postuloPage');
          const refresh: unknown = typeof handoff === 'object' && handoff ? Reflect.get(handoff, 'refresh') : undefined;
          return { handoff: typeof handoff, panelScriptRan: typeof refresh === 'function' };
        },
      });
      return probe?.result as HandoffProbe;
    },
    { url, inject },
  );
}

const missing = missingPrerequisite();
if (missing) console.warn(`browser tests skipped: ${missing}`);

describe.skipIf(missing !== null)('posting reader on our own pages', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchBrowser();
    await servePage(browser.context, POSTING_URL, readOwnFixture('content/incubateur-posting.html'));
    await servePage(browser.context, LISTING_URL, readOwnFixture('listing/incubateur-pourvues.html'));
    for (const id of [SLOW_ID, STUCK_ID])
      await servePage(
        browser.context,
        slowPostingUrl(id),
        withSlowImage(readOwnFixture('content/incubateur-posting.html'), id),
      );
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the panel with the data the page hid in a self-removing script', async () => {
    const page = await openPage(browser.context, POSTING_URL);
    await expect.poll(() => panel(page).count()).toBe(1);

    // The page's own script did remove itself: contract, closing date and contact are nowhere in
    // the document, only in the page's own global, which the posting reader's world cannot see.
    expect(await page.evaluate(() => document.documentElement.outerHTML.includes('__INITIAL_STATE__'))).toBe(false);
    expect(await page.evaluate(() => typeof Reflect.get(window, '__INITIAL_STATE__'))).toBe('object');

    await expect.poll(() => panel(page).locator('.role').textContent()).toBe('Développeur·se front-end');
    expect(await panel(page).locator('.organization').textContent()).toBe('Équipe Test');
    expect(await panelField(page, 'Contrat').textContent()).toBe('CDD 3 ans (CDD)');
    expect(await panelField(page, 'Clôture').textContent()).toMatch(/^30\/06\/2099 · clôture dans \d+ j$/);
    expect(await panelField(page, 'Statut').textContent()).toBe('Ouverte');
    const contact = panel(page).getByRole('link', { name: 'recrutement@example.org' });
    expect(await contact.getAttribute('href')).toBe('mailto:recrutement@example.org');
    expect(
      await panel(page)
        .getByRole('link', { name: /Postuler/ })
        .getAttribute('href'),
    ).toMatch(/^https:\/\/airtable\.com\/embed\/shrInvented\?/);
    expect(await page.locator('postulo-panel').getAttribute('lang')).toBe('fr');
    await screenshot(page, 'own-posting-panel');
    await page.close();
  });

  it("is not restyled by the page's CSS and does not move the page", async () => {
    const page = await openPage(browser.context, POSTING_URL);
    await expect.poll(() => panel(page).count()).toBe(1);
    const styles = await panel(page)
      .locator('.role')
      .evaluate((element) => {
        const style = getComputedStyle(element);
        return { fontSize: style.fontSize, color: style.color };
      });
    expect(styles).toEqual({ fontSize: '16px', color: 'rgb(22, 22, 22)' });
    const box = await panel(page).boundingBox();
    expect(box).not.toBeNull();
    if (box) {
      // Bottom-right corner, inside the viewport, small.
      expect(box.x + box.width).toBeLessThanOrEqual(1280 - 8);
      expect(box.y + box.height).toBeLessThanOrEqual(800 - 8);
      expect(box.width).toBeLessThanOrEqual(340);
    }
    // The host takes no room: the page's content does not move.
    const hostBox = await page.locator('postulo-panel').evaluate((host) => {
      const rect = host.getBoundingClientRect();
      return { width: rect.width, height: rect.height };
    });
    expect(hostBox).toEqual({ width: 0, height: 0 });
    await page.close();
  });

  it('stays whole and usable at 200 % zoom', async () => {
    const page = await browser.context.newPage();
    // 200 % zoom of a 1280×800 window leaves 640×400 CSS pixels.
    await page.setViewportSize({ width: 640, height: 400 });
    await page.goto(POSTING_URL, { waitUntil: 'domcontentloaded' });
    await expect.poll(() => panel(page).count()).toBe(1);
    const box = await panel(page).boundingBox();
    expect(box).not.toBeNull();
    if (box) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(640);
      expect(box.y + box.height).toBeLessThanOrEqual(400);
    }
    // Taller than the room left: the panel scrolls, so the save button stays reachable.
    const save = panel(page).getByRole('button', { name: "Enregistrer l'offre" });
    await save.scrollIntoViewIfNeeded();
    expect(await save.isVisible()).toBe(true);
    await screenshot(page, 'own-posting-zoom-200');
    await page.close();
  });

  it('is usable from the keyboard: collapse with Escape, expand, close', async () => {
    const page = await openPage(browser.context, POSTING_URL);
    const save = panel(page).getByRole('button', { name: "Enregistrer l'offre" });
    await save.focus();
    await page.keyboard.press('Escape');
    const expand = page.getByRole('button', { name: 'Ouvrir le panneau Postulo' });
    await expect.poll(() => expand.evaluate((button) => button.matches(':focus-visible, :focus'))).toBe(true);
    await screenshot(page, 'own-posting-collapsed');
    await page.keyboard.press('Enter');
    await expect.poll(() => panel(page).count()).toBe(1);
    await panel(page).getByRole('button', { name: 'Fermer le panneau Postulo' }).click();
    await expect.poll(() => page.locator('postulo-panel').count()).toBe(0);
    await page.close();
  });

  it('shows nothing on a listing page', async () => {
    const page = await openPage(browser.context, LISTING_URL);
    await settle(page);
    expect(await page.locator('postulo-panel').count()).toBe(0);
    await page.close();
  });

  it('loads the panel script on postings only, and the page cannot see what it is handed', async () => {
    const listing = await openPage(browser.context, LISTING_URL);
    await settle(listing);
    expect(await probeTab(browser, LISTING_URL, false)).toEqual({ handoff: 'object', panelScriptRan: false });
    await listing.close();

    const posting = await openPage(browser.context, POSTING_URL);
    await expect.poll(() => panel(posting).count()).toBe(1);
    expect(await probeTab(browser, POSTING_URL, false)).toEqual({ handoff: 'object', panelScriptRan: true });
    // The page's own scripts live in another world: neither the reading nor the state texts read
    // from the page for the extension are there.
    expect(
      await posting.evaluate(() => ['__postuloPage', '__postuloCapturedScripts'].filter((key) => key in window)),
    ).toEqual([]);
    await posting.close();
  });

  it('hands the hidden data to a save from the popup or the keyboard (read-page)', async () => {
    const page = await openPage(browser.context, POSTING_URL);
    await expect.poll(() => panel(page).count()).toBe(1);
    // What the background does for « Enregistrer cette page » in the popup or Alt+Shift+S.
    const offer = await browser.serviceWorker.evaluate(async (url) => {
      const api = (globalThis as unknown as { chrome: typeof extensionApi }).chrome;
      const [tab] = await api.tabs.query({ url });
      if (tab?.id === undefined) throw new Error(`no tab at ${url}`);
      const [reading] = await api.scripting.executeScript({ target: { tabId: tab.id }, files: ['/read-page.js'] });
      const result = reading?.result as { offer?: { closesAt?: unknown; contract?: unknown } } | undefined;
      return { closesAt: result?.offer?.closesAt, contract: result?.offer?.contract };
    }, POSTING_URL);
    expect(offer).toEqual({ closesAt: '2099-06-30', contract: 'CDD' });
    await page.close();
  });

  it('keeps one panel when the panel script is injected again', async () => {
    const page = await openPage(browser.context, POSTING_URL);
    await expect.poll(() => panel(page).count()).toBe(1);
    await probeTab(browser, POSTING_URL, true);
    await probeTab(browser, POSTING_URL, true);
    expect(await page.locator('postulo-panel').count()).toBe(1);
    expect(await panel(page).count()).toBe(1);
    await page.close();
  });

  it("runs nothing in the page before its load event, even when the page's last image is slow", async () => {
    const release = await holdRequests(browser.context, `**/slow-image-${SLOW_ID}.png`);
    const page = await openPage(browser.context, slowPostingUrl(SLOW_ID));
    const ourWorlds = await watchOurWorlds(browser, page);
    // Parsed, not loaded: a manifest content script at document_idle would have run by now
    // (Chrome runs those 200 ms after DOMContentLoaded when the load is late).
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => document.readyState)).toBe('interactive');
    expect(ourWorlds.seen()).toEqual([]);
    expect(await page.locator('postulo-panel').count()).toBe(0);

    release();
    await page.waitForLoadState('load');
    await expect.poll(() => panel(page).count(), { timeout: 10_000 }).toBe(1);
    expect(ourWorlds.seen()).toHaveLength(1);
    await page.close();
  });

  it('still comes to a page whose load never ends, 5 s after it began', async () => {
    await browser.context.route(`**/slow-image-${STUCK_ID}.png`, () => {
      // Never answered: the tab never reports 'complete'.
    });
    const page = await openPage(browser.context, slowPostingUrl(STUCK_ID));
    await expect.poll(() => panel(page).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.evaluate(() => document.readyState)).toBe('interactive');
    await page.close();
  });

  it('keeps one reader when the background injects it again into the same document', async () => {
    const page = await openPage(browser.context, POSTING_URL);
    await expect.poll(() => panel(page).locator('.role').textContent()).toBe('Développeur·se front-end');
    const injectReaderTwice = () =>
      browser.serviceWorker.evaluate(async (url) => {
        const api = (globalThis as unknown as { chrome: typeof extensionApi }).chrome;
        const [tab] = await api.tabs.query({ url });
        const tabId = tab?.id;
        if (tabId === undefined) throw new Error(`no tab at ${url}`);
        const inWorld = (func: () => unknown) => api.scripting.executeScript({ target: { tabId }, func });
        // Remember the running reader, as the test's own global in our isolated world.
        await inWorld(() => Reflect.set(globalThis, '__probeReader', Reflect.get(globalThis, '__postuloReader')));
        for (let i = 0; i < 2; i++)
          await api.scripting.executeScript({ target: { tabId }, files: ['/posting-reader.js'] });
        const [same] = await inWorld(
          () => Reflect.get(globalThis, '__probeReader') === Reflect.get(globalThis, '__postuloReader'),
        );
        return same?.result;
      }, POSTING_URL);
    expect(await injectReaderTwice()).toBe(true);
    await page.waitForTimeout(500);
    expect(await page.locator('postulo-panel').count()).toBe(1);

    // The running copy still follows the app's navigation, once.
    await navigateToAnotherPosting(page);
    expect(await page.locator('postulo-panel').count()).toBe(1);
    await page.close();
  });

  it('reads the page again after a client-side navigation, with only what the page renders', async () => {
    const page = await openPage(browser.context, POSTING_URL);
    await expect.poll(() => panel(page).locator('.role').textContent()).toBe('Développeur·se front-end');
    await navigateToAnotherPosting(page);
    expect(await panel(page).locator('.organization').textContent()).toBe('Équipe Autre');
    // The other post's data was never in an inline script, and Postulo fetches nothing.
    expect(await panelField(page, 'Clôture').textContent()).toBe('non indiqué');
    expect(await panelField(page, 'Contrat').textContent()).toBe('non indiqué');
    await page.close();
  });

  it('speaks English in an English browser', async () => {
    const english = await launchBrowser({ locale: 'en-US' });
    try {
      await servePage(english.context, POSTING_URL, readOwnFixture('content/incubateur-posting.html'));
      const page = await openPage(english.context, POSTING_URL);
      await expect.poll(() => panel(page, 'en').count()).toBe(1);
      expect(await panel(page, 'en').getByRole('button', { name: 'Save offer' }).count()).toBe(1);
      expect(await postuloHosts(page).first().getAttribute('lang')).toBe('en');
    } finally {
      await english.close();
    }
  });
});

/**
 * What the site's Vue app does on a client-side navigation: a new address, a new page rendered
 * from data it fetched itself; resolves once the panel shows the new role.
 */
async function navigateToAnotherPosting(page: Page): Promise<void> {
  await page.evaluate(() => {
    history.pushState({}, '', '/recrutements/equipe-autre-designer-fedcba9876543210fedcba9876543210/');
    const title = document.querySelector('.page-title');
    if (title) title.innerHTML = '<h2>Équipe Autre recrute :</h2><h1>Designer de services</h1>';
  });
  await expect.poll(() => panel(page).locator('.role').textContent(), { timeout: 10_000 }).toBe('Designer de services');
}
