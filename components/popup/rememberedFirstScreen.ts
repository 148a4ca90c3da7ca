/**
 * The first screen the popup last showed, kept in the extension pages' localStorage so that the
 * next popup can paint it before the database answers: opening IndexedDB in a fresh popup is the
 * longest wait before its first paint (BENCHMARKS.md), and localStorage is read at once.
 *
 * It is only a head start. Every open still reads the first screen from the database
 * (firstScreen.ts) and shows that instead whenever the two differ: after a save made from a
 * posting page, say, as the background (which writes the database) has no localStorage to update.
 * The popup keeps it current while it is open (app.tsx), the options page forgets it before
 * deleting or restoring everything (components/options/messagingApi.ts).
 *
 * Only what a row shows is kept (no notes, no contact: the search text is left out), and what is
 * read back is checked field by field: anything unexpected, and nothing is recalled.
 */
import { LOCALES, type Locale } from '../../lib/i18n';
import { CONTRACT_KINDS, OFFER_STATUSES } from '../../lib/offer-model';
import { STAGES } from '../../lib/stages';
import type { ListItem } from './sortAndFilter';

export interface RememberedFirstScreen {
  locale: Locale;
  items: readonly ListItem[];
}

export type ScreenMemory = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The key in localStorage; its value's `v` changes whenever the shape of what is kept does. */
export const REMEMBERED_FIRST_SCREEN_KEY = 'postulo.first-screen';
const SHAPE_VERSION = 1;

type KeptItem = Omit<ListItem, 'searchText'>;

function kept(item: ListItem): KeptItem {
  const { id, title, organization, contract, contractRaw, closesAt, status, stage, savedAt } = item;
  return { id, title, organization, contract, contractRaw, closesAt, status, stage, savedAt };
}

function serialise(screen: RememberedFirstScreen): string {
  return JSON.stringify({ v: SHAPE_VERSION, locale: screen.locale, items: screen.items.map(kept) });
}

/** Both show the same rows, in the same words: what the popup painted needs no replacing. */
export function sameFirstScreen(a: RememberedFirstScreen, b: RememberedFirstScreen): boolean {
  return serialise(a) === serialise(b);
}

/** Keeps `screen` for the next popup; null or no rows forgets. Storage refused: nothing is kept. */
export function rememberFirstScreen(memory: ScreenMemory, screen: RememberedFirstScreen | null): void {
  if (screen === null || screen.items.length === 0) {
    forgetFirstScreen(memory);
    return;
  }
  try {
    const value = serialise(screen);
    if (memory.getItem(REMEMBERED_FIRST_SCREEN_KEY) !== value) memory.setItem(REMEMBERED_FIRST_SCREEN_KEY, value);
  } catch {
    // Full or refused: the next popup waits for the database, as it would with nothing kept.
    forgetFirstScreen(memory);
  }
}

export function forgetFirstScreen(memory: ScreenMemory): void {
  try {
    memory.removeItem(REMEMBERED_FIRST_SCREEN_KEY);
  } catch {
    // Nothing can be read back from a storage that refuses us either.
  }
}

/**
 * The remembered first screen as of `today`: the offers whose closing date has passed since are
 * left out (the database's first screen starts at today too). Null when there is none, none left,
 * or anything in it is not what `rememberFirstScreen` writes.
 */
export function recallFirstScreen(memory: ScreenMemory, today: string): RememberedFirstScreen | null {
  let parsed: unknown;
  try {
    const value = memory.getItem(REMEMBERED_FIRST_SCREEN_KEY);
    if (value === null) return null;
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (!isRecord(parsed) || parsed.v !== SHAPE_VERSION || !Array.isArray(parsed.items)) return null;
  const locale = parsed.locale;
  if (!isOneOf(locale, LOCALES)) return null;
  const items: ListItem[] = [];
  for (const raw of parsed.items) {
    const item = asListItem(raw);
    if (item === null) return null;
    if (item.closesAt !== null && item.closesAt >= today) items.push(item);
  }
  return items.length > 0 ? { locale, items } : null;
}

function asListItem(raw: unknown): ListItem | null {
  if (!isRecord(raw)) return null;
  const { id, title, organization, contract, contractRaw, closesAt, status, stage, savedAt } = raw;
  if (typeof id !== 'string' || typeof title !== 'string' || typeof savedAt !== 'string') return null;
  if (!isTextOrNull(organization) || !isTextOrNull(contractRaw)) return null;
  if (!(contract === null || isOneOf(contract, CONTRACT_KINDS))) return null;
  if (!(closesAt === null || (typeof closesAt === 'string' && ISO_DATE.test(closesAt)))) return null;
  if (!isOneOf(status, OFFER_STATUSES) || !isOneOf(stage, STAGES)) return null;
  return { id, title, organization, contract, contractRaw, closesAt, status, stage, savedAt, searchText: '' };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTextOrNull(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

function isOneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}
