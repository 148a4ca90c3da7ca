/**
 * The background's reminder service under WXT's fake browser and a fake-indexeddb database:
 * alarms are triggered by hand, a service-worker restart is a new service instance on the same
 * database and alarms.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Stage } from '../../../lib/application';
import { PostuloDb } from '../../../lib/db';
import { NEXT_ALARM, SWEEP_ALARM, SWEEP_PERIOD_MINUTES } from '../../../lib/reminders/alarms';
import type { BasicNotification, ReminderBrowser } from '../../../lib/reminders/browser-api';
import { customReminderId } from '../../../lib/reminders/schedule';
import {
  notificationIdOf,
  type ReminderService,
  type ReminderServiceOptions,
  reconcileReminders,
  startReminderService,
} from '../../../lib/reminders/service';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { saveSettings } from '../../../lib/settings-store';
import { type OfferSpec, offerRow } from './saved-offers';

const ZONE = 'Europe/Paris';
const OFFER = 'https://beta.gouv.fr/recrutement/2026/06/01/dev.html';
const CUSTOM = customReminderId(OFFER, 'call');
const DUE = Date.parse('2026-06-10T12:00:00Z');
const minutes = (n: number) => n * 60_000;

let db: PostuloDb;
let clock: number;
let services: ReminderService[];
let created: [string, BasicNotification][];
let failNextNotification: boolean;

/** The fake browser, with notifications recorded (the fake keeps only the latest per id). */
function recordingBrowser(): ReminderBrowser {
  const base: ReminderBrowser = fakeBrowser;
  return {
    ...base,
    notifications: {
      create: async (id, options) => {
        created.push([id, options]);
        if (failNextNotification) {
          failNextNotification = false;
          throw new Error('notifications blocked');
        }
        return fakeBrowser.notifications.create(id, options);
      },
      clear: (id) => fakeBrowser.notifications.clear(id),
      onClicked: fakeBrowser.notifications.onClicked,
      onButtonClicked: fakeBrowser.notifications.onButtonClicked,
    },
  };
}

/** What the store's setStage does, as far as reminders care: a new history entry. */
async function setStage(offerId: string, stage: Stage): Promise<void> {
  const row = await db.offers.get(offerId);
  if (!row) throw new Error(`no offer ${offerId}`);
  const history = [...row.application.history, { stage, at: new Date(clock).toISOString() }];
  await db.offers.put({ ...row, stage, application: { ...row.application, stage, history } });
}

function start(overrides: Partial<ReminderServiceOptions> = {}): ReminderService {
  const service = startReminderService({
    db,
    browser: recordingBrowser(),
    setStage,
    now: () => clock,
    timeZone: () => ZONE,
    ...overrides,
  });
  services.push(service);
  return service;
}

/** A service worker dies: its listeners go, the database and alarms stay. */
function kill(service: ReminderService): void {
  service.stop();
}

async function save(spec: OfferSpec): Promise<void> {
  await db.offers.put(offerRow({ id: OFFER, savedAt: '2026-06-01T08:00:00Z', ...spec }));
}

const withCustomReminder: OfferSpec = {
  reminders: [{ id: 'call', at: new Date(DUE).toISOString(), label: 'Appeler Camille' }],
};

async function fireAlarm(name: string, service: ReminderService): Promise<void> {
  const alarm = await fakeBrowser.alarms.get(name);
  await fakeBrowser.alarms.onAlarm.trigger({
    name,
    scheduledTime: alarm?.scheduledTime ?? clock,
    persistAcrossSessions: false,
  });
  await service.refresh();
}

const notificationsCreated = () => created;

beforeEach(async () => {
  fakeBrowser.reset();
  created = [];
  failNextNotification = false;
  db = new PostuloDb(`test-${crypto.randomUUID()}`);
  await db.open();
  clock = Date.parse('2026-06-09T08:00:00Z');
  services = [];
});

