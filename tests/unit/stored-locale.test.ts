import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { saveSettings } from '../../lib/settings-store';
import { storedLocaleSetting } from '../../lib/stored-locale';

function area(value: unknown) {
  return { get: async (key: string) => ({ [key]: value }) };
}

describe('the locale setting as the content script reads it', () => {
  it('reads what the settings store wrote', async () => {
    const written: Record<string, unknown> = {};
    const storage = {
      local: {
        get: async (key: string) => ({ [key]: written[key] }),
        set: async (items: Record<string, unknown>) => void Object.assign(written, items),
      },
      onChanged: { addListener: () => {}, removeListener: () => {} },
    };
    await saveSettings({ ...DEFAULT_SETTINGS, locale: 'en' }, storage);
    expect(await storedLocaleSetting(storage.local)).toBe('en');
  });

  it.each([
    ['nothing stored', undefined],
    ['a damaged value', 'fr'],
    ['an unknown language', { locale: 'de' }],
  ])('falls back to auto for %s', async (_name, value) => {
    expect(await storedLocaleSetting(area(value))).toBe('auto');
  });

  it('falls back to auto when storage fails', async () => {
    expect(await storedLocaleSetting({ get: () => Promise.reject(new Error('gone')) })).toBe('auto');
  });
});
