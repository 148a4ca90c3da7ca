/**
 * The popup in the real browser, opened as chrome-extension://<id>/popup.html: what it reads
 * from the extension's IndexedDB (seeded here with valid records, as the background writes
 * them), its keyboard paths, an axe-core audit, and one write through the background.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REMEMBERED_FIRST_SCREEN_KEY } from '../../components/popup/rememberedFirstScreen';
import { newApplication, type StageEvent } from '../../lib/application';
import type { OfferRow } from '../../lib/db';
import { emptyOfferFields, type OfferFields } from '../../lib/offer';
import { toOfferRow } from '../../lib/offers-repo';
import { type ExtensionBrowser, launchBrowser, missingPrerequisite } from './support/browser';
import { seedOffers } from './support/database';
import { screenshot } from './support/panel';

const missing = missingPrerequisite();
if (missing) console.warn(`browser tests skipped: ${missing}`);

function localDay(offset: number): string {
  const date = new Date();
  date.setDate(date.getDate() + offset);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function savedRow(slug: string, fields: Partial<OfferFields>, history?: StageEvent[]): OfferRow {
  const url = `https://incubateur.anct.gouv.fr/recrutements/${slug}`;
  const at = new Date(Date.now() - 5 * 86_400_000);
  const application = newApplication(at);
  const events = history ?? application.history;
  return toOfferRow({
    id: url,
    page: { ...emptyOfferFields('?'), status: 'open', ...fields, url, source: 'test', provenance: {} },
    application: { ...application, history: events, stage: events[events.length - 1]?.stage ?? 'to-apply' },
    changes: [],
    savedAt: at.toISOString(),
    updatedAt: at.toISOString(),
  });
}

const ROWS = [
  savedRow('pm', { title: 'Product manager', organization: 'DINUM', contract: 'freelance' }),
  savedRow('designer', { title: 'Designer UX', organization: 'ANCT', contract: 'CDD', closesAt: localDay(3) }),
  savedRow('data', { title: 'Data scientist', organization: 'ANCT', closesAt: localDay(10), status: 'filled' }),
  savedRow('dev', {
    title: 'Développeuse full-stack',
    organization: 'Agence nationale de la cohésion des territoires',
    contract: 'CDI',
    closesAt: localDay(0),
  }),
  savedRow('ops', { title: 'Ingénieur·e ops', organization: 'DINUM', closesAt: localDay(-2) }, [
    { stage: 'to-apply', at: new Date(Date.now() - 9 * 86_400_000).toISOString() },
    { stage: 'applied', at: new Date(Date.now() - 3 * 86_400_000).toISOString() },
  ]),
];

async function axeViolations(page: Page): Promise<string[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(context: Document): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
  });
}

describe.skipIf(missing !== null)('the popup in Chromium', () => {
  let browser: ExtensionBrowser;
  let page: Page;
  let popupUrl: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    popupUrl = `chrome-extension://${browser.extensionId}/popup.html`;
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    await page.goto(popupUrl);
    await page.getByRole('heading', { name: "Aucune offre enregistrée pour l'instant" }).waitFor();
    await screenshot(page, 'popup-empty');
    await seedOffers(page, ROWS);
    await page.reload();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lists the offers by nearest closing date, undated next, those that are over last', async () => {
    const titles = page.getByRole('list', { name: 'Mes offres' }).locator('.offer-row__title');
    await expect
      .poll(() => titles.allTextContents())
      // Over: latest closing date first (the filled post's date was still ahead).
      .toEqual(['Développeuse full-stack', 'Designer UX', 'Product manager', 'Data scientist', 'Ingénieur·e ops']);
    const rows = page.getByRole('list', { name: 'Mes offres' }).getByRole('button');
    expect(await rows.nth(0).textContent()).toContain("clôture aujourd'hui");
    expect(await rows.nth(1).textContent()).toContain('clôture dans 3 j');
    expect(await rows.nth(3).textContent()).toContain('pourvue');
    expect(await rows.nth(4).textContent()).toContain('clôturée');
    expect(await rows.nth(4).textContent()).toContain('Candidature envoyée');
    // Nothing overflows sideways at the popup's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, 'popup-list');
  });

  it('paints its first rows before the rest of the popup has loaded, once it has opened the database before', async () => {
    const reopened = await browser.context.newPage();
    try {
      await reopened.setViewportSize({ width: 400, height: 600 });
      // Runs before the popup's scripts: whether the first frame with a row in it is the first
      // screen's, which marks its main region busy until the popup replaces it.
      await reopened.addInitScript(() => {
        const frame = () => {
          if (document.querySelector('.offer-row'))
            Object.assign(globalThis, {
              firstRowFrame: { busy: document.querySelector('main[aria-busy="true"]') !== null },
            });
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      await reopened.goto(popupUrl);
      await reopened.locator('.todo').waitFor();
      const firstRowFrame = await reopened.evaluate(
        () => (globalThis as { firstRowFrame?: { busy: boolean } }).firstRowFrame ?? null,
      );
      expect(firstRowFrame).toEqual({ busy: true });
      expect(await reopened.locator('main[aria-busy]').count()).toBe(0);
      // The popup then took the first screen's place: one list, all the rows.
      await expect.poll(() => reopened.locator('.offer-list').count()).toBe(1);
      await expect.poll(() => reopened.locator('.offer-row').count()).toBe(ROWS.length);
    } finally {
      await reopened.close();
    }
  });

  /**
   * Opens the popup in a new tab and records each first screen it puts in the DOM (the list view
   * built before the popup's code is loaded, marked busy): the titles of its rows.
   */
  async function openRecordingFirstScreens(): Promise<{ tab: Page; firstScreens: () => Promise<string[][]> }> {
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width: 400, height: 600 });
    // Before the popup's scripts. A mutation observer's callback runs right after the task that
    // changed the DOM, before any later task (the database's answer): no screen shown is missed.
    await tab.addInitScript(() => {
      const shown: string[][] = [];
      Object.assign(globalThis, { firstScreens: shown });
      new MutationObserver((mutations) => {
        for (const mutation of mutations)
          for (const node of mutation.addedNodes)
            if (node instanceof HTMLElement && node.matches('main[aria-busy="true"]'))
              shown.push([...node.querySelectorAll('.offer-row__title')].map((title) => title.textContent ?? ''));
      }).observe(document, { childList: true, subtree: true });
    });
    await tab.goto(popupUrl);
    await tab.locator('.todo').waitFor();
    const firstScreens = () => tab.evaluate(() => (globalThis as { firstScreens?: string[][] }).firstScreens ?? []);
    return { tab, firstScreens };
  }

  const remembered = (on: Page) => on.evaluate((key) => localStorage.getItem(key), REMEMBERED_FIRST_SCREEN_KEY);
  const rememberedTitles = async (on: Page) =>
    (JSON.parse((await remembered(on)) ?? '{"items":[]}') as { items: Array<{ title: string }> }).items.map(
      (item) => item.title,
    );
  // The first screen: open, closing today or later, soonest first.
  const FIRST_SCREEN_TITLES = ['Développeuse full-stack', 'Designer UX'];

  it('paints the first screen the last popup showed at once, then the database’s where they differ', async () => {
    // The popups opened so far remembered the top of the list.
    expect(await rememberedTitles(page)).toEqual(FIRST_SCREEN_TITLES);
    // Made to differ from the database, as after a save the background made while no popup was open.
    const stale = JSON.parse((await remembered(page)) ?? '') as { items: Array<Record<string, unknown>> };
    stale.items = [{ ...stale.items[1], id: 'gone', title: 'Offre supprimée depuis' }];
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
      REMEMBERED_FIRST_SCREEN_KEY,
      JSON.stringify(stale),
    ] as const);

    const { tab, firstScreens } = await openRecordingFirstScreens();
    try {
      // The remembered screen first, then the database's in its place.
      expect(await firstScreens()).toEqual([['Offre supprimée depuis'], FIRST_SCREEN_TITLES]);
      const titles = tab.getByRole('list', { name: 'Mes offres' }).locator('.offer-row__title');
      await expect.poll(() => titles.count()).toBe(ROWS.length);
      expect(await titles.allTextContents()).not.toContain('Offre supprimée depuis');
      expect(await rememberedTitles(tab)).toEqual(FIRST_SCREEN_TITLES);
    } finally {
      await tab.close();
    }
    // Remembered right: painted at once, and not replaced, as the database has the same.
    const { tab: next, firstScreens: nextScreens } = await openRecordingFirstScreens();
    try {
      expect(await nextScreens()).toEqual([FIRST_SCREEN_TITLES]);
    } finally {
      await next.close();
    }
  });

  it('ignores a remembered first screen it cannot read, and paints the database’s', async () => {
    await page.evaluate(
      (key) => localStorage.setItem(key, '{"v":1,"locale":"fr","items":[{"id":7}'),
      REMEMBERED_FIRST_SCREEN_KEY,
    );
    const { tab, firstScreens } = await openRecordingFirstScreens();
    try {
      expect(await firstScreens()).toEqual([FIRST_SCREEN_TITLES]);
      expect(await rememberedTitles(tab)).toEqual(FIRST_SCREEN_TITLES);
    } finally {
      await tab.close();
    }
  });

  it('searches without accents and filters by stage', async () => {
    await page.getByLabel('Rechercher').fill('cohesion');
    const titles = page.getByRole('list', { name: 'Mes offres' }).locator('.offer-row__title');
    await expect.poll(() => titles.allTextContents()).toEqual(['Développeuse full-stack']);
    await page.getByLabel('Rechercher').fill('');
    await page.getByLabel('Étape').selectOption('applied');
    await expect.poll(() => titles.allTextContents()).toEqual(['Ingénieur·e ops']);
    await page.getByLabel('Étape').selectOption('all');
  });

  it('opens a row with Enter and comes back to it with Escape', async () => {
    const first = page.getByRole('list', { name: 'Mes offres' }).getByRole('button').first();
    await first.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Designer UX' }).waitFor();
    expect(new URL(page.url()).searchParams.get('offer')).toBe(ROWS[1]?.id);
    await screenshot(page, 'popup-detail');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Designer UX');
  });

  it('passes an axe-core audit, list and detail', async () => {
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${popupUrl}?offer=${encodeURIComponent(ROWS[3]?.id ?? '')}`);
    await page.getByRole('heading', { level: 1, name: 'Développeuse full-stack' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('moves an application to « Candidature envoyée » through the background', async () => {
    await page.goto(`${popupUrl}?offer=${encodeURIComponent(ROWS[0]?.id ?? '')}`);
    await page.getByRole('button', { name: 'Passer à « Candidature envoyée »' }).click();
    await page.getByText(/^Candidature envoyée, depuis le /).waitFor({ timeout: 10_000 });
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByRole('button', { name: 'Retour à la liste' }).click();
    const row = page.getByRole('list', { name: 'Mes offres' }).getByRole('button', { name: /Product manager/ });
    await expect.poll(() => row.textContent()).toContain('Candidature envoyée');
  });
});
