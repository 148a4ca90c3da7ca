import ICAL from 'ical.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadOfferCalendar, offerCalendarFile } from '../../../lib/export/offer-calendar';
import { reminder, savedOffer } from '../backup/builders';

const NOW = new Date('2026-03-10T08:00:00.000Z');
const ONE = savedOffer({
  url: 'https://beta.gouv.fr/recrutement/2026/03/01/dev',
  title: 'Dév',
  closesAt: '2026-03-20',
});
const OTHER = savedOffer({
  url: 'https://beta.gouv.fr/recrutement/2026/03/02/ops',
  title: 'Ops',
  closesAt: '2026-03-22',
});
const REMINDERS = [
  reminder({ offerId: ONE.id, id: `${ONE.id}#deadline-2`, dueAt: Date.UTC(2026, 2, 18, 8) }),
  reminder({ offerId: OTHER.id, id: `${OTHER.id}#deadline-2`, dueAt: Date.UTC(2026, 2, 20, 8) }),
];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('one offer in the calendar', () => {
  it("holds that offer's closing date and reminders only, named after it", () => {
    const file = offerCalendarFile(ONE, REMINDERS, 'en', NOW);
    expect(file.name).toBe('postulo-dev.ics');
    expect(file.type).toBe('text/calendar;charset=utf-8');
    const events = new ICAL.Component(ICAL.parse(file.text))
      .getAllSubcomponents('vevent')
      .map((vevent) => new ICAL.Event(vevent));
    expect(events.map((event) => event.summary).sort()).toEqual([
      'Applications close: Dév',
      'Reminder: closes on 20 March 2026 — Dév',
    ]);
  });

  it('is downloaded from the given page', () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:postulo/ics');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    downloadOfferCalendar(OTHER, REMINDERS, 'fr', { document, now: NOW });
    expect(names).toEqual(['postulo-ops.ics']);
  });
});
