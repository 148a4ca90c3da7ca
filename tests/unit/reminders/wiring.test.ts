/**
 * The reminder service as the background wires it, under WXT's fake browser: the real context
 * (after-write hook, locale from the settings), the real message handlers and repository, and
 * the service started by `startBackgroundReminders`. Time is moved with a fake `Date`.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '../../../lib/background';
import { type BackgroundContext, browserContext } from '../../../lib/background/context';
import { receiveMessage } from '../../../lib/background/handlers';
import { startBackgroundReminders } from '../../../lib/background/reminders';
import { getDb, type PostuloDb } from '../../../lib/db';
import { localTimeZone, type ReminderService, reconcileReminders } from '../../../lib/reminders';
import { NEXT_ALARM, SWEEP_ALARM } from '../../../lib/reminders/alarms';
import { deadlineReminderId, followUpReminderId } from '../../../lib/reminders/schedule';
import { notificationIdOf } from '../../../lib/reminders/service';
import { addDays, zonedInstant } from '../../../lib/reminders/zoned-time';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import { saveSettings } from '../../../lib/settings-store';
import { canonicalUrl } from '../../../lib/url';
import { freshDb, makeOffer, POSTING_URL } from '../storage/offer-factory';

const ID = canonicalUrl(POSTING_URL);
const zone = localTimeZone();
const today = '2026-06-09';
/** Early morning where the tests run, so today's 09:00 reminder is still ahead. */
const SAVED_AT = zonedInstant(today, '07:00', zone);
const closesAt = addDays(today, 2);
const at9 = (date: string) => zonedInstant(date, '09:00', zone);

let db: PostuloDb;
let ctx: BackgroundContext;
let services: ReminderService[];

function popupSender(context: BackgroundContext) {
  return { id: context.runtimeId, url: `${context.extensionOrigin}popup.html` };
}

function start(): ReminderService {
  const service = startBackgroundReminders(ctx, fakeBrowser);
  services.push(service);
  return service;
}

async function saveClosingInTwoDays(): Promise<void> {
  await receiveMessage('saveOffer', { offer: makeOffer({ closesAt }) }, popupSender(ctx), ctx);
}

async function reminderIds(): Promise<string[]> {
  return (await db.reminders.toArray()).map((row) => row.id).sort();
}

async function settingsWith(change: (settings: Settings) => Settings): Promise<void> {
  await saveSettings(change(structuredClone(DEFAULT_SETTINGS)), fakeBrowser.storage);
}

function moveClockTo(instant: number): void {
  vi.setSystemTime(instant);
}

async function fireAlarm(name: string): Promise<void> {
  const alarm = await fakeBrowser.alarms.get(name);
  await fakeBrowser.alarms.onAlarm.trigger({
    name,
    scheduledTime: alarm?.scheduledTime ?? Date.now(),
    persistAcrossSessions: false,
  });
}

const reminderNotifications = () =>
  Object.entries(fakeBrowser.notifications.getAllCreateOptions()).filter(([id]) => id.startsWith(notificationIdOf('')));

beforeEach(async () => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  moveClockTo(SAVED_AT);
  db = freshDb();
  await db.open();
  ctx = browserContext(db);
  services = [];
});

