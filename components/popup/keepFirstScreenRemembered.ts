/**
 * Keeps the remembered first screen (rememberedFirstScreen.ts) current while the popup is open:
 * the first screen's own query (firstScreen.ts), through Dexie's liveQuery, so that whatever the
 * popup sees change (the candidate's edits, a save the background made meanwhile) is what the next
 * popup paints first. Not in the first screen's file: it needs Dexie.
 */
import { liveQuery } from 'dexie';
import type { PostuloDb } from '../../lib/db';
import type { Locale } from '../../lib/i18n';
import { firstScreenItems, firstScreenRange } from './firstScreen';
import { localIsoDate } from './localDates';
import { forgetFirstScreen, rememberFirstScreen, type ScreenMemory } from './rememberedFirstScreen';
import type { ListItem } from './sortAndFilter';

export interface FirstScreenKeeper {
  /** The popup's language, now and whenever it changes: the remembered screen is worded in it. */
  setLocale(locale: Locale): void;
  stop(): void;
}

export function keepFirstScreenRemembered(db: PostuloDb, memory: ScreenMemory, now: () => Date): FirstScreenKeeper {
  let locale: Locale | null = null;
  let items: ListItem[] | null = null;
  const remember = () => {
    if (locale !== null && items !== null) rememberFirstScreen(memory, { locale, items });
  };
  const subscription = liveQuery(() => {
    const range = firstScreenRange(localIsoDate(now()));
    return db.offers.where(range.index).between(range.lower, range.upper, true, false).limit(range.limit).toArray();
  }).subscribe({
    next: (rows) => {
      items = firstScreenItems(rows);
      remember();
    },
    // Unread, it may be out of date: the next popup waits for the database instead.
    error: () => forgetFirstScreen(memory),
  });
  return {
    setLocale(next) {
      locale = next;
      remember();
    },
    stop: () => subscription.unsubscribe(),
  };
}
