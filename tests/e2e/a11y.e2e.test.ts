/**
 * Accessibility in Chromium, in French and in English (the browser's language; the options say
 * « auto »): the popup (empty, a list, a detail), the options page, the job-search record and the
 * in-page panel pass axe-core with no serious or critical violation; the keyboard alone goes
 * through the popup's list, opens an offer with Enter and comes back with Escape, and every
 * focused control shows its focus. Screenshots of each view land in test-results/e2e/a11y-*.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newApplication, type StageEvent } from '../../lib/application';
import type { OfferRow } from '../../lib/db';
import type { Locale } from '../../lib/i18n';
import { optionsText } from '../../lib/i18n/options';
import { panelText } from '../../lib/i18n/panel';
import { popupText } from '../../lib/i18n/popup';
import { recordText } from '../../lib/i18n/record';
import { emptyOfferFields, type OfferFields } from '../../lib/offer';
import { toOfferRow } from '../../lib/offers-repo';
import { axeAudit, focusStop, invisibleFocus, tabUntil } from './support/a11y';
import { type ExtensionBrowser, launchBrowser, missingPrerequisite, openPage, servePage } from './support/browser';
import { seedOffers } from './support/database';
import { readOwnFixture } from './support/fixtures';
import { screenshot } from './support/panel';

const POSTING_URL =
  'https://incubateur.anct.gouv.fr/recrutements/equipe-beta-designer-11223344556677889900aabbccddeeff/';
const BROWSER_LANGUAGE: Record<Locale, string> = { fr: 'fr-FR', en: 'en-US' };

const missing = missingPrerequisite();
if (missing) console.warn(`browser tests skipped: ${missing}`);

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** An offer saved three days ago; `sent` adds an application sent yesterday (for the record). */
function savedRow(slug: string, fields: Partial<OfferFields>, sent = false): OfferRow {
  const url = `https://incubateur.anct.gouv.fr/recrutements/${slug}`;
  const at = new Date(Date.now() - 3 * 86_400_000);
  const application = newApplication(at);
  const history: StageEvent[] = sent
    ? [...application.history, { stage: 'applied', at: new Date(Date.now() - 86_400_000).toISOString() }]
    : application.history;
  return toOfferRow({
    id: url,
    page: { ...emptyOfferFields('?'), status: 'open', ...fields, url, source: 'test', provenance: {} },
    application: { ...application, history, stage: history[history.length - 1]?.stage ?? 'to-apply' },
    changes: [],
    savedAt: at.toISOString(),
    updatedAt: at.toISOString(),
  });
}

const ROWS = [
  savedRow('designer', { title: 'Designer UX', organization: 'ANCT', contract: 'CDD', closesAt: inDays(3) }),
  savedRow(
    'dev',
    { title: 'Développeuse full-stack', organization: 'DINUM', contract: 'CDI', closesAt: inDays(12) },
    true,
  ),
  savedRow('data', { title: 'Data scientist', organization: 'ANCT', status: 'filled' }),
];

async function expectCleanAudit(page: Page, scope?: string): Promise<void> {
  const audit = await axeAudit(page, scope);
  expect(audit.serious).toEqual([]);
  expect(audit.passedNodes, 'the audit checked nothing').toBeGreaterThan(0);
}