afterEach(async () => {
  for (const service of services) service.stop();
  vi.useRealTimers();
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

describe('a write through the background', () => {
  it('schedules the reminders, draws the badge and arms the alarm for the next one', async () => {
    await start().refresh();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');

    await saveClosingInTwoDays();

    // The background answers once the write is committed; the after-write work follows it.
    await vi.waitFor(async () => {
      // Saved two days before closing: the « 7 jours » reminder was due before the save, left out.
      expect(await reminderIds()).toEqual(
        [deadlineReminderId(ID, 0, closesAt), deadlineReminderId(ID, 2, closesAt)].sort(),
      );
      expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
      expect((await fakeBrowser.alarms.get(NEXT_ALARM))?.scheduledTime).toBe(at9(today));
      expect(await fakeBrowser.alarms.get(SWEEP_ALARM)).toBeDefined();
    });
  });

  it('moving the stage from the popup schedules the follow-up at once (the after-write hook)', async () => {
    start();
    await saveClosingInTwoDays();
    await receiveMessage('setStage', { id: ID, stage: 'applied' }, popupSender(ctx), ctx);

    await vi.waitFor(async () => {
      expect(await reminderIds()).toEqual([followUpReminderId(ID, 1)]);
      const followUp = await db.reminders.get(followUpReminderId(ID, 1));
      expect(followUp?.dueAt).toBe(at9(addDays(today, DEFAULT_SETTINGS.followUp.afterDays)));
      expect((await fakeBrowser.alarms.get(NEXT_ALARM))?.scheduledTime).toBe(followUp?.dueAt);
    });
  });

  it('deleting the offer takes its reminders, the badge and the alarm away', async () => {
    start();
    await saveClosingInTwoDays();
    // The save's reminders exist first, so their absence afterwards is the deletion's doing.
    await vi.waitFor(async () => expect(await reminderIds()).not.toEqual([]));
    await receiveMessage('deleteOffer', { id: ID }, popupSender(ctx), ctx);

    await vi.waitFor(async () => {
      expect(await reminderIds()).toEqual([]);
      expect(await fakeBrowser.action.getBadgeText({})).toBe('');
      expect(await fakeBrowser.alarms.get(NEXT_ALARM)).toBeUndefined();
    });
  });
});

describe('notifications', () => {
  it('the alarm shows the due reminder once, with the extension icon; a later wake shows nothing more', async () => {
    const service = start();
    await saveClosingInTwoDays();
    moveClockTo(at9(today) + 60_000);
    await fireAlarm(NEXT_ALARM);
    await service.refresh();

    const shown = reminderNotifications();
    expect(shown.map(([id]) => id)).toEqual([notificationIdOf(deadlineReminderId(ID, 2, closesAt))]);
    expect(shown[0]?.[1].iconUrl).toBe(fakeBrowser.runtime.getURL('/icon/128.png'));
    expect(shown[0]?.[1].title).toBe('Clôture dans 2 jours');

    // The candidate closes it; a sweep and a new service worker do not bring it back.
    await fakeBrowser.notifications.clear(notificationIdOf(deadlineReminderId(ID, 2, closesAt)));
    await fireAlarm(SWEEP_ALARM);
    service.stop();
    await start().refresh();
    expect(reminderNotifications()).toEqual([]);
  });

  it('« Marquer comme envoyée » moves the offer through the repository and schedules the follow-up', async () => {
    const service = start();
    await saveClosingInTwoDays();
    const clickedAt = at9(today) + 5 * 60_000;
    moveClockTo(clickedAt);
    await service.refresh();
    const notificationId = notificationIdOf(deadlineReminderId(ID, 2, closesAt));
    expect(reminderNotifications().map(([id]) => id)).toEqual([notificationId]);

    await fakeBrowser.notifications.onButtonClicked.trigger(notificationId, 0);

    await vi.waitFor(async () => expect((await db.offers.get(ID))?.stage).toBe('applied'));
    const row = await db.offers.get(ID);
    const applied = row?.application.history.at(-1);
    expect(applied?.stage).toBe('applied');
    // vi.waitFor moves the fake clock on a little while it polls.
    expect(Date.parse(applied?.at ?? '')).toBeGreaterThanOrEqual(clickedAt);
    expect(row?.updatedAt).toBe(applied?.at);
    await vi.waitFor(async () => expect(await reminderIds()).toEqual([followUpReminderId(ID, 1)]));
    expect(reminderNotifications()).toEqual([]);
  });
});

describe('the options page, live', () => {
  it('a change of the days before closing re-schedules without a reload', async () => {
    start();
    await saveClosingInTwoDays();
    await settingsWith((settings) => ({
      ...settings,
      deadlineReminders: { ...settings.deadlineReminders, daysBefore: [1, 0] },
    }));

    await vi.waitFor(async () =>
      expect(await reminderIds()).toEqual(
        [deadlineReminderId(ID, 0, closesAt), deadlineReminderId(ID, 1, closesAt)].sort(),
      ),
    );
    await vi.waitFor(async () =>
      expect((await fakeBrowser.alarms.get(NEXT_ALARM))?.scheduledTime).toBe(at9(addDays(today, 1))),
    );
  });

  it('the background speaks the language chosen there, in its notifications too', async () => {
    const service = start();
    expect(await ctx.locale()).toBe('fr');
    await settingsWith((settings) => ({ ...settings, locale: 'en' }));
    expect(await ctx.locale()).toBe('en');

    await saveClosingInTwoDays();
    moveClockTo(at9(today) + 60_000);
    await service.refresh();
    expect(reminderNotifications()[0]?.[1].title).toBe('Closes in 2 days');
  });
});

describe('startBackground', () => {
  it('starts the reminder service and renames the menu when the language changes', async () => {
    const titles: string[] = [];
    // The fake browser has no menus or commands: the gestures' listeners are accepted and ignored.
    vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(((
      properties: { title?: string },
      done?: () => void,
    ) => {
      titles.push(properties.title ?? '');
      done?.();
      return 'menu';
    }) as typeof fakeBrowser.contextMenus.create);

    startBackground();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(SWEEP_ALARM)).toBeDefined());
    await vi.waitFor(() => expect(titles).toEqual(['Enregistrer cette offre dans Postulo']));

    await settingsWith((settings) => ({ ...settings, locale: 'en' }));
    await vi.waitFor(() => expect(titles.at(-1)).toBe('Save this offer in Postulo'));

    // The shared database the background opened: let the service finish, then leave nothing behind.
    const shared = getDb();
    await reconcileReminders(shared);
    await shared.delete();
  });
});
