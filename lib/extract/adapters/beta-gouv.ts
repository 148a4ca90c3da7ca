/**
 * beta.gouv.fr job postings: the Jekyll `jobs` collection (2016 → 2024), permalink
 * `/recrutement/YYYY/MM/DD/<name>.html`. Every build shares two things, whatever the design of
 * the year: a hero naming the organisation and the role ("<org> recrute" + role, or a single
 * 2017-style `<h1><org> recrute <role></h1>`), then a status line with a `<time datetime>`
 * ("Poste ouvert le …" or "Ce poste a été pourvu depuis son ouverture le …"). A page is a posting
 * when its address has the posting shape AND it carries that hero and status line: the Jekyll
 * redirect stubs left at old posting addresses, the listing, the landing and the startup pages
 * have neither.
 *
 * Only what the page shows is read here; contract, contact and closing date live in the body
 * prose, which is handed to the text fallback as `content` (never the site's menus and footer).
 */
import type { OfferStatus } from '../../offer';
import { DESCRIPTION_MAX, isRealCalendarDate } from '../../offer-model';
import { collapseSpace, excerpt, nonEmpty, textOf } from '../text';
import type { Found, Page, SiteAdapter, SiteReading } from '../types';

const HOSTS = new Set(['beta.gouv.fr', 'www.beta.gouv.fr']);

/** `/recrutement/2019/09/20/name.html`, also served as `name`, `name/` or `name/index.html`. */
const POSTING_PATH = /^\/recrutement\/\d{4}\/\d{2}\/\d{2}\/[^/]+?(?:\.html?|\/(?:index\.html?)?)?$/i;

/** "<org> recrute" (the role follows in its own element); the org may be missing. */
const ORG_ONLY = /^(?:(.*\S)\s+)?recrute\s*:?$/iu;
/** The 2017 → 2018 hero: "<org> recrute <role, lower-cased>" in one `<h1>`. */
const ORG_AND_ROLE = /^(.+?)\s+recrute\s+(.+)$/iu;

const OPEN = /\bposte ouvert le\b/iu;
const FILLED = /\ba été pourvue?\b/iu;
const CLOSED =
  /n['’]accepte plus de candidatures|candidatures (?:sont )?(?:closes|fermées|terminées)|(?:poste|offre) (?:est )?(?:fermée?|close?|expirée?)\b|n['’]est plus (?:ouverte?|disponible)/iu;