for (const locale of ['fr', 'en'] as const) {
  const language = locale === 'fr' ? 'French' : 'English';

  describe.skipIf(missing !== null)(`accessibility in ${language}`, () => {
    let browser: ExtensionBrowser;
    const extensionPage = (path: string) => `chrome-extension://${browser.extensionId}/${path}`;

    beforeAll(async () => {
      browser = await launchBrowser({ locale: BROWSER_LANGUAGE[locale] });
      await servePage(browser.context, POSTING_URL, readOwnFixture('content/incubateur-posting.html'));
    });

    afterAll(async () => {
      await browser?.close();
    });

    async function openPopup(query = ''): Promise<Page> {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 400, height: 600 });
      await page.goto(extensionPage(`popup.html${query}`));
      return page;
    }

    it('the popup with nothing saved', async () => {
      const page = await openPopup();
      await page.getByRole('heading', { name: popupText(locale, 'emptyTitle') }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
      await expectCleanAudit(page);
      await screenshot(page, `a11y-popup-empty-${locale}`);
      await seedOffers(page, ROWS);
      await page.close();
    });

    it('the popup list by keyboard: Tab to the rows, Enter opens one, Escape comes back; focus always visible', async () => {
      const page = await openPopup();
      const list = page.getByRole('list', { name: popupText(locale, 'listHeading') });
      await expect.poll(() => list.getByRole('button').count()).toBe(ROWS.length);
      await expectCleanAudit(page);
      await screenshot(page, `a11y-popup-list-${locale}`);

      // From the top of the page to the first row, then on to the second.
      const toList = await tabUntil(page, (stop) => stop.element.startsWith('<button class="offer-row"'));
      const second = await tabUntil(page, () => true, 1);
      const stops = [...toList, ...second];
      expect(invisibleFocus(stops)).toEqual([]);
      const opened = (await list.getByRole('button').nth(1).locator('.offer-row__title').textContent()) ?? '';
      expect(second[0]?.element).toContain(opened);
      await screenshot(page, `a11y-popup-focus-${locale}`);

      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: opened }).waitFor();
      await expectCleanAudit(page);
      await screenshot(page, `a11y-popup-detail-${locale}`);
      // Every control of the detail, in order, shows its focus.
      const back = popupText(locale, 'back');
      const detailStops = await tabUntil(page, (stop) => stop.element.includes(back), 80);
      const more = await tabUntil(page, (stop) => stop.element.includes(back), 80);
      expect(more.length).toBeGreaterThan(3);
      expect(invisibleFocus([...detailStops, ...more])).toEqual([]);

      await page.keyboard.press('Escape');
      await expect.poll(async () => (await focusStop(page))?.element ?? '').toContain(opened);
      expect(await list.getByRole('button').count()).toBe(ROWS.length);
      await page.close();
    });

    it('the popup opened on one offer', async () => {
      const page = await openPopup(`?offer=${encodeURIComponent(ROWS[2]?.id ?? '')}`);
      await page.getByRole('heading', { level: 1, name: 'Data scientist' }).waitFor();
      await expectCleanAudit(page);
      await page.close();
    });

    it('the options page and the job-search record, with visible focus', async () => {
      const options = await browser.context.newPage();
      await options.goto(extensionPage('options.html'));
      await options.getByRole('heading', { level: 1, name: optionsText(locale, 'heading') }).waitFor();
      expect(await options.evaluate(() => document.documentElement.lang)).toBe(locale);
      await expectCleanAudit(options);
      await screenshot(options, `a11y-options-${locale}`);
      let count = 0;
      const optionStops = await tabUntil(options, () => ++count === 25);
      expect(invisibleFocus(optionStops)).toEqual([]);

      const record = await browser.context.newPage();
      await record.goto(extensionPage('record.html'));
      await record.getByRole('heading', { level: 1, name: recordText(locale, 'heading') }).waitFor();
      await record.getByRole('table').waitFor();
      await expectCleanAudit(record);
      await screenshot(record, `a11y-record-${locale}`);
      const recordStops = await tabUntil(record, (stop) => stop.element.startsWith('<button'));
      expect(invisibleFocus(recordStops)).toEqual([]);
      await record.close();
      await options.close();
    });

    it('the in-page panel: audited within its shadow host, reached and used by keyboard', async () => {
      const page = await openPage(browser.context, POSTING_URL);
      const panel = page.getByRole('region', { name: panelText(locale, 'region') });
      await panel.getByRole('button', { name: panelText(locale, 'save') }).waitFor();
      await expectCleanAudit(page, 'postulo-panel');
      await screenshot(page, `a11y-panel-${locale}`);

      const toPanel = await tabUntil(page, (stop) => stop.inside, 80, 'postulo-panel');
      const inPanel = await tabUntil(page, (stop) => stop.element.includes(panelText(locale, 'save')), 10);
      expect(invisibleFocus([...toPanel.filter((stop) => stop.inside), ...inPanel])).toEqual([]);
      await page.keyboard.press('Enter');
      await panel.locator('.saved').waitFor({ timeout: 10_000 });
      await expectCleanAudit(page, 'postulo-panel');
      await page.close();
    });
  });
}
