/**
 * Reading the Postulo panel and the listing marks the way a user meets them: by role and
 * accessible name (Playwright's locators pierce the open shadow roots).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const PANEL_NAME = { fr: 'Postulo : offre lue sur cette page', en: 'Postulo: offer read on this page' };

export function panel(page: Page, locale: keyof typeof PANEL_NAME = 'fr'): Locator {
  return page.getByRole('region', { name: PANEL_NAME[locale] });
}

/** The value shown beside a label (« Contrat », « Clôture »…). */
export function panelField(page: Page, label: string): Locator {
  return panel(page)
    .locator('.field')
    .filter({ has: page.locator('dt', { hasText: label }) })
    .locator('dd');
}

/** Lets the posting reader run to the end on a page where it must show nothing. */
export async function settle(page: Page, ms = 1000): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForTimeout(ms);
}

/** Postulo's elements in the page: the panel host and the listing marks. */
export function postuloHosts(page: Page): Locator {
  return page.locator('postulo-panel, postulo-mark');
}

const SCREENSHOTS = resolve(import.meta.dirname, '../../../test-results/e2e');

/** Saves a screenshot under test-results/e2e/ (git-ignored), for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