const STATUS_WORDS = /poste ouvert|pourvue?\b|n['’]accepte plus|fermée?\b|expirée?\b/iu;
const FRIEND_LINK = /^voir l['’]offre\b/iu;
const FRIEND_NOTICE = /voir l['’]offre\b/iu;
const FRIEND_NAME = /\bsur le site d(?:e\s+|['’]\s*)(.+)$/iu;
/** A lead sentence naming the role: "X recherche <strong>un.e chargé.e de …</strong>". */
const LEAD_VERB = /\b(?:recherche|recrute|cherche)\b/iu;
/** "un", "une", "un.e", "un·e", "un(e)", "une ou un" before a role named in prose. */
const LEADING_ARTICLE = /^(?:une?(?:[.·•-]e|\(e\))?(?:\s+ou\s+une?)?)\s+/iu;
const TITLE_SUFFIX = /\s+[—–|-]\s+beta\.gouv\.fr$/iu;

// Bounds, so hostile or huge pages cost little: the hero and status line sit near the top.
const MAX_HERO_CANDIDATES = 600;
const MAX_ZONE_CANDIDATES = 400;
const MAX_TIMES = 50;
const MAX_SECTIONS = 50;
const MAX_HERO_TEXT = 400;
// Node's position bits, spelled out: the CLI parses pages without a global `Node`.
const DOCUMENT_POSITION_FOLLOWING = 4;
const DOCUMENT_POSITION_CONTAINS = 8;
const ELEMENT_NODE = 1;
const COMMENT_NODE = 8;
/** Boxes of tags ("Choix technologiques") that open the body but make a poor summary. */
const TAG_BOXES = '.fr-highlight, .text-quote';
/** Where a "<org> recrute" line is never the page's own hero: site chrome and cards of other pages. */
const NOT_HERO = 'header, nav, footer, aside, .fr-card, .card';

export const betaGouv: SiteAdapter = {
  id: 'beta.gouv.fr',
  matches: (url) => HOSTS.has(url.hostname.toLowerCase()),
  read: readBetaGouv,
};

interface Hero {
  element: Element;
  organization: string | null;
  role: string | null;
}

interface StatusLine {
  line: Element;
  time: Element;
}

function readBetaGouv(page: Page): SiteReading {
  const notPosting: SiteReading = { detection: 'not-posting', found: {} };
  if (!isPostingPath(page.url)) return notPosting;
  const body = page.document.body;
  if (!body) return notPosting;

  const hero = findHero(body);
  if (!hero) return notPosting;
  // A "recrute" line alone could be prose; the dated status line under it is the job template's own.
  const statusLine = findStatusLine(body, hero.element);
  if (!statusLine) return notPosting;

  const bodyLayout = findBody(page.document, hero.element, statusLine);
  const zone = headerZone(body, hero.element, bodyLayout.start);
  const friend = findFriendLink(zone);

  const found: Found = {};
  const title = hero.role ? restoreCase(hero.role, page.document) : titleFromLead(bodyLayout.content);
  if (title) found.title = { value: title, via: 'site' };
  const organization = hero.organization ?? friend?.name ?? null;
  if (organization) found.organization = { value: organization, via: 'site' };

  const date = dateOf(statusLine.time);
  if (date) found.publishedAt = { value: date, via: 'site' };
  const raw = nonEmpty(textOf(statusLine.time)) ?? nonEmpty(statusLine.time.getAttribute('datetime'));
  if (raw) found.publishedAtRaw = { value: raw, via: 'site' };
  const status = statusOf(zone, statusLine);
  if (status !== 'unknown') found.status = { value: status, via: 'site' };

  const applyUrl = friend ? webHref(friend.link, page.url) : null;
  if (applyUrl) found.applyUrl = { value: applyUrl, via: 'site' };

  const description = bodyLayout.content ? descriptionOf(bodyLayout.content) : null;
  if (description) found.description = { value: description, via: 'site' };

  return { detection: 'posting', found, content: bodyLayout.content };
}

export function isPostingPath(url: URL): boolean {
  return POSTING_PATH.test(url.pathname);
}

/**
 * The first "<org> recrute" element outside the site's chrome and cards. Document order
 * matters: the hero precedes the body, whose own headings may repeat "X recrute un·e …".
 */
function findHero(root: Element): Hero | null {
  const candidates = root.querySelectorAll('h1, h2, h3, p');
  let firstHeading = true;
  for (let i = 0; i < candidates.length && i < MAX_HERO_CANDIDATES; i++) {
    const element = candidates[i];
    if (!element || element.closest(NOT_HERO)) continue;
    const text = textOf(element);
    const orgOnly = text.length <= MAX_HERO_TEXT ? ORG_ONLY.exec(text) : null;
    if (orgOnly) {
      return { element, organization: nonEmpty(orgOnly[1]), role: roleAfter(element) };
    }
    if (element.tagName !== 'H1') continue;
    // The one-line hero is only ever the page's first heading: later ones are body prose.
    if (firstHeading) {
      const both = text.length <= MAX_HERO_TEXT ? ORG_AND_ROLE.exec(text) : null;
      if (both) return { element, organization: nonEmpty(both[1]), role: nonEmpty(both[2]) };
    }
    firstHeading = false;
  }
  return null;
}

/** The role is the hero's next element (`h1`, `h2` or `p` depending on the year), when it is not the status line. */
function roleAfter(orgElement: Element): string | null {
  const next = orgElement.nextElementSibling;
  if (!next?.matches('h1, h2, h3, p')) return null;
  if (next.querySelector('time')) return null;
  const text = textOf(next);
  if (STATUS_WORDS.test(text) || FRIEND_LINK.test(text)) return null;
  return nonEmpty(text);
}

/** The `<time datetime>` whose line says "Poste ouvert le" or "pourvu depuis son ouverture le", after the hero. */
function findStatusLine(root: Element, hero: Element): StatusLine | null {
  const times = root.querySelectorAll('time');
  for (let i = 0; i < times.length && i < MAX_TIMES; i++) {
    const time = times[i];
    if (!time || !follows(time, hero)) continue;
    const line = time.closest('p, div, li') ?? time.parentElement;
    if (line && STATUS_WORDS.test(textOf(line))) return { line, time };
  }
  return null;
}

interface BodyLayout {
  /** The first element of the posting body: the header zone (notices) ends here. */
  start: Element | null;
  /** The body itself, for the text fallback and the description. */
  content: Element | null;
}

/**
 * The posting body. Since 2019 it is the first `<section>` after the hero. The 2017 → 2018
 * template has no wrapper: the body is the `<article>`'s children from `div.excerpt` on, followed
 * by a startup card and a "Une question ?" footer with the site's own e-mail, so a detached copy of
 * just the body children is handed over instead.
 */
function findBody(document: Document, hero: Element, statusLine: StatusLine): BodyLayout {
  const article = hero.closest('article');
  if (article) return articleBody(document, article, hero, statusLine);
  const sections = document.querySelectorAll('section');
  for (const section of Array.from(sections).slice(0, MAX_SECTIONS)) {
    if (follows(section, hero) && !section.closest('header, nav, footer')) return { start: section, content: section };
  }
  // An unknown later design: the main landmark at least leaves the site header and footer out.
  return { start: null, content: hero.closest('main') };
}

function articleBody(document: Document, article: Element, hero: Element, statusLine: StatusLine): BodyLayout {
  const children = Array.from(article.children);
  const heroIndex = children.findIndex((child) => child === hero || child.contains(hero));
  let startIndex = children.findIndex((child, i) => i > heroIndex && child.matches('.excerpt'));
  if (startIndex < 0) {
    // No excerpt wrapper: the body starts after the last notice-like child (status, friend link, "pourvu").
    let lastHeaderPart = heroIndex;
    children.forEach((child, i) => {
      if (i > heroIndex && isHeaderPart(child, statusLine)) lastHeaderPart = i;
    });
    startIndex = lastHeaderPart + 1;
  }
  const start = children[startIndex] ?? null;
  if (!start) return { start: null, content: null };
  const content = document.createElement('div');
  let inBody = false;
  // Nodes, not just elements: the white space between paragraphs keeps their words apart.
  for (const node of Array.from(article.childNodes)) {
    inBody ||= node === start;
    if (!inBody || node.nodeType === COMMENT_NODE) continue;
    if (isElement(node) && node.matches('aside, footer, script, style, template')) continue;
    content.append(node.cloneNode(true));
  }
  return { start, content };
}

function isHeaderPart(element: Element, statusLine: StatusLine): boolean {
  if (element === statusLine.line || element.contains(statusLine.line)) return true;
  const text = textOf(element);
  if (text.length > 300) return false;
  return FILLED.test(text) || CLOSED.test(text) || FRIEND_NOTICE.test(text);
}

/** The elements between the hero and the body: the status line and notices live there. */
function headerZone(root: Element, hero: Element, bodyStart: Element | null): Element[] {
  const zone: Element[] = [];
  const candidates = root.querySelectorAll('p, div, strong, a');
  for (const element of Array.from(candidates)) {
    if (zone.length >= MAX_ZONE_CANDIDATES) break;
    if (!follows(element, hero) || hero.contains(element)) continue;
    if (bodyStart) {
      if (element === bodyStart || bodyStart.contains(element)) break;
      // A wrapper holding the body would bring the body's prose into the notices.
      if (element.contains(bodyStart)) continue;
      if (!follows(bodyStart, element)) break;
    }
    if (element.closest('header, nav, footer')) continue;
    zone.push(element);
  }
  return zone;
}

/** "pourvu" wins over "ouvert": the 2017 template prints both on a filled post. */
function statusOf(zone: readonly Element[], statusLine: StatusLine): OfferStatus {
  const texts = zone.filter((element) => !element.matches('a')).map((element) => textOf(element));
  texts.push(textOf(statusLine.line));
  if (texts.some((text) => FILLED.test(text))) return 'filled';
  if (texts.some((text) => CLOSED.test(text))) return 'closed';
  if (texts.some((text) => OPEN.test(text))) return 'open';
  return 'unknown';
}

interface FriendLink {
  link: Element;
  name: string | null;
}

/** "Une offre à pourvoir chez nos camarades — Voir l'offre sur le site de X" (href sometimes empty). */
function findFriendLink(zone: readonly Element[]): FriendLink | null {
  for (const element of zone) {
    if (!element.matches('a')) continue;
    const text = textOf(element);
    if (!FRIEND_LINK.test(text)) continue;
    return { link: element, name: nonEmpty(FRIEND_NAME.exec(text)?.[1]) };
  }
  return null;
}

/** The link's address when it is a web page: absolute as written, relative ones resolved. */
function webHref(link: Element, base: URL): string | null {
  const href = link.getAttribute('href')?.trim() ?? '';
  if (href === '' || href.startsWith('#')) return null;
  if (/^https?:\/\//iu.test(href)) return href;
  if (/^[a-z][a-z0-9+.-]*:/iu.test(href)) return null; // mailto:, javascript:, …
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

/** `datetime` is the UTC calendar date; the `DD/MM/YYYY` text is the fallback. */
function dateOf(time: Element): string | null {
  const attribute = time.getAttribute('datetime')?.trim() ?? '';
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(attribute)?.[1];
  if (iso && isRealCalendarDate(iso)) return iso;
  const shown = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(textOf(time));
  if (!shown) return null;
  const [, day = '', month = '', year = ''] = shown;
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isRealCalendarDate(date) ? date : null;
}

/**
 * The 2017 template lower-cases the role; the page `<title>` still holds the front-matter title,
 * so when both say the same thing the title's capitals are kept.
 */
function restoreCase(role: string, document: Document): string {
  const title = collapseSpace(document.title).replace(TITLE_SUFFIX, '');
  return title.toLowerCase() === role.toLowerCase() && title !== role ? title : role;
}

/** An empty role heading (front matter without a title): the body's lead names the role in bold. */
function titleFromLead(content: Element | null): string | null {
  const lead = content?.querySelector('p');
  if (!lead || !LEAD_VERB.test(textOf(lead))) return null;
  const emphasis = nonEmpty(textOf(lead.querySelector('strong, b')));
  if (!emphasis) return null;
  return nonEmpty(emphasis.replace(LEADING_ARTICLE, ''));
}

/** The body's prose, without the "Choix technologiques" tag box the newest design puts first. */
function descriptionOf(content: Element): string | null {
  let prose = content;
  if (content.querySelector(TAG_BOXES)) {
    prose = content.cloneNode(true) as Element;
    for (const box of Array.from(prose.querySelectorAll(TAG_BOXES))) box.remove();
  }
  const text = nonEmpty(textOf(prose));
  return text ? excerpt(text, DESCRIPTION_MAX) : null;
}

function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

/** True when `element` comes after `reference` in document order (and is not its ancestor). */
function follows(element: Node, reference: Node): boolean {
  const position = reference.compareDocumentPosition(element);
  return (position & DOCUMENT_POSITION_FOLLOWING) !== 0 && (position & DOCUMENT_POSITION_CONTAINS) === 0;
}
