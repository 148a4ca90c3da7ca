/**
 * What every part of the options page works with: the locale, the settings and the way to change
 * them, the database (read only: writes go through the background), the api, the clock, and the
 * download. The entrypoint gives the real ones; tests give an in-memory world.
 */
import { createContext } from 'preact';
import { useCallback, useContext } from 'preact/hooks';
import type { PostuloDb } from '../../lib/db';
import type { TextFile } from '../../lib/export/download';
import type { Locale } from '../../lib/i18n';
import { type OptionsKey, optionsText } from '../../lib/i18n/options';
import type { MessageData, RestoreAnswer } from '../../lib/messaging';
import type { Settings } from '../../lib/settings';

/** The two messages only the options page sends. */
export interface OptionsApi {
  restoreBackup(data: MessageData<'restoreBackup'>): Promise<RestoreAnswer>;
  deleteAllData(data: MessageData<'deleteAllData'>): Promise<void>;
}

/** Given by the entrypoint (or a test). */
export interface OptionsEnv {
  db: PostuloDb;
  api: OptionsApi;
  /** `navigator.language`: what « Automatique » follows. */
  browserLanguage: string;
  now: () => Date;
  /** Hands a file the page made to the browser's downloads. */
  download: (file: TextFile) => void;
}

/** Which part of the page a settings change came from, to say « Enregistré » beside it. */
export type SettingsArea = 'deadline' | 'follow-up' | 'quiet-hours' | 'language' | 'csv';

export interface OptionsContextValue extends OptionsEnv {
  locale: Locale;
  settings: Settings;
  /**
   * Applies `change` to the latest settings, validates and stores the result; false (and the
   * reason shown beside `area`) when it was refused.
   */
  updateSettings(area: SettingsArea, change: (current: Settings) => Settings): Promise<boolean>;
  /** The last save, for the « Enregistré » note of its area. */
  lastSave: { area: SettingsArea; ok: true } | { area: SettingsArea; ok: false; reason: string } | null;
}

export const OptionsContext = createContext<OptionsContextValue | null>(null);

export function useOptions(): OptionsContextValue {
  const value = useContext(OptionsContext);
  if (!value) throw new Error('useOptions() outside <OptionsPage>');
  return value;
}

export function useText(): (key: OptionsKey, params?: Record<string, string | number>) => string {
  const { locale } = useOptions();
  return useCallback((key, params) => optionsText(locale, key, params), [locale]);
}

/** A thrown value as words for an alert. */
export function reasonOf(error: unknown): string | null {
  if (error instanceof Error && error.message.trim()) return error.message;
  if (typeof error === 'string' && error.trim()) return error;
  return null;
}
