/**
 * Dates written in French or English prose ("30 septembre 2021", "1er mars", "01/12/2024",
 * "September 30, 2021", "2024-06-30"), and the phrases that make one of them the posting's closing
 * or publication date.
 *
 * Hand-written rather than chrono-node on purpose: chrono's French locale alone costs 15.4 KB
 * gzipped (54.6 KB minified), most of the content script's 20 KB budget, and we only need day,
 * month and year: the hard part is deciding which sentence names a deadline, and that is ours.
 *
 * A date is only taken after a cue (a "date limite" label, or "avant le" / "jusqu'au" in a
 * sentence about applying), never from a lone date: a page is full of dates that close nothing
 * (a contract's end, a mission's period, an availability, the team's holidays).
 */
import { isRealCalendarDate } from '../offer-model';

/** A calendar date found in text; `year` is null when the text gives none ("25 juin"). */
export interface DateMention {
  /** Offsets in the scanned text: the date and any time of day written after it. */
  start: number;
  end: number;
  year: number | null;
  month: number;
  day: number;
}

/** A date the text gives for a field, and the words that gave it (shown to the user as written). */
export interface DatedPhrase {
  date: string;
  raw: string;
}

const MONTH =
  '(janvier|janv|jan|février|fevrier|févr|fevr|fév|fev|february|feb|mars|march|mar|avril|avr|april|apr|mai|may|juin|june|jun|juillet|juil|july|jul|août|aout|august|aug|septembre|september|sept|sep|octobre|october|oct|novembre|november|nov|décembre|decembre|december|déc|dec)\\.?(?![\\p{L}\\d])';
const WEEKDAY =
  '(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\s*,?\\s+)?';
const DAY = '(1er|premier|[0-3]?\\d)(?:st|nd|rd|th|e|ème)?(?![\\p{L}\\d])';
const YEAR = '((?:19|20)\\d{2})(?!\\d)';
/** "à 23h59", "23 h", "12:00 pm", "minuit": kept in the raw text, the date alone is stored. */
const TIME =
  '(?:\\s*(?:à|a|at|,|-)?\\s*(?:(?:[01]?\\d|2[0-3])\\s*(?:h|:)\\s*(?:[0-5]\\d)?(?:\\s*(?:am|pm))?|minuit|midi|midnight|noon)(?![\\p{L}\\d]))?';

// Each form is tried at one position (sticky), in this order.
const DAY_MONTH = new RegExp(`${WEEKDAY}${DAY}\\s*(?:of\\s+)?${MONTH}(?:\\s*,?\\s*${YEAR})?${TIME}`, 'iuy');
const MONTH_DAY = new RegExp(`${WEEKDAY}${MONTH}\\s+${DAY}(?:\\s*,?\\s*${YEAR})?${TIME}`, 'iuy');
const ISO = new RegExp(
  `((?:19|20)\\d{2})-(\\d{1,2})-(\\d{1,2})(?!\\d)(?:T[\\d:.]+(?:Z|[+-]\\d{2}:?\\d{2})?)?${TIME}`,
  'iuy',
);
// Day first (French); a year is optional only with slashes ("01/12"), so "4.5" or "1-2" are not dates.
const NUMERIC = new RegExp(
  `${WEEKDAY}([0-3]?\\d)(?:([/.-])([0-3]?\\d)\\2(\\d{4}|\\d{2})|/([01]?\\d))(?![\\d/.-]?\\d)${TIME}`,
  'iuy',
);

export function monthNumber(name: string): number | null {
  const folded = name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  if (folded.startsWith('juil') || folded.startsWith('jul')) return 7;
  if (folded.startsWith('juin') || folded.startsWith('jun')) return 6;
  const byPrefix: ReadonlyArray<readonly [string, number]> = [
    ['ja', 1],
    ['f', 2],
    ['mar', 3],
    ['av', 4],
    ['ap', 4],
    ['ma', 5],
    ['ao', 8],
    ['au', 8],
    ['s', 9],
    ['o', 10],
    ['n', 11],
    ['d', 12],
  ];
  return byPrefix.find(([prefix]) => folded.startsWith(prefix))?.[1] ?? null;
}

function dayNumber(text: string): number {
  return /^(?:1er|premier)$/i.test(text) ? 1 : Number(text);
}

