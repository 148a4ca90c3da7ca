/**
 * fast-check arbitraries for what Postulo stores, built from the zod schemas' constraints
 * (lengths, trimmed text, real calendar dates, ISO instants with and without offsets, valid
 * URLs), so every generated value is already what the schema would output: parsing it is a
 * no-op, and a round trip must give it back unchanged.
 */
import fc from 'fast-check';
import { type Application, type CustomReminder, STAGES, type Stage, type StageEvent } from '../../../lib/application';
import {
  CONTRACT_KINDS,
  type Contact,
  OFFER_FIELDS,
  OFFER_STATUSES,
  type Offer,
  type OfferField,
  type OfferFields,
  STRATEGIES,
  type Strategy,
} from '../../../lib/offer';
import { REMINDER_KINDS, type Reminder } from '../../../lib/reminder';
import type { PageChange, SavedOffer } from '../../../lib/saved-offer';
import { Settings } from '../../../lib/settings';
import { canonicalUrl } from '../../../lib/url';

/** Plain objects only: a null-prototype object is a different value to a strict comparison. */
function record<T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T>;
function record<T, K extends keyof T>(
  model: { [P in keyof T]: fc.Arbitrary<T[P]> },
  options: { requiredKeys: K[] },
): fc.Arbitrary<Partial<T> & Pick<T, K>>;
function record<T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }, options?: { requiredKeys: (keyof T)[] }) {
  return options
    ? fc.record(model, { ...options, noNullPrototype: true })
    : fc.record(model, { noNullPrototype: true });
}

const MIN_TIME = Date.UTC(2000, 0, 1);
const MAX_TIME = Date.UTC(2099, 11, 31, 23, 59, 59, 999);

/** Page text: ASCII, any Unicode (French accents, emoji) and the characters exports must escape. */
const anyText = (maxLength: number) =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ maxLength, unit: 'grapheme' }),
    fc
      .array(
        fc.constantFrom('é', 'à', 'ç', 'Œ', ';', ',', '"', '\\', '\n', '\r\n', '=', '+', '-', '@', ' ', 'a', 'Z', '€'),
        {
          maxLength,
        },
      )
      .map((parts) => parts.join('').slice(0, maxLength)),
  );

/** `z.string().trim().min(1).max(n)`: the schema trims, so only trimmed values are fixed points. */
export const trimmedText = (maxLength = 60) =>
  anyText(maxLength)
    .map((text) => text.trim())
    .filter((text) => text.length > 0);

export const isoDate = fc
  .integer({ min: MIN_TIME, max: MAX_TIME })
  .map((time) => new Date(time).toISOString().slice(0, 10));

/** ISO instants as `toISOString` writes them, and with a local offset as other tools do. */
export const instant = fc.oneof(
  fc.integer({ min: MIN_TIME, max: MAX_TIME }).map((time) => new Date(time).toISOString()),
  fc
    .record({
      time: fc.integer({ min: MIN_TIME, max: MAX_TIME }),
      offsetMinutes: fc.integer({ min: -48, max: 56 }).map((quarters) => quarters * 15),
    })
    .map(({ time, offsetMinutes }) => {
      const local = new Date(Math.floor(time / 1000) * 1000 + offsetMinutes * 60_000).toISOString().slice(0, 19);
      const sign = offsetMinutes < 0 ? '-' : '+';
      const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
      const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, '0');
      return `${local}${sign}${hours}:${minutes}`;
    }),
);

/** Canonical web addresses, as offers are keyed. */
export const offerUrl = fc
  .webUrl({ withQueryParameters: true, withFragments: true, validSchemes: ['https', 'http'] })
  .map((url) => canonicalUrl(url))
  .filter((url) => url.length <= 4096 && URL.canParse(url));

const email = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,20}[a-z0-9]$/),
    fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,15}$/),
    fc.constantFrom('fr', 'gouv.fr', 'com', 'org'),
  )
  .filter(([local]) => !local.includes('..'))
  .map(([local, domain, tld]) => `${local}@${domain}.${tld}`);

const contact: fc.Arbitrary<Contact> = record({
  email: fc.option(email, { nil: null }),
  name: fc.option(trimmedText(), { nil: null }),
  phone: fc.option(trimmedText(40), { nil: null }),
});

