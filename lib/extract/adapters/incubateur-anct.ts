/**
 * incubateur.anct.gouv.fr (Gridsome/Vue, 2020 → 2022). A posting renders as
 *   div.job > div.page-title > h2 "<equipe> recrute :" + h1 "<role>",
 *   then div.notice-pourvu (filled or closed), div.page-content (the body) and the apply widget:
 *   a "Postuler" mailto button (2020-07 → 2020-09) or an Airtable iframe (2020-09 → 2021).
 * Contract, closing date and contact are not rendered: they sit in the page data
 * (`window.__INITIAL_STATE__={"data":{"job":{…}}}`, or the same JSON from the site's data endpoint).
 *
 * Pages checked: /recrutement/<equipe>/<role>/ (2020-07), /recrutements/<role>/ (2020-08 → 2020-12),
 * /recrutements/<equipe>-<role>-<md5>/ (2021); not postings: /recrutement/, /recrutements/,
 * /recrutements/pourvues/, /actualites/…, /a-propos/, the home page.
 */
import type { IsoDate, OfferStatus } from '../../offer';
import { isRealCalendarDate } from '../../offer-model';
import { classifyContract } from '../contract';
import { readEmbeddedStates } from '../page-state';
import { collapseSpace, foldForMatch, nonEmpty, textOf } from '../text';
import type { Found, Page, SiteAdapter, SiteReading } from '../types';

const HOST = 'incubateur.anct.gouv.fr';
const STATE_VARIABLE = '__INITIAL_STATE__';

/** Listing pages that live beside postings under /recrutements/. */
const LISTING_SUBPAGES = new Set(['pourvues']);

/** The fields of `data.job` this adapter uses; unknown keys are ignored, a bad field is dropped alone. */
interface JobData {
  role?: string;
  equipe?: string;
  /** A contact may be written as one text or a list of them: joined here. */
  contact?: string;
  contrat?: string;
  poste_ouvert?: string;
  post_ouvert?: string;
  posting_date?: string;
  poste_ferme?: string;
  /** The template treats it as "set" (`v-if="job.poste_pourvu"`): lenient about its type. */
  poste_pourvu?: boolean | string | number;
  /** Before 2020-10-28 the data said `status: closed` for a filled post. */
  status?: string;
}

const TEXT_KEYS = [
  'role',
  'equipe',
  'contrat',
  'poste_ouvert',
  'post_ouvert',
  'posting_date',
  'poste_ferme',
  'status',
] as const;

/**
 * Reads `{ data: { job } }` by hand rather than with zod: this runs in the content script on
 * every page of the site, where a schema library would outweigh the adapter itself.
 */
function jobDataOf(state: unknown): JobData | null {
  const job = propertyOf(propertyOf(state, 'data'), 'job');
  if (typeof job !== 'object' || job === null || Array.isArray(job)) return null;
  const raw = job as Record<string, unknown>;
  const data: JobData = {};
  for (const key of TEXT_KEYS) {
    const value = raw[key];
    if (typeof value === 'string') data[key] = value;
  }
  const contact = raw.contact;
  if (typeof contact === 'string') data.contact = contact;
  else if (Array.isArray(contact)) data.contact = contact.filter((item) => typeof item === 'string').join(', ');
  const filled = raw.poste_pourvu;
  if (typeof filled === 'boolean' || typeof filled === 'string' || typeof filled === 'number')
    data.poste_pourvu = filled;
  return data;
}