afterEach(async () => {
  for (const service of services) service.stop();
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

describe('alarms', () => {
  it('arms one alarm for the next due reminder and a periodic sweep', async () => {
    await save(withCustomReminder);
    await start().refresh();
    expect(await fakeBrowser.alarms.get(NEXT_ALARM)).toMatchObject({ scheduledTime: DUE });
    expect(await fakeBrowser.alarms.get(SWEEP_ALARM)).toMatchObject({ periodInMinutes: SWEEP_PERIOD_MINUTES });
  });

  it('does not re-create (so never postpones) an alarm already set for that instant', async () => {
    await save(withCustomReminder);
    const service = start();
    await service.refresh();
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    for (let wake = 0; wake < 3; wake += 1) {
      clock += minutes(5);
      await fakeBrowser.runtime.onStartup.trigger();
      await service.refresh();
      await start().refresh(); // a fresh service worker, too
    }
    expect(create).not.toHaveBeenCalled();
  });

  it('clears the next-reminder alarm when nothing is waiting', async () => {
    await save(withCustomReminder);
    const service = start();
    await service.refresh();
    await db.offers.clear();
    await reconcileReminders(db);
    expect(await fakeBrowser.alarms.get(NEXT_ALARM)).toBeUndefined();
    expect(await fakeBrowser.alarms.get(SWEEP_ALARM)).toBeDefined();
  });
});

describe('each reminder is shown exactly once', () => {
  it('an alarm fires → one notification, with its text and buttons', async () => {
    await save(withCustomReminder);
    const service = start();
    await service.refresh();
    expect(notificationsCreated()).toHaveLength(0);

    clock = DUE;
    await fireAlarm(NEXT_ALARM, service);
    expect(notificationsCreated()).toHaveLength(1);
    expect(notificationsCreated()[0]).toEqual([
      notificationIdOf(CUSTOM),
      expect.objectContaining({
        type: 'basic',
        title: 'Appeler Camille',
        buttons: [{ title: "Ouvrir l'offre" }, { title: 'Me le rappeler demain' }],
      }),
    ]);
    expect(await db.reminders.get(CUSTOM)).toMatchObject({ shownAt: DUE });
  });

  it('a second wake, even in a restarted service worker, shows nothing again', async () => {
    await save(withCustomReminder);
    const first = start();
    await first.refresh();
    clock = DUE;
    await fireAlarm(NEXT_ALARM, first);
    kill(first);

    clock = DUE + minutes(1);
    const second = start();
    await second.refresh();
    await fireAlarm(SWEEP_ALARM, second);
    await fakeBrowser.runtime.onStartup.trigger();
    await second.refresh();
    expect(notificationsCreated()).toHaveLength(1);
  });

  it('two wakes racing each other still show it once', async () => {
    await save(withCustomReminder);
    const a = start();
    const b = start();
    await Promise.all([a.refresh(), b.refresh()]);
    clock = DUE;
    await Promise.all([fireAlarm(NEXT_ALARM, a), fireAlarm(SWEEP_ALARM, b), a.refresh(), b.refresh()]);
    expect(notificationsCreated()).toHaveLength(1);
  });

  it('a reminder that fell due while the browser was closed is shown once at the next start', async () => {
    await save(withCustomReminder);
    const before = start();
    await before.refresh();
    kill(before);
    await fakeBrowser.alarms.clearAll(); // Firefox forgets alarms on restart.

    clock = DUE + minutes(180);
    const after = start();
    await fakeBrowser.runtime.onStartup.trigger();
    await after.refresh();
    expect(notificationsCreated()).toHaveLength(1);
    expect(await fakeBrowser.alarms.get(SWEEP_ALARM)).toBeDefined();

    await fakeBrowser.runtime.onStartup.trigger();
    await after.refresh();
    expect(notificationsCreated()).toHaveLength(1);
  });

  it('after a week away, only the latest deadline reminder of an offer is shown', async () => {
    await save({ closesAt: '2026-06-20' });
    const before = start();
    await before.refresh();
    kill(before);
    clock = Date.parse('2026-06-19T06:00:00Z'); // 08:00 in Paris, the day before closing
    await start().refresh();
    expect(notificationsCreated()).toHaveLength(1);
    expect(notificationsCreated()[0]?.[1]).toMatchObject({ title: 'Clôture demain' });
    expect((await db.reminders.toArray()).filter((row) => row.shownAt === null).map((row) => row.label)).toEqual(['0']);
  });

  it('a notification that fails is not retried, and the badge still carries it', async () => {
    failNextNotification = true;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await save(withCustomReminder);
    clock = DUE;
    const service = start();
    await service.refresh();
    await service.refresh();
    expect(notificationsCreated()).toHaveLength(1);
    expect(errors).toHaveBeenCalled();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });
});

describe('quiet hours', () => {
  it('hold a notification until they end, then show it once', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, quietHours: { enabled: true, from: '21:00', to: '08:00' } });
    const lateEvening = Date.parse('2026-06-10T20:30:00Z'); // 22:30 in Paris
    await save({ reminders: [{ id: 'call', at: new Date(lateEvening).toISOString(), label: 'Appeler' }] });
    const service = start();
    await service.refresh();

    clock = lateEvening;
    await fireAlarm(NEXT_ALARM, service);
    expect(notificationsCreated()).toHaveLength(0);
    const morning = Date.parse('2026-06-11T06:00:00Z'); // 08:00 in Paris
    expect(await fakeBrowser.alarms.get(NEXT_ALARM)).toMatchObject({ scheduledTime: morning });

    clock = morning;
    await fireAlarm(NEXT_ALARM, service);
    expect(notificationsCreated()).toHaveLength(1);
  });
});

