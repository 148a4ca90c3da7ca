/**
 * The content script on the project's own small pages: always runs, with or without the shared
 * real pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser as extensionApi } from 'wxt/browser';
import { type ExtensionBrowser, launchBrowser, missingPrerequisite, openPage, servePage } from './support/browser';
import { readOwnFixture } from './support/fixtures';
import { panel, panelField, postuloHosts, screenshot, settle } from './support/panel';

const POSTING_URL =
  'https://incubateur.anct.gouv.fr/recrutements/equipe-test-developpeur-se-front-end-0123456789abcdef0123456789abcdef/';
const LISTING_URL = 'https://incubateur.anct.gouv.fr/recrutements/pourvues/';

/** What Postulo's isolated world of a tab holds: the content script's handoff to the panel script. */
interface HandoffProbe {
  handoff: string;
  panelScriptRan: boolean;
}

/**
 * From the background, as `showPanel` does: runs the panel script again in the tab showing `url`
 * (`inject`), then looks at the handoff in our isolated world, where the content script runs.
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

describe.skipIf(missing !== null)('content script on our own pages', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchBrowser();
    await servePage(browser.context, POSTING_URL, readOwnFixture('content/incubateur-posting.html'));
    await servePage(browser.context, LISTING_URL, readOwnFixture('listing/incubateur-pourvues.html'));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the panel with the data the page hid in a self-removing script', async () => {
    const page = await openPage(browser.context, POSTING_URL);
    await expect.poll(() => panel(page).count()).toBe(1);

    // The page's own script did remove itself: contract, closing date and contact are nowhere in
    // the document, only in the page's own global, which the content script's world cannot see.
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

  it('reads the page again after a client-side navigation, with only what the page renders', async () => {
    const page = await openPage(browser.context, POSTING_URL);
    await expect.poll(() => panel(page).locator('.role').textContent()).toBe('Développeur·se front-end');
    // What the site's Vue app does: a new address, a new page rendered from data it fetched itself.
    await page.evaluate(() => {
      history.pushState({}, '', '/recrutements/equipe-autre-designer-fedcba9876543210fedcba9876543210/');
      const title = document.querySelector('.page-title');
      if (title) title.innerHTML = '<h2>Équipe Autre recrute :</h2><h1>Designer de services</h1>';
    });
    await expect
      .poll(() => panel(page).locator('.role').textContent(), { timeout: 10_000 })
      .toBe('Designer de services');
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
