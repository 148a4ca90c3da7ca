/**
 * The options page in the real browser: a backup made through the page (a real download), all
 * data deleted, the file uploaded back with « Remplacer » — and the same offers are there again.
 * Also: the page and the job-search record pass axe with no serious or critical violation, in
 * French and English, and screenshots at 100 % and 200 % land in test-results/e2e/ for a person
 * to look at.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REMEMBERED_FIRST_SCREEN_KEY } from '../../components/popup/rememberedFirstScreen';
import { backupText, event, savedOffer } from '../unit/backup/builders';
import { type ExtensionBrowser, launchBrowser, missingPrerequisite, openPage, servePage } from './support/browser';
import { readOwnFixture } from './support/fixtures';
import { panel, screenshot } from './support/panel';

const POSTING_URL =
  'https://incubateur.anct.gouv.fr/recrutements/equipe-beta-designer-11223344556677889900aabbccddeeff/';

const today = new Date();
const daysAgo = (days: number) => new Date(today.getTime() - days * 86_400_000).toISOString();

/** Applications sent in the last weeks, so the record's default period (three months) holds them. */
const SENT = [
  savedOffer({
    url: 'https://beta.gouv.fr/recrutement/2026/01/10/developpeuse-front-end',
    title: 'Développeur·se front-end',
    organization: 'DINUM',
    application: {
      history: [event('to-apply', daysAgo(40)), event('applied', daysAgo(35)), event('interview', daysAgo(20))],
    },
    updatedAt: daysAgo(20),
  }),
  savedOffer({
    url: 'https://beta.gouv.fr/recrutement/2026/01/15/chef-de-projet',
    title: 'Chef·fe de projet numérique',
    organization: 'ANCT',
    application: { history: [event('applied', daysAgo(30)), event('rejected', daysAgo(10))] },
    updatedAt: daysAgo(10),
  }),
];

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const missing = missingPrerequisite();
if (missing) console.warn(`browser tests skipped: ${missing}`);

