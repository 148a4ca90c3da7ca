/**
 * What the options page says about a backup: the preview of a picked file, the summary of a
 * restore, and — when the file cannot be restored — where and why, in the candidate's words
 * (« offre n° 4 (« Designer »), champ page.url ») rather than only the technical path.
 */
import type { BackupProblem } from '../../lib/backup/problem';
import { formatInstant, type Locale } from '../../lib/i18n';
import { type OptionsKey, optionsCount, optionsText } from '../../lib/i18n/options';
import type { RestoreAnswer } from '../../lib/messaging';

/** The parts of a problem the page shows: the background's answer and the page's own check share it. */
export type ProblemLike = Pick<BackupProblem, 'message' | 'path'> & { code: string };

export interface ProblemText {
  why: string;
  where: string | null;
  /** The English technical message, without the path it starts with. */
  detail: string;
}

const KNOWN_CODES = new Set<string>([
  'too-large',
  'not-text',
  'not-json',
  'not-a-backup',
  'newer-version',
  'unknown-version',
  'invalid',
  'conflict',
  'database',
]);

/**
 * `data` is the file's parsed content when the page has it: an offer's title makes « offre n° 4 »
 * something the candidate can find.
 */
export function describeProblem(locale: Locale, problem: ProblemLike, data?: unknown): ProblemText {
  const codeKey = (KNOWN_CODES.has(problem.code) ? `problem.${problem.code}` : 'problem.unknown') as OptionsKey;
  const prefix = problem.path ? `${problem.path}: ` : '';
  const detail = prefix && problem.message.startsWith(prefix) ? problem.message.slice(prefix.length) : problem.message;
  return {
    why: optionsText(locale, codeKey),
    where: problem.path ? describePath(locale, problem.path, data) : null,
    detail,
  };
}

/** `offers[3].page.url` → « offre n° 4, champ page.url »; `reminders[0]` → « rappel n° 1 ». */
export function describePath(locale: Locale, path: string, data?: unknown): string {
  const match = /^(offers|reminders)\[(\d+)\](?:\.(.+))?$/.exec(path) ?? /^(settings)(?:\.(.+))?$/.exec(path);
  if (!match) return path;
  const [, list, second, third] = match;
  let place: string;
  let field: string | undefined;
  if (list === 'settings') {
    place = optionsText(locale, 'whereSettings');
    field = second;
  } else {
    const index = Number(second);
    const number = index + 1;
    field = third;
    if (list === 'reminders') place = optionsText(locale, 'whereReminder', { number });
    else {
      const title = offerTitleAt(data, index);
      place = title
        ? optionsText(locale, 'whereOfferTitled', { number, title })
        : optionsText(locale, 'whereOffer', { number });
    }
  }
  return field ? optionsText(locale, 'whereField', { place, field }) : place;
}

function offerTitleAt(data: unknown, index: number): string | null {
  const offers = property(data, 'offers');
  if (!Array.isArray(offers)) return null;
  const title = property(property(offers[index], 'page'), 'title');
  if (typeof title !== 'string') return null;
  const oneLine = title.replace(/\s+/g, ' ').trim();
  if (!oneLine) return null;
  return oneLine.length > 80 ? `${oneLine.slice(0, 79)}…` : oneLine;
}

function property(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Reflect.get(value, key) : undefined;
}

export interface BackupPreview {
  exportedAt: string;
  offers: number;
  reminders: number;
}

export function describePreview(locale: Locale, preview: BackupPreview): string {
  return optionsText(locale, 'restorePreview', {
    date: formatInstant(preview.exportedAt, locale, true),
    offers: optionsCount(locale, 'offerCount', preview.offers),
    reminders: optionsCount(locale, 'reminderCount', preview.reminders),
  });
}

/** The success sentence of a restore. */
export function describeRestored(
  locale: Locale,
  mode: 'merge' | 'replace',
  answer: Extract<RestoreAnswer, { ok: true }>,
): string {
  const reminders = optionsCount(locale, 'remindersRestored', answer.reminders);
  if (mode === 'replace') {
    return optionsText(locale, 'restoreReplaced', {
      offers: optionsCount(locale, 'offerCount', answer.offers.added),
      reminders: optionsCount(locale, 'reminderCount', answer.reminders),
    });
  }
  return optionsText(locale, 'restoreMerged', {
    added: optionsCount(locale, 'added', answer.offers.added),
    updated: optionsCount(locale, 'updated', answer.offers.updated),
    unchanged: optionsCount(locale, 'unchanged', answer.offers.unchanged),
    reminders,
  });
}
