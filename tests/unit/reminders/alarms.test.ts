import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  alarmCovers,
  armNextAlarm,
  ensureSweepAlarm,
  NEXT_ALARM,
  SWEEP_ALARM,
  SWEEP_PERIOD_MINUTES,
} from '../../../lib/reminders/alarms';

const NOW = Date.parse('2026-06-10T12:00:00Z');
const s = (seconds: number) => NOW + seconds * 1000;

describe('alarmCovers: when an existing alarm is left alone', () => {
  it.each([
    ['set for that very instant', s(3600), s(3600), true],
    ['set for another instant later on', s(7200), s(3600), false],
    ['set earlier than a later reminder', s(600), s(3600), false],
    // Chrome put a due-now alarm 30 s ahead: re-creating it would push it again, wake after wake.
    ['clamped 30 s ahead of a reminder due now', s(30), s(-5), true],
    ['pending (missed) while a reminder is due now', s(-120), s(0), true],
    ['pending, but the next reminder is an hour away', s(-120), s(3600), false],
  ])('%s', (_name, scheduledTime, when, expected) => {
    expect(alarmCovers(scheduledTime, when, NOW)).toBe(expected);
  });
});

describe('armNextAlarm and ensureSweepAlarm', () => {
  beforeEach(() => fakeBrowser.reset());

  it('creates, keeps, moves and clears the next-reminder alarm', async () => {
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    await armNextAlarm(fakeBrowser.alarms, s(3600), NOW);
    await armNextAlarm(fakeBrowser.alarms, s(3600), s(60));
    expect(create).toHaveBeenCalledTimes(1);
    await armNextAlarm(fakeBrowser.alarms, s(1800), NOW);
    expect(await fakeBrowser.alarms.get(NEXT_ALARM)).toMatchObject({ scheduledTime: s(1800) });
    await armNextAlarm(fakeBrowser.alarms, null, NOW);
    expect(await fakeBrowser.alarms.get(NEXT_ALARM)).toBeUndefined();
  });

  it('creates the sweep once, never again while it exists', async () => {
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    await ensureSweepAlarm(fakeBrowser.alarms);
    await ensureSweepAlarm(fakeBrowser.alarms);
    expect(create).toHaveBeenCalledTimes(1);
    expect(await fakeBrowser.alarms.get(SWEEP_ALARM)).toMatchObject({ periodInMinutes: SWEEP_PERIOD_MINUTES });
  });
});