describe.skipIf(missing !== null)('options page', () => {
  let browser: ExtensionBrowser;
  const extensionPage = (path: string) => `chrome-extension://${browser.extensionId}/${path}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    await servePage(browser.context, POSTING_URL, readOwnFixture('content/incubateur-posting.html'));
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function openOptions(): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(extensionPage('options.html'));
    await page.getByText(/^(Enregistré dans ce navigateur|Stored in this browser)/).waitFor();
    return page;
  }

  async function exportBackupFile(page: Page): Promise<{ path: string; text: string }> {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter une sauvegarde' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^postulo-sauvegarde-\d{4}-\d{2}-\d{2}\.json$/);
    const path = await download.path();
    return { path, text: readFileSync(path, 'utf8') };
  }

  async function listedTitles(): Promise<string[]> {
    const popup = await browser.context.newPage();
    await popup.goto(extensionPage('popup.html'));
    // The list, or the welcome shown when nothing is saved.
    await popup
      .getByText(/^(Mes offres|Aucune offre enregistrée)/)
      .first()
      .waitFor();
    await popup.waitForTimeout(500);
    const text = (await popup.locator('main').textContent()) ?? '';
    await popup.close();
    return [SENT[0], SENT[1]].flatMap((offer) => (offer && text.includes(offer.page.title) ? [offer.page.title] : []));
  }

  it('merges a backup picked in the page', async () => {
    const page = await openOptions();
    await page.getByLabel('Fichier de sauvegarde Postulo (.json)').setInputFiles({
      name: 'ancienne-sauvegarde.json',
      mimeType: 'application/json',
      buffer: Buffer.from(backupText(SENT)),
    });
    await page.getByText(/^Sauvegarde du .* : 2 offres et 0 rappel\.$/).waitFor();
    await page.getByRole('button', { name: 'Restaurer' }).click();
    await page.getByText(/^Sauvegarde fusionnée : 2 offres ajoutées/).waitFor();
    expect(await listedTitles()).toEqual(['Développeur·se front-end', 'Chef·fe de projet numérique']);
    await page.close();
  });

  it('refuses a broken file with where and why, and changes nothing', async () => {
    const page = await openOptions();
    const before = await exportBackupFile(page);
    const broken = { ...SENT[0], page: { ...SENT[0]?.page, closesAt: 'le 3 mars' } };
    await page.getByLabel('Fichier de sauvegarde Postulo (.json)').setInputFiles({
      name: 'abimee.json',
      mimeType: 'application/json',
      buffer: Buffer.from(backupText([SENT[1], broken])),
    });
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Où : offre n° 2 (« Développeur·se front-end »)');
    expect(await alert.textContent()).toContain('champ page.closesAt');
    expect(await page.getByRole('button', { name: 'Restaurer' }).count()).toBe(0);
    await screenshot(page, 'options-restore-refused');
    const after = await exportBackupFile(page);
    expect(JSON.parse(after.text).offers).toEqual(JSON.parse(before.text).offers);
    await page.close();
  });

  it('export, delete all, restore with « Remplacer »: the same offers are back', async () => {
    // One more offer, saved the way a candidate does: from the panel on a posting.
    const posting = await openPage(browser.context, POSTING_URL);
    await panel(posting).getByRole('button', { name: "Enregistrer l'offre" }).click();
    await expect
      .poll(() => panel(posting).locator('.saved').textContent(), { timeout: 10_000 })
      .toContain('Enregistrée');
    await posting.close();

    const page = await openOptions();
    await page.getByText('Enregistré dans ce navigateur : 3 offres', { exact: false }).waitFor();
    const backup = await exportBackupFile(page);
    const saved = JSON.parse(backup.text);
    expect(saved.offers).toHaveLength(3);

    // What the popup keeps of the top of the list for its next opening: a copy of the data.
    const remembered = () => page.evaluate((key) => localStorage.getItem(key), REMEMBERED_FIRST_SCREEN_KEY);
    await page.evaluate(
      (key) => localStorage.setItem(key, '{"v":1,"locale":"fr","items":[]}'),
      REMEMBERED_FIRST_SCREEN_KEY,
    );
    await page.getByRole('button', { name: 'Supprimer toutes mes données' }).click();
    const confirmDelete = page.getByRole('dialog', { name: 'Supprimer toutes vos données ?' });
    await confirmDelete.getByLabel('Pour confirmer, tapez SUPPRIMER').fill('SUPPRIMER');
    await confirmDelete.getByRole('button', { name: 'Supprimer définitivement' }).click();
    await page.getByText('Toutes vos données ont été supprimées.').waitFor();
    expect(await remembered()).toBeNull();
    await page.getByText('Enregistré dans ce navigateur : 0 offre et 0 rappel.').waitFor();
    expect(await listedTitles()).toEqual([]);

    await page.getByLabel('Fichier de sauvegarde Postulo (.json)').setInputFiles(backup.path);
    await page.getByLabel('Remplacer', { exact: true }).check();
    await page.getByRole('button', { name: 'Restaurer' }).click();
    const confirmReplace = page.getByRole('dialog', { name: 'Remplacer toutes vos données ?' });
    await screenshot(page, 'options-confirm-replace');
    await confirmReplace.getByRole('button', { name: 'Oui, remplacer' }).click();
    await page.getByText(/^Sauvegarde restaurée/).waitFor();
    expect(await listedTitles()).toEqual(['Développeur·se front-end', 'Chef·fe de projet numérique']);

    const again = JSON.parse((await exportBackupFile(page)).text);
    expect(again.offers).toEqual(saved.offers);
    expect(again.settings).toEqual(saved.settings);
    await page.close();
  });

  for (const locale of ['fr', 'en'] as const) {
    it(`passes axe and is screenshot in ${locale === 'fr' ? 'French' : 'English'}, at 100 % and 200 %`, async () => {
      const page = await openOptions();
      await page.getByLabel(locale === 'fr' ? 'Français' : 'English', { exact: true }).check();
      await page
        .getByRole('heading', { level: 1, name: locale === 'fr' ? 'Réglages de Postulo' : 'Postulo settings' })
        .waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshotBoth(page, `options-${locale}`);

      const record = await browser.context.newPage();
      await record.goto(extensionPage('record.html'));
      await record.getByRole('table').waitFor();
      expect(await record.getByRole('row').count()).toBe(3);
      await record.getByLabel(locale === 'fr' ? /Nom et prénom/ : /Full name/).fill('Camille Martin');
      expect(await seriousViolations(record)).toEqual([]);
      await screenshotBoth(record, `record-${locale}`);
      await record.emulateMedia({ media: 'print' });
      await screenshot(record, `record-${locale}-print`);
      expect(await record.getByRole('button', { name: /PDF/ }).isVisible()).toBe(false);
      await record.close();
      await page.close();
    });
  }
});

/** 100 %: the 1280-pixel window; 200 %: the same window zoomed leaves 640 CSS pixels. */
async function screenshotBoth(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await fullScreenshot(page, `${name}-100`);
  await page.setViewportSize({ width: 640, height: 400 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} scrolls sideways at 200 %`).toBeLessThanOrEqual(0);
  await fullScreenshot(page, `${name}-200`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function fullScreenshot(page: Page, name: string): Promise<void> {
  const path = await screenshot(page, name);
  await page.screenshot({ path, fullPage: true });
}

/** axe-core's serious and critical violations, as `rule: target` lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol: the extension page's CSP does not apply.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe;
    const results = await axe.run();
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
  });
}

interface AxeResults {
  violations: Array<{ id: string; impact?: string | null; nodes: Array<{ target: string[] }> }>;
}
