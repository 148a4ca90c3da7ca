/**
 * The language the candidate chose in the options, read straight from `storage.local` without
 * the zod schemas of lib/settings-store.ts: the content script runs on every page of the sites
 * and stays small. Anything unexpected means 'auto'.
 */
import type { LocaleSetting } from './i18n';

/** Where lib/settings-store.ts keeps the settings. */
export const SETTINGS_KEY = 'settings';

interface LocalArea {
  get(key: string): Promise<Record<string, unknown>>;
}

export async function storedLocaleSetting(local: LocalArea): Promise<LocaleSetting> {
  try {
    const settings = (await local.get(SETTINGS_KEY))[SETTINGS_KEY];
    const locale = typeof settings === 'object' && settings !== null ? Reflect.get(settings, 'locale') : undefined;
    return locale === 'fr' || locale === 'en' ? locale : 'auto';
  } catch {
    return 'auto';
  }
}
