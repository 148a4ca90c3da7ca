/**
 * schema.org `JobPosting` in `<script type="application/ld+json">`: the data many job boards
 * embed for search engines (Welcome to the Jungle, Choisir le service public, most ATS pages).
 *
 * Real pages use every shape JSON-LD allows and a few it does not: several blocks, `@graph`,
 * top-level arrays, `@type` arrays, references by `@id`, strings where objects were expected,
 * HTML and HTML entities inside strings, raw line breaks inside strings. Broken blocks are
 * skipped; work is bounded whatever the page holds.
 *
 * `readJobPosting` maps one JobPosting object to found values; the microdata reader builds the
 * same object from attributes and reuses it.
 */

import type { Contact, Contract, Remote, Strategy } from '../offer';
import { isRealCalendarDate } from '../offer-model';
import { canonicalUrl, isWebUrl } from '../url';
import { employmentTypeKind } from './contract-words';
import { findDateIn, isoDate, utcDay } from './french-dates';
import { collapseSpace, excerpt } from './text';
import type { Found, Page } from './types';

const MAX_BLOCKS = 50;
const MAX_BLOCK_CHARS = 1_000_000;
const MAX_NODES = 10_000;
const MAX_DEPTH = 12;
const MAX_SHORT = 500;
const MAX_DESCRIPTION = 5_000;
const MAX_HTML = 200_000;

export type JsonObject = { [key: string]: unknown };

export function readJsonLd(page: Page): Found {
  const nodes: unknown[] = [];
  for (const text of jsonLdTexts(page.document)) {
    const parsed = parseLenient(text);
    if (parsed !== undefined) nodes.push(parsed);
  }
  const { postings, byId } = collectPostings(nodes);
  const posting = choosePosting(postings, page.url);
  return posting ? readJobPosting(posting, page, 'json-ld', { byId, markup: true }) : {};
}

function jsonLdTexts(document: Document): string[] {
  const texts: string[] = [];
  const scripts = document.getElementsByTagName('script');
  for (let i = 0; i < scripts.length && texts.length < MAX_BLOCKS; i++) {
    const script = scripts[i];
    const type = script?.getAttribute('type')?.toLowerCase() ?? '';
    if (!script || !type.includes('ld+json')) continue;
    const text = script.textContent ?? '';
    if (text.length <= MAX_BLOCK_CHARS) texts.push(text);
  }
  return texts;
}

/** JSON.parse, then the repairs real pages need: HTML comment or CDATA wrappers, raw control characters, trailing commas. */
export function parseLenient(text: string): unknown {
  const attempts: ReadonlyArray<(previous: string) => string> = [
    (previous) => previous,
    (previous) =>
      previous
        .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
        .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '')
        // Inside strings a raw line break is invalid JSON; outside them it is white space either way.
        .replace(/[\t\n\r\f\v]+/g, ' '),
    (previous) => previous.replace(/,\s*([}\]])/g, '$1'),
  ];
  let current = text;
  for (const attempt of attempts) {
    current = attempt(current);
    try {
      return JSON.parse(current) as unknown;
    } catch {
      // try the next repair
    }
  }
  return undefined;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when `@type` (a string or an array) names JobPosting, with or without a vocabulary prefix. */
export function isJobPosting(node: JsonObject): boolean {
  const types = Array.isArray(node['@type']) ? node['@type'] : [node['@type']];
  return types.some((type) => typeof type === 'string' && /(?:^|[/:#])JobPosting$/i.test(type.trim()));
}

/** Every JobPosting in the parsed blocks (bounded walk), and every node with an `@id`. */
function collectPostings(roots: readonly unknown[]): { postings: JsonObject[]; byId: Map<string, JsonObject> } {
  const postings: JsonObject[] = [];
  const byId = new Map<string, JsonObject>();
  const stack: Array<{ value: unknown; depth: number }> = roots.map((value) => ({ value, depth: 0 }));
  let visited = 0;
  while (stack.length > 0 && visited < MAX_NODES) {
    const item = stack.pop();
    if (!item || item.depth > MAX_DEPTH) continue;
    visited++;
    const { value, depth } = item;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], depth: depth + 1 });
      continue;
    }
    if (!isObject(value)) continue;
    const id = value['@id'];
    if (typeof id === 'string' && Object.keys(value).length > 1 && !byId.has(id)) byId.set(id, value);
    if (isJobPosting(value)) {
      postings.push(value);
      continue;
    }
    // Postings hide in @graph, mainEntity, itemListElement…: look through every property.
    const values = Object.values(value);
    for (let i = values.length - 1; i >= 0; i--) stack.push({ value: values[i], depth: depth + 1 });
  }
  return { postings, byId };
}