/** The date written exactly at `index`, or null. Impossible dates (31/02) are not dates. */
export function parseDateAt(text: string, index: number): DateMention | null {
  const at = <T extends RegExp>(pattern: T) => {
    pattern.lastIndex = index;
    return pattern.exec(text);
  };
  let found: { year: number | null; month: number; day: number; end: number } | null = null;
  const iso = at(ISO);
  if (iso?.[1] && iso[2] && iso[3]) {
    found = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]), end: ISO.lastIndex };
  }
  const numeric = found ? null : at(NUMERIC);
  if (numeric?.[1]) {
    const first = Number(numeric[1]);
    const second = Number(numeric[3] ?? numeric[5]);
    const year = numeric[4] ? (numeric[4].length === 2 ? 2000 + Number(numeric[4]) : Number(numeric[4])) : null;
    // Day first, as in French; month first only when day first cannot be a date (US "12/31/2024").
    const dayFirst = second <= 12;
    if (!dayFirst && first > 12) return null;
    found = {
      year,
      month: dayFirst ? second : first,
      day: dayFirst ? first : second,
      end: NUMERIC.lastIndex,
    };
  }
  const dayMonth = found ? null : at(DAY_MONTH);
  if (dayMonth?.[1] && dayMonth[2]) {
    const month = monthNumber(dayMonth[2]);
    if (month)
      found = { year: optionalYear(dayMonth[3]), month, day: dayNumber(dayMonth[1]), end: DAY_MONTH.lastIndex };
  }
  const monthDay = found ? null : at(MONTH_DAY);
  if (monthDay?.[1] && monthDay[2]) {
    const month = monthNumber(monthDay[1]);
    if (month)
      found = { year: optionalYear(monthDay[3]), month, day: dayNumber(monthDay[2]), end: MONTH_DAY.lastIndex };
  }
  if (!found || found.month < 1 || found.month > 12 || found.day < 1) return null;
  // Without a year, 29 February could be real; a leap year stands in for the check.
  if (!isRealCalendarDate(isoDate(found.year ?? 2024, found.month, found.day))) return null;
  return { start: index, end: found.end, year: found.year, month: found.month, day: found.day };
}

function optionalYear(text: string | undefined): number | null {
  return text ? Number(text) : null;
}

