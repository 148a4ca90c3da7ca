import { describe, expect, it } from 'vitest';
import { closingState, isFinished, isUrgent } from '../../../components/popup/closingLabel';
import { closingText } from '../../../components/popup/labels';
import { daysBetween, localIsoDate, moveToLocalDate } from '../../../components/popup/localDates';

describe('closingState: the posting status first, then the closing date against the local day', () => {
  const today = '2026-03-12';

  it.each([
    ['filled', '2026-03-20', 'filled'],
    ['filled', null, 'filled'],
    ['closed', '2026-03-20', 'closed'],
    ['open', '2026-03-11', 'closed'],
    ['unknown', '2025-12-31', 'closed'],
    ['open', '2026-03-12', 'today'],
    ['open', '2026-03-13', 'tomorrow'],
    ['open', null, 'none'],
    ['unknown', null, 'none'],
  ] as const)('%s, closing %s → %s', (status, closesAt, kind) => {
    expect(closingState(status, closesAt, today).kind).toBe(kind);
  });

  it('counts whole days up to a month, then gives the date', () => {
    expect(closingState('open', '2026-03-15', today)).toEqual({ kind: 'in-days', days: 3 });
    expect(closingState('open', '2026-04-11', today)).toEqual({ kind: 'in-days', days: 30 });
    expect(closingState('open', '2026-04-12', today)).toEqual({ kind: 'on-date', date: '2026-04-12' });
  });

  it('counts calendar days across a daylight-saving change', () => {
    // Clocks go forward in France on 29 March 2026: that day has 23 hours.
    expect(closingState('open', '2026-03-30', '2026-03-28')).toEqual({ kind: 'in-days', days: 2 });
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
  });

  it('flags what closes within two days, and knows what is over', () => {
    expect(isUrgent(closingState('open', '2026-03-12', today))).toBe(true);
    expect(isUrgent(closingState('open', '2026-03-14', today))).toBe(true);
    expect(isUrgent(closingState('open', '2026-03-15', today))).toBe(false);
    expect(isFinished(closingState('open', '2026-03-11', today))).toBe(true);
    expect(isFinished(closingState('open', '2026-03-12', today))).toBe(false);
  });
});

describe('today is the local calendar day', () => {
  it('at half past midnight and just before midnight', () => {
    expect(localIsoDate(new Date(2026, 2, 12, 0, 30))).toBe('2026-03-12');
    expect(localIsoDate(new Date(2026, 2, 11, 23, 59))).toBe('2026-03-11');
  });

  it('an offer closing today still reads « today » at 00:30 and at 23:59, and closed the next minute', () => {
    const closesAt = '2026-03-12';
    expect(closingState('open', closesAt, localIsoDate(new Date(2026, 2, 12, 0, 30))).kind).toBe('today');
    expect(closingState('open', closesAt, localIsoDate(new Date(2026, 2, 12, 23, 59))).kind).toBe('today');
    expect(closingState('open', closesAt, localIsoDate(new Date(2026, 2, 13, 0, 0))).kind).toBe('closed');
  });

  it('moving a logged step to another day keeps its local time of day', () => {
    const logged = new Date(2026, 2, 12, 14, 35).toISOString();
    const moved = new Date(moveToLocalDate(logged, '2026-03-09'));
    expect([moved.getFullYear(), moved.getMonth(), moved.getDate(), moved.getHours(), moved.getMinutes()]).toEqual([
      2026, 2, 9, 14, 35,
    ]);
  });
});

describe('closingText', () => {
  it('speaks French by default and English when asked', () => {
    expect(closingText({ kind: 'in-days', days: 3 }, 'fr')).toBe('clôture dans 3 j');
    expect(closingText({ kind: 'today' }, 'fr')).toBe("clôture aujourd'hui");
    expect(closingText({ kind: 'closed' }, 'fr')).toBe('clôturée');
    expect(closingText({ kind: 'filled' }, 'fr')).toBe('pourvue');
    expect(closingText({ kind: 'on-date', date: '2026-05-02' }, 'fr')).toBe('clôture le 02/05/2026');
    expect(closingText({ kind: 'in-days', days: 3 }, 'en')).toBe('closes in 3 days');
    expect(closingText({ kind: 'none' }, 'fr')).toBeNull();
  });
});
