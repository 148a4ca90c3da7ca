/**
 * The background's reminder service: alarms, notifications and the badge around the reminders
 * table.
 *
 * Service workers die and alarms get lost, so nothing is remembered in memory: every wake
 * (install, update, browser start, alarm, settings change, any write) runs the same `refresh`,
 * which reconciles the table with the offers, notifies what fell due (each reminder once, see
 * deliver.ts), redraws the badge and re-arms the alarms. The browser and the database are passed
 * in, so the whole service runs under the fake browser in tests.
 */
import type { Stage } from '../application';
import type { PostuloDb } from '../db';
import { resolveLocale } from '../i18n';
import type { Reminder } from '../reminder';
import type { Settings } from '../settings';
import { loadSettings, watchSettings } from '../settings-store';
import { armNextAlarm, ensureSweepAlarm, NEXT_ALARM, SWEEP_ALARM } from './alarms';
import {
  type AlarmState,
  type BasicNotification,
  badgeApiOf,
  type ReminderBrowser,
  supportsNotificationButtons,
} from './browser-api';
import { nextDueAt, takeDueReminders } from './deliver';
import { badgeCount, badgeText } from './due';
import { actionLabel, actionsFor, notificationText, type ReminderAction } from './format';
import { outsideQuietHours, quietPeriodEnd } from './quiet-hours';
import { syncReminderTable } from './reconcile';
import { offerIdOfReminder } from './schedule';
import { addDays, localDate, localTimeZone, zonedInstant } from './zoned-time';

export interface SettingsSource {
  load(): Promise<Settings>;
  watch(onChange: (settings: Settings) => void): () => void;
}

export interface ReminderServiceOptions {
  db: PostuloDb;
  browser: ReminderBrowser;
  /** Moves an offer to a stage exactly as the popup does (history, derived keys): the buttons use it. */
  setStage(offerId: string, stage: Stage): Promise<void>;
  /** Epoch milliseconds; injectable so tests can move time. */
  now?: () => number;
  /** The user's IANA time zone; the browser's by default. */
  timeZone?: () => string;
  /** Settings in `storage.local` by default. */
  settings?: SettingsSource;
  /** The notification icon; a small built-in image by default (Chrome requires one). */
  iconUrl?: string;
}

export interface ReminderService {
  /** Reconciles, notifies what is due, redraws the badge and re-arms the alarms. Calls are queued. */
  refresh(): Promise<void>;
  /** Removes the service's listeners. */
  stop(): void;
}

const NOTIFICATION_PREFIX = 'postulo-reminder:';
const BADGE_COLOR = '#000091';
/** A 32 × 32 PNG: a white dot on blue. */
export const DEFAULT_ICON_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAARUlEQVR42u3VMQ4AIAgEwft/54u1t1EKAS+7Cf00gKQxawcAAAAAfgXspQFOPQXc5gmIBsAPwBa0OEQtTjHfEAAAAHaABSMET6p35YX5AAAAAElFTkSuQmCC';

export function notificationIdOf(reminderId: string): string {
  return NOTIFICATION_PREFIX + reminderId;
}

/** The reminder behind one of our notifications, or null for anyone else's. */
export function reminderIdOfNotification(notificationId: string): string | null {
  return notificationId.startsWith(NOTIFICATION_PREFIX) ? notificationId.slice(NOTIFICATION_PREFIX.length) : null;
}

/** The popup's page for one offer, opened in a tab. */
export function offerPageUrl(runtime: ReminderBrowser['runtime'], offerId: string): string {
  return `${runtime.getURL('/popup.html')}?offer=${encodeURIComponent(offerId)}`;
}

const running = new Map<PostuloDb, ReminderService>();

/**
 * Refreshes the service running on `db` (call it after every write to offers). Without a running
 * service (a page, a test of something else) there is nothing to wake, and it does nothing.
 */
export async function reconcileReminders(db: PostuloDb): Promise<void> {
  await running.get(db)?.refresh();
}

/**
 * Registers the listeners (synchronously, as a service worker must on each start) and runs a
 * first refresh: starting the service is itself a wake.
 */
