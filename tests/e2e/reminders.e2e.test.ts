/**
 * Reminders in the real browser, as a candidate meets them: a posting closing in two days (our
 * own page, its closing date in JSON-LD `validThrough`) saved from the popup → the toolbar badge
 * counts it → the next-reminder alarm is set for the right instant → an options change
 * re-schedules at once → a reminder a few seconds ahead is notified exactly once, and not again
 * after the service worker is stopped and woken → « Marquer comme envoyée » in « À faire »
 * schedules the follow-up.
 *
 * The expected instants are computed in the browser's own time zone with the project's pure
 * calendar helpers, so the test holds on any machine and at any hour.
 */
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser as extensionApi } from 'wxt/browser';
import type { MessageData, MessageType } from '../../lib/messaging';
import type { Reminder } from '../../lib/reminder';
import { addDays, localDate, zonedInstant } from '../../lib/reminders/zoned-time';
import type { SavedOffer } from '../../lib/saved-offer';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { type ExtensionBrowser, launchBrowser, missingPrerequisite, openPage, servePage } from './support/browser';
import { readTable } from './support/database';
import { readOwnFixture } from './support/fixtures';
import { panel, screenshot } from './support/panel';

const POSTING_URL =
  'https://incubateur.anct.gouv.fr/recrutements/equipe-rappels-charge-e-de-mission-numerique-inclusif-0123456789abcdef0123456789abcdef/';
const OFFER_ID = POSTING_URL.replace(/\/$/, '');
const TITLE = 'Chargé·e de mission numérique inclusif';
const NEXT_ALARM = 'postulo:next';
const SWEEP_ALARM = 'postulo:sweep';
const NOTIFICATION_PREFIX = 'postulo-reminder:';

const missing = missingPrerequisite();
if (missing) console.warn(`browser tests skipped: ${missing}`);

type ExtensionApi = typeof extensionApi;
/**
 * The extension's API, as the functions passed to `evaluate` see it: they run inside the service
 * worker or an extension page, where `chrome` is a global.
 */
declare const chrome: ExtensionApi;
interface AlarmInfo {
  name: string;
  scheduledTime: number;
  periodInMinutes?: number;
}

/** Sends a message to the background from an extension page, in lib/messaging's wire format. */
async function sendMessage<T extends MessageType>(page: Page, type: T, data: MessageData<T>): Promise<unknown> {
  const answer = await page.evaluate(
    ({ type, data }) => {
      return chrome.runtime.sendMessage({ id: Date.now(), type, data, timestamp: Date.now() }) as Promise<{
        res?: unknown;
        err?: unknown;
      }>;
    },
    { type, data },
  );
  if (answer?.err !== undefined) throw new Error(`${type} refused: ${JSON.stringify(answer.err)}`);
  return answer?.res;
}

/**
 * Stops the extension's service worker the way the browser does when it is idle (DevTools
 * protocol, ServiceWorker domain), and waits until it is stopped.
 */
async function stopServiceWorker(browser: ExtensionBrowser, page: Page): Promise<void> {
  const cdp = await browser.context.newCDPSession(page);
  const origin = `chrome-extension://${browser.extensionId}/`;
  const statuses: string[] = [];
  let versionId: string | null = null;
  cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
    for (const version of event.versions) {
      if (!version.scriptURL.startsWith(origin)) continue;
      versionId = version.versionId;
      statuses.push(version.runningStatus);
    }
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => versionId).not.toBeNull();
  await cdp.send('ServiceWorker.stopWorker', { versionId: versionId ?? '' });
  await expect.poll(() => statuses.at(-1)).toBe('stopped');
  await cdp.detach();
}

