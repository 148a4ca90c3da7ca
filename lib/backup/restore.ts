/**
 * Restores a backup file into the database: the whole file is read and validated first
 * (read.ts), then written in ONE Dexie transaction, so a bad file or a failed write leaves the
 * database exactly as it was.
 *
 * - `replace`: the database then holds exactly the file's offers and reminders.
 * - `merge`: the file's offers join those already there, matched by canonical URL, with the
 *   rules of merge.ts; nothing already there is lost.
 *
 * Settings live outside IndexedDB, so they are not written here: the report carries the
 * settings to store (the file's on `replace`, the current ones on `merge`, where this computer's
 * choices stay), for the caller to save once the restore succeeded.
 */
import type { OfferRow, PostuloDb } from '../db';
import { toOfferRow } from '../offers-repo';
import type { Reminder } from '../reminder';
import { SavedOffer } from '../saved-offer';
import type { Settings } from '../settings';
import { canonicalUrl } from '../url';
import type { BackupFile } from './format';
import { mergeReminders, mergeSavedOffers } from './merge';
import { toSavedOffer } from './offer-row';
import { type BackupProblem, failure, type Outcome, problemFromIssues, success } from './problem';
import { readBackup } from './read';

export type RestoreMode = 'merge' | 'replace';

export interface RestoreOptions {
  mode: RestoreMode;
  /** The settings in use now: kept on `merge`, and given to files from before settings were saved. */
  currentSettings: Settings;
}

export interface RecordCounts {
  added: number;
  updated: number;
  unchanged: number;
  /** `replace`: records that were there and are gone. */
  removed: number;
}

export interface RestoreReport {
  mode: RestoreMode;
  offers: RecordCounts;
  /** `skipped`: reminders of an offer that is neither in the file nor in the database. */
  reminders: RecordCounts & { skipped: number };
  /** What the caller should store as the settings now. */
  settings: Settings;
}

export async function restoreBackup(
  db: PostuloDb,
  input: string | Uint8Array,
  options: RestoreOptions,
): Promise<Outcome<RestoreReport>> {
  const read = readBackup(input, { settings: options.currentSettings });
  if (!read.ok) return read;
  const backup = read.value;
  try {
    const report = await db.transaction('rw', db.offers, db.reminders, () =>
      options.mode === 'replace' ? replaceAll(db, backup) : mergeAll(db, backup, options.currentSettings),
    );
    return success(report);
  } catch (error) {
    if (error instanceof RestoreAborted) return failure(error.problem);
    const reason = error instanceof Error ? error.message : String(error);
    return failure({
      code: 'database',
      message: `the browser refused to save the data, nothing was changed: ${reason}`,
    });
  }
}

/** Thrown inside the transaction to roll it back with a problem the user can read. */
class RestoreAborted extends Error {
  constructor(readonly problem: BackupProblem) {
    super(problem.message);
  }
}

async function replaceAll(db: PostuloDb, backup: BackupFile): Promise<RestoreReport> {
  const offerIds = new Set(backup.offers.map((offer) => offer.id));
  const reminders = backup.reminders.filter((reminder) => offerIds.has(reminder.offerId));
  const removedOffers = await db.offers.count();
  const removedReminders = await db.reminders.count();
  await db.offers.clear();
  await db.reminders.clear();
  await db.offers.bulkAdd(backup.offers.map(toOfferRow));
  await db.reminders.bulkAdd(reminders);
  return {
    mode: 'replace',
    offers: { added: backup.offers.length, updated: 0, unchanged: 0, removed: removedOffers },
    reminders: {
      added: reminders.length,
      updated: 0,
      unchanged: 0,
      removed: removedReminders,
      skipped: backup.reminders.length - reminders.length,
    },
    settings: backup.settings,
  };
}