describe('the badge', () => {
  it('counts offers closing within 3 days, and is empty at zero', async () => {
    await save({ closesAt: '2026-06-11', savedAt: '2026-06-09T07:00:00Z' });
    await save({ closesAt: '2026-06-11', savedAt: '2026-06-09T07:00:00Z' });
    await db.offers.put(offerRow({ id: `${OFFER}?2`, closesAt: '2026-06-12', savedAt: '2026-06-09T07:00:00Z' }));
    await db.offers.put(offerRow({ id: `${OFFER}?3`, closesAt: '2026-06-30', savedAt: '2026-06-09T07:00:00Z' }));
    const service = start();
    await service.refresh();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');

    await db.offers.clear();
    await reconcileReminders(db);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('adds due reminders', async () => {
    await save(withCustomReminder);
    clock = DUE;
    await start().refresh();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });
});

describe('notification clicks and buttons', () => {
  async function shownDeadline(): Promise<{ service: ReminderService; notificationId: string }> {
    await save({ closesAt: '2026-06-20', contactEmail: 'jobs@beta.gouv.fr' });
    const service = start();
    await service.refresh();
    clock = Date.parse('2026-06-13T07:00:00Z'); // the 7-day reminder, 09:00 in Paris
    await fireAlarm(NEXT_ALARM, service);
    const [call] = notificationsCreated();
    if (!call) throw new Error('expected a notification');
    return { service, notificationId: call[0] };
  }

  it('a click opens the offer in the popup page', async () => {
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create');
    const { notificationId } = await shownDeadline();
    await fakeBrowser.notifications.onClicked.trigger(notificationId);
    await vi.waitFor(() =>
      expect(tabs).toHaveBeenCalledWith({
        url: `chrome-extension://test-extension-id/popup.html?offer=${encodeURIComponent(OFFER)}`,
      }),
    );
  });

  it('ignores notifications that are not ours', async () => {
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create');
    await shownDeadline();
    await fakeBrowser.notifications.onClicked.trigger('someone-else');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(tabs).not.toHaveBeenCalled();
  });

  it('« Marquer comme envoyée » moves the offer on, cancels the deadlines and schedules the follow-up', async () => {
    const { service, notificationId } = await shownDeadline();
    expect(notificationsCreated()[0]?.[1]).toMatchObject({
      title: 'Clôture dans 7 jours',
      buttons: [{ title: 'Marquer comme envoyée' }, { title: 'Me le rappeler demain' }],
    });
    await fakeBrowser.notifications.onButtonClicked.trigger(notificationId, 0);
    await vi.waitFor(async () => expect((await db.offers.get(OFFER))?.stage).toBe('applied'));
    await service.refresh();
    const rows = await db.reminders.toArray();
    expect(rows.map((row) => row.kind)).toEqual(['follow-up']);
    const followUpDue = Date.parse('2026-06-23T07:00:00Z'); // 10 days later, 09:00 in Paris
    expect(rows[0]?.dueAt).toBe(followUpDue);
    expect(await fakeBrowser.alarms.get(NEXT_ALARM)).toMatchObject({ scheduledTime: followUpDue });

    clock = followUpDue;
    await fireAlarm(NEXT_ALARM, service);
    expect(notificationsCreated()[1]?.[1]).toMatchObject({
      title: 'Pensez à relancer',
      buttons: [{ title: 'Relance faite' }, { title: 'Me le rappeler demain' }],
    });
    expect(notificationsCreated()[1]?.[1].message).toContain('« Relance : Développeuse ou développeur full-stack »');

    await fakeBrowser.notifications.onButtonClicked.trigger(notificationIdOf(rows[0]?.id ?? ''), 0);
    await vi.waitFor(async () => expect((await db.offers.get(OFFER))?.stage).toBe('followed-up'));
  });

  it('« Me le rappeler demain » shows it again tomorrow at the reminder hour, once', async () => {
    const { service, notificationId } = await shownDeadline();
    await fakeBrowser.notifications.onButtonClicked.trigger(notificationId, 1);
    const tomorrow = Date.parse('2026-06-14T07:00:00Z');
    await vi.waitFor(async () =>
      expect(await fakeBrowser.alarms.get(NEXT_ALARM)).toMatchObject({ scheduledTime: tomorrow }),
    );
    clock = tomorrow;
    await fireAlarm(NEXT_ALARM, service);
    await service.refresh();
    expect(notificationsCreated()).toHaveLength(2);
    expect(notificationsCreated()[1]?.[1]).toMatchObject({ title: 'Clôture dans 6 jours' });
  });
});

describe('settings', () => {
  it('a change in the options page takes effect without a restart', async () => {
    await save({ closesAt: '2026-06-20' });
    const service = start();
    await service.refresh();
    expect(await fakeBrowser.alarms.get(NEXT_ALARM)).toMatchObject({
      scheduledTime: Date.parse('2026-06-13T07:00:00Z'),
    });

    await saveSettings({ ...DEFAULT_SETTINGS, deadlineReminders: { enabled: true, daysBefore: [7], at: '18:30' } });
    await vi.waitFor(async () =>
      expect(await fakeBrowser.alarms.get(NEXT_ALARM)).toMatchObject({
        scheduledTime: Date.parse('2026-06-13T16:30:00Z'),
      }),
    );
    await service.refresh();
    expect(await db.reminders.count()).toBe(1);
  });

  it('speaks English when the settings say so', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, locale: 'en' });
    await save({ closesAt: '2026-06-20' });
    clock = Date.parse('2026-06-18T07:00:00Z');
    await start().refresh();
    expect(notificationsCreated()[0]?.[1]).toMatchObject({
      title: 'Closes in 2 days',
      buttons: [{ title: 'Mark as sent' }, { title: 'Remind me tomorrow' }],
    });
  });
});

describe('a browser without notification buttons or `action` (Firefox MV2)', () => {
  it('gets plain notifications and the badge through browserAction', async () => {
    const shown: [string, unknown][] = [];
    let badge = '';
    const firefoxLike: ReminderBrowser = {
      alarms: fakeBrowser.alarms,
      notifications: {
        create: async (id, options) => {
          shown.push([id, options]);
          return id;
        },
        clear: async () => true,
        onClicked: fakeBrowser.notifications.onClicked,
      },
      browserAction: {
        setBadgeText: async ({ text }) => {
          badge = text;
        },
        setBadgeBackgroundColor: async () => undefined,
      },
      tabs: fakeBrowser.tabs,
      runtime: fakeBrowser.runtime,
      storage: fakeBrowser.storage,
    };
    await save(withCustomReminder);
    clock = DUE;
    await start({ browser: firefoxLike }).refresh();
    expect(shown).toHaveLength(1);
    expect(shown[0]?.[1]).not.toHaveProperty('buttons');
    expect(badge).toBe('1');
  });
});
