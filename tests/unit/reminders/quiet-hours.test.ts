import { describe, expect, it } from 'vitest';
import { outsideQuietHours, type QuietHours, quietPeriodEnd } from '../../../lib/reminders/quiet-hours';

const overnight: QuietHours = { enabled: true, from: '21:00', to: '08:00' };
const lunch: QuietHours = { enabled: true, from: '12:00', to: '14:00' };
const iso = (instant: number | null) => (instant === null ? null : new Date(instant).toISOString());

describe('quiet hours delay a notification to the end of the quiet period', () => {
  it.each<[string, QuietHours, string, string, string | null]>([
    // window, zone, instant (UTC), end of quiet period (UTC) or null
    ['evening, overnight window', overnight, 'Europe/Paris', '2026-01-15T21:30:00Z', '2026-01-16T07:00:00.000Z'],
    ['early morning, overnight window', overnight, 'Europe/Paris', '2026-01-16T05:00:00Z', '2026-01-16T07:00:00.000Z'],
    ['the first quiet minute', overnight, 'Europe/Paris', '2026-01-15T20:00:00Z', '2026-01-16T07:00:00.000Z'],
    ['the minute it ends', overnight, 'Europe/Paris', '2026-01-16T07:00:00Z', null],
    ['daytime', overnight, 'Europe/Paris', '2026-01-16T10:00:00Z', null],
    // The night of the spring change is an hour shorter: 08:00 CEST is 06:00 UTC.
    ['the night of the spring change', overnight, 'Europe/Paris', '2026-03-28T22:00:00Z', '2026-03-29T06:00:00.000Z'],
    // The night of the autumn change is an hour longer: 08:00 CET is 07:00 UTC.
    ['the night of the autumn change', overnight, 'Europe/Paris', '2026-10-24T22:00:00Z', '2026-10-25T07:00:00.000Z'],
    ['same-day window, inside', lunch, 'Europe/Paris', '2026-06-10T11:00:00Z', '2026-06-10T12:00:00.000Z'],
    ['same-day window, after', lunch, 'Europe/Paris', '2026-06-10T12:30:00Z', null],
    ['New York evening', overnight, 'America/New_York', '2026-03-08T02:30:00Z', '2026-03-08T12:00:00.000Z'],
    ['Tokyo morning', overnight, 'Asia/Tokyo', '2026-03-29T22:00:00Z', '2026-03-29T23:00:00.000Z'],
    ['UTC night', overnight, 'UTC', '2026-03-29T23:59:00Z', '2026-03-30T08:00:00.000Z'],
  ])('%s (%s, %s)', (_name, quiet, zone, instant, expected) => {
    expect(iso(quietPeriodEnd(Date.parse(instant), quiet, zone))).toBe(expected);
  });

  it('does nothing when switched off or when the window is empty', () => {
    const instant = Date.parse('2026-01-15T21:30:00Z');
    expect(quietPeriodEnd(instant, { ...overnight, enabled: false }, 'Europe/Paris')).toBeNull();
    expect(quietPeriodEnd(instant, { enabled: true, from: '22:00', to: '22:00' }, 'Europe/Paris')).toBeNull();
  });

  it('outsideQuietHours leaves a daytime instant alone and moves a quiet one', () => {
    expect(iso(outsideQuietHours(Date.parse('2026-01-16T10:00:00Z'), overnight, 'Europe/Paris'))).toBe(
      '2026-01-16T10:00:00.000Z',
    );
    expect(iso(outsideQuietHours(Date.parse('2026-01-16T06:59:00Z'), overnight, 'Europe/Paris'))).toBe(
      '2026-01-16T07:00:00.000Z',
    );
  });
});
