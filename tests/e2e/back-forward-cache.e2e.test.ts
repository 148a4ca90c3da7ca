/**
 * From one posting to the next in the same tab, and back, as a candidate browses, in Chromium
 * with its back/forward cache on, as its users have it (Playwright turns it off). Postulo must not
 * keep a posting out of that cache: back, the page comes again as it was left, panel included,
 * and saving from it still works. And because the page left can be kept, the browser gives the
 * next page of the same site a new frame, so none of Postulo's script worlds is set up in that
 * page before its load. (In a reused frame, Blink sets up again, before the new document's
 * scripts run, every world the previous document had: the cost the page-cost benchmark shows in
 * its "frame reused" row.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ExtensionBrowser,
  holdRequests,
  launchBrowser,
  missingPrerequisite,
  openPage,
  servePage,
  watchOurWorlds,
} from './support/browser';
import { readTable } from './support/database';
import { readOwnFixture } from './support/fixtures';
import { panel } from './support/panel';

const FIRST_URL = 'https://beta.gouv.fr/recrutement/2022/03/01/developpeur-se-front-end.html';
const NEXT_URL = 'https://beta.gouv.fr/recrutement/2021/09/20/chargee-de-deploiement.html';
const SLOW_IMAGE = '/slow-image-back-forward.png';

const missing = missingPrerequisite();
if (missing) console.warn(`browser tests skipped: ${missing}`);

describe.skipIf(missing !== null)('with the back/forward cache on, as in Chromium for its users', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchBrowser({ backForwardCache: true });
    await servePage(browser.context, FIRST_URL, readOwnFixture('beta/layout-2022-fr-p.html'));
    await servePage(
      browser.context,
      NEXT_URL,
      readOwnFixture('beta/layout-2021-fr-h1.html').replace('</body>', `<img src="${SLOW_IMAGE}" alt=""></body>`),
    );
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('sets up nothing of ours in the next posting before its load, and going back restores the page left', async () => {
    const page = await openPage(browser.context, FIRST_URL);
    await expect.poll(() => panel(page).count(), { timeout: 10_000 }).toBe(1);
    // A mark of this very document: a page loaded again would not have it.
    await page.evaluate(() => Reflect.set(window, '__testLeftAt', 'first'));

    const release = await holdRequests(browser.context, `**${SLOW_IMAGE}`);
    const ourWorlds = await watchOurWorlds(browser, page);
    ourWorlds.clear();
    await page.goto(NEXT_URL, { waitUntil: 'domcontentloaded' });
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => document.readyState)).toBe('interactive');
    expect(ourWorlds.seen()).toEqual([]);
    release();
    await page.waitForLoadState('load');
    await expect.poll(() => panel(page).count(), { timeout: 10_000 }).toBe(1);

    await page.goBack({ waitUntil: 'commit' });
    await expect.poll(() => page.url()).toBe(FIRST_URL);
    expect(await page.evaluate(() => Reflect.get(window, '__testLeftAt'))).toBe('first');
    expect(await panel(page).count()).toBe(1);

    await panel(page).getByRole('button', { name: "Enregistrer l'offre" }).click();
    await expect.poll(() => panel(page).locator('.saved').textContent(), { timeout: 10_000 }).toContain('Enregistrée');
    const extensionPage = await browser.context.newPage();
    await extensionPage.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const saved = (await readTable<{ id: string }>(extensionPage, 'offers')).map((offer) => offer.id);
    expect(saved).toEqual([FIRST_URL]);
    await extensionPage.close();
    await page.close();
  });
});
