/**
 * The posting reader on real pages of both sites (the shared fixtures), served at their real
 * addresses with their own inline scripts running, as a visitor's browser would run them. Pages
 * are picked by their labelled properties, never by name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIsoDate } from '../../lib/i18n';
import { type Case, normalizeForCompare } from '../support/cases';
import { type ExtensionBrowser, launchBrowser, missingPrerequisite, openPage, servePage } from './support/browser';
import {
  newestSnapshot,
  readSharedPage,
  SHARED_MISSING_MESSAGE,
  sharedCases,
  sharedFixturesAvailable,
} from './support/fixtures';
import { panel, panelField, screenshot, settle } from './support/panel';

const INCUBATEUR = 'incubateur.anct.gouv.fr';
const BETA = 'beta.gouv.fr';

const missing = missingPrerequisite() ?? (sharedFixturesAvailable() ? null : SHARED_MISSING_MESSAGE);
if (missing) console.warn(`real-page browser tests skipped: ${missing}`);

const cases = sharedCases();

/** An incubateur posting of the newest build whose closing date and contact live only in the self-removing script. */
function hiddenDataPosting(): Case | undefined {
  const newest = newestSnapshot(cases, INCUBATEUR, 'posting');
  return cases.find(
    (c) =>
      c.site === INCUBATEUR &&
      c.kind === 'posting' &&
      c.snapshot?.date === newest &&
      c.where?.closesAt === 'inline-script' &&
      c.where?.contact === 'inline-script' &&
      c.expected.contractRaw !== null &&
      (c.where?.contractRaw === 'text' || c.where?.contractRaw === 'inline-script'),
  );
}

/** A beta.gouv.fr posting of the newest layout that names its organisation on the page. */
function betaPosting(): Case | undefined {
  const newest = newestSnapshot(cases, BETA, 'posting');
  return cases.find(
    (c) => c.site === BETA && c.kind === 'posting' && c.snapshot?.date === newest && c.where?.organization === 'text',
  );
}

const STATUS_FR: Record<string, string> = { open: 'Ouverte', closed: 'Clôturée', filled: 'Pourvue' };

function accepted(testCase: Case, field: keyof Case['expected']): string[] {
  return [testCase.expected[field], ...(testCase.alsoAccept?.[field] ?? [])]
    .map((value) => normalizeForCompare(field, value))
    .filter((value): value is string => value !== null);
}

function normalized(text: string | null): string | null {
  return text === null ? null : normalizeForCompare('title', text);
}

describe.skipIf(missing !== null)('posting reader on real pages', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('incubateur, newest build: shows role, contract, closing date and contact the page hides', async () => {
    const testCase = hiddenDataPosting();
    expect(testCase, 'no incubateur case with its closing date only in the inline script').toBeDefined();
    if (!testCase) return;
    await servePage(browser.context, testCase.url, readSharedPage(testCase));
    const page = await openPage(browser.context, testCase.url);
    await expect.poll(() => panel(page).count()).toBe(1);
    await screenshot(page, 'real-incubateur-posting');

    expect(accepted(testCase, 'title')).toContain(normalized(await panel(page).locator('.role').textContent()));
    const contract = normalized(await panelField(page, 'Contrat').textContent()) ?? '';
    expect(accepted(testCase, 'contractRaw').some((raw) => contract.includes(raw))).toBe(true);
    const closesAt = testCase.expected.closesAt ?? '';
    expect(await panelField(page, 'Clôture').textContent()).toContain(formatIsoDate(closesAt, 'fr'));
    const email = normalized(await panelField(page, 'Contact').locator('a[href^="mailto:"]').textContent());
    expect(accepted(testCase, 'contact')).toContain(email);
  });

  it('incubateur, every page whose closing date lives only in the inline script: the panel shows it', async () => {
    const hidden = cases.filter(
      (c) => c.site === INCUBATEUR && c.kind === 'posting' && c.where?.closesAt === 'inline-script',
    );
    expect(hidden.length).toBeGreaterThan(0);
    for (const testCase of hidden) {
      await servePage(browser.context, testCase.url, readSharedPage(testCase));
      const page = await openPage(browser.context, testCase.url);
      await expect.poll(() => panel(page).count(), { message: testCase.id }).toBe(1);
      const closing = await panelField(page, 'Clôture').textContent();
      expect(closing, testCase.id).toContain(formatIsoDate(testCase.expected.closesAt ?? '', 'fr'));
      await page.close();
    }
  });

  it('beta.gouv.fr: shows role, organisation and status', async () => {
    const testCase = betaPosting();
    expect(testCase, 'no beta.gouv.fr posting naming its organisation').toBeDefined();
    if (!testCase) return;
    await servePage(browser.context, testCase.url, readSharedPage(testCase));
    const page = await openPage(browser.context, testCase.url);
    await expect.poll(() => panel(page).count()).toBe(1);
    await screenshot(page, 'real-beta-posting');

    expect(accepted(testCase, 'title')).toContain(normalized(await panel(page).locator('.role').textContent()));
    expect(accepted(testCase, 'organization')).toContain(
      normalized(await panel(page).locator('.organization').textContent()),
    );
    const statuses = [testCase.expected.status, ...(testCase.alsoAccept?.status ?? [])].map(
      (status) => STATUS_FR[status ?? ''],
    );
    expect(statuses).toContain(await panelField(page, 'Statut').textContent());
  });

  it('shows no panel on listing pages, news pages or any other page', async () => {
    const notPostings = cases.filter((c) => c.kind !== 'posting');
    expect(notPostings.some((c) => c.kind === 'listing')).toBe(true);
    expect(notPostings.some((c) => new URL(c.url).pathname.startsWith('/actualites/'))).toBe(true);
    for (const testCase of notPostings) {
      await servePage(browser.context, testCase.url, readSharedPage(testCase));
      const page = await openPage(browser.context, testCase.url);
      await settle(page, 700);
      expect(await page.locator('postulo-panel').count(), testCase.id).toBe(0);
      await page.close();
    }
  });
});
