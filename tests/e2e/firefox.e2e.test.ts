/**
 * Firefox ESR loads the Firefox build and saves offers from postings served at their real
 * addresses: our own page always, and the newest posting of each site of the shared fixtures
 * when they are beside the project. Each save is read back in Postulo's own page, opened by the
 * panel's « Voir dans Postulo » (the popup page, in a tab), then in its list. The posting reader
 * the background injects once a tab has loaded (through a `tabs.onUpdated` listener that Firefox
 * filters for us) also marks the listing, follows a client-side navigation, and lets a hostile
 * page save nothing.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIsoDate } from '../../lib/i18n';
import { type Case, isRight } from '../support/cases';
import {
  EXTENSION_UUID,
  type FirefoxWithExtension,
  firefoxScreenshot,
  interceptRequests,
  launchFirefox,
  missingFirefoxPrerequisite,
  nextExtensionTab,
} from './support/firefox';
import {
  newestSnapshot,
  readOwnFixture,
  readSharedPage,
  SHARED_MISSING_MESSAGE,
  sharedCases,
  sharedFixturesAvailable,
} from './support/fixtures';

const OWN_POSTING_URL =
  'https://incubateur.anct.gouv.fr/recrutements/equipe-beta-designer-11223344556677889900aabbccddeeff/';
const LISTING_URL = 'https://incubateur.anct.gouv.fr/recrutements/pourvues/';
const NAVIGATING_URL =
  'https://incubateur.anct.gouv.fr/recrutements/equipe-test-developpeur-se-front-end-0123456789abcdef0123456789abcdef/';
const HOSTILE_URL =
  'https://incubateur.anct.gouv.fr/recrutements/equipe-hostile-developpeur-se-front-end-0123456789abcdef0123456789abcdef/';
const GECKO_ID = 'postulo@postulo.app';
const PANEL = 'postulo-panel >>> ::-p-aria([name="Postulo : offre lue sur cette page"][role="region"])';
const FIREFOX_START_MS = 90_000;
const STEP_MS = 20_000;

const missing = missingFirefoxPrerequisite();
if (missing) console.warn(`Firefox test skipped: ${missing}`);
if (!sharedFixturesAvailable()) console.warn(SHARED_MISSING_MESSAGE);

/** Per site, the posting of the newest build: the layout candidates meet today. */
function newestPostings(cases: readonly Case[]): Case[] {
  const sites = [...new Set(cases.map((testCase) => testCase.site))].sort();
  return sites.flatMap((site) => {
    const date = newestSnapshot(cases, site, 'posting');
    const newest = cases.find(
      (testCase) => testCase.site === site && testCase.kind === 'posting' && testCase.snapshot?.date === date,
    );
    return newest ? [newest] : [];
  });
}

const REAL_POSTINGS = newestPostings(sharedCases());

/** The newest real incubateur posting whose closing date lives only in its self-removing state script. */
const HIDDEN_DATA_POSTING = sharedCases()
  .filter(
    (testCase) =>
      testCase.site === 'incubateur.anct.gouv.fr' &&
      testCase.kind === 'posting' &&
      testCase.where?.closesAt === 'inline-script' &&
      testCase.expected.closesAt,
  )
  .sort((a, b) => (b.snapshot?.date ?? '').localeCompare(a.snapshot?.date ?? ''))[0];

