import { describe, expect, it } from 'vitest';
import {
  addDayBefore,
  DAYS_BEFORE_COUNT_MAX,
  DAYS_BEFORE_MAX,
  FOLLOW_UP_MAX,
  FOLLOW_UP_MIN,
  parseClockTime,
  parseFollowUpDays,
  parseWholeNumber,
  removeDayBefore,
} from '../../../components/options/settingsEdits';
import { DEFAULT_SETTINGS, Settings } from '../../../lib/settings';

const withDays = (daysBefore: number[]) => ({
  ...DEFAULT_SETTINGS,
  deadlineReminders: { ...DEFAULT_SETTINGS.deadlineReminders, daysBefore },
});

describe('the form’s limits are the schema’s', () => {
  it('accepts as many days, as far, as the form allows, and no more', () => {
    const most = Array.from({ length: DAYS_BEFORE_COUNT_MAX }, (_, index) => index);
    expect(Settings.safeParse(withDays(most)).success).toBe(true);
    expect(Settings.safeParse(withDays([...most, DAYS_BEFORE_COUNT_MAX])).success).toBe(false);
    expect(Settings.safeParse(withDays([DAYS_BEFORE_MAX])).success).toBe(true);
    expect(Settings.safeParse(withDays([DAYS_BEFORE_MAX + 1])).success).toBe(false);
  });

  it('has the follow-up range of the schema', () => {
    const followUp = (afterDays: number) => ({ ...DEFAULT_SETTINGS, followUp: { enabled: true, afterDays } });
    expect(Settings.safeParse(followUp(FOLLOW_UP_MIN)).success).toBe(true);
    expect(Settings.safeParse(followUp(FOLLOW_UP_MIN - 1)).success).toBe(false);
    expect(Settings.safeParse(followUp(FOLLOW_UP_MAX)).success).toBe(true);
    expect(Settings.safeParse(followUp(FOLLOW_UP_MAX + 1)).success).toBe(false);
  });
});

describe('typed values', () => {
  it.each([
    ['7', 7],
    [' 14 ', 14],
    ['0', 0],
    ['', null],
    ['7.5', null],
    ['-1', null],
    ['7j', null],
    ['1e3', null],
  ])('whole number %j → %j', (typed, expected) => {
    expect(parseWholeNumber(typed)).toBe(expected);
  });

  it.each([
    ['10', 10],
    ['0', null],
    ['91', null],
    ['90', 90],
  ])('follow-up days %j → %j', (typed, expected) => {
    expect(parseFollowUpDays(typed)).toBe(expected);
  });

  it.each([
    ['09:00', '09:00'],
    ['23:59', '23:59'],
    ['07:30:15', '07:30'],
    ['24:00', null],
    ['9:00', null],
    ['', null],
  ])('clock time %j → %j', (typed, expected) => {
    expect(parseClockTime(typed)).toBe(expected);
  });
});

describe('reminder days', () => {
  it('adds a day in order, furthest first', () => {
    expect(addDayBefore([7, 2, 0], '14')).toEqual({ ok: true, days: [14, 7, 2, 0] });
    expect(addDayBefore([7, 0], '3')).toEqual({ ok: true, days: [7, 3, 0] });
    expect(addDayBefore([], '0')).toEqual({ ok: true, days: [0] });
  });

  it('says why a day cannot be added', () => {
    expect(addDayBefore([7, 2, 0], '2')).toEqual({ ok: false, problem: 'duplicate' });
    expect(addDayBefore([7], String(DAYS_BEFORE_MAX + 1))).toEqual({ ok: false, problem: 'invalid' });
    expect(addDayBefore([7], 'sept')).toEqual({ ok: false, problem: 'invalid' });
    const full = Array.from({ length: DAYS_BEFORE_COUNT_MAX }, (_, index) => index);
    expect(addDayBefore(full, '30')).toEqual({ ok: false, problem: 'too-many' });
  });

  it('removes one day only', () => {
    expect(removeDayBefore([7, 2, 0], 2)).toEqual([7, 0]);
    expect(removeDayBefore([7, 2, 0], 5)).toEqual([7, 2, 0]);
  });
});
