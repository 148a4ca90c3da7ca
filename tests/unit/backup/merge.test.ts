import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeReminders, mergeSavedOffers, NOTES_SEPARATOR } from '../../../lib/backup/merge';
import type { SavedOffer } from '../../../lib/saved-offer';
import { savedOffer as savedOfferArbitrary } from './arbitraries';
import { event, OFFER_URL, reminder, savedOffer } from './builders';

const EARLY = '2026-03-02T09:00:00.000Z';
const LATER = '2026-03-05T09:00:00.000Z';
const LATEST = '2026-03-09T09:00:00.000Z';

interface MergeCase {
  name: string;
  current: SavedOffer;
  incoming: SavedOffer;
  expect: (merged: SavedOffer) => void;
}

const cases: MergeCase[] = [
  {
    name: 'a correction made here is kept over an older file',
    current: savedOffer({ updatedAt: LATER, application: { edits: { title: 'Mon titre' } } }),
    incoming: savedOffer({ updatedAt: EARLY, application: { edits: { title: 'Leur titre' } } }),
    expect: (merged) => expect(merged.application.edits.title).toBe('Mon titre'),
  },
  {
    name: 'a correction from a newer file wins',
    current: savedOffer({ updatedAt: EARLY, application: { edits: { title: 'Mon titre' } } }),
    incoming: savedOffer({ updatedAt: LATER, application: { edits: { title: 'Leur titre' } } }),
    expect: (merged) => expect(merged.application.edits.title).toBe('Leur titre'),
  },
  {
    name: 'corrections of different fields on each side are all kept',
    current: savedOffer({ updatedAt: LATER, application: { edits: { organization: 'ANCT' } } }),
    incoming: savedOffer({ updatedAt: EARLY, application: { edits: { location: 'Lyon', closesAt: null } } }),
    expect: (merged) =>
      expect(merged.application.edits).toEqual({ organization: 'ANCT', location: 'Lyon', closesAt: null }),
  },
  {
    name: 'newer history wins: stages reached on the other computer become the current stage',
    current: savedOffer({ application: { history: [event('to-apply', EARLY)] } }),
    incoming: savedOffer({
      updatedAt: LATEST,
      application: { history: [event('to-apply', EARLY), event('applied', LATER), event('interview', LATEST)] },
    }),
    expect: (merged) => {
      expect(merged.application.stage).toBe('interview');
      expect(merged.application.history.map((step) => step.stage)).toEqual(['to-apply', 'applied', 'interview']);
    },
  },
  {
    name: "a step logged only on the older side goes before the newer side's own steps, which stay current",
    current: savedOffer({
      updatedAt: LATEST,
      application: { history: [event('to-apply', EARLY), event('interview', LATEST)] },
    }),
    incoming: savedOffer({
      updatedAt: LATER,
      application: { history: [event('to-apply', EARLY), event('applied', LATER)] },
    }),
    expect: (merged) => {
      expect(merged.application.stage).toBe('interview');
      expect(merged.application.history.map((step) => step.stage)).toEqual(['to-apply', 'applied', 'interview']);
    },
  },
  {
    name: 'the page was refreshed here later, yet a step logged on the other computer becomes the current stage',
    current: savedOffer({ updatedAt: LATEST, application: { history: [event('to-apply', EARLY)] } }),
    incoming: savedOffer({
      updatedAt: LATER,
      application: { history: [event('to-apply', EARLY), event('applied', LATER)] },
    }),
    expect: (merged) => expect(merged.application.stage).toBe('applied'),
  },
  {
    name: 'steps keep the order they were logged in, even when a date was corrected to an earlier day',
    current: savedOffer({ application: { history: [event('to-apply', LATER), event('applied', EARLY)] } }),
    incoming: savedOffer({
      updatedAt: LATEST,
      application: { history: [event('to-apply', LATER), event('applied', EARLY), event('interview', LATER)] },
    }),
    expect: (merged) => {
      expect(merged.application.history.map((step) => step.stage)).toEqual(['to-apply', 'applied', 'interview']);
      expect(merged.application.stage).toBe('interview');
    },
  },
  {
    name: 'one event per stage and instant, even written with another offset',
    current: savedOffer({ application: { history: [event('to-apply', EARLY), event('applied', LATER)] } }),
    incoming: savedOffer({
      application: { history: [event('to-apply', '2026-03-02T10:00:00+01:00'), event('applied', LATER)] },
    }),
    expect: (merged) => expect(merged.application.history).toHaveLength(2),
  },
  {
    name: 'different notes are both kept, ours first',
    current: savedOffer({ application: { notes: 'Appeler Marie' } }),
    incoming: savedOffer({ updatedAt: LATER, application: { notes: 'Portfolio envoyé' } }),
    expect: (merged) => expect(merged.application.notes).toBe(`Appeler Marie${NOTES_SEPARATOR}Portfolio envoyé`),
  },
  {
    name: 'notes that extend ours replace them without repeating',
    current: savedOffer({ application: { notes: 'Appeler Marie' } }),
    incoming: savedOffer({ application: { notes: 'Appeler Marie\nFait le 3 mars' } }),
    expect: (merged) => expect(merged.application.notes).toBe('Appeler Marie\nFait le 3 mars'),
  },
  {
    name: 'empty notes on one side lose nothing',
    current: savedOffer({ application: { notes: '' } }),
    incoming: savedOffer({ application: { notes: 'Entretien avec la DINUM' } }),
    expect: (merged) => expect(merged.application.notes).toBe('Entretien avec la DINUM'),
  },
  {
    name: 'a note on the same event from both sides is kept whole',
    current: savedOffer({ application: { history: [event('to-apply', EARLY, 'vu sur LinkedIn')] } }),
    incoming: savedOffer({ application: { history: [event('to-apply', EARLY, 'recommandé par Paul')] } }),
    expect: (merged) =>
      expect(merged.application.history[0]?.note).toBe(`vu sur LinkedIn${NOTES_SEPARATOR}recommandé par Paul`),
  },
  {
    name: "the page's newer reading wins, under the address already saved",
    current: savedOffer({ title: 'Ancien intitulé', updatedAt: EARLY }),
    incoming: savedOffer({ url: `${OFFER_URL}?utm_source=x`, title: 'Nouvel intitulé', updatedAt: LATER }),
    expect: (merged) => {
      expect(merged.page.title).toBe('Nouvel intitulé');
      expect(merged.id).toBe(OFFER_URL);
      expect(merged.page.url).toBe(OFFER_URL);
    },
  },
  {
    name: 'a contact person known on one side only is kept',
    current: savedOffer({ updatedAt: LATER, application: { contactPerson: null } }),
    incoming: savedOffer({ updatedAt: EARLY, application: { contactPerson: 'Léa Martin' } }),
    expect: (merged) => expect(merged.application.contactPerson).toBe('Léa Martin'),
  },
  {
    name: 'custom reminders from both sides are united by id',
    current: savedOffer({ application: { reminders: [{ id: 'a', at: LATER, label: 'Préparer' }] } }),
    incoming: savedOffer({ application: { reminders: [{ id: 'b', at: LATEST, label: 'Relancer' }] } }),
    expect: (merged) => expect(merged.application.reminders.map((item) => item.id)).toEqual(['a', 'b']),
  },
  {
    name: 'noticed page changes are united; first saved and last updated dates are kept',
    current: savedOffer({
      savedAt: LATER,
      updatedAt: LATER,
      changes: [{ at: LATER, field: 'status', from: 'open', to: 'closed' }],
    }),
    incoming: savedOffer({
      savedAt: EARLY,
      updatedAt: LATEST,
      changes: [{ at: LATEST, field: 'closesAt', from: '2026-03-20', to: '2026-03-27' }],
    }),
    expect: (merged) => {
      expect(merged.changes.map((change) => change.field)).toEqual(['status', 'closesAt']);
      expect(merged.savedAt).toBe(EARLY);
      expect(merged.updatedAt).toBe(LATEST);
    },
  },
];

