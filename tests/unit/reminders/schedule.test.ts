import { describe, expect, it } from 'vitest';
import {
  customReminderId,
  deadlineReminderId,
  followUpReminderId,
  offerIdOfReminder,
  scheduleReminders,
} from '../../../lib/reminders/schedule';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import { offerRow } from './saved-offers';

const iso = (instant: number) => new Date(instant).toISOString();
const at = (instant: string) => Date.parse(instant);
const ID = 'https://beta.gouv.fr/recrutement/2026/01/01/dev.html';

function settingsWith(change: Partial<Settings>): Settings {
  return { ...structuredClone(DEFAULT_SETTINGS), ...change };
}

function dueTimes(reminders: ReturnType<typeof scheduleReminders>, kind: string): string[] {
  return reminders.filter((reminder) => reminder.kind === kind).map((reminder) => iso(reminder.dueAt));
}

describe('deadline reminders: 7, 2 and 0 days before closing, 09:00 local time', () => {
  it.each([
    // zone, closing date, expected instants (7 days, 2 days, the closing day)
    [
      'Europe/Paris',
      '2026-06-20',
      ['2026-06-13T07:00:00.000Z', '2026-06-18T07:00:00.000Z', '2026-06-20T07:00:00.000Z'],
    ],
    // Closing the day after the spring change: the 7-day reminder is still in winter time.
    [
      'Europe/Paris',
      '2026-03-30',
      ['2026-03-23T08:00:00.000Z', '2026-03-28T08:00:00.000Z', '2026-03-30T07:00:00.000Z'],
    ],
    // Closing on the autumn change day: the earlier reminders are in summer time, the last in winter time.
    [
      'Europe/Paris',
      '2026-10-25',
      ['2026-10-18T07:00:00.000Z', '2026-10-23T07:00:00.000Z', '2026-10-25T08:00:00.000Z'],
    ],
    ['UTC', '2026-03-30', ['2026-03-23T09:00:00.000Z', '2026-03-28T09:00:00.000Z', '2026-03-30T09:00:00.000Z']],
    [
      'America/New_York',
      '2026-03-10',
      ['2026-03-03T14:00:00.000Z', '2026-03-08T13:00:00.000Z', '2026-03-10T13:00:00.000Z'],
    ],
    ['Asia/Tokyo', '2026-03-30', ['2026-03-23T00:00:00.000Z', '2026-03-28T00:00:00.000Z', '2026-03-30T00:00:00.000Z']],
  ])('%s, closing %s', (zone, closesAt, expected) => {
    const reminders = scheduleReminders(offerRow({ closesAt }), DEFAULT_SETTINGS, at('2026-01-05T12:00:00Z'), zone);
    expect(dueTimes(reminders, 'deadline')).toEqual(expected);
    expect(reminders.map((reminder) => reminder.label)).toEqual(['7', '2', '0']);
  });

  it.each([
    [
      'offsets and hour from the settings',
      { daysBefore: [1, 14], at: '18:30' },
      ['2026-06-06T16:30:00.000Z', '2026-06-19T16:30:00.000Z'],
    ],
    [
      'duplicate offsets once',
      { daysBefore: [2, 2, 0], at: '09:00' },
      ['2026-06-18T07:00:00.000Z', '2026-06-20T07:00:00.000Z'],
    ],
    ['none when switched off', { enabled: false }, []],
    ['none without offsets', { daysBefore: [] }, []],
  ])('%s', (_name, rule, expected) => {
    const settings = settingsWith({ deadlineReminders: { ...DEFAULT_SETTINGS.deadlineReminders, ...rule } });
    const reminders = scheduleReminders(
      offerRow({ closesAt: '2026-06-20' }),
      settings,
      at('2026-01-05T12:00:00Z'),
      'Europe/Paris',
    );
    expect(dueTimes(reminders, 'deadline')).toEqual(expected);
  });

  it.each<[string, Parameters<typeof offerRow>[0], string]>([
    [
      'applied: the deadline no longer matters',
      {
        closesAt: '2026-06-20',
        history: [
          ['to-apply', '2026-01-01T10:00:00Z'],
          ['applied', '2026-01-03T10:00:00Z'],
        ],
      },
      '2026-01-05T12:00:00Z',
    ],
    [
      'abandoned',
      {
        closesAt: '2026-06-20',
        history: [
          ['to-apply', '2026-01-01T10:00:00Z'],
          ['abandoned', '2026-01-03T10:00:00Z'],
        ],
      },
      '2026-01-05T12:00:00Z',
    ],
    ['no closing date', { closesAt: null }, '2026-01-05T12:00:00Z'],
    ['the post is filled', { closesAt: '2026-06-20', status: 'filled' }, '2026-01-05T12:00:00Z'],
    ['the post is closed', { closesAt: '2026-06-20', status: 'closed' }, '2026-01-05T12:00:00Z'],
    ['the closing date is past (Paris date)', { closesAt: '2026-06-20' }, '2026-06-20T22:30:00Z'],
  ])('none when %s', (_name, spec, now) => {
    const reminders = scheduleReminders(offerRow(spec), DEFAULT_SETTINGS, at(now), 'Europe/Paris');
    expect(reminders.filter((reminder) => reminder.kind === 'deadline')).toEqual([]);
  });

  it('keeps them through the closing day itself (local date, not UTC)', () => {
    // 23:30 in Paris on the closing day is already the next day in UTC.
    const reminders = scheduleReminders(
      offerRow({ closesAt: '2026-06-20' }),
      DEFAULT_SETTINGS,
      at('2026-06-20T21:30:00Z'),
      'Europe/Paris',
    );
    expect(dueTimes(reminders, 'deadline')).toEqual([
      '2026-06-13T07:00:00.000Z',
      '2026-06-18T07:00:00.000Z',
      '2026-06-20T07:00:00.000Z',
    ]);
  });

  it('leaves out those that fell due before the offer was saved', () => {
    const offer = offerRow({ closesAt: '2026-06-20', savedAt: '2026-06-18T08:00:00Z' });
    const reminders = scheduleReminders(offer, DEFAULT_SETTINGS, at('2026-06-18T08:00:00Z'), 'Europe/Paris');
    expect(reminders.map((reminder) => reminder.label)).toEqual(['0']);
  });

  it("follows the candidate's correction of the closing date", () => {
    const offer = offerRow({ closesAt: '2026-06-20', editedClosesAt: '2026-07-01' });
    const reminders = scheduleReminders(offer, DEFAULT_SETTINGS, at('2026-01-05T12:00:00Z'), 'Europe/Paris');
    expect(dueTimes(reminders, 'deadline').at(-1)).toBe('2026-07-01T07:00:00.000Z');
    expect(reminders[0]?.id).toBe(deadlineReminderId(ID, 7, '2026-07-01'));
  });

  it('gives ids that survive a change of hour but not a change of closing date', () => {
    const now = at('2026-01-05T12:00:00Z');
    const ids = (closesAt: string, hour: string) =>
      scheduleReminders(
        offerRow({ closesAt }),
        settingsWith({ deadlineReminders: { ...DEFAULT_SETTINGS.deadlineReminders, at: hour } }),
        now,
        'Europe/Paris',
      ).map((reminder) => reminder.id);
    expect(ids('2026-06-20', '08:00')).toEqual(ids('2026-06-20', '09:00'));
    expect(ids('2026-06-27', '09:00')).not.toEqual(ids('2026-06-20', '09:00'));
  });
});

