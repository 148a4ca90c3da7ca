/**
 * The record of job search, ready to print or save as PDF: for the chosen period, each
 * application with its employer, role, the day it was sent, its steps with their dates and its
 * outcome (lib/export/job-search-record.ts decides what belongs). The candidate's name is typed
 * here to be printed with the page, and never stored.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { toSavedOffer } from '../../lib/backup/offer-row';
import type { PostuloDb } from '../../lib/db';
import { type JobSearchRow, jobSearchRecord, type Period } from '../../lib/export/job-search-record';
import { formatInstant, formatIsoDate, type Locale, resolveLocale } from '../../lib/i18n';
import { exportText } from '../../lib/i18n/exports';
import { recordText } from '../../lib/i18n/record';
import { stageName } from '../../lib/i18n/stages';
import type { Settings } from '../../lib/settings';
import { loadSettings, watchSettings } from '../../lib/settings-store';
import { useLiveQuery } from '../popup/useLiveQuery';
import { PeriodFields } from './PeriodFields';
import { isValidPeriod, periodFromSearch, periodSearch } from './period';
import './record.css';

export interface RecordEnv {
  db: PostuloDb;
  browserLanguage: string;
  now: () => Date;
  /** The page address's query (`?from=…&to=…`). */
  search: string;
  /** Keeps the period in the address, so a reload or a bookmark shows the same record. */
  replaceSearch(search: string): void;
  print(): void;
}

export function RecordPage({ env }: { env: RecordEnv }) {
  const [localeSetting, setLocaleSetting] = useState<Settings['locale']>('auto');
  const [period, setPeriod] = useState<Period>(() => periodFromSearch(env.search, env.now()));
  const [name, setName] = useState('');
  const locale = resolveLocale(localeSetting, env.browserLanguage);
  const t = (key: Parameters<typeof recordText>[1], params?: Record<string, string | number>) =>
    recordText(locale, key, params);

  useEffect(() => {
    void loadSettings().then((settings) => setLocaleSetting(settings.locale));
    return watchSettings((settings) => setLocaleSetting(settings.locale));
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = recordText(locale, 'pageTitle');
  }, [locale]);

  const valid = isValidPeriod(period);
  useEffect(() => {
    if (valid) env.replaceSearch(periodSearch(period));
  }, [period, valid, env]);

  const offers = useLiveQuery(async () => (await env.db.offers.toArray()).map(toSavedOffer), [env.db]);
  const rows = useMemo(
    () => (offers.status === 'ready' && valid ? jobSearchRecord(offers.value, period) : []),
    [offers, period, valid],
  );

  return (
    <main class="record" lang={locale}>
      <header class="record__header">
        <h1>{t('heading')}</h1>
        {name.trim() && <p class="print-only">{t('candidate', { name: name.trim() })}</p>}
        {valid && (
          <p>
            {t('period', {
              from: formatIsoDate(period.from, locale, 'long'),
              to: formatIsoDate(period.to, locale, 'long'),
            })}
          </p>
        )}
        <p class="muted">{t('madeOn', { date: formatInstant(env.now(), locale) })}</p>
      </header>

      <section class="record__controls no-print" aria-label={t('controlsLabel')}>
        <div class="field">
          <label for="candidate-name">{t('nameLabel')}</label>
          <input
            id="candidate-name"
            type="text"
            autoComplete="name"
            value={name}
            onInput={(event) => setName(event.currentTarget.value)}
          />
        </div>
        <PeriodFields
          period={period}
          valid={valid}
          onChange={setPeriod}
          idPrefix="period"
          labels={{ from: t('from'), to: t('to') }}
          problemId="period-problem"
          fieldClass="field"
        />
        {!valid && (
          <p id="period-problem" role="alert" class="field-problem">
            {t('periodInvalid')}
          </p>
        )}
        <div class="print-action">
          <button type="button" class="button button--primary" aria-describedby="print-help" onClick={env.print}>
            {t('print')}
          </button>
          <p id="print-help" class="muted">
            {t('printHelp')}
          </p>
        </div>
      </section>

      {offers.status === 'loading' && <p role="status">{t('loading')}</p>}
      {offers.status === 'error' && (
        <p role="alert" class="field-problem">
          {t('loadFailed', { reason: offers.error instanceof Error ? offers.error.message : String(offers.error) })}
        </p>
      )}
      {offers.status === 'ready' && valid && <RecordTable rows={rows} period={period} locale={locale} />}
    </main>
  );
}

function RecordTable({ rows, period, locale }: { rows: JobSearchRow[]; period: Period; locale: Locale }) {
  const t = (key: Parameters<typeof recordText>[1], params?: Record<string, string | number>) =>
    recordText(locale, key, params);
  const count = new Intl.PluralRules(locale).select(rows.length) === 'one' ? 'count.one' : 'count.other';
  if (rows.length === 0) return <p class="record__empty">{t('none')}</p>;
  return (
    <>
      <p class="record__count">{t(count, { count: rows.length })}</p>
      <table class="record__table">
        <caption>
          {t('caption', { from: formatIsoDate(period.from, locale), to: formatIsoDate(period.to, locale) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('colSent')}</th>
            <th scope="col">{t('colEmployer')}</th>
            <th scope="col">{t('colRole')}</th>
            <th scope="col">{t('colSteps')}</th>
            <th scope="col">{t('colOutcome')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.offerId}>
              <td>
                <time dateTime={row.dateSent}>{formatIsoDate(row.dateSent, locale)}</time>
              </td>
              <td>{row.organization ?? t('unknownEmployer')}</td>
              <th scope="row">
                <span class="record__role">{row.role}</span>
                {(row.contract || row.location) && (
                  <span class="record__meta">{[row.contract, row.location].filter(Boolean).join(' · ')}</span>
                )}
                <span class="record__url">{row.url}</span>
              </th>
              <td>
                <ol class="record__steps">
                  {row.steps.map((step, index) => (
                    <li key={`${step.stage}-${index}`}>
                      {t('stepOn', { date: formatIsoDate(step.date, locale), stage: stageName(locale, step.stage) })}
                    </li>
                  ))}
                </ol>
              </td>
              <td>
                {row.outcomeDate
                  ? t('outcomeOn', {
                      outcome: exportText(locale, `outcome.${row.outcome}`),
                      date: formatIsoDate(row.outcomeDate, locale),
                    })
                  : exportText(locale, `outcome.${row.outcome}`)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