describe('merging one offer', () => {
  it.each(cases)('$name', ({ current, incoming, expect: check }) => {
    check(mergeSavedOffers(current, incoming));
  });

  it.each(cases)('$name — and merging the same record again changes nothing', ({ current, incoming }) => {
    const once = mergeSavedOffers(current, incoming);
    expect(mergeSavedOffers(once, incoming)).toStrictEqual(once);
  });

  const pair = fc.tuple(savedOfferArbitrary(fc.constant(OFFER_URL)), savedOfferArbitrary(fc.constant(OFFER_URL)));

  it('is idempotent on random records', () => {
    fc.assert(
      fc.property(pair, ([current, incoming]) => {
        const once = mergeSavedOffers(current, incoming);
        expect(mergeSavedOffers(once, incoming)).toStrictEqual(once);
        expect(mergeSavedOffers(current, current)).toStrictEqual(current);
      }),
      { numRuns: 300 },
    );
  });

  it('loses no event, note, correction or custom reminder of either side', () => {
    fc.assert(
      fc.property(pair, ([current, incoming]) => {
        const merged = mergeSavedOffers(current, incoming).application;
        const key = (step: { stage: string; at: string }) => `${step.stage}@${Date.parse(step.at)}`;
        const mergedKeys = new Set(merged.history.map(key));
        for (const step of [...current.application.history, ...incoming.application.history]) {
          expect(mergedKeys).toContain(key(step));
        }
        expect(merged.stage).toBe(merged.history[merged.history.length - 1]?.stage);
        expect(merged.notes).toContain(current.application.notes);
        expect(merged.notes).toContain(incoming.application.notes);
        for (const field of Object.keys({ ...current.application.edits, ...incoming.application.edits })) {
          expect(merged.edits).toHaveProperty(field);
        }
        const ids = merged.reminders.map((item) => item.id);
        for (const item of [...current.application.reminders, ...incoming.application.reminders]) {
          expect(ids).toContain(item.id);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('merging one reminder record', () => {
  const offerId = OFFER_URL;

  it.each([
    { name: 'shown here stays shown', here: 1000, there: null, shown: 1000 },
    { name: 'shown on the other computer counts as shown', here: null, there: 2000, shown: 2000 },
    { name: 'shown on both: the first time', here: 3000, there: 2000, shown: 2000 },
    { name: 'never shown stays due', here: null, there: null, shown: null },
  ])('$name', ({ here, there, shown }) => {
    const merged = mergeReminders(
      reminder({ offerId, shownAt: here, dueAt: 500 }),
      reminder({ offerId, shownAt: there, dueAt: 900 }),
    );
    expect(merged.shownAt).toBe(shown);
    expect(merged.dueAt).toBe(500);
  });
});
