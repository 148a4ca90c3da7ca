/**
 * The candidate's settings in `storage.local`. Whatever is stored is validated against
 * `Settings`: a missing value gives the defaults, and a damaged or outdated one keeps each
 * section that is still valid and takes the default for the others, so one bad field never
 * resets everything. `watchSettings` lets the background follow the options page live.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, Settings } from './settings';

import { SETTINGS_KEY } from './stored-locale';

export { SETTINGS_KEY };

interface StorageChange {
  newValue?: unknown;
}

/** The part of `browser.storage` used here (the fake browser in tests, the real one otherwise). */
export interface SettingsStorage {
  local: {
    get(key: string): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
  };
  onChanged: {
    addListener(callback: (changes: Record<string, StorageChange>, areaName: string) => void): void;
    removeListener(callback: (changes: Record<string, StorageChange>, areaName: string) => void): void;
  };
}

/** Stored value → valid settings, section by section. */
export function parseSettings(value: unknown): Settings {
  const whole = Settings.safeParse(value);
  if (whole.success) return whole.data;
  if (typeof value !== 'object' || value === null) return structuredClone(DEFAULT_SETTINGS);
  const stored = value as Record<string, unknown>;
  const sections = Object.keys(Settings.shape) as (keyof Settings)[];
  const merged = Object.fromEntries(
    sections.map((key) => {
      const section = Settings.shape[key].safeParse(stored[key]);
      return [key, section.success ? section.data : structuredClone(DEFAULT_SETTINGS[key])];
    }),
  );
  return Settings.parse(merged);
}

export async function loadSettings(storage: SettingsStorage = browser.storage): Promise<Settings> {
  const stored = await storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

/** Validates before writing: an invalid object is refused, never stored. */
export async function saveSettings(settings: Settings, storage: SettingsStorage = browser.storage): Promise<Settings> {
  const valid = Settings.parse(settings);
  await storage.local.set({ [SETTINGS_KEY]: valid });
  return valid;
}

/** Calls `onChange` with the new settings whenever they change; returns the unsubscribe. */
export function watchSettings(
  onChange: (settings: Settings) => void,
  storage: SettingsStorage = browser.storage,
): () => void {
  const listener = (changes: Record<string, StorageChange>, areaName: string) => {
    const change = changes[SETTINGS_KEY];
    if (areaName !== 'local' || !change) return;
    onChange(parseSettings(change.newValue));
  };
  storage.onChanged.addListener(listener);
  return () => storage.onChanged.removeListener(listener);
}
