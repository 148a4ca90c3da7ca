/**
 * The popup speaks the language chosen in the options (« Langue »: auto, français, English) and
 * follows a change made while it is open, without a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optionsText } from '../../lib/i18n/options';
import { popupText } from '../../lib/i18n/popup';
import { type ExtensionBrowser, launchBrowser, missingPrerequisite } from './support/browser';

const missing = missingPrerequisite();
if (missing) console.warn(`browser tests skipped: ${missing}`);

describe.skipIf(missing !== null)("the popup's language", () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchBrowser({ locale: 'fr-FR' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('follows the options while open: English, then back to the browser’s French', async () => {
    const page = (path: string) => `chrome-extension://${browser.extensionId}/${path}`;
    const popup = await browser.context.newPage();
    await popup.goto(page('popup.html'));
    await popup.getByRole('heading', { name: popupText('fr', 'emptyTitle') }).waitFor();
    // Gone if the page reloads.
    await popup.evaluate(() => {
      (window as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true;
    });

    const options = await browser.context.newPage();
    await options.goto(page('options.html'));
    await options.getByLabel('English', { exact: true }).check();
    await popup.getByRole('heading', { name: popupText('en', 'emptyTitle') }).waitFor();
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('en');

    await options
      .getByLabel(optionsText('en', 'languageAuto', { language: optionsText('en', 'languageNameFr') }))
      .check();
    await popup.getByRole('heading', { name: popupText('fr', 'emptyTitle') }).waitFor();
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await popup.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(
      true,
    );
    await options.close();
    await popup.close();
  });
});
