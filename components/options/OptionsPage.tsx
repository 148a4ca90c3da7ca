/**
 * The options page: reminders, language, and the candidate's data. Settings are loaded from and
 * saved to `storage.local` (validated), and followed live: a restore that brings the file's
 * settings, or a change made elsewhere, shows here at once. The page speaks the language the
 * settings say, and switches as soon as it is changed.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { resolveLocale } from '../../lib/i18n';
import { optionsText } from '../../lib/i18n/options';
import { Settings } from '../../lib/settings';
import { loadSettings, saveSettings, watchSettings } from '../../lib/settings-store';
import { OptionsContext, type OptionsContextValue, type OptionsEnv, reasonOf, type SettingsArea } from './context';
import { DataSection } from './DataSection';
import { LanguageSettings } from './LanguageSettings';
import { ReminderSettings } from './ReminderSettings';
import './options.css';

export function OptionsPage({ env }: { env: OptionsEnv }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [lastSave, setLastSave] = useState<OptionsContextValue['lastSave']>(null);
  // The latest settings, for changes made in quick succession to build on each other.
  const latest = useRef<Settings | null>(null);

  useEffect(() => {
    let live = true;
    const show = (next: Settings) => {
      latest.current = next;
      if (live) setSettings(next);
    };
    const stopWatching = watchSettings(show);
    void loadSettings().then((loaded) => {
      if (!latest.current) show(loaded);
    });
    return () => {
      live = false;
      stopWatching();
    };
  }, []);

  const locale = resolveLocale(settings?.locale ?? 'auto', env.browserLanguage);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = optionsText(locale, 'pageTitle');
  }, [locale]);

  const updateSettings = useCallback(
    async (area: SettingsArea, change: (current: Settings) => Settings) => {
      const current = latest.current;
      if (!current) return false;
      const next = Settings.safeParse(change(current));
      if (!next.success) {
        setLastSave({ area, ok: false, reason: next.error.issues[0]?.message ?? 'invalid' });
        return false;
      }
      latest.current = next.data;
      setSettings(next.data);
      try {
        await saveSettings(next.data);
        setLastSave({ area, ok: true });
        return true;
      } catch (error) {
        setLastSave({ area, ok: false, reason: reasonOf(error) ?? optionsText(locale, 'errorUnknown') });
        return false;
      }
    },
    [locale],
  );

  const context = useMemo<OptionsContextValue | null>(
    () => (settings ? { ...env, locale, settings, updateSettings, lastSave } : null),
    [env, locale, settings, updateSettings, lastSave],
  );

  return (
    <main class="options" lang={locale}>
      <header class="options__header">
        <h1>{optionsText(locale, 'heading')}</h1>
        <p>{optionsText(locale, 'intro')}</p>
      </header>
      {context ? (
        <OptionsContext.Provider value={context}>
          <ReminderSettings />
          <LanguageSettings />
          <DataSection />
        </OptionsContext.Provider>
      ) : (
        <p role="status">{optionsText(locale, 'loading')}</p>
      )}
    </main>
  );
}