/**
 * The page's own posting. Copies of one posting (several blocks) are one; several different
 * postings make a listing, unless one of them names this page as its address.
 */
export function choosePosting(postings: readonly JsonObject[], pageUrl: URL): JsonObject | null {
  const distinct: JsonObject[] = [];
  const seen = new Set<string>();
  for (const posting of postings) {
    const key = `${firstText([posting.title, posting.name]) ?? ''}|${firstText(posting.url) ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    distinct.push(posting);
  }
  if (distinct.length <= 1) return distinct[0] ?? null;
  const here = safeCanonical(pageUrl.href);
  return distinct.find((posting) => safeCanonical(firstText(posting.url), pageUrl) === here) ?? null;
}

function safeCanonical(url: string | null, base?: URL): string | null {
  if (!url) return null;
  try {
    return canonicalUrl(new URL(url, base));
  } catch {
    return null;
  }
}

// --- One JobPosting → found values -------------------------------------------------------------

export interface PostingSource {
  /** Nodes by `@id`, to follow references (`{"@id": "#org"}`). */
  byId?: ReadonlyMap<string, JsonObject>;
  /** True when strings may hold HTML and entities (JSON-LD); false for text already read from the DOM. */
  markup: boolean;
}

/** How one posting's values are read: references followed, strings made into clean text. */
interface Reading {
  resolve: (value: unknown) => unknown;
  clean: (value: string | null | undefined) => string | null;
}

/** Maps a JobPosting object (from JSON-LD, or built from microdata) to found values. */
export function readJobPosting(posting: JsonObject, page: Page, via: Strategy, source: PostingSource): Found {
  const found: Found = {};
  const byId = source.byId ?? new Map<string, JsonObject>();
  const toText = source.markup ? htmlToText : (value: string) => value;
  const reading: Reading = {
    resolve: (value) => {
      if (isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1)
        return byId.get(value['@id']) ?? value;
      return value;
    },
    clean: (value) => (value == null ? null : shortText(toText(value))),
  };
  const { resolve, clean } = reading;
  const put = <K extends keyof Found>(field: K, value: NonNullable<Found[K]>['value'] | null | undefined) => {
    if (value !== null && value !== undefined) (found as Record<string, unknown>)[field] = { value, via };
  };

  put('title', clean(firstText([posting.title, posting.name])));
  put('organization', organizationName(resolve(posting.hiringOrganization), reading));

  const published = readDate(posting.datePosted);
  if (published) {
    put('publishedAt', published.date);
    put('publishedAtRaw', clean(published.raw));
  }
  const closes = readDate(posting.validThrough);
  if (closes) {
    put('closesAt', closes.date);
    put('closesAtRaw', clean(closes.raw));
    // Unknown is every offer's default: left unset, so a notice in the text can still say more.
    put('status', isPast(closes, page.now) ? 'closed' : 'open');
  }

  const contract = readEmploymentType(posting.employmentType);
  if (contract) {
    put('contractRaw', contract.raw);
    put('contract', contract.kind);
  }

  const place =
    locationText(posting.jobLocation, reading) ?? requirementText(posting.applicantLocationRequirements, reading);
  put('location', place);
  put('remote', remoteKind(posting.jobLocationType, posting.jobLocation));

  const contactPoint = firstObject(resolve(posting.applicationContact));
  put('contact', readContactPoint(contactPoint, reading));
  put('applyUrl', applyUrl(posting, contactPoint, page.url, resolve));

  const description = firstText(posting.description);
  if (description) put('description', nonEmptyText(excerpt(toText(description), MAX_DESCRIPTION)));
  return found;
}

/** The text of a value that may be a string, a number, `{"@value": …}` or an array of those. */
export function firstText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 20)) {
      const text = firstText(item);
      if (text !== null && text.trim() !== '') return text;
    }
    return null;
  }
  if (isObject(value) && '@value' in value) return firstText(value['@value']);
  return null;
}

function allTexts(value: unknown): string[] {
  const items = Array.isArray(value) ? value.slice(0, 20) : [value];
  return items.map(firstText).filter((text): text is string => text !== null && text.trim() !== '');
}

function firstObject(value: unknown): JsonObject | null {
  if (isObject(value)) return value;
  if (Array.isArray(value)) return (value.find(isObject) as JsonObject | undefined) ?? null;
  return null;
}

/** Text as one clean line of at most 500 characters. */
function shortText(text: string): string | null {
  const line = collapseSpace(text);
  return nonEmptyText(line.length > MAX_SHORT ? excerpt(line, MAX_SHORT) : line);
}

function nonEmptyText(text: string): string | null {
  const clean = collapseSpace(text);
  return clean === '' ? null : clean;
}

function organizationName(value: unknown, { resolve, clean }: Reading): string | null {
  const items = Array.isArray(value) ? value.slice(0, 10) : [value];
  for (const item of items.map(resolve)) {
    const name = isObject(item) ? firstText([item.name, item.legalName]) : firstText(item);
    const text = clean(name);
    if (text) return text;
  }
  return null;
}

interface ReadDate {
  date: string;
  raw: string;
  /** The instant, when the value gives a time of day. */
  instant: number | null;
}

/** "2024-06-30", "2024-06-30T23:59:59+02:00" (its calendar date as written), or a written date. */
function readDate(value: unknown): ReadDate | null {
  const raw = firstText(value)?.trim();
  if (!raw) return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(T.*)?$/.exec(raw);
  if (iso) {
    const date = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    const instant = iso[4] ? Date.parse(raw) : Number.NaN;
    return isRealCalendarDate(date) ? { date, raw, instant: Number.isNaN(instant) ? null : instant } : null;
  }
  const mention = findDateIn(raw, 0, 40);
  if (!mention || mention.year === null) return null;
  const date = isoDate(mention.year, mention.month, mention.day);
  return isRealCalendarDate(date) ? { date, raw, instant: null } : null;
}

/** Closed once the instant has passed; a bare date stays open through its whole (UTC) day. */
function isPast(closes: ReadDate, now: Date): boolean {
  return closes.instant !== null ? closes.instant < now.getTime() : closes.date < utcDay(now);
}

/**
 * `employmentType` as written ("FULL_TIME, CONTRACTOR", "CDI") and the contract it names. Only
 * working hours (FULL_TIME alone) name no contract: then nothing, so the prose can say.
 */
function readEmploymentType(value: unknown): { raw: string; kind: Contract } | null {
  const values = allTexts(value).map((text) => collapseSpace(decodeEntities(text)));
  const kinds = values.map(employmentTypeKind).filter((kind): kind is Contract => kind !== null);
  const kind = kinds.find((candidate) => candidate !== 'autre') ?? kinds[0];
  if (!kind) return null;
  const raw = values.join(', ');
  return { raw: raw.length > MAX_SHORT ? raw.slice(0, MAX_SHORT) : raw, kind };
}

function locationText(value: unknown, { resolve, clean }: Reading): string | null {
  const places = (Array.isArray(value) ? value.slice(0, 10) : [value]).map(resolve);
  const names: string[] = [];
  for (const place of places) {
    const name = placeName(place, resolve);
    if (name && !names.includes(name)) names.push(name);
    if (names.length === 3) break;
  }
  return clean(names.join(' ; ') || null);
}

function placeName(place: unknown, resolve: (value: unknown) => unknown): string | null {
  if (!isObject(place)) return firstText(place);
  const address = resolve(place.address);
  if (isObject(address)) {
    const country = resolve(address.addressCountry);
    const parts = [
      firstText(address.addressLocality),
      firstText(address.addressRegion),
      isObject(country) ? firstText(country.name) : firstText(country),
    ]
      .map((part) => (part ? collapseSpace(part) : ''))
      .filter((part, index, all) => part !== '' && all.indexOf(part) === index);
    if (parts.length > 0) return parts.join(', ');
  }
  return firstText(address) ?? firstText(place.name);
}

function requirementText(value: unknown, { resolve, clean }: Reading): string | null {
  const items = (Array.isArray(value) ? value.slice(0, 10) : [value]).map(resolve);
  const names = items
    .map((item) => (isObject(item) ? firstText(item.name) : firstText(item)))
    .filter((name): name is string => name !== null && name.trim() !== '');
  return clean(names.join(', ') || null);
}

/** TELECOMMUTE alone is a remote job; with a place as well, the job may be done from either. */
function remoteKind(locationType: unknown, jobLocation: unknown): Remote | null {
  if (!allTexts(locationType).some((type) => /telecommute/i.test(type))) return null;
  const hasPlace = Array.isArray(jobLocation) ? jobLocation.length > 0 : jobLocation != null;
  return hasPlace ? 'partial' : 'full';
}

function readContactPoint(point: JsonObject | null, { clean }: Reading): Contact | null {
  if (!point) return null;
  const email = firstText(point.email)
    ?.trim()
    .replace(/^mailto:/i, '');
  const phone = firstText(point.telephone)?.trim();
  const name = clean(firstText(point.name));
  const contact: Contact = {
    email: email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : null,
    name,
    phone: phone && phone.length <= 40 ? phone : null,
  };
  return contact.email || contact.phone ? contact : null;
}

/** Where to apply: the contact point's address, an ApplyAction, or the posting's url when it says applying happens there. */
function applyUrl(
  posting: JsonObject,
  contactPoint: JsonObject | null,
  base: URL,
  resolve: (value: unknown) => unknown,
): string | null {
  const action = firstObject(resolve(posting.potentialAction));
  const target = action ? resolve(action.target) : null;
  const candidates = [
    contactPoint ? firstText(contactPoint.url) : null,
    action && /ApplyAction/i.test(firstText(action['@type']) ?? '')
      ? (firstText(target) ?? (isObject(target) ? firstText(target.urlTemplate) : null))
      : null,
    posting.directApply === true || firstText(posting.directApply) === 'true' ? firstText(posting.url) : null,
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      const absolute = new URL(candidate.trim(), base).href;
      if (isWebUrl(absolute) && absolute.length <= 4096) return absolute;
    } catch {
      // not an address
    }
  }
  return null;
}

// --- HTML inside JSON strings -------------------------------------------------------------------

const TAG = /<\/?[a-z!?][^<>]*>/gi;
const BLOCK_TAG = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|blockquote|dd|dt)\b[^<>]*>/gi;

/**
 * Plain text from an HTML fragment: tags removed (block tags become line breaks), entities
 * decoded, including doubly-escaped markup ("&lt;p&gt;"). The result holds no markup.
 */
export function htmlToText(html: string): string {
  let text = html.slice(0, MAX_HTML);
  for (let pass = 0; pass < 3; pass++) {
    const stripped = withoutScripts(text).replace(BLOCK_TAG, '\n').replace(TAG, '');
    const decoded = decodeEntities(stripped);
    text = decoded;
    if (!/<\/?[a-z!?]/i.test(decoded)) break;
  }
  // Whatever still looks like the start of a tag is spaced out: text, never markup.
  return text
    .replace(/<(?=[a-z!?/])/gi, '< ')
    .split('\n')
    .map((line) => collapseSpace(line))
    .filter((line) => line !== '')
    .join('\n');
}

/** Drops `<script>` and `<style>` elements with their content (a linear scan, whatever the input). */
function withoutScripts(html: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let from = 0;
  for (;;) {
    const script = lower.indexOf('<script', from);
    const style = lower.indexOf('<style', from);
    const start = script < 0 ? style : style < 0 ? script : Math.min(script, style);
    if (start < 0) break;
    const name = start === script ? '</script' : '</style';
    const close = lower.indexOf(name, start);
    out += html.slice(from, start);
    if (close < 0) return out;
    const end = lower.indexOf('>', close);
    from = end < 0 ? html.length : end + 1;
  }
  return out + html.slice(from);
}

/** Latin-1 named entities, in code-point order from U+00A0. */
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'.split(
    ' ',
  );
const NAMED: ReadonlyMap<string, string> = new Map([
  ...LATIN1.map((name, index): [string, string] => [name, String.fromCodePoint(0xa0 + index)]),
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['OElig', 'Œ'],
  ['oelig', 'œ'],
  ['Scaron', 'Š'],
  ['scaron', 'š'],
  ['Yuml', 'Ÿ'],
  ['circ', 'ˆ'],
  ['tilde', '˜'],
  ['ensp', '\u2002'],
  ['emsp', '\u2003'],
  ['thinsp', '\u2009'],
  ['zwnj', '\u200c'],
  ['zwj', '\u200d'],
  ['lrm', '\u200e'],
  ['rlm', '\u200f'],
  ['ndash', '–'],
  ['mdash', '—'],
  ['lsquo', '‘'],
  ['rsquo', '’'],
  ['sbquo', '‚'],
  ['ldquo', '“'],
  ['rdquo', '”'],
  ['bdquo', '„'],
  ['dagger', '†'],
  ['Dagger', '‡'],
  ['bull', '•'],
  ['hellip', '…'],
  ['permil', '‰'],
  ['lsaquo', '‹'],
  ['rsaquo', '›'],
  ['euro', '€'],
  ['trade', '™'],
  ['middot', '·'],
]);

/** Decodes numeric and common named HTML entities; unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/gi, (entity, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      // Control characters and surrogates are not text; NUL and out-of-range codes neither.
      if (!Number.isFinite(code) || code < 0x20 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return ' ';
      return String.fromCodePoint(code);
    }
    return NAMED.get(name) ?? NAMED.get(name.toLowerCase()) ?? entity;
  });
}