/** The first date that starts at a word boundary in `text[from, to)`. */
export function findDateIn(text: string, from: number, to: number): DateMention | null {
  const end = Math.min(to, text.length);
  for (let index = Math.max(0, from); index < end; index++) {
    const char = text[index] ?? '';
    if (!/[\p{L}\d]/u.test(char) || /[\p{L}\d]/u.test(text[index - 1] ?? '')) continue;
    const mention = parseDateAt(text, index);
    if (mention) return mention;
  }
  return null;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The UTC calendar date of an instant, the way the sites print their dates. */
export function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

function dayDistance(a: string, b: string): number {
  return (Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / DAY_MS;
}

/**
 * The full date of a mention, choosing a year when the text gives none:
 * - `after` set (the publication date): the first occurrence on or after it — a deadline follows
 *   the posting it closes;
 * - otherwise the occurrence nearest to `now`, a year either side: a "25 juin" read on 10 July is
 *   the deadline that just passed (a stale page), not one eleven months ahead.
 */
export function resolveDate(mention: DateMention, reference: { now: Date; after?: string | null }): string | null {
  const { month, day } = mention;
  if (mention.year !== null) {
    const date = isoDate(mention.year, month, day);
    return isRealCalendarDate(date) ? date : null;
  }
  const candidates: string[] = [];
  const baseYear = Number((reference.after ?? utcDay(reference.now)).slice(0, 4));
  for (const year of [baseYear - 1, baseYear, baseYear + 1, baseYear + 2]) {
    const date = isoDate(year, month, day);
    if (isRealCalendarDate(date)) candidates.push(date);
  }
  if (reference.after) {
    const after = reference.after;
    return candidates.find((date) => date >= after) ?? null;
  }
  const today = utcDay(reference.now);
  let best: string | null = null;
  for (const date of candidates) {
    if (best === null || Math.abs(dayDistance(date, today)) < Math.abs(dayDistance(best, today))) best = date;
  }
  return best;
}

// --- Which dates close the posting -------------------------------------------------------------

/** Labels that name a deadline outright: the next date (same sentence, or the next line) is it. */
const DEADLINE_LABEL =
  /\b(?:date\s+limite|date\s+de\s+cl[ôo]ture|cl[ôo]ture\s+(?:des\s+(?:candidatures|inscriptions|dépôts)|de\s+l['’](?:offre|appel|annonce)|de\s+la\s+candidature)|fin\s+des\s+candidatures|fin\s+de\s+(?:la\s+)?publication|(?:application\s+)?deadline|closing\s+date|apply\s+(?:by|before)|applications?\s+(?:close|closes|closing|due|are\s+due|must\s+be\s+received)(?:\s+(?:on|by))?)/giu;

/** Words that put a limit on a date in prose ("avant le", "jusqu'au", "by"); "au" ends a "du … au …" range. */
const CONNECTOR =
  /(?<![\p{L}])(?:avant(?:\s+le)?|jusqu['’]\s?(?:au|à|a)(?:\s+le)?|au\s+plus\s+tard(?:\s+le)?|d['’]ici(?:\s+(?:le|au))?|no\s+later\s+than|by|before|until|au)(?![\p{L}])\s*(?:(?:le|the|on)\s+)?/giu;

/** The sentence is about applying. */
const APPLY_CUE =
  /candidat|postul|\bcv\b|curriculum|dossier|lettre\s+de\s+motivation|envoy|adress|transmet|inscri|\bappl(?:y|ication)|submit|\bsend\b|r[ée]sum[ée]|\boffre\b|\bannonce\b/giu;

/** What a period belongs to: "CDD jusqu'au", "mission du … au", "en congés jusqu'au", "démarrage avant le". */
const PERIOD_CUE =
  /\bcdd\b|\bcdi\b|contrat|contract|mission|dur[ée]e|p[ée]riode|engagement|d[ée]tachement|vacances?|\bcong[ée]s?|absen|ferm[ée]|renouvel|prolong|d[ée]marr|d[ée]but|commenc|prise\s+de\s+poste|disponib|\bstart|assignment|leave|holiday|vacation/iu;

/** "23h59", "minuit", "inclus": a connector followed by a time is a deadline even without an "apply" word. */
const DEADLINE_TIME = /(?:\d\s*(?:h|:)\s*\d{0,2}|minuit|midnight|inclus|included)/iu;

const SENTENCE_END = /[.!?\n;]/u;
const LABEL_WINDOW = 60;
/** Labels looked at before giving up: a posting has one or two, a hostile page thousands. */
const MAX_LABELS = 100;

/** Sentences are looked at over a bounded span, so a page of one endless "sentence" stays cheap. */
const MAX_SENTENCE = 300;

function sentenceStart(text: string, index: number): number {
  const limit = Math.max(0, index - MAX_SENTENCE);
  for (let i = index - 1; i >= limit; i--) {
    const char = text[i] ?? '';
    // A period inside "01.12" or "M. Dupont" does not end a sentence; one before a space does.
    if (
      char === '\n' ||
      ((char === '.' || char === '!' || char === '?' || char === ';') && /\s/.test(text[i + 1] ?? ''))
    )
      return i + 1;
  }
  return limit;
}

function sentenceEnd(text: string, index: number): number {
  const limit = Math.min(text.length, index + MAX_SENTENCE);
  for (let i = index; i < limit; i++) {
    const char = text[i] ?? '';
    if (char === '\n' || (SENTENCE_END.test(char) && /\s|$/.test(text[i + 1] ?? ''))) return i;
  }
  return limit;
}

/** The line before the sentence, when it is a short heading ("Comment postuler ?"). */
function headingBefore(text: string, start: number): string {
  if (start === 0 || text[start - 1] !== '\n') return '';
  const previous = text.slice(text.lastIndexOf('\n', start - 2) + 1, start - 1);
  return previous.length <= 60 ? previous : '';
}

function lastMatchEnd(pattern: RegExp, text: string): number {
  let end = -1;
  for (const match of text.matchAll(new RegExp(pattern.source, 'giu'))) end = match.index + match[0].length;
  return end;
}

interface Candidate {
  mention: DateMention;
  rawStart: number;
}

/**
 * The closing date the text gives, with the words that give it. A labelled deadline wins over
 * a deadline in prose; within each, the first in the text.
 * `publishedAt`, when known, anchors a date written without a year (see `resolveDate`).
 */
export function findClosingDate(
  text: string,
  reference: { now: Date; publishedAt?: string | null },
): DatedPhrase | null {
  const candidate = labelledDeadline(text) ?? proseDeadline(text);
  if (!candidate) return null;
  const date = resolveDate(candidate.mention, { now: reference.now, after: reference.publishedAt ?? null });
  if (!date) return null;
  return { date, raw: rawFragment(text, candidate.rawStart, candidate.mention.end) };
}

function labelledDeadline(text: string): Candidate | null {
  let weighed = 0;
  for (const label of text.matchAll(DEADLINE_LABEL)) {
    if (++weighed > MAX_LABELS) break;
    const from = label.index + label[0].length;
    const rest = text.slice(from, from + LABEL_WINDOW);
    const stop = from + windowEnd(rest);
    let mention = findDateIn(text, from, stop);
    // The value may sit on the next line, under a label that ends its own (a <dt>/<dd> pair).
    if (!mention && text[stop] === '\n') mention = findDateIn(text, stop + 1, stop + 1 + LABEL_WINDOW);
    if (mention) return { mention, rawStart: label.index };
  }
  return null;
}

/** Where a label's search window stops: the end of its sentence. */
function windowEnd(rest: string): number {
  const end = rest.search(/[!?\n;]|\.\s/u);
  return end >= 0 ? end : rest.length;
}

/** Dates weighed in prose before giving up: a posting names a handful, a hostile page thousands. */
const MAX_PROSE_DATES = 200;

function proseDeadline(text: string): Candidate | null {
  let weighed = 0;
  for (const connector of text.matchAll(CONNECTOR)) {
    const word = connector[0].trim().toLowerCase();
    // "au" only closes a range that applications run over: "candidatures du 1er au 30 juin".
    const rangeEnd = word.startsWith('au') && !word.startsWith('au plus');
    if (rangeEnd && !/\bdu\s+[^\n]{0,30}$/iu.test(text.slice(Math.max(0, connector.index - 40), connector.index)))
      continue;
    const mention = parseDateAt(text, connector.index + connector[0].length);
    if (!mention) continue;
    if (++weighed > MAX_PROSE_DATES) break;
    const start = sentenceStart(text, connector.index);
    const before = text.slice(start, connector.index);
    const after = text.slice(mention.end, sentenceEnd(text, mention.end));
    const applyEnd = lastMatchEnd(APPLY_CUE, before);
    const sinceApply = applyEnd >= 0 ? before.slice(applyEnd) : before;
    if (PERIOD_CUE.test(sinceApply.slice(-40))) continue;
    // "avant le" / "au plus tard le" name a limit by themselves ("Avant le 30 septembre 2021");
    // "jusqu'au" / "until" / "by" also end periods, so they need a sentence about applying or a time.
    const limitWord = /^(?:avant|au\s+plus|d['’]ici)/iu.test(word);
    const aboutApplying =
      applyEnd >= 0 ||
      new RegExp(APPLY_CUE.source, 'iu').test(after) ||
      new RegExp(APPLY_CUE.source, 'iu').test(headingBefore(text, start));
    const timedDeadline = word.startsWith('jusqu') && DEADLINE_TIME.test(text.slice(mention.start, mention.end + 12));
    if (!aboutApplying && !timedDeadline && !limitWord) continue;
    return { mention, rawStart: clauseStart(text, start, connector.index) };
  }
  return null;
}

/** The clause the deadline sits in, so the raw text reads on its own ("candidatures jusqu'au 1/12"). */
function clauseStart(text: string, sentence: number, connector: number): number {
  const before = text.slice(sentence, connector);
  const boundary = Math.max(before.lastIndexOf(','), before.lastIndexOf(':'), before.lastIndexOf('('));
  const start = boundary >= 0 ? sentence + boundary + 1 : sentence;
  return connector - start > 80 ? connector : start;
}

function rawFragment(text: string, start: number, end: number): string {
  return text
    .slice(start, end)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[-–—•·*:,\s]+/u, '')
    .slice(0, 200);
}

// --- When the posting was published -----------------------------------------------------------

const PUBLISHED_LABEL =
  /\b(?:publi[ée]e?\s+le|date\s+de\s+(?:publication|parution|mise\s+en\s+ligne)|mise?\s+en\s+ligne\s+le|poste\s+ouvert\s+(?:le|au|depuis\s+le)|offre\s+(?:publi[ée]e|ouverte)\s+le|posted\s+on|published\s+on|date\s+posted|posted|published)\b/giu;

/**
 * The publication date the text states ("Publié le 3 mai 2024", "Date de publication : 03/05/2024").
 * A date without a year is the latest one not after `now`: a posting is published before it is read.
 */
export function findPublishedDate(text: string, now: Date): DatedPhrase | null {
  let weighed = 0;
  for (const label of text.matchAll(PUBLISHED_LABEL)) {
    if (++weighed > MAX_LABELS) break;
    const from = label.index + label[0].length;
    const stop = from + windowEnd(text.slice(from, from + LABEL_WINDOW));
    let mention = findDateIn(text, from, stop);
    if (!mention && text[stop] === '\n') mention = findDateIn(text, stop + 1, stop + 1 + LABEL_WINDOW);
    if (!mention) continue;
    const today = utcDay(now);
    let date = resolveDate(mention, { now });
    if (date && mention.year === null && date > today)
      date = resolveDate({ ...mention, year: Number(date.slice(0, 4)) - 1 }, { now });
    if (date) return { date, raw: rawFragment(text, label.index, mention.end) };
  }
  return null;
}