describe('follow-up: N days after « Candidature envoyée », at the reminder hour', () => {
  const applied = (when: string, ...later: ['followed-up' | 'interview' | 'rejected', string][]) =>
    offerRow({
      closesAt: '2026-06-20',
      history: [['to-apply', '2026-03-01T10:00:00Z'], ['applied', when], ...later],
    });

  it.each([
    // applied at, zone, expected
    ['2026-03-20T16:45:00Z', 'Europe/Paris', '2026-03-30T07:00:00.000Z'], // 10 days later, across the spring change
    ['2026-03-20T23:30:00Z', 'Europe/Paris', '2026-03-31T07:00:00.000Z'], // already the 21st in Paris
    ['2026-03-20T23:30:00Z', 'America/New_York', '2026-03-30T13:00:00.000Z'], // still the 20th in New York
    ['2026-03-20T23:30:00Z', 'Asia/Tokyo', '2026-03-31T00:00:00.000Z'],
    ['2026-03-20T23:30:00Z', 'UTC', '2026-03-30T09:00:00.000Z'],
  ])('applied %s in %s → %s', (appliedAt, zone, expected) => {
    const reminders = scheduleReminders(applied(appliedAt), DEFAULT_SETTINGS, at('2026-03-21T12:00:00Z'), zone);
    expect(dueTimes(reminders, 'follow-up')).toEqual([expected]);
    expect(reminders.find((reminder) => reminder.kind === 'follow-up')?.id).toBe(followUpReminderId(ID, 1));
  });

  it('uses the configured number of days', () => {
    const settings = settingsWith({ followUp: { enabled: true, afterDays: 3 } });
    const reminders = scheduleReminders(applied('2026-03-20T10:00:00Z'), settings, at('2026-03-21T12:00:00Z'), 'UTC');
    expect(dueTimes(reminders, 'follow-up')).toEqual(['2026-03-23T09:00:00.000Z']);
  });

  it.each([
    ['followed up', ['followed-up', '2026-03-25T10:00:00Z'] as const],
    ['interviewing', ['interview', '2026-03-25T10:00:00Z'] as const],
    ['rejected', ['rejected', '2026-03-25T10:00:00Z'] as const],
  ])('none once %s', (_name, later) => {
    const reminders = scheduleReminders(
      applied('2026-03-20T10:00:00Z', [...later]),
      DEFAULT_SETTINGS,
      at('2026-03-26T12:00:00Z'),
      'UTC',
    );
    expect(reminders).toEqual([]);
  });

  it('none when switched off, none before applying', () => {
    const off = settingsWith({ followUp: { enabled: false, afterDays: 10 } });
    expect(
      dueTimes(scheduleReminders(applied('2026-03-20T10:00:00Z'), off, at('2026-03-21T12:00:00Z'), 'UTC'), 'follow-up'),
    ).toEqual([]);
    expect(
      dueTimes(
        scheduleReminders(offerRow({ closesAt: '2026-06-20' }), DEFAULT_SETTINGS, at('2026-03-21T12:00:00Z'), 'UTC'),
        'follow-up',
      ),
    ).toEqual([]);
  });

  it('applying again after going back makes a new follow-up', () => {
    const again = offerRow({
      history: [
        ['to-apply', '2026-03-01T10:00:00Z'],
        ['applied', '2026-03-02T10:00:00Z'],
        ['to-apply', '2026-03-03T10:00:00Z'],
        ['applied', '2026-03-20T10:00:00Z'],
      ],
    });
    const [reminder] = scheduleReminders(again, DEFAULT_SETTINGS, at('2026-03-21T12:00:00Z'), 'UTC');
    expect(reminder).toMatchObject({ id: followUpReminderId(ID, 3), dueAt: at('2026-03-30T09:00:00Z') });
  });
});

