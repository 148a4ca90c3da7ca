import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, localDate, wallClockAt, zonedInstant } from '../../../lib/reminders/zoned-time';

const iso = (instant: number) => new Date(instant).toISOString();

describe('zonedInstant: a local date and time in an IANA zone → the instant', () => {
  it.each([
    // zone, date, time, expected UTC instant
    ['Europe/Paris', '2026-01-15', '09:00', '2026-01-15T08:00:00.000Z'], // CET, UTC+1
    ['Europe/Paris', '2026-07-15', '09:00', '2026-07-15T07:00:00.000Z'], // CEST, UTC+2
    ['Europe/Paris', '2026-03-28', '09:00', '2026-03-28T08:00:00.000Z'], // Saturday before the spring change
    ['Europe/Paris', '2026-03-29', '09:00', '2026-03-29T07:00:00.000Z'], // the spring change day (last Sunday of March)
    ['Europe/Paris', '2026-03-30', '09:00', '2026-03-30T07:00:00.000Z'], // the day after
    ['Europe/Paris', '2026-10-24', '09:00', '2026-10-24T07:00:00.000Z'], // Saturday before the autumn change
    ['Europe/Paris', '2026-10-25', '09:00', '2026-10-25T08:00:00.000Z'], // the autumn change day (last Sunday of October)
    ['Europe/Paris', '2026-10-26', '09:00', '2026-10-26T08:00:00.000Z'],
    ['UTC', '2026-03-29', '09:00', '2026-03-29T09:00:00.000Z'],
    ['America/New_York', '2026-03-07', '09:00', '2026-03-07T14:00:00.000Z'], // EST
    ['America/New_York', '2026-03-08', '09:00', '2026-03-08T13:00:00.000Z'], // EDT from that night
    ['America/New_York', '2026-11-01', '09:00', '2026-11-01T14:00:00.000Z'], // back to EST
    ['Asia/Tokyo', '2026-03-29', '09:00', '2026-03-29T00:00:00.000Z'], // no daylight saving
    ['Asia/Tokyo', '2026-01-01', '00:00', '2025-12-31T15:00:00.000Z'], // local midnight is the day before in UTC
  ])('%s %s %s → %s', (zone, date, time, expected) => {
    expect(iso(zonedInstant(date, time, zone))).toBe(expected);
  });

  it('pushes a time skipped by the spring change forward by the gap (02:30 → 03:30 CEST)', () => {
    const instant = zonedInstant('2026-03-29', '02:30', 'Europe/Paris');
    expect(iso(instant)).toBe('2026-03-29T01:30:00.000Z');
    expect(wallClockAt(instant, 'Europe/Paris')).toMatchObject({ date: '2026-03-29', hour: 3, minute: 30 });
  });

  it('takes the first of a time repeated by the autumn change (02:30 CEST, not CET)', () => {
    expect(iso(zonedInstant('2026-10-25', '02:30', 'Europe/Paris'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(zonedInstant('2026-11-01', '01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
  });

  it.each(['Europe/Paris', 'America/New_York', 'Asia/Tokyo', 'UTC', 'Australia/Sydney'])(
    'round-trips every day of 2026 at 09:00 and 21:45 in %s',
    (zone) => {
      for (let day = 0; day < 365; day += 1) {
        const date = addDays('2026-01-01', day);
        for (const [time, hour, minute] of [
          ['09:00', 9, 0],
          ['21:45', 21, 45],
        ] as const) {
          expect(wallClockAt(zonedInstant(date, time, zone), zone)).toEqual({ date, hour, minute, second: 0 });
        }
      }
    },
  );
});

describe('wallClockAt and localDate', () => {
  it.each([
    ['2026-03-29T00:59:59.000Z', 'Europe/Paris', '2026-03-29', 1, 59],
    ['2026-03-29T01:00:00.000Z', 'Europe/Paris', '2026-03-29', 3, 0],
    ['2026-06-30T22:30:00.000Z', 'Europe/Paris', '2026-07-01', 0, 30],
    ['2026-06-30T22:30:00.000Z', 'America/New_York', '2026-06-30', 18, 30],
    ['2026-06-30T22:30:00.000Z', 'Asia/Tokyo', '2026-07-01', 7, 30],
  ])('%s in %s is %s %i:%i', (instant, zone, date, hour, minute) => {
    expect(wallClockAt(Date.parse(instant), zone)).toMatchObject({ date, hour, minute });
    expect(localDate(Date.parse(instant), zone)).toBe(date);
  });
});

describe('calendar arithmetic', () => {
  it.each([
    ['2026-03-29', -7, '2026-03-22'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('counts calendar days, whatever the clock change between them', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-30', '2026-10-24')).toBe(-6);
  });

  it('refuses malformed input instead of guessing', () => {
    expect(() => zonedInstant('29/03/2026', '09:00', 'Europe/Paris')).toThrow(RangeError);
    expect(() => zonedInstant('2026-03-29', '9h', 'Europe/Paris')).toThrow(RangeError);
  });
});

describe('agrees with the JavaScript engine’s own local time', () => {
  // An independent check: a Node process started in each zone builds the same local times with
  // `new Date(y, m, d, h, min)`, which uses the engine's time-zone data, not our Intl arithmetic.
  const cases: [string, string][] = [
    ['2026-03-28', '09:00'],
    ['2026-03-29', '09:00'],
    ['2026-03-29', '02:30'],
    ['2026-03-30', '09:00'],
    ['2026-10-25', '02:30'],
    ['2026-10-26', '09:00'],
    ['2026-03-08', '02:30'],
    ['2026-11-01', '01:30'],
  ];
  it.each(['Europe/Paris', 'America/New_York', 'Asia/Tokyo', 'UTC'])('in %s', async (zone) => {
    const { execFileSync } = await import('node:child_process');
    const script = `const cases = ${JSON.stringify(cases)};
      console.log(JSON.stringify(cases.map(([d, t]) => {
        const [y, m, day] = d.split('-').map(Number); const [h, min] = t.split(':').map(Number);
        return new Date(y, m - 1, day, h, min).getTime();
      })));`;
    const engine: number[] = JSON.parse(
      execFileSync(process.execPath, ['-e', script], { env: { ...process.env, TZ: zone }, encoding: 'utf8' }),
    );
    expect(cases.map(([date, time]) => zonedInstant(date, time, zone))).toEqual(engine);
  });
});
