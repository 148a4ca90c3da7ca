import { describe, expect, it } from 'vitest';
import {
  defaultPeriod,
  isIsoDate,
  isValidPeriod,
  periodFromSearch,
  recordUrl,
} from '../../../components/record/period';

const PARIS = 'Europe/Paris';

describe('the record period', () => {
  it.each([
    ['2026-03-12T10:00:00Z', { from: '2025-12-12', to: '2026-03-12' }],
    // No 31 February: the month's last day.
    ['2026-05-31T10:00:00Z', { from: '2026-02-28', to: '2026-05-31' }],
    ['2024-05-31T10:00:00Z', { from: '2024-02-29', to: '2024-05-31' }],
    // Just after midnight in Paris is still the previous day in UTC: the local day counts.
    ['2026-03-31T22:30:00Z', { from: '2026-01-01', to: '2026-04-01' }],
  ])('defaults to the last three months up to today (%s)', (now, expected) => {
    expect(defaultPeriod(new Date(now), PARIS)).toEqual(expected);
  });

  it('reads the period from the address, each broken end taking its default', () => {
    const now = new Date('2026-03-12T10:00:00Z');
    expect(periodFromSearch('?from=2026-01-01&to=2026-01-31', now, PARIS)).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
    });
    expect(periodFromSearch('?from=2026-02-30&to=demain', now, PARIS)).toEqual({
      from: '2025-12-12',
      to: '2026-03-12',
    });
    expect(periodFromSearch('', now, PARIS)).toEqual(defaultPeriod(now, PARIS));
  });

  it('writes it in the record page address', () => {
    expect(recordUrl({ from: '2026-01-01', to: '2026-03-31' })).toBe('record.html?from=2026-01-01&to=2026-03-31');
  });

  it('knows real days and ordered periods', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-3-1')).toBe(false);
    expect(isValidPeriod({ from: '2026-03-01', to: '2026-03-01' })).toBe(true);
    expect(isValidPeriod({ from: '2026-03-02', to: '2026-03-01' })).toBe(false);
    expect(isValidPeriod({ from: '', to: '2026-03-01' })).toBe(false);
  });
});
