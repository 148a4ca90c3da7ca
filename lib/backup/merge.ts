/**
 * Merging a backup into what is already there, record by record. The rules, so the user can
 * predict them:
 *
 * - "Newer" is the record whose `updatedAt` is later; on a tie the one already there wins.
 * - Page fields (what the site said): the newer record's reading.
 * - Stage history: the union of both, one event per (stage, instant), in the order logged: the
 *   events only the older side has come before those only the newer side has, so the current
 *   stage (always the last event's) is the newer side's. A step logged on either computer is
 *   never lost.
 * - Notes (the offer's and each event's): equal or one containing the other → the longer;
 *   otherwise both, the existing first, joined by NOTES_SEPARATOR.
 * - Corrections (`edits`), contact person and custom reminders: per field / per id, a value on
 *   one side only is kept, on both sides the newer record's wins.
 * - Noticed page changes: the union. `savedAt`: the earlier; `updatedAt`: the later.
 * - Reminder records: the union by id; on both sides the existing one is kept, and it counts
 *   as shown if either side showed it (the earliest `shownAt`), so nothing fires twice.
 *
 * Merging the same file twice changes nothing the second time.
 */
import type { Application, StageEvent } from '../application';
import type { Reminder } from '../reminder';
import type { PageChange, SavedOffer } from '../saved-offer';

export const NOTES_SEPARATOR = '\n\n———\n\n';

export function mergeSavedOffers(current: SavedOffer, incoming: SavedOffer): SavedOffer {
  const incomingIsNewer = instant(incoming.updatedAt) > instant(current.updatedAt);
  return {
    id: current.id,
    page: incomingIsNewer ? { ...incoming.page, url: current.page.url } : current.page,
    application: mergeApplications(current.application, incoming.application, incomingIsNewer),
    changes: mergeChanges(current.changes, incoming.changes),
    savedAt: instant(incoming.savedAt) < instant(current.savedAt) ? incoming.savedAt : current.savedAt,
    updatedAt: incomingIsNewer ? incoming.updatedAt : current.updatedAt,
  };
}

export function mergeApplications(current: Application, incoming: Application, incomingIsNewer: boolean): Application {
  const history = mergeHistory(current.history, incoming.history, incomingIsNewer);
  const last = history.added ? history.events[history.events.length - 1] : undefined;
  return {
    stage: last ? last.stage : current.stage,
    history: history.events,
    notes: combineText(current.notes, incoming.notes),
    contactPerson: pick(current.contactPerson, incoming.contactPerson, incomingIsNewer),
    edits: mergeEdits(current.edits, incoming.edits, incomingIsNewer),
    reminders: unionById(current.reminders, incoming.reminders, (ours, theirs) => (incomingIsNewer ? theirs : ours)),
  };
}

/**
 * Histories are logs kept in the order the candidate logged them (never re-sorted by date: see
 * offers-repo.ts), so the union is built by position: the events only the file has go after the
 * newer side's own events, which makes the newer record's latest step the current stage.
 */
