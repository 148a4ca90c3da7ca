/**
 * Saved offers as a spreadsheet: one row per offer, the stages with their dates, RFC 4180.
 *
 * Defaults fit French Excel, which most candidates open it with: UTF-8 with a byte-order mark
 * (without it Excel reads « Intitulé » as « IntitulÃ© ») and `;` as the separator (French Excel
 * expects it, `,` being the decimal mark); `,` is an option for other tools. Dates are ISO
 * (`2026-03-05`): every spreadsheet reads them as dates, in any language.
 */
import { STAGES, type Stage } from '../application';
import type { Locale } from '../i18n';
import { contractKey, type ExportKey, exportText, remoteKey, statusKey } from '../i18n/exports';
import { stageName } from '../i18n/stages';
import { effectiveFields, type SavedOffer } from '../saved-offer';
import { localDate } from './local-date';

export type CsvSeparator = ';' | ',';

export interface CsvOptions {
  separator?: CsvSeparator;
  locale?: Locale;
  /** Time zone the stage dates are read in; the browser's by default. */
  timeZone?: string;
  /** Start with a UTF-8 byte-order mark (default true: Excel needs it to read accents). */
  bom?: boolean;
}

const BOM = '\uFEFF';
const CRLF = '\r\n';

interface Column {
  header: (locale: Locale) => string;
  value: (saved: SavedOffer, context: RowContext) => string;
}

interface RowContext {
  locale: Locale;
  timeZone: string | undefined;
}

const text = (key: ExportKey) => (locale: Locale) => exportText(locale, key);

const COLUMNS: Column[] = [
  { header: text('csv.title'), value: (saved) => effectiveFields(saved).title },
  { header: text('csv.organization'), value: (saved) => effectiveFields(saved).organization ?? '' },
  {
    header: text('csv.contract'),
    value: (saved, { locale }) => {
      const { contract, contractRaw } = effectiveFields(saved);
      return contract ? exportText(locale, contractKey(contract)) : (contractRaw ?? '');
    },
  },
  { header: text('csv.location'), value: (saved) => effectiveFields(saved).location ?? '' },
  {
    header: text('csv.remote'),
    value: (saved, { locale }) => {
      const { remote } = effectiveFields(saved);
      return remote ? exportText(locale, remoteKey(remote)) : '';
    },
  },
  { header: text('csv.publishedAt'), value: (saved) => effectiveFields(saved).publishedAt ?? '' },
  { header: text('csv.closesAt'), value: (saved) => effectiveFields(saved).closesAt ?? '' },
  {
    header: text('csv.offerStatus'),
    value: (saved, { locale }) => exportText(locale, statusKey(effectiveFields(saved).status)),
  },
  { header: text('csv.stage'), value: (saved, { locale }) => stageName(locale, saved.application.stage) },
  ...STAGES.map(
    (stage): Column => ({
      header: (locale) => exportText(locale, 'csv.stageDate', { stage: stageName(locale, stage) }),
      value: (saved, { timeZone }) => firstDateOf(saved, stage, timeZone),
    }),
  ),
  {
    header: text('csv.history'),
    value: (saved, { locale, timeZone }) =>
      saved.application.history
        .map((step) => `${localDate(step.at, timeZone)} ${stageName(locale, step.stage)}`)
        .join('\n'),
  },
  { header: text('csv.notes'), value: (saved) => saved.application.notes },
  { header: text('csv.contactPerson'), value: (saved) => saved.application.contactPerson ?? '' },
  { header: text('csv.contactName'), value: (saved) => effectiveFields(saved).contact?.name ?? '' },
  { header: text('csv.contactEmail'), value: (saved) => effectiveFields(saved).contact?.email ?? '' },
  { header: text('csv.contactPhone'), value: (saved) => effectiveFields(saved).contact?.phone ?? '' },
  { header: text('csv.applyUrl'), value: (saved) => effectiveFields(saved).applyUrl ?? '' },
  { header: text('csv.url'), value: (saved) => saved.page.url },
  { header: text('csv.savedAt'), value: (saved, { timeZone }) => localDate(saved.savedAt, timeZone) },
];

export function offersToCsv(offers: readonly SavedOffer[], options: CsvOptions = {}): string {
  const separator = options.separator ?? ';';
  const context: RowContext = { locale: options.locale ?? 'fr', timeZone: options.timeZone };
  const lines = [
    COLUMNS.map((column) => column.header(context.locale)),
    ...offers.map((saved) => COLUMNS.map((column) => column.value(saved, context))),
  ].map((cells) => cells.map((cell) => csvCell(cell, separator)).join(separator));
  return `${options.bom === false ? '' : BOM}${lines.join(CRLF)}${CRLF}`;
}

/** When the stage was first reached: for « Candidature envoyée », the day it was sent. */
function firstDateOf(saved: SavedOffer, stage: Stage, timeZone: string | undefined): string {
  const step = saved.application.history.find((event) => event.stage === stage);
  return step ? localDate(step.at, timeZone) : '';
}

/**
 * One field: neutralised if a spreadsheet would run it as a formula (OWASP "CSV injection": a
 * page we do not control wrote most of these values), then quoted when RFC 4180 requires it.
 */
export function csvCell(value: string, separator: CsvSeparator): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  const needsQuotes = safe.includes(separator) || /["\r\n]/.test(safe) || /^\s|\s$/.test(safe);
  return needsQuotes ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Dated so two exports do not overwrite each other. */
export function csvFileName(now: Date, timeZone?: string): string {
  return `postulo-candidatures-${localDate(now.getTime(), timeZone)}.csv`;
}
