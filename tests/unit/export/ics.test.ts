import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, calendarFileName, escapeText, foldLine } from '../../../lib/export/ics';
import type { Reminder } from '../../../lib/reminder';
import { effectiveFields } from '../../../lib/saved-offer';
import { savedOffer as savedOfferArbitrary, trimmedText } from '../backup/arbitraries';
import { reminder, savedOffer } from '../backup/builders';

const NOW = new Date('2026-03-10T08:00:00.000Z');
const FIRST = 'https://beta.gouv.fr/recrutement/2026/03/01/dev';
const SECOND = 'https://incubateur.anct.gouv.fr/jobs/designer-12';

function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent)) };
}

const tricky = 'Dév. back-end, API; « data » \\ équipe\nsur 2 lignes';
const offers = [
  savedOffer({ url: FIRST, title: tricky, organization: 'DINUM', closesAt: '2026-03-20' }),
  savedOffer({ url: SECOND, title: 'Designer', closesAt: null }),
];
const reminders: Reminder[] = [
  reminder({ offerId: FIRST, id: `${FIRST}#deadline-2`, dueAt: Date.UTC(2026, 2, 18, 8) }),
  reminder({ offerId: SECOND, id: `${SECOND}#follow-up`, kind: 'follow-up', dueAt: Date.UTC(2026, 2, 25, 8) }),
  reminder({
    offerId: SECOND,
    id: 'custom-1',
    kind: 'custom',
    label: "Préparer l'entretien, relire le dossier",
    dueAt: Date.UTC(2026, 3, 1, 7, 30),
  }),
];

describe('calendar export', () => {
  const ics = buildCalendar(offers, reminders, { now: NOW });

  it('is a VCALENDAR with VERSION and PRODID, CRLF line ends', () => {
    const { calendar } = events(ics);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toMatch(/Postulo/);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('has one all-day event per closing date and one timed event per reminder', () => {
    const { events: all } = events(ics);
    expect(all).toHaveLength(1 + reminders.length);
    const closing = all.find((item) => item.startDate.isDate);
    expect(closing?.startDate.toString()).toBe('2026-03-20');
    expect(closing?.endDate.toString()).toBe('2026-03-21');
    const timed = all.filter((item) => !item.startDate.isDate);
    expect(timed.map((item) => item.startDate.toUnixTime() * 1000).sort()).toEqual(
      reminders.map((item) => item.dueAt).sort(),
    );
    for (const item of timed) expect(item.startDate.zone?.tzid).toBe('UTC');
  });

  it('stamps every event and writes text that reads back exactly, however it is punctuated', () => {
    const { events: all } = events(ics);
    for (const item of all)
      expect(item.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-03-10T08:00:00Z');
    const closing = all.find((item) => item.startDate.isDate);
    expect(closing?.summary).toBe(`Clôture des candidatures : ${tricky}`);
    expect(closing?.description).toContain('Employeur : DINUM');
    expect(closing?.description).toContain(`Offre : ${FIRST}`);
    const custom = all.find((item) => item.summary.startsWith('Préparer'));
    expect(custom?.summary).toBe("Préparer l'entretien, relire le dossier — Designer");
    expect(all.map((item) => item.summary)).toContain(`Rappel : clôture le 20 mars 2026 — ${tricky}`);
    expect(all.map((item) => item.summary)).toContain('Relancer : Designer');
  });

  it('escapes backslash, semicolon, comma and line breaks in text', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    const unfolded = ics.replaceAll('\r\n ', '');
    expect(unfolded).toContain('\\, API\\; « data » \\\\ équipe\\nsur 2 lignes');
  });

  it('folds lines at 75 octets without splitting a character', () => {
    const long = savedOffer({ url: FIRST, title: 'é'.repeat(120), closesAt: '2026-03-20' });
    const folded = buildCalendar([long], [], { now: NOW });
    const lines = folded.split('\r\n');
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(events(folded).events[0]?.summary).toBe(`Clôture des candidatures : ${'é'.repeat(120)}`);
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('gives each item a stable UID: a newer file updates events instead of duplicating them', () => {
    const uids = (text: string) => events(text).events.map((item) => item.uid);
    const later = buildCalendar(offers, reminders, { now: new Date('2026-04-01T00:00:00.000Z') });
    expect(uids(later)).toEqual(uids(ics));
    expect(new Set(uids(ics)).size).toBe(uids(ics).length);
  });

  it('exports one offer alone (« Ajouter à mon agenda »)', () => {
    const one = events(buildCalendar(offers, reminders, { now: NOW, offerId: SECOND })).events;
    expect(one.map((item) => item.summary).sort()).toEqual(
      ["Préparer l'entretien, relire le dossier — Designer", 'Relancer : Designer'].sort(),
    );
  });

  it('speaks English when asked', () => {
    const summaries = events(buildCalendar(offers, reminders, { now: NOW, locale: 'en' })).events.map(
      (item) => item.summary,
    );
    expect(summaries).toContain(`Applications close: ${tricky}`);
    expect(summaries).toContain(`Reminder: closes on 20 March 2026 — ${tricky}`);
  });

  it('any offers and reminders give a file a parser reads back whole', () => {
    const arbitrary = fc
      .uniqueArray(savedOfferArbitrary(), { selector: (saved) => saved.id, maxLength: 4 })
      .chain((list) =>
        fc.record({
          list: fc.constant(list),
          reminders:
            list.length === 0
              ? fc.constant([])
              : fc.array(
                  fc.record({
                    id: fc.uuid(),
                    offerId: fc.constantFrom(...list.map((saved) => saved.id)),
                    kind: fc.constant('custom' as const),
                    dueAt: fc.integer({ min: 0, max: Date.UTC(2099, 0, 1) }),
                    shownAt: fc.constant(null),
                    label: trimmedText(100),
                  }),
                  { maxLength: 4 },
                ),
        }),
      );
    fc.assert(
      fc.property(arbitrary, ({ list, reminders: due }) => {
        const text = buildCalendar(list, due, { now: NOW });
        for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
        const parsed = events(text).events;
        const closing = list.filter((saved) => effectiveFields(saved).closesAt !== null);
        expect(parsed).toHaveLength(closing.length + due.length);
        const summaries = parsed.map((item) => item.summary);
        for (const saved of closing) {
          // TEXT has one kind of line break: CR LF and a lone CR read back as LF.
          const title = effectiveFields(saved).title.replace(/\r\n?/g, '\n');
          expect(summaries).toContain(`Clôture des candidatures : ${title}`);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('names the file after the offer', () => {
    expect(calendarFileName(offers[1])).toBe('postulo-designer.ics');
    expect(calendarFileName(savedOffer({ title: 'Chargé·e de mission « Numérique »' }))).toBe(
      'postulo-charge-e-de-mission-numerique.ics',
    );
    expect(calendarFileName()).toBe('postulo-agenda.ics');
  });
});