const FIELD_ARBITRARIES: { [K in keyof OfferFields]: fc.Arbitrary<OfferFields[K]> } = {
  title: trimmedText(),
  organization: fc.option(trimmedText(), { nil: null }),
  contract: fc.option(fc.constantFrom(...CONTRACT_KINDS), { nil: null }),
  contractRaw: fc.option(trimmedText(), { nil: null }),
  publishedAt: fc.option(isoDate, { nil: null }),
  publishedAtRaw: fc.option(trimmedText(), { nil: null }),
  closesAt: fc.option(isoDate, { nil: null }),
  closesAtRaw: fc.option(trimmedText(), { nil: null }),
  contact: fc.option(contact, { nil: null }),
  status: fc.constantFrom(...OFFER_STATUSES),
  applyUrl: fc.option(trimmedText(200), { nil: null }),
  location: fc.option(trimmedText(), { nil: null }),
  remote: fc.option(fc.constantFrom('full', 'partial', 'none'), { nil: null }),
  description: fc.option(anyText(600), { nil: null }),
};

const provenance: fc.Arbitrary<Partial<Record<OfferField, Strategy>>> = record(
  Object.fromEntries(OFFER_FIELDS.map((field) => [field, fc.constantFrom(...STRATEGIES)])) as Record<
    OfferField,
    fc.Arbitrary<Strategy>
  >,
  { requiredKeys: [] },
);

export const offer = (url: fc.Arbitrary<string> = offerUrl): fc.Arbitrary<Offer> =>
  fc
    .record({
      fields: record(FIELD_ARBITRARIES),
      url,
      source: fc.string({ minLength: 1, maxLength: 80 }),
      provenance,
    })
    .map(({ fields, ...rest }) => ({ ...fields, ...rest }));

const edits = record(FIELD_ARBITRARIES, { requiredKeys: [] });

const stageEvent: fc.Arbitrary<StageEvent> = record(
  { stage: fc.constantFrom(...STAGES), at: instant, note: anyText(200) },
  { requiredKeys: ['stage', 'at'] },
);

const customReminder: fc.Arbitrary<CustomReminder> = record({
  id: fc.string({ minLength: 1, maxLength: 64 }),
  at: instant,
  label: trimmedText(300),
});

export const application: fc.Arbitrary<Application> = fc
  .record({
    history: fc.array(stageEvent, { minLength: 1, maxLength: 6 }),
    notes: anyText(300),
    contactPerson: fc.option(anyText(300), { nil: null }),
    edits,
    reminders: fc.uniqueArray(customReminder, { selector: (reminder) => reminder.id, maxLength: 3 }),
  })
  .map((parts) => ({ stage: lastStage(parts.history), ...parts }));

function lastStage(history: readonly StageEvent[]): Stage {
  return history[history.length - 1]?.stage ?? 'to-apply';
}

const jsonScalar = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), anyText(40), isoDate);

const pageChange: fc.Arbitrary<PageChange> = record({
  at: instant,
  field: fc.constantFrom(...OFFER_FIELDS),
  from: jsonScalar,
  to: jsonScalar,
});

export const savedOffer = (url: fc.Arbitrary<string> = offerUrl): fc.Arbitrary<SavedOffer> =>
  fc
    .record({
      page: offer(url),
      application,
      changes: fc.array(pageChange, { maxLength: 3 }),
      savedAt: instant,
      updatedAt: instant,
    })
    .map(({ page, ...rest }) => ({ id: page.url, page, ...rest }));

const clockTime = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([hours, minutes]) => `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`);

export const settings: fc.Arbitrary<Settings> = record({
  locale: fc.constantFrom(...Settings.shape.locale.options),
  deadlineReminders: record({
    enabled: fc.boolean(),
    daysBefore: fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 10 }),
    at: clockTime,
  }),
  followUp: record({ enabled: fc.boolean(), afterDays: fc.integer({ min: 1, max: 90 }) }),
  quietHours: record({ enabled: fc.boolean(), from: clockTime, to: clockTime }),
  csvSeparator: fc.constantFrom(';', ','),
});

const epochMillis = fc.integer({ min: 0, max: MAX_TIME });

export const reminderFor = (offerIds: readonly string[]): fc.Arbitrary<Reminder> =>
  record({
    id: fc.string({ minLength: 1, maxLength: 80 }),
    offerId: fc.constantFrom(...offerIds),
    kind: fc.constantFrom(...REMINDER_KINDS),
    dueAt: epochMillis,
    shownAt: fc.option(epochMillis, { nil: null }),
    label: fc.option(anyText(300), { nil: null }),
  });

export interface Dataset {
  offers: SavedOffer[];
  reminders: Reminder[];
  settings: Settings;
}

/** Offers with distinct addresses, reminders pointing at them, and settings. */
export const dataset: fc.Arbitrary<Dataset> = fc
  .uniqueArray(savedOffer(), { selector: (saved) => saved.id, maxLength: 6 })
  .chain((offers) =>
    record({
      offers: fc.constant(offers),
      reminders:
        offers.length === 0
          ? fc.constant([])
          : fc.uniqueArray(reminderFor(offers.map((saved) => saved.id)), {
              selector: (reminder) => reminder.id,
              maxLength: 6,
            }),
      settings,
    }),
  );
