/**
 * The generic reader: what a posting's visible text says when no site adapter or schema.org data
 * said it. It reads the posting's own body (the adapter's `content`, else the page's main content,
 * never its menus, header and footer) as lines, one per block, and looks for a closing date, a
 * publication date, the contract, the contact and a status notice.
 */
import type { Contact } from '../offer';
import { findContractWords } from './contract-words';
import { findPhone, firstEmail } from './emails';
import { findClosingDate, findPublishedDate, utcDay } from './french-dates';
import type { Found, Page } from './types';

// Bounds: a 5 MB page costs at most this much, whatever it holds.
const MAX_NODES = 30_000;
const MAX_TEXT = 200_000;
const MAX_LINKS = 200;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Never shown as the posting's text, or not part of it. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'iframe',
  'object',
  'select',
  'option',
  'nav',
  'aside',
  'form',
  'dialog',
]);
const SKIPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog']);
/** Site-wide boxes that some pages build from plain `<div>`s. */
const SKIPPED_CLASS =
  /(?:^|\s)(?:site-footer|page-footer|footer|cookies?(?:-[\w-]+)?|newsletter|breadcrumbs?|skip-links?)(?:\s|$)/i;
const BLOCK = new Set([
  'address',
  'article',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'details',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

export function readVisibleText(page: Page, content: Element | null): Found {
  const root = content ?? mainContent(page.document);
  if (!root) return {};
  const { text, links } = readVisible(root);
  if (text === '') return {};
  const found: Found = {};

  const published = findPublishedDate(text, page.now);
  if (published) {
    found.publishedAt = { value: published.date, via: 'text' };
    found.publishedAtRaw = { value: published.raw, via: 'text' };
  }
  const closing = findClosingDate(text, { now: page.now, publishedAt: published?.date ?? null });
  if (closing) {
    found.closesAt = { value: closing.date, via: 'text' };
    found.closesAtRaw = { value: closing.raw, via: 'text' };
  }
  const status = statusNotice(text) ?? (closing ? (closing.date < utcDay(page.now) ? 'closed' : 'open') : null);
  if (status) found.status = { value: status, via: 'text' };

  const contract = findContractWords(text, postingTitles(page.document));
  if (contract) {
    found.contractRaw = { value: contract.raw, via: 'text' };
    found.contract = { value: contract.kind, via: 'text' };
  }
  const contact = readContact(links, text);
  if (contact) found.contact = { value: contact, via: 'text' };
  return found;
}

/** The page's main content: `main`, `[role=main]`, a lone `article`, else the body (minus chrome, skipped while reading). */
export function mainContent(document: Document): Element | null {
  const main = document.querySelector('main, [role="main"]');
  if (main) return main;
  const articles = document.querySelectorAll('article');
  if (articles.length === 1) return articles[0] ?? null;
  return document.body;
}

export interface VisibleText {
  /** One line per block element, white space collapsed within lines. */
  text: string;
  /** `mailto:` and `tel:` link targets, in reading order. */
  links: string[];
}

/**
 * What a reader sees in `root`: its text, and the contact links among it. Hidden elements,
 * scripts, menus, headers and footers are left out.
 */
export function readVisible(root: Element): VisibleText {
  const lines: string[] = [];
  const links: string[] = [];
  let line = '';
  let length = 0;
  let visited = 0;
  const breakLine = () => {
    const collapsed = line.replace(/[\s\u00a0\u202f\u200b\ufeff]+/g, ' ').trim();
    if (collapsed !== '') {
      lines.push(collapsed);
      length += collapsed.length + 1;
    }
    line = '';
  };
  // Depth-first with an explicit stack: no recursion limit to hit on deep hostile pages.
  const stack: Array<Node | 'end-block'> = [root];
  while (stack.length > 0 && visited < MAX_NODES && length < MAX_TEXT) {
    const node = stack.pop();
    if (node === undefined) break;
    if (node === 'end-block') {
      breakLine();
      continue;
    }
    visited++;
    if (node.nodeType === TEXT_NODE) {
      // One huge text node must not cost more than the bound either.
      line += (node.nodeValue ?? '').slice(0, MAX_TEXT - length - line.length);
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const element = node as Element;
    if (node !== root && isSkipped(element)) continue;
    if (element.localName === 'a') {
      const href = element.getAttribute('href');
      if (href && /^\s*(?:mailto|tel):/i.test(href) && links.length < MAX_LINKS) links.push(href);
    }
    if (BLOCK.has(element.localName)) {
      breakLine();
      stack.push('end-block');
    }
    const children = element.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push(child);
    }
  }
  breakLine();
  return { text: lines.join('\n').slice(0, MAX_TEXT), links };
}

/** A page's banner and footer; those of an article or section belong to it (its date, its contact). */
const SITE_CHROME = new Set(['header', 'footer']);
const SECTIONING = 'article, main, section, [role="main"]';

function isSkipped(element: Element): boolean {
  if (SKIPPED.has(element.localName)) return true;
  if (SITE_CHROME.has(element.localName) && !element.parentElement?.closest(SECTIONING)) return true;
  if (element.hasAttribute('hidden')) return true;
  const role = element.getAttribute('role');
  if (role && SKIPPED_ROLES.has(role.toLowerCase())) return true;
  const style = element.getAttribute('style');
  if (style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  const className = element.getAttribute('class');
  if (className && SKIPPED_CLASS.test(className)) return true;
  const id = element.getAttribute('id');
  return id !== null && SKIPPED_CLASS.test(id);
}

/** The names the page gives the posting: its document title and its first heading. */
function postingTitles(document: Document): string[] {
  const heading = document.querySelector('h1')?.textContent ?? '';
  return [document.title ?? '', heading].map((title) => title.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** A notice that the posting is over. Short lines only: prose may say "le poste sera pourvu". */
const FILLED_NOTICE =
  /(?:poste|offre|annonce)\s+(?:a\s+été|est\s+(?:déjà\s+)?)\s*pourvue?\b|position\s+(?:has\s+been|is)\s+filled/iu;
const CLOSED_NOTICE =
  /n['’]accepte\s+plus\s+de\s+candidatures|candidatures\s+(?:sont\s+)?(?:closes|clôturées|fermées|terminées)|(?:offre|annonce)\s+(?:a\s+)?expirée?|(?:offre|annonce)\s+n['’]est\s+plus\s+(?:disponible|active|en\s+ligne)|no\s+longer\s+(?:accepting\s+applications|available)|(?:job|position|posting)\s+(?:has\s+)?(?:expired|closed)/iu;
const NOTICE_MAX_LINE = 160;

function statusNotice(text: string): 'filled' | 'closed' | null {
  for (const line of text.split('\n')) {
    if (line.length > NOTICE_MAX_LINE) continue;
    if (FILLED_NOTICE.test(line)) return 'filled';
    if (CLOSED_NOTICE.test(line)) return 'closed';
  }
  return null;
}

function readContact(links: readonly string[], text: string): Contact | null {
  const email = firstEmail(links, text);
  const phone = findPhone(links, text);
  if (!email && !phone) return null;
  return { email, name: null, phone };
}