function mergeHistory(
  current: readonly StageEvent[],
  incoming: readonly StageEvent[],
  incomingIsNewer: boolean,
): { events: StageEvent[]; added: boolean } {
  const key = (event: StageEvent) => `${event.stage}@${instant(event.at)}`;
  const events = [...current];
  const indicesByKey = new Map<string, number[]>();
  for (const [index, event] of events.entries()) {
    indicesByKey.set(key(event), [...(indicesByKey.get(key(event)) ?? []), index]);
  }
  const fresh: StageEvent[] = [];
  const freshIndexByKey = new Map<string, number>();
  for (const event of incoming) {
    const indices = indicesByKey.get(key(event)) ?? [];
    // Already there (with its note) in any copy of this event: nothing to do.
    if (indices.some((index) => noteCovers(events[index]?.note, event.note))) continue;
    const [first] = indices;
    const existing = first === undefined ? undefined : events[first];
    if (first !== undefined && existing) {
      events[first] = { ...existing, note: combineOptionalText(existing.note, event.note) };
      continue;
    }
    const seen = freshIndexByKey.get(key(event));
    const earlier = seen === undefined ? undefined : fresh[seen];
    if (seen === undefined || !earlier) {
      freshIndexByKey.set(key(event), fresh.length);
      fresh.push(event);
    } else {
      fresh[seen] = { ...earlier, note: combineOptionalText(earlier.note, event.note) };
    }
  }
  if (fresh.length === 0) return { events, added: false };
  if (incomingIsNewer) return { events: [...events, ...fresh], added: true };
  // Ours is newer: the file's new events go before the first step only we have, so our latest
  // step stays last; when we have no step of our own, theirs simply follow.
  const incomingKeys = new Set(incoming.map(key));
  const ownStart = events.findIndex((event) => !incomingKeys.has(key(event)));
  const at = ownStart === -1 ? events.length : ownStart;
  return { events: [...events.slice(0, at), ...fresh, ...events.slice(at)], added: true };
}

/** Keeps both texts unless one already holds the other (which also makes merging idempotent). */
export function combineText(current: string, incoming: string): string {
  if (current.includes(incoming)) return current;
  if (incoming.includes(current)) return incoming;
  return `${current}${NOTES_SEPARATOR}${incoming}`;
}

function noteCovers(existing: string | undefined, incoming: string | undefined): boolean {
  if (incoming === undefined) return true;
  return existing?.includes(incoming) ?? false;
}

function combineOptionalText(current: string | undefined, incoming: string | undefined): string | undefined {
  if (incoming === undefined) return current;
  if (current === undefined) return incoming;
  return combineText(current, incoming);
}

function pick<T>(current: T | null, incoming: T | null, incomingIsNewer: boolean): T | null {
  if (current === null) return incoming;
  if (incoming === null) return current;
  return incomingIsNewer ? incoming : current;
}

function mergeEdits(
  current: Application['edits'],
  incoming: Application['edits'],
  incomingIsNewer: boolean,
): Application['edits'] {
  const merged: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(current), ...Object.keys(incoming)]);
  for (const key of keys) {
    const ours: unknown = Reflect.get(current, key);
    const theirs: unknown = Reflect.get(incoming, key);
    // An absent correction is "no correction", whatever the other side says; `null` is a value.
    const value = ours === undefined ? theirs : theirs === undefined ? ours : incomingIsNewer ? theirs : ours;
    if (value !== undefined) merged[key] = value;
  }
  return merged as Application['edits'];
}

function mergeChanges(current: readonly PageChange[], incoming: readonly PageChange[]): PageChange[] {
  const key = (change: PageChange) =>
    `${instant(change.at)}|${change.field}|${JSON.stringify(change.from)}|${JSON.stringify(change.to)}`;
  const seen = new Set(current.map(key));
  const fresh = incoming.filter((change) => !seen.has(key(change)));
  return [...current, ...fresh];
}

/** A reminder seen on either computer stays seen; everything else is the existing record's. */
export function mergeReminders(current: Reminder, incoming: Reminder): Reminder {
  const shown = [current.shownAt, incoming.shownAt].filter((at): at is number => at !== null);
  return { ...current, shownAt: shown.length > 0 ? Math.min(...shown) : null };
}

function unionById<T extends { id: string }>(
  current: readonly T[],
  incoming: readonly T[],
  choose: (ours: T, theirs: T) => T,
): T[] {
  const merged = [...current];
  const indexById = new Map(merged.map((item, index) => [item.id, index]));
  for (const item of incoming) {
    const index = indexById.get(item.id);
    const existing = index === undefined ? undefined : merged[index];
    if (index === undefined || !existing) {
      indexById.set(item.id, merged.length);
      merged.push(item);
    } else {
      merged[index] = choose(existing, item);
    }
  }
  return merged;
}

function instant(value: string): number {
  return Date.parse(value);
}
