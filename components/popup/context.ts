/**
 * What every popup component may need: the locale, the database, the api, the clock, navigation.
 * The list view (ListView.tsx) asks only for its own part (useListEnv): it reaches neither the
 * database nor the api.
 */
import { createContext } from 'preact';
import { useCallback, useContext } from 'preact/hooks';
import type { PostuloDb } from '../../lib/db';
import type { Locale } from '../../lib/i18n';
import { type PopupMessageKey, popupText } from '../../lib/i18n/popup';
import type { SavedOffer } from '../../lib/saved-offer';
import type { PopupApi } from './api';
import type { ListItem } from './sortAndFilter';

/** Given by the entrypoint (or a test). */
export interface PopupEnv {
  locale: Locale;
  db: PostuloDb;
  api: PopupApi;
  /** The clock, injectable so "closes today" can be tested around midnight. */
  now: () => Date;
  /** The top of the list read before the first render (useOfferItems.ts), taken once. */
  takeFirstScreen?: () => readonly ListItem[] | null;
}

/** Given by the Popup shell to its views. */
export interface PopupShell {
  openOffer(id: string): void;
  closeOffer(): void;
  /** Shows a refused or failed write in the alert region. */
  reportError(error: unknown): void;
  /** Shows « Offre supprimée — Annuler » for a deleted record. */
  offerDeleted(saved: SavedOffer): void;
}

export type PopupContextValue = PopupEnv & PopupShell;

export const PopupContext = createContext<PopupContextValue | null>(null);

/** What the list and its rows need. */
export type ListEnv = Pick<PopupContextValue, 'locale' | 'now' | 'openOffer'>;

export function useListEnv(): ListEnv {
  return usePopup();
}

export function usePopup(): PopupContextValue {
  const value = useContext(PopupContext);
  if (!value) throw new Error('usePopup() outside <Popup>');
  return value;
}

/** The translate function for the current locale. */
export function useText(): (key: PopupMessageKey, params?: Record<string, string | number>) => string {
  const { locale } = useListEnv();
  return useCallback((key, params) => popupText(locale, key, params), [locale]);
}

export type Outcome<T> = { ok: true; value: T } | { ok: false };

/**
 * Runs a write through the api and reports its failure. Components use it so that a refused
 * write is always shown (role="alert"), never swallowed.
 */
export function useRun(): <T>(write: () => Promise<T>) => Promise<Outcome<T>> {
  const { reportError } = usePopup();
  return useCallback(
    async <T>(write: () => Promise<T>): Promise<Outcome<T>> => {
      try {
        return { ok: true, value: await write() };
      } catch (error) {
        reportError(error);
        return { ok: false };
      }
    },
    [reportError],
  );
}