describe.skipIf(missing !== null)('Firefox ESR', () => {
  let firefox: FirefoxWithExtension;
  const served = new Map<string, string>();
  const savedTitles: string[] = [];

  beforeAll(async () => {
    served.set(OWN_POSTING_URL, readOwnFixture('content/incubateur-posting.html'));
    served.set(NAVIGATING_URL, readOwnFixture('content/incubateur-posting.html'));
    served.set(LISTING_URL, readOwnFixture('listing/incubateur-pourvues.html'));
    served.set(HOSTILE_URL, readOwnFixture('hostile/incubateur-posting.html'));
    for (const testCase of [...REAL_POSTINGS, ...(HIDDEN_DATA_POSTING ? [HIDDEN_DATA_POSTING] : [])])
      served.set(withoutHash(testCase.url), readSharedPage(testCase));
    firefox = await launchFirefox();
  }, FIREFOX_START_MS);

  afterAll(async () => {
    await firefox?.close();
  });

  async function openPosting(url: string): Promise<Page> {
    const page = await firefox.browser.newPage();
    await interceptRequests(page, served);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
    await page.waitForSelector(PANEL, { timeout: STEP_MS });
    return page;
  }

  /** The offer's title as the panel shows it. */
  function panelTitle(page: Page): Promise<string> {
    return page.$eval('postulo-panel >>> .role', (element) => element.textContent ?? '');
  }

  /**
   * The value the panel shows beside a label (« Contrat », « Clôture »…). Contract, closing date and
   * contact of an incubateur posting exist only in its self-removing state script: shown, they
   * prove the page's own world was read.
   */
  function panelField(page: Page, label: string): Promise<string | null> {
    return page.evaluate((label) => {
      const fields = document.querySelector('postulo-panel')?.shadowRoot?.querySelectorAll('.field') ?? [];
      const field = Array.from(fields).find((candidate) => candidate.querySelector('dt')?.textContent?.includes(label));
      return field?.querySelector('dd')?.textContent ?? null;
    }, label);
  }

  /** Saves from the panel and waits for its saved state, which needs the background's answer. */
  async function saveFromPanel(page: Page): Promise<void> {
    const save = await page.waitForSelector("postulo-panel >>> ::-p-aria(Enregistrer l'offre)", { timeout: STEP_MS });
    await save?.click();
    // Polled: a change inside the shadow root is no mutation of the document a selector wait observes.
    const saved = await page.waitForFunction(
      () => document.querySelector('postulo-panel')?.shadowRoot?.querySelector('.saved')?.textContent ?? null,
      { timeout: STEP_MS, polling: 100 },
    );
    expect(await saved.jsonValue()).toContain('Enregistrée');
  }

  /** « Voir dans Postulo » opens the popup page in a tab, on the saved offer. */
  async function openInPostulo(page: Page): Promise<Page> {
    const open = await page.waitForSelector('postulo-panel >>> ::-p-aria(Voir dans Postulo)', { timeout: STEP_MS });
    const postulo = await nextExtensionTab(firefox.browser, async () => {
      await open?.click();
    });
    expect(await postulo.evaluate(() => location.pathname)).toBe('/popup.html');
    return postulo;
  }

  async function detailHeading(postulo: Page): Promise<string> {
    const heading = await postulo.waitForSelector('h1', { timeout: STEP_MS });
    return (await heading?.evaluate((element) => element.textContent)) ?? '';
  }

  it(
    'runs the posting reader on our own posting, saves it, and shows it in Postulo',
    async () => {
      const page = await openPosting(OWN_POSTING_URL);
      const title = await panelTitle(page);
      expect(title).toBe('Développeur·se front-end');
      expect(await panelField(page, 'Contrat')).toBe('CDD 3 ans (CDD)');
      expect(await panelField(page, 'Clôture')).toMatch(/^30\/06\/2099 · clôture dans \d+ j$/);
      expect(await panelField(page, 'Contact')).toContain('recrutement@example.org');
      await firefoxScreenshot(page, 'firefox-own-posting');
      await saveFromPanel(page);

      const postulo = await openInPostulo(page);
      expect(await detailHeading(postulo)).toBe(title);
      expect(decodeURIComponent(await postulo.evaluate(() => location.search))).toContain(
        OWN_POSTING_URL.replace(/\/$/, ''),
      );
      await firefoxScreenshot(postulo, 'firefox-popup-detail');
      savedTitles.push(title);
      await postulo.close();
      await page.close();
    },
    FIREFOX_START_MS,
  );

  it(
    'marks the saved posting on the listing, and only that one',
    async () => {
      const page = await firefox.browser.newPage();
      await interceptRequests(page, served);
      await page.goto(LISTING_URL, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
      const marks = await page.waitForFunction(
        () => {
          const found = Array.from(document.querySelectorAll('postulo-mark'));
          return found.length > 0 ? found.map((mark) => mark.shadowRoot?.textContent ?? '') : null;
        },
        { timeout: STEP_MS, polling: 100 },
      );
      // The own posting saved above is the listing's « Designer » card.
      expect(await marks.jsonValue()).toEqual([expect.stringContaining('Postulo : À postuler')]);
      await page.close();
    },
    FIREFOX_START_MS,
  );

  it(
    'reads the page again after a client-side navigation',
    async () => {
      const page = await openPosting(NAVIGATING_URL);
      expect(await panelTitle(page)).toBe('Développeur·se front-end');
      await page.evaluate(() => {
        history.pushState({}, '', '/recrutements/equipe-autre-designer-fedcba9876543210fedcba9876543210/');
        const title = document.querySelector('.page-title');
        if (title) title.innerHTML = '<h2>Équipe Autre recrute :</h2><h1>Designer de services</h1>';
      });
      await page.waitForFunction(
        () =>
          document.querySelector('postulo-panel')?.shadowRoot?.querySelector('.role')?.textContent ===
          'Designer de services',
        { timeout: STEP_MS, polling: 100 },
      );
      expect(await page.$$eval('postulo-panel', (hosts) => hosts.length)).toBe(1);
      // The other post's data was never in an inline script, and Postulo fetches nothing.
      expect(await panelField(page, 'Clôture')).toBe('non indiqué');
      await page.close();
    },
    FIREFOX_START_MS,
  );

  it(
    'a hostile page cannot save by forging our messages, nor learn our ids',
    async () => {
      const page = await openPosting(HOSTILE_URL);
      await page.evaluate(
        (ids) => (Reflect.get(window, '__hostileForgeMessages') as (ids: string[]) => void)(ids),
        [EXTENSION_UUID, GECKO_ID],
      );
      await new Promise((wake) => setTimeout(wake, 1500));
      const report = (await page.evaluate(() => Reflect.get(window, '__hostileReport'))) as {
        messages: string[];
        runtime: string[];
      };
      expect(report.runtime.filter((attempt) => attempt.startsWith('answered'))).toEqual([]);
      expect(report.messages.filter((message) => message.includes(EXTENSION_UUID))).toEqual([]);
      expect(report.messages.filter((message) => message.includes(GECKO_ID))).toEqual([]);
      // Not saved: the panel still offers to save, and Postulo's list (the last test) holds only
      // what the candidate saved.
      await page.waitForSelector("postulo-panel >>> ::-p-aria(Enregistrer l'offre)", { timeout: STEP_MS });
      await page.close();
    },
    FIREFOX_START_MS,
  );

  describe.skipIf(REAL_POSTINGS.length === 0)('real postings of the shared fixtures', () => {
    for (const testCase of REAL_POSTINGS) {
      it(
        `${testCase.site}: ${testCase.id} is read, saved and listed`,
        async () => {
          const page = await openPosting(testCase.url);
          const title = await panelTitle(page);
          expect(isRight(testCase, 'title', title), `panel title « ${title} »`).toBe(true);
          await saveFromPanel(page);
          await firefoxScreenshot(page, `firefox-${testCase.site}-saved`);
          const postulo = await openInPostulo(page);
          expect(await detailHeading(postulo)).toBe(title);
          savedTitles.push(title);
          await postulo.close();
          await page.close();
        },
        FIREFOX_START_MS,
      );
    }
  });

  it.skipIf(!HIDDEN_DATA_POSTING)(
    'incubateur: shows the closing date a real posting keeps only in its self-removing script',
    async () => {
      if (!HIDDEN_DATA_POSTING) return;
      const { expected, where } = HIDDEN_DATA_POSTING;
      const page = await openPosting(HIDDEN_DATA_POSTING.url);
      expect(await panelField(page, 'Clôture')).toContain(formatIsoDate(expected.closesAt ?? '', 'fr'));
      if (where?.contact === 'inline-script' && expected.contact) {
        expect(await panelField(page, 'Contact')).toContain(expected.contact);
      }
      await page.close();
    },
    FIREFOX_START_MS,
  );

  it(
    "lists every saved offer in Postulo's list",
    async () => {
      expect(savedTitles.length).toBeGreaterThan(0);
      const page = await openPosting(OWN_POSTING_URL);
      const postulo = await openInPostulo(page);
      const back = await postulo.waitForSelector('::-p-aria(Retour à la liste)', { timeout: STEP_MS });
      await back?.click();
      await postulo.waitForSelector('::-p-aria([name="Mes offres"][role="list"])', { timeout: STEP_MS });
      await postulo.waitForFunction(
        (count) => document.querySelectorAll('.offer-row__title').length === count,
        { timeout: STEP_MS },
        savedTitles.length,
      );
      const listed = await postulo.$$eval('.offer-row__title', (rows) => rows.map((row) => row.textContent ?? ''));
      expect([...listed].sort()).toEqual([...savedTitles].sort());
      await firefoxScreenshot(postulo, 'firefox-popup-list');
      await postulo.close();
      await page.close();
    },
    FIREFOX_START_MS,
  );
});

function withoutHash(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}
