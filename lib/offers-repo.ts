/**
 * Every read and write of saved offers. Pure Dexie code: the database is a parameter, so the
 * background uses the extension's own database and tests use an in-memory one.
 *
 * Rules kept here, and nowhere else:
 * - an offer is identified by the canonical URL of its page (`canonicalUrl`);
 * - the page owns `page` (refreshed on every visit), the candidate owns `application` (never
 *   touched by a visit);
 * - every record is validated with zod (`SavedOffer.parse`) before it is written, and every write
 *   is one read-modify-write inside one `rw` transaction: concurrent saves never lose an update
 *   and never leave a partial record;
 * - the derived keys the popup sorts and filters on (`closesAt`, `stage`) are computed by
 *   `toOfferRow` only.
 *
 * Stage history order (decided here): events are kept in the order they were logged, never
 * re-sorted by date. The current stage is always the last event's stage; dates are what the
 * candidate says and may be corrected freely (`editStageDate`), even to a date before the previous
 * step (« j'avais postulé avant d'enregistrer l'offre »). Sorting by date would let a date
 * correction silently change the current stage.
 */
import type { z } from 'zod';
import { type CustomReminder, newApplication, type OfferEdits, type Stage, type StageEvent } from './application';
import { NO_CLOSING_DATE, type OfferRow, type PostuloDb } from './db';
import type { OfferMark, SaveOutcome } from './messaging';
import { OFFER_FIELDS, Offer, type OfferField } from './offer';
import { effectiveFields, type PageChange, SavedOffer } from './saved-offer';
import { canonicalUrl, isWebUrl } from './url';

/** The id names no saved offer (deleted meanwhile, or never saved). */
export class OfferNotFoundError extends Error {
  override name = 'OfferNotFoundError';
  constructor(readonly id: string) {
    super(`No saved offer with id ${id}`);
  }
}

/** The data would make an invalid record: refused, nothing written. */
export class InvalidOfferDataError extends Error {
  override name = 'InvalidOfferDataError';
}

/** The one place the derived keys are computed. */
export function toOfferRow(saved: SavedOffer): OfferRow {
  return {
    ...saved,
    closesAt: effectiveFields(saved).closesAt ?? NO_CLOSING_DATE,
    stage: saved.application.stage,
  };
}

/** A stored row back to the record it holds (derived keys dropped, shape checked). */
export function fromOfferRow(row: OfferRow): SavedOffer {
  return validated(SavedOffer, row, `stored offer ${row.id}`);
}

/** What the panel and the listing markers show: the stage and when it was reached. */
export function markOf(saved: SavedOffer): OfferMark {
  const history = saved.application.history;
  const last = history[history.length - 1];
  return { id: saved.id, stage: saved.application.stage, stageAt: last?.at ?? saved.savedAt };
}

export async function getOffer(db: PostuloDb, id: string): Promise<SavedOffer | undefined> {
  const row = await db.offers.get(id);
  return row ? fromOfferRow(row) : undefined;
}

/**
 * Saves what the extractor read. The first save creates the record at « À postuler »; a later
 * save of the same canonical URL refreshes the page's reading only, and reports the changes that
 * matter (closed, filled, closing date added or moved), which are also kept in `changes`.
 */
export async function saveOffer(db: PostuloDb, offer: Offer, now: Date): Promise<SaveOutcome> {
  const reading = validated(Offer, offer, 'offer');
  const id = canonicalId(reading.url);
  const at = now.toISOString();
  return db.transaction('rw', db.offers, async () => {
    const row = await db.offers.get(id);
    if (!row) {
      const created = validated(SavedOffer, {
        id,
        page: { ...reading, url: id },
        application: newApplication(now),
        changes: [],
        savedAt: at,
        updatedAt: at,
      });
      await db.offers.put(toOfferRow(created));
      return { mark: markOf(created), created: true, changes: [] };
    }
    const before = fromOfferRow(row);
    const page = refreshPage(before.page, { ...reading, url: id });
    const changes = changesThatMatter(before.page, page, at);
    const updated = validated(SavedOffer, {
      ...before,
      page,
      changes: [...before.changes, ...changes].slice(-MAX_CHANGES),
      updatedAt: at,
    });
    await db.offers.put(toOfferRow(updated));
    return { mark: markOf(updated), created: false, changes };
  });
}

