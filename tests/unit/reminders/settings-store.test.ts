import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import { loadSettings, parseSettings, SETTINGS_KEY, saveSettings, watchSettings } from '../../../lib/settings-store';

const custom: Settings = {
  ...DEFAULT_SETTINGS,
  locale: 'en',
  deadlineReminders: { enabled: true, daysBefore: [3], at: '08:15' },
};

describe('settings in storage.local', () => {
  beforeEach(() => fakeBrowser.reset());

  it('gives the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('round-trips valid settings', async () => {
    await saveSettings(custom);
    expect(await loadSettings()).toEqual(custom);
  });

  it('refuses to store invalid settings', async () => {
    const broken = { ...custom, deadlineReminders: { ...custom.deadlineReminders, at: '25:00' } };
    await expect(saveSettings(broken)).rejects.toThrow();
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    ['not an object', 'hello', DEFAULT_SETTINGS],
    ['null', null, DEFAULT_SETTINGS],
    [
      'one damaged section keeps the others',
      { ...custom, quietHours: { enabled: 'yes', from: '21:00', to: '08:00' } },
      { ...custom, quietHours: DEFAULT_SETTINGS.quietHours },
    ],
    [
      'a section missing (older version) takes its default',
      { locale: 'en', deadlineReminders: custom.deadlineReminders },
      { ...DEFAULT_SETTINGS, locale: 'en', deadlineReminders: custom.deadlineReminders },
    ],
  ])('repairs a stored value that is %s', async (_name, stored, expected) => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: stored });
    expect(await loadSettings()).toEqual(expected);
    expect(parseSettings(stored)).toEqual(expected);
  });

  it('never hands out the shared defaults object', () => {
    const settings = parseSettings(undefined);
    settings.deadlineReminders.daysBefore.push(1);
    expect(DEFAULT_SETTINGS.deadlineReminders.daysBefore).toEqual([7, 2, 0]);
  });

  it('tells a watcher about changes until it unsubscribes', async () => {
    const seen = vi.fn();
    const stop = watchSettings(seen);
    await saveSettings(custom);
    expect(seen).toHaveBeenLastCalledWith(custom);
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    expect(seen).toHaveBeenCalledTimes(1);
    stop();
    await saveSettings(DEFAULT_SETTINGS);
    expect(seen).toHaveBeenCalledTimes(1);
  });
});
