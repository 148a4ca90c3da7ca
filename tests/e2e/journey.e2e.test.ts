/**
 * A candidate's journey on real pages, as issue 3 tells it: open a posting → « Enregistrer
 * l'offre » → the popup lists it with the right fields → correct the closing date and move it to
 * « Candidature envoyée » → close the browser and start it again on the same profile → everything
 * is still there → re-visit the page → the panel shows the stage and the correction survives the
 * page's refresh. A listing page of the same build shows the saved mark; a news page no panel.
 *
 * The pages are chosen by their properties in cases.json (an incubateur posting of the newest
 * build whose closing date lives only in the self-removing script, linked from a listing page of
 * that build), never by name.
 */

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfferRow } from '../../lib/db';
import { canonicalUrl } from '../../lib/url';
import type { Case } from '../support/cases';
import { type ExtensionBrowser, launchBrowser, missingPrerequisite, openPage, servePage } from './support/browser';
import { readTable } from './support/database';
import { newestSnapshot, readSharedPage, SHARED_MISSING_MESSAGE, sharedCases } from './support/fixtures';
import { panel, postuloHosts, screenshot } from './support/panel';

const SITE = 'incubateur.anct.gouv.fr';
const CORRECTED_CLOSING = '2031-06-30';

interface Journey {
  posting: Case;
  listing: Case;
  news: Case;
}

function chooseJourney(): Journey | null {
  const cases = sharedCases();
  const newest = newestSnapshot(cases, SITE, 'posting');
  const listings = cases.filter((c) => c.site === SITE && c.kind === 'listing');
  for (const posting of cases) {
    const { expected } = posting;
    if (posting.site !== SITE || posting.kind !== 'posting' || posting.snapshot?.date !== newest) continue;
    if (posting.where?.closesAt !== 'inline-script' || !expected.contractRaw || !expected.title) continue;
    const path = new URL(posting.url).pathname;
    const listing = listings.find((candidate) => readSharedPage(candidate).includes(`href="${path}"`));
    const news = cases.find((c) => c.site === SITE && c.kind === 'other' && new URL(c.url).pathname.length > 1);
    if (listing && news) return { posting, listing, news };
  }
  return null;
}

const missing = missingPrerequisite();
const journey = missing ? null : chooseJourney();
if (missing) console.warn(`browser tests skipped: ${missing}`);
else if (!journey) console.warn(`candidate journey skipped: ${SHARED_MISSING_MESSAGE}`);

describe.skipIf(!journey)("a candidate's journey on real pages", () => {
  // Vitest still collects a skipped suite: without a journey there is nothing to define.
  if (!journey) return;
  let browser: ExtensionBrowser;
  const { posting, listing, news } = journey;
  const title = posting.expected.title ?? '';
  const organization = posting.expected.organization ?? '';

  async function serveAll(target: ExtensionBrowser): Promise<void> {
    for (const page of [posting, listing, news]) await servePage(target.context, page.url, readSharedPage(page));
  }

  async function openPopup(target: ExtensionBrowser) {
    const popup = await target.context.newPage();
    await popup.goto(`chrome-extension://${target.extensionId}/popup.html`);
    return popup;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    await serveAll(browser);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('saves the posting from the panel, and the popup lists it with the right fields', async () => {
    const page = await openPage(browser.context, posting.url);
    await panel(page).getByRole('button', { name: "Enregistrer l'offre" }).click();
    await expect.poll(() => panel(page).locator('.saved').textContent(), { timeout: 10_000 }).toContain('Enregistrée');
    await screenshot(page, 'journey-panel-saved');

    const popup = await openPopup(browser);
    const row = popup.getByRole('listitem').filter({ hasText: title }).first();
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(organization);
    expect(text).toContain('À postuler');
    await screenshot(popup, 'journey-popup-list');
    await popup.close();
    await page.close();
  });

  it('takes a corrected closing date and « Candidature envoyée » in the detail view', async () => {
    const popup = await openPopup(browser);
    await popup.getByRole('listitem').filter({ hasText: title }).first().getByRole('button').first().click();
    const closing = popup.getByLabel('Date de clôture', { exact: true });
    await closing.fill(CORRECTED_CLOSING);
    await closing.press('Enter');
    await popup.getByRole('button', { name: 'Passer à « Candidature envoyée »' }).click();
    await expect
      .poll(() => stored(popup, posting.url), { timeout: 10_000 })
      .toMatchObject({ stage: 'applied', closesAt: CORRECTED_CLOSING });
    await screenshot(popup, 'journey-popup-detail');
    await popup.close();
  });

  it('keeps everything across a browser restart, and the re-visit does not overwrite the correction', async () => {
    browser = await browser.relaunch();
    await serveAll(browser);

    const popup = await openPopup(browser);
    await popup.getByRole('listitem').filter({ hasText: title }).first().waitFor();
    expect(await stored(popup, posting.url)).toMatchObject({
      stage: 'applied',
      closesAt: CORRECTED_CLOSING,
    });

    const page = await openPage(browser.context, posting.url);
    await expect
      .poll(() => panel(page).locator('.saved').textContent(), { timeout: 10_000 })
      .toMatch(/^✓ Candidature envoyée le \d{2}\/\d{2}\/\d{4}$/);
    // The page still says its own closing date; the candidate's correction stays on top of it.
    await expect
      .poll(() => stored(popup, posting.url), { timeout: 10_000 })
      .toMatchObject({ stage: 'applied', closesAt: CORRECTED_CLOSING, pageClosesAt: posting.expected.closesAt });
    await screenshot(page, 'journey-panel-revisit');
    await page.close();
    await popup.close();
  });

  it('marks the saved posting on the listing page, and shows no panel on a news page', async () => {
    const page = await openPage(browser.context, listing.url);
    const marks = page.locator('postulo-mark');
    await expect.poll(() => marks.count(), { timeout: 10_000 }).toBe(1);
    expect(await marks.first().locator('span').textContent()).toBe('Postulo : Candidature envoyée');
    await page.close();

    const other = await openPage(browser.context, news.url);
    await other.waitForLoadState('load');
    await other.waitForTimeout(1500);
    expect(await postuloHosts(other).count()).toBe(0);
    await other.close();
  });
});

/** The stored record of `url` as the checks need it, read from an extension page. */
async function stored(page: Page, url: string) {
  const id = canonicalUrl(url);
  const row = (await readTable<OfferRow>(page, 'offers')).find((record) => record.id === id);
  return row ? { stage: row.stage, closesAt: row.closesAt, pageClosesAt: row.page.closesAt } : null;
}