describe.skipIf(missing !== null)('reminders in Chromium', () => {
  let browser: ExtensionBrowser;
  let popup: Page;
  let popupUrl: string;
  let zone: string;
  let closesAt: string;
  let savedAt: number;

  /** The extension's service worker as it is now (the same handle works again after a restart). */
  function worker(): Worker {
    const origin = `chrome-extension://${browser.extensionId}/`;
    const found = browser.context.serviceWorkers().find((candidate) => candidate.url().startsWith(origin));
    if (!found) throw new Error('no service worker');
    return found;
  }

  const badgeText = () => worker().evaluate(() => chrome.action.getBadgeText({}));
  const alarm = async (name: string): Promise<AlarmInfo | null> =>
    ((await worker().evaluate(() => chrome.alarms.getAll())) as AlarmInfo[]).find((one) => one.name === name) ?? null;
  const reminders = async () =>
    (await readTable<Reminder>(popup, 'reminders')).filter((row) => row.offerId === OFFER_ID);
  const reminderIds = async () => (await reminders()).map((row) => row.id).sort();
  const at9 = (date: string) => zonedInstant(date, DEFAULT_SETTINGS.deadlineReminders.at, zone);

  /** Deadline reminders the schedule should hold: `daysBefore` at 09:00, those not already past at saving. */
  function expectedDeadlines(daysBefore: readonly number[]): { id: string; dueAt: number }[] {
    return daysBefore
      .map((days) => ({ id: `${OFFER_ID}#deadline-${days}@${closesAt}`, dueAt: at9(addDays(closesAt, -days)) }))
      .filter((reminder) => reminder.dueAt >= savedAt);
  }

  async function saveSettingsFromPage(settings: Settings): Promise<void> {
    await popup.evaluate((value) => chrome.storage.local.set({ settings: value }), settings);
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    popupUrl = `chrome-extension://${browser.extensionId}/popup.html`;
    zone = await worker().evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    closesAt = addDays(localDate(Date.now(), zone), 2);
    const html = readOwnFixture('reminders/closing-soon.html').replaceAll('__VALID_THROUGH__', closesAt);
    await servePage(browser.context, POSTING_URL, html);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('saves the posting from the popup; the badge counts it and the alarm waits for its next reminder', async () => {
    const posting = await openPage(browser.context, POSTING_URL);
    await expect.poll(() => panel(posting).count()).toBe(1);

    // The popup, opened as a tab, reads the tab the candidate is on: the posting.
    popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 700 });
    await posting.bringToFront();
    await popup.goto(popupUrl);
    const currentTab = popup.getByRole('region', { name: 'Onglet actuel' });
    await currentTab.getByText(TITLE).waitFor();
    await currentTab.getByRole('button', { name: "Enregistrer l'offre" }).click();
    await currentTab.getByText(/Enregistrée/).waitFor();

    const [offer] = (await readTable<SavedOffer>(popup, 'offers')).filter((row) => row.id === OFFER_ID);
    expect(offer?.page.closesAt).toBe(closesAt);
    savedAt = Date.parse(offer?.savedAt ?? '');

    await expect.poll(badgeText).toBe('1');
    const expected = expectedDeadlines(DEFAULT_SETTINGS.deadlineReminders.daysBefore);
    await expect.poll(reminderIds).toEqual(expected.map((reminder) => reminder.id).sort());
    const next = Math.min(...expected.map((reminder) => reminder.dueAt));
    await expect.poll(async () => (await alarm(NEXT_ALARM))?.scheduledTime).toBe(next);
    expect((await alarm(SWEEP_ALARM))?.periodInMinutes).toBe(15);
    await posting.close();
  });

  it('an options change in storage.local re-schedules at once, without reloading the extension', async () => {
    const before = await reminderIds();
    const changed: Settings = {
      ...DEFAULT_SETTINGS,
      deadlineReminders: { ...DEFAULT_SETTINGS.deadlineReminders, daysBefore: [1, 0] },
    };
    await saveSettingsFromPage(changed);
    const expected = expectedDeadlines([1, 0]);
    await expect.poll(reminderIds).toEqual(expected.map((reminder) => reminder.id).sort());
    await expect
      .poll(async () => (await alarm(NEXT_ALARM))?.scheduledTime)
      .toBe(Math.min(...expected.map((reminder) => reminder.dueAt)));

    await saveSettingsFromPage(DEFAULT_SETTINGS);
    await expect.poll(reminderIds).toEqual(before);
  });

  it('a reminder a few seconds ahead is notified once, and not again after a service-worker restart', async () => {
    // Records every notification the background creates from now on.
    await worker().evaluate(() => {
      const notifications = chrome.notifications as unknown as { create: (...args: unknown[]) => unknown };
      const created: string[] = [];
      Reflect.set(globalThis, '__postuloCreated', created);
      const original = notifications.create.bind(notifications);
      notifications.create = (...args: unknown[]) => {
        if (typeof args[0] === 'string') created.push(args[0]);
        return original(...args);
      };
    });
    const created = () =>
      worker().evaluate(() => (Reflect.get(globalThis, '__postuloCreated') as string[] | undefined) ?? null);

    const dueAt = Date.now() + 4000;
    const added = (await sendMessage(popup, 'addReminder', {
      offerId: OFFER_ID,
      reminder: { at: new Date(dueAt).toISOString(), label: "Préparer l'entretien" },
    })) as { id: string };
    const reminderId = `${OFFER_ID}#custom-${added.id}`;
    const notificationId = NOTIFICATION_PREFIX + reminderId;

    // The next alarm moves to that instant (the background answers before its after-write work).
    await expect.poll(async () => Math.abs(((await alarm(NEXT_ALARM))?.scheduledTime ?? 0) - dueAt)).toBeLessThan(1000);

    await expect.poll(created, { timeout: 20_000 }).toContain(notificationId);
    const shownAt = (await reminders()).find((row) => row.id === reminderId)?.shownAt ?? null;
    expect(shownAt).not.toBeNull();
    expect(await worker().evaluate(() => chrome.notifications.getAll())).toHaveProperty([notificationId]);
    await expect.poll(badgeText).toBe('2');

    // Another wake (a write reconciles and refreshes) does not show it again.
    const later = (await sendMessage(popup, 'addReminder', {
      offerId: OFFER_ID,
      reminder: { at: new Date(Date.now() + 30 * 86_400_000).toISOString(), label: 'Plus tard' },
    })) as { id: string };
    expect((await created())?.filter((id) => id === notificationId)).toHaveLength(1);

    // The candidate closes the notification: were it shown again, it would be back in the tray.
    await worker().evaluate((id) => chrome.notifications.clear(id), notificationId);
    await stopServiceWorker(browser, popup);

    // Any message wakes it; this write's answer comes once the wake's refreshes are done.
    await sendMessage(popup, 'removeReminder', { offerId: OFFER_ID, reminderId: later.id });
    expect(await created()).toBeNull(); // a new service worker: the recorder is gone
    expect(await worker().evaluate(() => chrome.notifications.getAll())).not.toHaveProperty([notificationId]);
    expect((await reminders()).find((row) => row.id === reminderId)?.shownAt).toBe(shownAt);

    // Notifications or not, « À faire » in the popup carries it.
    await popup.reload();
    const todo = popup.getByRole('region', { name: /^À faire/ });
    await todo.getByText("Préparer l'entretien").waitFor();
    expect(await todo.getByRole('listitem').count()).toBe(2);
    expect(await popup.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(popup, 'popup-todo');
  });

  it('« Marquer comme envoyée » in « À faire » schedules the follow-up reminder', async () => {
    const todo = popup.getByRole('region', { name: /^À faire/ });
    await todo.getByRole('button', { name: `Marquer comme envoyée — ${TITLE}` }).click();

    await expect
      .poll(
        async () =>
          (await readTable<SavedOffer>(popup, 'offers')).find((row) => row.id === OFFER_ID)?.application.stage,
      )
      .toBe('applied');
    const offer = (await readTable<SavedOffer>(popup, 'offers')).find((row) => row.id === OFFER_ID);
    const appliedAt = Date.parse(offer?.application.history.at(-1)?.at ?? '');
    const followUpDue = at9(addDays(localDate(appliedAt, zone), DEFAULT_SETTINGS.followUp.afterDays));

    await expect
      .poll(async () => (await reminders()).filter((row) => row.kind !== 'custom').map((row) => [row.id, row.dueAt]))
      .toEqual([[`${OFFER_ID}#follow-up-1`, followUpDue]]);
    // Nothing else is waiting (the deadlines went, the own reminder was shown): the alarm is the follow-up's.
    await expect.poll(async () => (await alarm(NEXT_ALARM))?.scheduledTime).toBe(followUpDue);
    await todo.getByText('Candidature envoyée').waitFor();
    await screenshot(popup, 'popup-todo-applied');
  });
});
