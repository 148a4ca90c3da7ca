/**
 * « Exporter »: the offers as a spreadsheet (with the separator French Excel expects, or a comma),
 * closing dates and reminders as a calendar, and the job-search record for a chosen period.
 */
import { useState } from 'preact/hooks';
import { toSavedOffer } from '../../lib/backup/offer-row';
import { csvFileName, offersToCsv } from '../../lib/export/csv';
import { MIME, type TextFile } from '../../lib/export/download';
import { buildCalendar, calendarFileName } from '../../lib/export/ics';
import type { Period } from '../../lib/export/job-search-record';
import type { Settings } from '../../lib/settings';
import { PeriodFields } from '../record/PeriodFields';
import { defaultPeriod, isValidPeriod, recordUrl } from '../record/period';
import { reasonOf, useOptions, useText } from './context';
import { SaveNote } from './SaveNote';

export function ExportFiles() {
  const { db, locale, settings, updateSettings, now, download } = useOptions();
  const t = useText();
  const [problem, setProblem] = useState<string | null>(null);
  const [made, setMade] = useState<string | null>(null);

  const make = async (build: () => Promise<TextFile>) => {
    try {
      const file = await build();
      download(file);
      setProblem(null);
      setMade(t('exportDone', { name: file.name }));
    } catch (error) {
      setMade(null);
      setProblem(t('exportFailed', { reason: reasonOf(error) ?? t('errorUnknown') }));
    }
  };

  const csv = () =>
    make(async () => {
      const offers = (await db.offers.toArray()).map(toSavedOffer);
      const at = now();
      return {
        name: csvFileName(at),
        text: offersToCsv(offers, { separator: settings.csvSeparator, locale }),
        type: MIME.csv,
      };
    });

  const calendar = () =>
    make(async () => {
      const [rows, reminders] = await Promise.all([db.offers.toArray(), db.reminders.toArray()]);
      const text = buildCalendar(rows.map(toSavedOffer), reminders, { now: now(), locale });
      return { name: calendarFileName(), text, type: MIME.calendar };
    });

  const separators: Array<{ value: Settings['csvSeparator']; label: string }> = [
    { value: ';', label: t('csvSemicolon') },
    { value: ',', label: t('csvComma') },
  ];

  return (
    <section class="subsection" aria-labelledby="exports-heading">
      <h3 id="exports-heading">{t('exportsHeading')}</h3>
      <fieldset>
        <legend>{t('csvLegend')}</legend>
        <p class="help">{t('csvHelp')}</p>
        <fieldset class="inline-choices">
          <legend>{t('csvSeparatorLegend')}</legend>
          {separators.map((choice, index) => (
            <div class="check" key={choice.value}>
              <input
                id={`csv-separator-${index}`}
                type="radio"
                name="csv-separator"
                value={choice.value}
                checked={settings.csvSeparator === choice.value}
                onChange={() => void updateSettings('csv', (current) => ({ ...current, csvSeparator: choice.value }))}
              />
              <label for={`csv-separator-${index}`}>{choice.label}</label>
            </div>
          ))}
        </fieldset>
        <SaveNote area="csv" />
        <button type="button" class="button" onClick={() => void csv()}>
          {t('exportCsv')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('calendarLegend')}</legend>
        <p class="help" id="calendar-help">
          {t('calendarHelp')}
        </p>
        <button type="button" class="button" aria-describedby="calendar-help" onClick={() => void calendar()}>
          {t('exportCalendar')}
        </button>
      </fieldset>
      <p role="status" class="status">
        {made ?? ''}
      </p>
      {problem && (
        <p role="alert" class="problem">
          {problem}
        </p>
      )}
      <RecordLink />
    </section>
  );
}

function RecordLink() {
  const { now } = useOptions();
  const t = useText();
  const [period, setPeriod] = useState<Period>(() => defaultPeriod(now()));
  const valid = isValidPeriod(period);
  return (
    <fieldset>
      <legend>{t('recordLegend')}</legend>
      <p class="help">{t('recordHelp')}</p>
      <PeriodFields
        period={period}
        valid={valid}
        onChange={setPeriod}
        idPrefix="record"
        labels={{ from: t('recordFrom'), to: t('recordTo') }}
        problemId="record-period-problem"
        fieldClass="field field--inline"
      />
      {valid ? (
        <a class="button" href={recordUrl(period)} target="_blank" rel="noopener">
          {t('openRecord')}
          <span class="visually-hidden"> ({t('newTab')})</span>
        </a>
      ) : (
        <p id="record-period-problem" role="alert" class="field-problem">
          {t('recordPeriodInvalid')}
        </p>
      )}
    </fieldset>
  );
}
