import { describe, expect, it } from 'vitest';
import type { Reminder } from '../../../lib/reminder';
import { badgeCount, badgeText, dueItems, notifiable } from '../../../lib/reminders/due';
import { planReconcile, scheduleAll } from '../../../lib/reminders/reconcile';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { type OfferSpec, offerRow } from './saved-offers';

const ZONE = 'Europe/Paris';

/** The reminders table as reconcile would leave it at `now`. */
function tableFor(offers: ReturnType<typeof offerRow>[], now: number): Reminder[] {
  return planReconcile([], scheduleAll(offers, DEFAULT_SETTINGS, now, ZONE)).put;
}

const urlOf = (name: string) => `https://beta.gouv.fr/recrutement/${name}.html`;
const offer = (name: string, spec: OfferSpec = {}) => offerRow({ id: urlOf(name), title: name, ...spec });

describe('notifiable', () => {
  it('keeps only the latest due deadline of each offer, and every other reminder', () => {
    const base = { shownAt: null, label: null };
    const due: Reminder[] = [
      { ...base, id: 'a#deadline-7', offerId: 'a', kind: 'deadline', dueAt: 1 },
      { ...base, id: 'a#deadline-2', offerId: 'a', kind: 'deadline', dueAt: 5 },
      { ...base, id: 'b#deadline-7', offerId: 'b', kind: 'deadline', dueAt: 2 },
      { ...base, id: 'a#custom-x', offerId: 'a', kind: 'custom', dueAt: 0 },
    ];
    expect(notifiable(due).map((reminder) => reminder.id)).toEqual(['a#deadline-2', 'b#deadline-7', 'a#custom-x']);
  });
});

describe('dueItems: the popup’s « À faire »', () => {
  const now = Date.parse('2026-06-19T10:00:00Z'); // Friday 19 June, 12:00 in Paris

  it('lists what fell due, one deadline per offer, with days left and the follow-up e-mail', () => {
    const closing = offer('closing', { closesAt: '2026-06-20' });
    const later = offer('later', { closesAt: '2026-07-30' });
    const applied = offer('applied', {
      contactEmail: 'recrutement@beta.gouv.fr',
      history: [
        ['to-apply', '2026-05-01T10:00:00Z'],
        ['applied', '2026-06-05T10:00:00Z'],
      ],
    });
    const own = offer('own', { reminders: [{ id: 'r', at: '2026-06-19T09:00:00.000Z', label: 'Appeler Camille' }] });
    const offers = [closing, later, applied, own];
    const items = dueItems(offers, tableFor(offers, now), now, ZONE);
    expect(items.map((item) => [item.offerId, item.kind, item.daysLeft, item.label])).toEqual([
      [urlOf('applied'), 'follow-up', null, null], // 15 June 09:00, ten days after applying
      [urlOf('closing'), 'deadline', 1, null], // the 2-day one (18 June 09:00); the 7-day one is stale
      [urlOf('own'), 'custom', null, 'Appeler Camille'],
    ]);
    const followUp = items.find((item) => item.kind === 'follow-up');
    expect(followUp?.mailto).toBe(`mailto:recrutement@beta.gouv.fr?subject=${encodeURIComponent('Relance : applied')}`);
    expect(items.map((item) => item.dueAt)).toEqual([...items.map((item) => item.dueAt)].sort((a, b) => a - b));
  });

  it('drops an item as soon as its reason is gone, even before the table is reconciled', () => {
    const closing = offer('closing', { closesAt: '2026-06-20' });
    const table = tableFor([closing], now);
    const appliedNow = offer('closing', {
      closesAt: '2026-06-20',
      history: [
        ['to-apply', '2026-01-01T10:00:00Z'],
        ['applied', '2026-06-19T09:30:00Z'],
      ],
    });
    expect(dueItems([appliedNow], table, now, ZONE)).toEqual([]);
    expect(dueItems([], table, now, ZONE)).toEqual([]);
  });

  it('hides a snoozed reminder until the snooze ends', () => {
    const own = offer('own', { reminders: [{ id: 'r', at: '2026-06-19T09:00:00.000Z', label: 'Appeler' }] });
    const [row] = tableFor([own], now);
    if (!row) throw new Error('expected a reminder');
    const snoozed = { ...row, snoozedUntil: Date.parse('2026-06-20T07:00:00Z') };
    expect(dueItems([own], [snoozed], now, ZONE)).toEqual([]);
    expect(dueItems([own], [snoozed], Date.parse('2026-06-20T07:00:00Z'), ZONE)).toHaveLength(1);
  });
});

describe('the badge', () => {
  it.each<[string, OfferSpec[], string, number]>([
    ['nothing saved', [], '2026-06-19T10:00:00Z', 0],
    [
      'closing in 3 days counts, in 4 days does not (saved today: no reminder due yet)',
      [
        { closesAt: '2026-06-22', savedAt: '2026-06-19T09:00:00Z' },
        { closesAt: '2026-06-23', savedAt: '2026-06-19T09:00:00Z' },
      ],
      '2026-06-19T10:00:00Z',
      1,
    ],
    [
      'closing today counts, closed yesterday does not',
      [{ closesAt: '2026-06-19' }, { closesAt: '2026-06-18' }],
      '2026-06-19T10:00:00Z',
      1,
    ],
    [
      'final stages do not count',
      [
        {
          closesAt: '2026-06-20',
          history: [
            ['to-apply', '2026-01-01T10:00:00Z'],
            ['rejected', '2026-06-01T10:00:00Z'],
          ],
        },
      ],
      '2026-06-19T10:00:00Z',
      0,
    ],
    ['a filled post does not count', [{ closesAt: '2026-06-20', status: 'filled' }], '2026-06-19T10:00:00Z', 0],
    // Due 7-day deadline of an offer closing in 6 days: one thing to do.
    ['a due deadline reminder counts', [{ closesAt: '2026-06-25' }], '2026-06-19T10:00:00Z', 1],
    // Closing in 1 day with its 2-day reminder due: still one thing, not two.
    ['an offer closing soon with a due reminder counts once', [{ closesAt: '2026-06-20' }], '2026-06-19T10:00:00Z', 1],
    [
      'a due follow-up counts',
      [
        {
          history: [
            ['to-apply', '2026-05-01T10:00:00Z'],
            ['applied', '2026-06-01T10:00:00Z'],
          ],
        },
      ],
      '2026-06-19T10:00:00Z',
      1,
    ],
    [
      'a reminder of one’s own counts once due',
      [{ reminders: [{ id: 'r', at: '2026-06-19T11:00:00.000Z', label: 'Appeler' }] }],
      '2026-06-19T10:00:00Z',
      0,
    ],
  ])('%s', (_name, specs, now, expected) => {
    const offers = specs.map((spec, index) => offer(`o${index}`, spec));
    const instant = Date.parse(now);
    expect(badgeCount(offers, tableFor(offers, instant), instant, ZONE)).toBe(expected);
  });

  it.each([
    [0, ''],
    [3, '3'],
    [120, '99+'],
  ])('%i shows %j', (count, text) => {
    expect(badgeText(count)).toBe(text);
  });
});