export function startReminderService(options: ReminderServiceOptions): ReminderService {
  const { db, browser } = options;
  const clock = options.now ?? Date.now;
  const zone = options.timeZone ?? localTimeZone;
  const settingsSource = options.settings ?? storageSettings(browser.storage);
  const iconUrl = options.iconUrl ?? DEFAULT_ICON_URL;
  // Firefox has `onButtonClicked` yet refuses `buttons` in `create`: after one refusal, they stay off.
  let withButtons = supportsNotificationButtons(browser.notifications);

  let queue: Promise<void> = Promise.resolve();
  let waiting: Promise<void> | null = null;

  /** One refresh at a time; requests made while one waits to start share it. */
  function refresh(): Promise<void> {
    if (waiting) return waiting;
    const run = queue.then(() => {
      waiting = null;
      return runRefresh();
    });
    waiting = run;
    queue = run.catch(() => undefined);
    return run;
  }

  async function runRefresh(): Promise<void> {
    const settings = await settingsSource.load();
    const now = clock();
    const timeZone = zone();
    await syncReminderTable(db, settings, now, timeZone);
    const quiet = quietPeriodEnd(now, settings.quietHours, timeZone) !== null;
    const due = quiet ? [] : await takeDueReminders(db, now);
    for (const reminder of due) await notify(reminder, settings, now, timeZone);
    await drawBadge(now, timeZone);
    const next = await nextDueAt(db);
    const when = next === null ? null : outsideQuietHours(Math.max(next, now), settings.quietHours, timeZone);
    await armNextAlarm(browser.alarms, when, now);
    await ensureSweepAlarm(browser.alarms);
  }

  async function notify(reminder: Reminder, settings: Settings, now: number, timeZone: string): Promise<void> {
    try {
      const offer = await db.offers.get(reminder.offerId);
      if (!offer) return;
      const locale = resolveLocale(settings.locale, uiLanguage(browser));
      const text = notificationText(reminder, offer, locale, now, timeZone);
      const plain: BasicNotification = { type: 'basic', iconUrl, title: text.title, message: text.message };
      const buttons = actionsFor(reminder.kind).map((action) => ({ title: actionLabel(action, locale) }));
      if (withButtons) {
        try {
          await browser.notifications.create(notificationIdOf(reminder.id), { ...plain, buttons });
          return;
        } catch (error) {
          if (!refusesButtons(error)) throw error;
          withButtons = false;
        }
      }
      await browser.notifications.create(notificationIdOf(reminder.id), plain);
    } catch (error) {
      // Already marked shown: the badge and « À faire » still carry it.
      console.error('Postulo: notification failed', reminder.id, error);
    }
  }

  async function drawBadge(now: number, timeZone: string): Promise<void> {
    const badge = badgeApiOf(browser);
    if (!badge) return;
    const [offers, reminders] = await Promise.all([db.offers.toArray(), db.reminders.toArray()]);
    const text = badgeText(badgeCount(offers, reminders, now, timeZone));
    await badge.setBadgeText({ text });
    if (text) await badge.setBadgeBackgroundColor({ color: BADGE_COLOR });
  }

  async function openOffer(offerId: string): Promise<void> {
    await browser.tabs.create({ url: offerPageUrl(browser.runtime, offerId) });
  }

  async function snooze(reminderId: string): Promise<void> {
    const settings = await settingsSource.load();
    const timeZone = zone();
    const tomorrow = addDays(localDate(clock(), timeZone), 1);
    const until = zonedInstant(tomorrow, settings.deadlineReminders.at, timeZone);
    await db.reminders.update(reminderId, { snoozedUntil: until, shownAt: null });
  }

  async function perform(action: ReminderAction, reminderId: string): Promise<void> {
    const offerId = offerIdOfReminder(reminderId);
    switch (action) {
      case 'open':
        await openOffer(offerId);
        return;
      case 'mark-applied':
        await options.setStage(offerId, 'applied');
        break;
      case 'mark-followed-up':
        await options.setStage(offerId, 'followed-up');
        break;
      case 'snooze':
        await snooze(reminderId);
        break;
    }
    await refresh();
  }

  const report = (what: string) => (error: unknown) => console.error(`Postulo: ${what} failed`, error);

  const onAlarm = (alarm: AlarmState) => {
    if (alarm.name === NEXT_ALARM || alarm.name === SWEEP_ALARM) void refresh().catch(report('reminder refresh'));
  };
  const onWake = () => void refresh().catch(report('reminder refresh'));
  const onClicked = (notificationId: string) => {
    const reminderId = reminderIdOfNotification(notificationId);
    if (reminderId === null) return;
    void Promise.all([openOffer(offerIdOfReminder(reminderId)), browser.notifications.clear(notificationId)]).catch(
      report('opening the offer'),
    );
  };
  const onButtonClicked = (notificationId: string, buttonIndex: number) => {
    const reminderId = reminderIdOfNotification(notificationId);
    if (reminderId === null) return;
    void (async () => {
      const row = await db.reminders.get(reminderId);
      const kind = row?.kind ?? kindOfReminderId(reminderId);
      const action = kind ? actionsFor(kind)[buttonIndex] : undefined;
      await browser.notifications.clear(notificationId);
      if (action) await perform(action, reminderId);
    })().catch(report('notification button'));
  };

  browser.alarms.onAlarm.addListener(onAlarm);
  browser.runtime.onStartup.addListener(onWake);
  browser.runtime.onInstalled.addListener(onWake);
  browser.notifications.onClicked.addListener(onClicked);
  if (withButtons) browser.notifications.onButtonClicked?.addListener(onButtonClicked);
  const unwatch = settingsSource.watch(onWake);

  const service: ReminderService = {
    refresh,
    stop() {
      browser.alarms.onAlarm.removeListener(onAlarm);
      browser.runtime.onStartup.removeListener(onWake);
      browser.runtime.onInstalled.removeListener(onWake);
      browser.notifications.onClicked.removeListener(onClicked);
      browser.notifications.onButtonClicked?.removeListener(onButtonClicked);
      unwatch();
      if (running.get(db) === service) running.delete(db);
    },
  };
  running.set(db, service);
  onWake();
  return service;
}

function storageSettings(storage: ReminderBrowser['storage']): SettingsSource {
  return {
    load: () => loadSettings(storage),
    watch: (onChange) => watchSettings(onChange, storage),
  };
}

function uiLanguage(browser: ReminderBrowser): string {
  try {
    return browser.i18n?.getUILanguage() ?? 'fr';
  } catch {
    return 'fr';
  }
}

/** The kind, read back from a computed id, for a reminder deleted since its notification. */
function kindOfReminderId(reminderId: string): Reminder['kind'] | null {
  const match = /#(deadline|follow-up|custom)-/.exec(reminderId);
  return match ? (match[1] as Reminder['kind']) : null;
}

/** Firefox's answer to `buttons`: « Property "buttons" is unsupported by Firefox ». */
function refusesButtons(error: unknown): boolean {
  return /\bbuttons\b/.test(error instanceof Error ? error.message : String(error));
}