/**
 * The saved offers among `urls`, keyed by canonical URL (the caller canonicalises its own URLs
 * the same way to find its marks). Addresses that are not URLs are ignored.
 */
export async function lookup(db: PostuloDb, urls: readonly string[]): Promise<Record<string, OfferMark>> {
  const ids = [...new Set(urls.flatMap((url) => canonicalOrNothing(url)))];
  const rows = await db.offers.bulkGet(ids);
  const marks: Record<string, OfferMark> = {};
  for (const row of rows) {
    if (row) marks[row.id] = markOf(fromOfferRow(row));
  }
  return marks;
}

/**
 * The candidate's corrections of page fields. Each given field replaces the previous correction;
 * a correction equal to what the page says is dropped, so a later change on the page shows again.
 */
export function editFields(db: PostuloDb, id: string, edits: OfferEdits, now: Date): Promise<SavedOffer> {
  return update(db, id, now, (saved) => {
    const merged: Record<string, unknown> = { ...saved.application.edits };
    for (const [field, value] of Object.entries(edits)) {
      if (value === undefined) continue;
      if (sameData(value, saved.page[field as OfferField])) delete merged[field];
      else merged[field] = value;
    }
    return { ...saved, application: { ...saved.application, edits: merged } };
  });
}

export interface StageChange {
  stage: Stage;
  /** When it happened, as the candidate says (ISO instant). */
  at: string;
  note?: string;
}

/**
 * Moves the application to `stage` (any stage: people skip steps, and « Refusée » or
 * « Abandonnée » may come at any point). The event is appended; it becomes the current stage.
 */
export function setStage(db: PostuloDb, id: string, change: StageChange, now: Date): Promise<SavedOffer> {
  return update(db, id, now, (saved) => {
    const event: StageEvent = { stage: change.stage, at: change.at, ...(change.note ? { note: change.note } : {}) };
    return {
      ...saved,
      application: { ...saved.application, stage: change.stage, history: [...saved.application.history, event] },
    };
  });
}

/** Corrects the date of one logged step; the order of steps, and so the current stage, stay. */
export function editStageDate(db: PostuloDb, id: string, index: number, at: string, now: Date): Promise<SavedOffer> {
  return update(db, id, now, (saved) => {
    const event = saved.application.history[index];
    if (!event) throw new InvalidOfferDataError(`Offer ${id} has no stage event at index ${index}`);
    const history = saved.application.history.map((logged, i) => (i === index ? { ...event, at } : logged));
    return { ...saved, application: { ...saved.application, history } };
  });
}

export interface NotesChange {
  notes?: string;
  contactPerson?: string | null;
}

export function updateNotes(db: PostuloDb, id: string, change: NotesChange, now: Date): Promise<SavedOffer> {
  return update(db, id, now, (saved) => ({
    ...saved,
    application: {
      ...saved.application,
      ...(change.notes !== undefined ? { notes: change.notes } : {}),
      ...(change.contactPerson !== undefined ? { contactPerson: blankToNull(change.contactPerson) } : {}),
    },
  }));
}

/** Removes the offer and its reminders; returns the record so the UI can undo. */
export function deleteOffer(db: PostuloDb, id: string): Promise<SavedOffer> {
  return db.transaction('rw', db.offers, db.reminders, async () => {
    const row = await db.offers.get(id);
    if (!row) throw new OfferNotFoundError(id);
    const saved = fromOfferRow(row);
    await db.offers.delete(id);
    await db.reminders.where('offerId').equals(id).delete();
    return saved;
  });
}

/**
 * Undo of a delete: puts the record back exactly as it was returned. A record saved again
 * meanwhile under the same id is replaced: undo means « as before the delete ».
 */
export async function restoreOffer(db: PostuloDb, saved: SavedOffer): Promise<void> {
  const record = validated(SavedOffer, saved, 'restored offer');
  if (record.id !== record.page.url) throw new InvalidOfferDataError('restored offer: id and page.url differ');
  await db.transaction('rw', db.offers, async () => {
    await db.offers.put(toOfferRow(record));
  });
}