describe('reminders of one’s own', () => {
  it('fall at the instant chosen, whatever the stage', () => {
    const offer = offerRow({
      history: [
        ['to-apply', '2026-03-01T10:00:00Z'],
        ['interview', '2026-03-10T10:00:00Z'],
      ],
      reminders: [{ id: 'r1', at: '2026-03-12T13:30:00.000Z', label: "Préparer l'entretien" }],
    });
    const reminders = scheduleReminders(offer, DEFAULT_SETTINGS, at('2026-03-11T12:00:00Z'), 'Europe/Paris');
    expect(reminders).toEqual([
      {
        id: customReminderId(ID, 'r1'),
        offerId: ID,
        kind: 'custom',
        dueAt: at('2026-03-12T13:30:00Z'),
        label: "Préparer l'entretien",
      },
    ]);
  });
});

describe('all together', () => {
  it('are sorted by due time and name their offer', () => {
    const offer = offerRow({
      closesAt: '2026-04-10',
      reminders: [{ id: 'x', at: '2026-04-01T10:00:00.000Z', label: 'Relire la lettre' }],
    });
    const reminders = scheduleReminders(offer, DEFAULT_SETTINGS, at('2026-03-01T12:00:00Z'), 'Europe/Paris');
    expect(reminders.map((reminder) => reminder.kind)).toEqual(['custom', 'deadline', 'deadline', 'deadline']);
    expect(reminders.map((reminder) => reminder.dueAt)).toEqual(
      [...reminders.map((r) => r.dueAt)].sort((a, b) => a - b),
    );
    for (const reminder of reminders) expect(offerIdOfReminder(reminder.id)).toBe(ID);
  });
});