async function mergeAll(db: PostuloDb, backup: BackupFile, currentSettings: Settings): Promise<RestoreReport> {
  const existingRows = await db.offers.toArray();
  const offers = new Map<string, SavedOffer>(existingRows.map((row) => [row.id, toSavedOffer(row)]));
  const idByCanonical = new Map<string, string>();
  for (const id of offers.keys()) idByCanonical.set(canonicalKey(id), id);

  // Where each of the file's offers lands: its own id, or the id of the same offer already there.
  const targetOf = new Map<string, string>();
  const counts: RecordCounts = { added: 0, updated: 0, unchanged: 0, removed: 0 };
  const changed = new Set<string>();
  backup.offers.forEach((incoming, index) => {
    const target = offers.has(incoming.id) ? incoming.id : idByCanonical.get(canonicalKey(incoming.id));
    const current = target === undefined ? undefined : offers.get(target);
    if (target === undefined || !current) {
      offers.set(incoming.id, incoming);
      idByCanonical.set(canonicalKey(incoming.id), incoming.id);
      targetOf.set(incoming.id, incoming.id);
      changed.add(incoming.id);
      return;
    }
    targetOf.set(incoming.id, target);
    const merged = mergeSavedOffers(current, incoming);
    const valid = SavedOffer.safeParse(merged);
    if (!valid.success) {
      const problem = problemFromIssues(valid.error.issues);
      throw new RestoreAborted({
        code: 'conflict',
        path: `offers[${index}]`,
        message: `offers[${index}]: merged with the offer already saved, ${problem.message}`,
      });
    }
    if (!sameJson(merged, current)) {
      offers.set(target, merged);
      changed.add(target);
    }
  });
  for (const row of existingRows) {
    if (!changed.has(row.id)) counts.unchanged += 1;
    else counts.updated += 1;
  }
  counts.added = changed.size - counts.updated;
  await db.offers.bulkPut([...changed].flatMap((id) => toRows(offers.get(id))));

  const reminders = await mergeReminderRecords(db, backup.reminders, targetOf, new Set(offers.keys()));
  return { mode: 'merge', offers: counts, reminders, settings: currentSettings };
}

async function mergeReminderRecords(
  db: PostuloDb,
  incoming: readonly Reminder[],
  targetOf: ReadonlyMap<string, string>,
  offerIds: ReadonlySet<string>,
): Promise<RestoreReport['reminders']> {
  const counts = { added: 0, updated: 0, unchanged: 0, removed: 0, skipped: 0 };
  const before = await db.reminders.toArray();
  const existingById = new Map(before.map((reminder) => [reminder.id, reminder]));
  const toWrite = new Map<string, Reminder>();
  for (const reminder of incoming) {
    const placed = placeReminder(reminder, targetOf.get(reminder.offerId));
    if (!offerIds.has(placed.offerId)) {
      counts.skipped += 1;
      continue;
    }
    const pending = toWrite.get(placed.id);
    const existing = existingById.get(placed.id);
    const base = pending ?? existing;
    const next = base ? mergeReminders(base, placed) : placed;
    if (!base || !sameJson(next, base)) toWrite.set(placed.id, next);
  }
  for (const id of toWrite.keys()) {
    if (existingById.has(id)) counts.updated += 1;
    else counts.added += 1;
  }
  counts.unchanged = before.length - counts.updated;
  await db.reminders.bulkPut([...toWrite.values()]);
  return counts;
}

/**
 * A reminder follows its offer when that offer merged into one saved under another address;
 * computed reminders' ids start with their offer's id (`<offerId>#deadline-7`), so they follow too.
 */
function placeReminder(reminder: Reminder, target: string | undefined): Reminder {
  if (target === undefined || target === reminder.offerId) return reminder;
  const prefix = `${reminder.offerId}#`;
  const id = reminder.id.startsWith(prefix) ? `${target}#${reminder.id.slice(prefix.length)}` : reminder.id;
  return { ...reminder, id, offerId: target };
}

function toRows(offer: SavedOffer | undefined): OfferRow[] {
  return offer ? [toOfferRow(offer)] : [];
}

function canonicalKey(id: string): string {
  try {
    return canonicalUrl(id);
  } catch {
    return id;
  }
}

/** Structural equality of JSON-like data, whatever the key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  }
  const keysA = Object.keys(a).filter((key) => Reflect.get(a, key) !== undefined);
  const keysB = Object.keys(b).filter((key) => Reflect.get(b, key) !== undefined);
  return keysA.length === keysB.length && keysA.every((key) => sameJson(Reflect.get(a, key), Reflect.get(b, key)));
}
