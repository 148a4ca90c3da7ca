import { describe, expect, it } from 'vitest';
import {
  actionLabel,
  actionsFor,
  followUpMailto,
  formatCalendarDate,
  notificationText,
} from '../../../lib/reminders/format';
import { offerRow } from './saved-offers';

const ZONE = 'Europe/Paris';

describe('notification text', () => {
  const closing = offerRow({ title: 'Intrapreneur·e', organization: 'ANCT', closesAt: '2026-04-14' });

  it.each([
    ['2026-04-07T07:00:00Z', 'fr', 'Clôture dans 7 jours'],
    ['2026-04-13T07:00:00Z', 'fr', 'Clôture demain'],
    ['2026-04-14T07:00:00Z', 'fr', 'Dernier jour pour postuler'],
    ['2026-04-12T07:00:00Z', 'en', 'Closes in 2 days'],
  ] as const)('a deadline reminder at %s (%s) is titled « %s »', (now, locale, title) => {
    const text = notificationText({ kind: 'deadline', label: '7' }, closing, locale, Date.parse(now), ZONE);
    expect(text.title).toBe(title);
    expect(text.message.split('\n')[0]).toBe('Intrapreneur·e — ANCT');
  });

  it('dates the closing day in words, in French by default', () => {
    const text = notificationText(
      { kind: 'deadline', label: '2' },
      closing,
      'fr',
      Date.parse('2026-04-12T07:00:00Z'),
      ZONE,
    );
    expect(text.message).toContain("candidatures jusqu'au mardi 14 avril 2026");
    // ICU versions differ on the comma.
    expect(formatCalendarDate('2026-04-14', 'en')).toMatch(/^Tuesday,? 14 April 2026$/);
  });

  it('suggests the follow-up e-mail with its subject', () => {
    const applied = offerRow({
      title: 'Product manager',
      organization: 'DINUM',
      contactEmail: 'jobs@numerique.gouv.fr',
      history: [
        ['to-apply', '2026-03-01T10:00:00Z'],
        ['applied', '2026-03-20T10:00:00Z'],
      ],
    });
    const text = notificationText(
      { kind: 'follow-up', label: null },
      applied,
      'fr',
      Date.parse('2026-03-30T07:00:00Z'),
      ZONE,
    );
    expect(text).toEqual({
      title: 'Pensez à relancer',
      message:
        'Product manager — DINUM\ncandidature envoyée il y a 10 jours\nÉcrire à jobs@numerique.gouv.fr, objet « Relance : Product manager »',
    });
    expect(followUpMailto(applied)).toBe('mailto:jobs@numerique.gouv.fr?subject=Relance%20%3A%20Product%20manager');
    expect(followUpMailto(offerRow({}))).toBeNull();
  });

  it('titles a reminder of one’s own with its text', () => {
    const text = notificationText({ kind: 'custom', label: "Préparer l'entretien" }, closing, 'fr', 0, ZONE);
    expect(text).toEqual({ title: "Préparer l'entretien", message: 'Intrapreneur·e — ANCT' });
  });
});

describe('buttons', () => {
  it('are at most two, in the words of the issue', () => {
    for (const kind of ['deadline', 'follow-up', 'custom'] as const)
      expect(actionsFor(kind).length).toBeLessThanOrEqual(2);
    expect(actionsFor('deadline').map((action) => actionLabel(action, 'fr'))).toEqual([
      'Marquer comme envoyée',
      'Me le rappeler demain',
    ]);
    expect(actionsFor('follow-up').map((action) => actionLabel(action, 'fr'))).toEqual([
      'Relance faite',
      'Me le rappeler demain',
    ]);
    expect(actionsFor('custom').map((action) => actionLabel(action, 'en'))).toEqual([
      'Open the offer',
      'Remind me tomorrow',
    ]);
  });
});
