/**
 * Saving from the panel, end to end: posting reader → background → IndexedDB, and back as the
 * saved state on the posting and as a mark on the listing. Runs on our own pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchBrowser, missingPrerequisite, openPage, servePage } from './support/browser';
import { readOwnFixture } from './support/fixtures';
import { panel, screenshot } from './support/panel';

// The posting is served at the address the listing's « Designer » card links to.
const POSTING_URL =
  'https://incubateur.anct.gouv.fr/recrutements/equipe-beta-designer-11223344556677889900aabbccddeeff/';
const LISTING_URL = 'https://incubateur.anct.gouv.fr/recrutements/pourvues/';

const missing = missingPrerequisite();
if (missing) console.warn(`browser tests skipped: ${missing}`);

describe.skipIf(missing !== null)('saving from the panel', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchBrowser();
    await servePage(browser.context, POSTING_URL, readOwnFixture('content/incubateur-posting.html'));
    await servePage(browser.context, LISTING_URL, readOwnFixture('listing/incubateur-pourvues.html'));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("« Enregistrer l'offre » turns the panel into the saved state, which a reload keeps", async () => {
    const page = await openPage(browser.context, POSTING_URL);
    await panel(page).getByRole('button', { name: "Enregistrer l'offre" }).click();
    await expect.poll(() => panel(page).locator('.saved').textContent(), { timeout: 10_000 }).toContain('Enregistrée');
    expect(await panel(page).getByRole('button', { name: 'Voir dans Postulo' }).count()).toBe(1);
    expect(await panel(page).getByRole('button', { name: "Enregistrer l'offre" }).count()).toBe(0);
    await screenshot(page, 'own-posting-saved');

    await page.reload({ waitUntil: 'domcontentloaded' });
    await expect.poll(() => panel(page).locator('.saved').textContent(), { timeout: 10_000 }).toContain('Enregistrée');
    await page.close();
  });

  it('« Voir dans Postulo » opens the saved offer in Postulo', async () => {
    const page = await openPage(browser.context, POSTING_URL);
    const open = panel(page).getByRole('button', { name: 'Voir dans Postulo' });
    const [postulo] = await Promise.all([browser.context.waitForEvent('page'), open.click()]);
    expect(postulo.url()).toMatch(new RegExp(`^chrome-extension://${browser.extensionId}/`));
    expect(decodeURIComponent(postulo.url())).toContain(POSTING_URL.replace(/\/$/, ''));
    await postulo.close();
    await page.close();
  });

  it('marks the saved posting on the listing, and only that one', async () => {
    const page = await openPage(browser.context, LISTING_URL);
    const marks = page.locator('postulo-mark');
    await expect.poll(() => marks.count(), { timeout: 10_000 }).toBe(1);
    // The badge's text lives in the host's open shadow root, which CSS locators pierce.
    expect(await marks.first().locator('span').textContent()).toBe('Postulo : À postuler');
    const card = page.locator('.job-card-container', { has: marks.first() });
    expect(await card.locator('h1.title').textContent()).toContain('Designer');
    await screenshot(page, 'own-listing-marked');
    await page.close();
  });
});