function propertyOf(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

export const incubateurAnct: SiteAdapter = {
  id: HOST,
  matches: (url) => url.hostname === HOST || url.hostname === `www.${HOST}`,
  read: (page) => {
    try {
      return readPosting(page);
    } catch {
      // Hostile or half-rendered markup: say nothing rather than break the other readers.
      return { detection: 'not-posting', found: {} };
    }
  },
};

function readPosting(page: Page): SiteReading {
  const layout = findJobLayout(page.document);
  if (!layout || !isPostingPath(page.url)) return { detection: 'not-posting', found: {} };

  const heading = readHeading(layout);
  const job = pickJobData(page, heading);
  const found: Found = {};

  const title = heading.title ?? nonEmpty(job?.role);
  if (title) found.title = { value: title, via: heading.title ? 'site' : 'page-data' };
  const organization = heading.organization ?? nonEmpty(job?.equipe);
  if (organization) found.organization = { value: organization, via: heading.organization ? 'site' : 'page-data' };

  found.status = readStatus(layout.root, job, page.now);

  const applyUrl = readApplyUrl(layout.root);
  if (applyUrl) found.applyUrl = { value: applyUrl, via: 'site' };

  const contactFromData = firstEmail(job?.contact);
  const contactFromBody = contactFromData ? null : readBodyEmail(layout.content);
  const email = contactFromData ?? contactFromBody;
  if (email) {
    found.contact = { value: { email, name: null, phone: null }, via: contactFromData ? 'page-data' : 'site' };
  }

  const closing = readDate(job?.poste_ferme);
  if (closing) {
    found.closesAt = { value: closing.date, via: 'page-data' };
    found.closesAtRaw = { value: closing.raw, via: 'page-data' };
  }
  const opening = readDate(job?.poste_ouvert ?? job?.post_ouvert ?? job?.posting_date);
  if (opening) {
    found.publishedAt = { value: opening.date, via: 'page-data' };
    found.publishedAtRaw = { value: opening.raw, via: 'page-data' };
  }

  const contractRaw = nonEmpty(job?.contrat);
  const contract = classifyContract(contractRaw);
  if (contractRaw && contract) {
    found.contractRaw = { value: contractRaw, via: 'page-data' };
    found.contract = { value: contract, via: 'page-data' };
  }

  const description = layout.content ? nonEmpty(blockText(layout.content, DESCRIPTION_SOURCE_MAX)) : null;
  if (description) found.description = { value: description, via: 'site' };

  return { detection: 'posting', found, content: layout.content ?? layout.root };
}

interface JobLayout {
  root: Element;
  title: Element;
  subtitle: Element | null;
  content: Element | null;
}

/**
 * The posting template: a `div.job` with a non-empty h1, normally inside `.page-title` beside the
 * "<equipe> recrute :" h2; an h1 straight inside the job block is accepted too (a build without
 * the title wrapper still shows a posting).
 */
function findJobLayout(document: Document): JobLayout | null {
  for (const root of Array.from(document.querySelectorAll('div.job'))) {
    const title = root.querySelector('.page-title h1') ?? root.querySelector('h1');
    if (!title || textOf(title) === '') continue;
    const titleBlock = title.closest('.page-title') ?? title.parentElement;
    const subtitle = titleBlock && titleBlock !== root ? titleBlock.querySelector('h2') : previousHeading(title);
    return { root, title, subtitle, content: root.querySelector('.page-content') };
  }
  return null;
}

/** The h2 right before the h1, when the heading pair has no wrapper of its own. */
function previousHeading(title: Element): Element | null {
  const previous = title.previousElementSibling;
  return previous?.tagName.toUpperCase() === 'H2' ? previous : null;
}

/**
 * Postings live one or two segments below /recrutement/ or /recrutements/; the section itself
 * and its "filled posts" list are listings, and nothing outside the section is a posting.
 */
export function isPostingPath(url: URL): boolean {
  const segments = url.pathname
    .split('/')
    .filter((segment) => segment !== '' && segment !== 'index.html')
    .map((segment) => segment.toLowerCase());
  const [section, ...rest] = segments;
  if (section !== 'recrutement' && section !== 'recrutements') return false;
  if (rest.length < 1 || rest.length > 2) return false;
  return !(rest.length === 1 && rest[0] !== undefined && LISTING_SUBPAGES.has(rest[0]));
}

interface Heading {
  title: string | null;
  organization: string | null;
}

const RECRUITS = /^(.*?)\s*\brecrute\b\s*:?\s*(.*)$/i;

/** h2 "<equipe> recrute :" and h1 "<role>"; an h1 that says "<equipe> recrute : <role>" is split. */
function readHeading(layout: JobLayout): Heading {
  const h1 = textOf(layout.title);
  const h2 = textOf(layout.subtitle);
  const inTitle = RECRUITS.exec(h1);
  if (inTitle && nonEmpty(inTitle[1]) && nonEmpty(inTitle[2])) {
    return { title: nonEmpty(inTitle[2]), organization: nonEmpty(inTitle[1]) };
  }
  const inSubtitle = RECRUITS.exec(h2);
  const organization = inSubtitle && !nonEmpty(inSubtitle[2]) ? nonEmpty(inSubtitle[1]) : null;
  return { title: nonEmpty(h1), organization };
}

/**
 * The job data of this page. Captured texts can hold several pages' data (the app fetches each
 * page's JSON as the user navigates), so the one whose role and team match the rendered heading
 * wins, the latest capture on a tie; data that contradicts the heading is not used at all.
 */
function pickJobData(page: Page, heading: Heading): JobData | null {
  let best: { job: JobData; score: number } | null = null;
  for (const state of readEmbeddedStates(page, STATE_VARIABLE)) {
    const job = jobDataOf(state.value);
    if (!job) continue;
    const score = agreement(job.role, heading.title) + agreement(job.equipe, heading.organization);
    if (score < 0) continue;
    if (best === null || score > best.score || (score === best.score && state.origin === 'captured')) {
      best = { job, score };
    }
  }
  return best?.job ?? null;
}

/** +1 when data and page say the same, -1 when they differ, 0 when either is silent. */
function agreement(fromData: string | null | undefined, fromPage: string | null): number {
  const data = nonEmpty(fromData);
  if (data === null || fromPage === null) return 0;
  return foldForMatch(data) === foldForMatch(fromPage) ? 1 : -1;
}

/**
 * The template's own logic (Job.vue): filled when `poste_pourvu` is set (or the old
 * `status: closed`), closed when `poste_ferme` has passed, open otherwise. The notice the page
 * shows is the same decision made at build time, so either one saying "filled" or "closed" counts.
 */
function readStatus(root: Element, job: JobData | null, now: Date): { value: OfferStatus; via: 'site' | 'page-data' } {
  const notice = noticeStatus(root);
  if (notice === 'filled') return { value: 'filled', via: 'site' };
  if (job && (isSet(job.poste_pourvu) || foldForMatch(job.status ?? '') === 'closed')) {
    return { value: 'filled', via: 'page-data' };
  }
  if (notice === 'closed') return { value: 'closed', via: 'site' };
  const closesAt = job?.poste_ferme ? Date.parse(job.poste_ferme) : Number.NaN;
  if (!Number.isNaN(closesAt) && closesAt < now.getTime()) return { value: 'closed', via: 'page-data' };
  // No notice and no data saying otherwise: the page itself presents the post as open.
  return { value: 'open', via: 'site' };
}

function noticeStatus(root: Element): 'filled' | 'closed' | null {
  const notice = root.querySelector('.notice-pourvu');
  if (!notice) return null;
  const text = foldForMatch(textOf(notice));
  if (/\bpourvue?s?\b/.test(text)) return 'filled';
  if (/n.accepte plus|plus de candidatures?|clotur|ferme/.test(text)) return 'closed';
  return null;
}

function isSet(flag: JobData['poste_pourvu']): boolean {
  if (typeof flag === 'string') return flag.trim() !== '' && !/^(false|0|non|no)$/i.test(flag.trim());
  return Boolean(flag);
}

/** The apply widget as the attribute holds it: the Airtable form, else the "Postuler" button. */
function readApplyUrl(root: Element): string | null {
  const form = nonEmpty(root.querySelector('iframe.airtable-embed')?.getAttribute('src'));
  if (form) return form;
  for (const button of Array.from(root.querySelectorAll('a.postuler'))) {
    const href = button.getAttribute('href')?.trim() ?? '';
    if (/^(mailto:|https?:\/\/)/i.test(href)) return href;
  }
  return null;
}

// Bounded repeats (an address's parts have maximum lengths): an unbounded `+` before the `@` costs
// the square of every long run of letters without one, seconds on a large page.
const EMAIL = /[\p{L}\p{N}._%+'-]{1,64}@[\p{L}\p{N}.-]{1,253}\.[\p{L}]{2,24}/u;
/** Page text searched for an address: the posting's body, not a whole book. */
const MAX_EMAIL_TEXT = 200_000;

function firstEmail(text: string | null | undefined): string | null {
  if (!text) return null;
  const match = EMAIL.exec(text.slice(0, MAX_EMAIL_TEXT).replace(/^mailto:/i, ''));
  return match ? match[0].replace(/\.+$/, '') : null;
}

/** The posting body's first mailto link, else the first address written in its text. */
function readBodyEmail(content: Element | null): string | null {
  if (!content) return null;
  for (const link of Array.from(content.querySelectorAll('a[href]'))) {
    const href = link.getAttribute('href') ?? '';
    if (/^mailto:/i.test(href)) {
      const email = firstEmail(safeDecode(href.slice('mailto:'.length).split('?')[0] ?? ''));
      if (email) return email;
    }
  }
  return firstEmail(textOf(content));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `YYYY-MM-DD` from a timestamp's first ten characters (the UTC date), and the raw value. */
function readDate(raw: string | null | undefined): { date: IsoDate; raw: string } | null {
  const value = nonEmpty(raw);
  const date = value?.slice(0, 10);
  if (!value || !date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !isRealCalendarDate(date)) return null;
  return { date, raw: value };
}

/** Enough source text for the offer's excerpt; the orchestrator cuts it to size. */
const DESCRIPTION_SOURCE_MAX = 2000;

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HR',
  'LI',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG']);

/** Markup nested deeper than this is not prose: hostile pages do not get to exhaust the stack. */
const MAX_DEPTH = 64;

/** Plain text with a space between blocks ("Missions" and the next paragraph stay apart). */
function blockText(root: Element, max: number): string {
  const parts: string[] = [];
  let length = 0;
  const walk = (node: Node, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    for (const child of Array.from(node.childNodes)) {
      if (length >= max) return;
      if (child.nodeType === 3) {
        const text = child.textContent ?? '';
        parts.push(text);
        length += text.length;
      } else if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toUpperCase();
        if (SKIPPED_TAGS.has(tag)) continue;
        const block = BLOCK_TAGS.has(tag);
        if (block) parts.push(' ');
        walk(child, depth + 1);
        if (block) parts.push(' ');
      }
    }
  };
  walk(root, 0);
  return collapseSpace(parts.join(''));
}
