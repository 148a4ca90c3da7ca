/**
 * Firefox declares `notifications.onButtonClicked` yet refuses `buttons` in `create` (« Property
 * "buttons" is unsupported by Firefox »): reminders must still be shown there, without buttons.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PostuloDb } from '../../../lib/db';
import type { BasicNotification, ReminderBrowser } from '../../../lib/reminders/browser-api';
import { type ReminderService, startReminderService } from '../../../lib/reminders/service';
import { offerRow } from './saved-offers';

const DUE = Date.parse('2026-06-10T12:00:00Z');

let db: PostuloDb;
let service: ReminderService | undefined;

beforeEach(async () => {
  fakeBrowser.reset();
  db = new PostuloDb(`test-${crypto.randomUUID()}`);
  await db.open();
});

afterEach(async () => {
  service?.stop();
  db.close();
  await db.delete();
});

/** No button is clicked here: moving a stage would be a bug. */
async function setStage(): Promise<void> {
  throw new Error('no stage change expected');
}

/** Firefox's notifications: the button event exists, the buttons themselves are refused. */
function firefoxLike(attempts: BasicNotification[], refusal: string): ReminderBrowser {
  return {
    ...fakeBrowser,
    notifications: {
      create: async (id, options) => {
        attempts.push(options);
        if (options.buttons) throw new Error(refusal);
        return id;
      },
      clear: async () => true,
      onClicked: fakeBrowser.notifications.onClicked,
      onButtonClicked: fakeBrowser.notifications.onButtonClicked,
    },
  };
}

async function saveOfferWithReminders(labels: string[]): Promise<void> {
  const at = new Date(DUE).toISOString();
  await db.offers.put(
    offerRow({
      savedAt: '2026-06-01T08:00:00Z',
      reminders: labels.map((label, index) => ({ id: `r${index}`, at, label })),
    }),
  );
}

describe('notification buttons refused by the browser', () => {
  it('shows the reminder without buttons, and asks for none afterwards', async () => {
    const attempts: BasicNotification[] = [];
    await saveOfferWithReminders(['Appeler Camille', 'Relire la lettre']);
    service = startReminderService({
      db,
      setStage,
      browser: firefoxLike(attempts, 'Type error for parameter options (Property "buttons" is unsupported by Firefox)'),
      now: () => DUE,
      timeZone: () => 'Europe/Paris',
    });
    await service.refresh();

    const shown = attempts
      .filter((options) => !options.buttons)
      .map((options) => `${options.title} ${options.message}`);
    expect(shown).toHaveLength(2);
    expect(shown.join(' ')).toContain('Appeler Camille');
    expect(shown.join(' ')).toContain('Relire la lettre');
    // One refused try, then plain notifications only.
    expect(attempts.filter((options) => options.buttons)).toHaveLength(1);
  });

  it('does not retry when the failure has nothing to do with buttons', async () => {
    const attempts: BasicNotification[] = [];
    await saveOfferWithReminders(['Appeler Camille']);
    const browser = firefoxLike(attempts, 'notifications blocked');
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      service = startReminderService({ db, browser, setStage, now: () => DUE, timeZone: () => 'Europe/Paris' });
      await service.refresh();
    } finally {
      console.error = original;
    }
    expect(attempts).toHaveLength(1);
    expect(errors).toHaveLength(1);
  });
});