/** Adds a reminder the candidate set (« préparer l'entretien »); returns it with its new id. */
export async function addReminder(
  db: PostuloDb,
  offerId: string,
  reminder: Omit<CustomReminder, 'id'>,
  now: Date,
): Promise<CustomReminder> {
  const added: CustomReminder = { ...reminder, id: crypto.randomUUID() };
  await update(db, offerId, now, (saved) => ({
    ...saved,
    application: { ...saved.application, reminders: [...saved.application.reminders, added] },
  }));
  return added;
}

export function removeReminder(db: PostuloDb, offerId: string, reminderId: string, now: Date): Promise<SavedOffer> {
  return update(db, offerId, now, (saved) => {
    const reminders = saved.application.reminders.filter((reminder) => reminder.id !== reminderId);
    if (reminders.length === saved.application.reminders.length) {
      throw new InvalidOfferDataError(`Offer ${offerId} has no reminder ${reminderId}`);
    }
    return { ...saved, application: { ...saved.application, reminders } };
  });
}

// ——— internals ———

/** `changes` is capped by the schema; the oldest go first. */
const MAX_CHANGES = 1000;

/** One read-modify-write of an existing record, validated, in one transaction. */
function update(db: PostuloDb, id: string, now: Date, change: (saved: SavedOffer) => SavedOffer): Promise<SavedOffer> {
  return db.transaction('rw', db.offers, async () => {
    const row = await db.offers.get(id);
    if (!row) throw new OfferNotFoundError(id);
    const changed = change(fromOfferRow(row));
    const record = validated(SavedOffer, { ...changed, id, updatedAt: now.toISOString() }, `offer ${id}`);
    await db.offers.put(toOfferRow(record));
    return record;
  });
}

/**
 * The page's new reading over the previous one, field by field: a field this visit read wins;
 * a field it could not read (no provenance: a placeholder) keeps what an earlier visit read. A
 * weaker reading (a page half loaded, a forced read from the context menu) so never erases what
 * was known, and a value the page really changed is refreshed.
 */
function refreshPage(before: Offer, reading: Offer): Offer {
  const page: Record<string, unknown> = { ...reading };
  const provenance = { ...reading.provenance };
  for (const field of OFFER_FIELDS) {
    const previousStrategy = before.provenance[field];
    if (reading.provenance[field] === undefined && previousStrategy !== undefined) {
      page[field] = before[field];
      provenance[field] = previousStrategy;
    }
  }
  return validated(Offer, { ...page, provenance }, 'refreshed offer');
}

/** Closed or filled now (and not before), or a closing date that appeared or moved. */
function changesThatMatter(before: Offer, after: Offer, at: string): PageChange[] {
  const changes: PageChange[] = [];
  if (after.status !== before.status && (after.status === 'closed' || after.status === 'filled')) {
    changes.push({ at, field: 'status', from: before.status, to: after.status });
  }
  if (after.closesAt !== null && after.closesAt !== before.closesAt) {
    changes.push({ at, field: 'closesAt', from: before.closesAt, to: after.closesAt });
  }
  return changes;
}

/** The record's id; only web pages are offers (no `javascript:`, `data:`, `file:`…). */
function canonicalId(url: string): string {
  if (!isWebUrl(url)) throw new InvalidOfferDataError(`offer: not a web address: ${url.slice(0, 200)}`);
  return canonicalUrl(url);
}

function canonicalOrNothing(url: string): string[] {
  try {
    return [canonicalUrl(url)];
  } catch {
    return [];
  }
}

function blankToNull(value: string | null): string | null {
  return value === null || value.trim() === '' ? null : value;
}

/** Parses with `schema`, or throws an InvalidOfferDataError naming the first problem. */
function validated<S extends z.ZodType>(schema: S, value: unknown, what = 'saved offer'): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new InvalidOfferDataError(`${what}: invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
}

/** Deep equality of JSON-like data (strings, numbers, null, plain objects), key order ignored. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every((key) => sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}
