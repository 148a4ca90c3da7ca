/** « Langue »: follow the browser, or French, or English. The page switches at once. */
import type { LocaleSetting } from '../../lib/i18n';
import { resolveLocale } from '../../lib/i18n';
import { useOptions, useText } from './context';
import { SaveNote } from './SaveNote';

export function LanguageSettings() {
  const { settings, updateSettings, browserLanguage } = useOptions();
  const t = useText();
  const browserChoice = resolveLocale('auto', browserLanguage) === 'en' ? t('languageNameEn') : t('languageNameFr');
  const choices: Array<{ value: LocaleSetting; label: string; lang?: string }> = [
    { value: 'auto', label: t('languageAuto', { language: browserChoice }) },
    { value: 'fr', label: t('languageNameFr'), lang: 'fr' },
    { value: 'en', label: t('languageNameEn'), lang: 'en' },
  ];
  return (
    <section class="card" aria-labelledby="language-heading">
      <h2 id="language-heading">{t('languageHeading')}</h2>
      <fieldset>
        <legend>{t('languageLegend')}</legend>
        {choices.map((choice) => (
          <div class="check" key={choice.value}>
            <input
              id={`locale-${choice.value}`}
              type="radio"
              name="locale"
              value={choice.value}
              checked={settings.locale === choice.value}
              onChange={() => void updateSettings('language', (current) => ({ ...current, locale: choice.value }))}
            />
            <label for={`locale-${choice.value}`} lang={choice.lang}>
              {choice.label}
            </label>
          </div>
        ))}
        <SaveNote area="language" />
      </fieldset>
    </section>
  );
}
