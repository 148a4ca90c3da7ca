/**
 * schema.org `JobPosting` in microdata (`itemscope itemtype="https://schema.org/JobPosting"`),
 * as company career pages and older job boards write it. The item is read into the same shape as
 * JSON-LD (nested items become nested objects) and mapped by the JSON-LD reader's `readJobPosting`,
 * so both formats mean the same thing.
 */
import { readVisible } from './fallback';
import { choosePosting, isJobPosting, type JsonObject, readJobPosting } from './jsonld';
import type { Found, Page } from './types';

const MAX_ITEMS = 200;
const MAX_NODES = 20_000;
const MAX_DEPTH = 6;
/** A posting has a few dozen properties; past this many, the rest is noise. */
const MAX_PROPERTIES = 300;
const ELEMENT_NODE = 1;

/** Properties whose value is an address, read from `href`/`src` as the microdata rules say. */
const URL_PROPERTIES = new Set(['url', 'sameAs', 'image', 'logo', 'target', 'urlTemplate']);

export function readMicrodata(page: Page): Found {
  const scopes = page.document.querySelectorAll('[itemscope][itemtype]');
  const postings: JsonObject[] = [];
  const budget = { nodes: MAX_NODES };
  for (let i = 0; i < scopes.length && i < MAX_ITEMS; i++) {
    const scope = scopes[i];
    if (!scope || !/(?:^|[\s/:#])JobPosting(?:\s|$)/i.test(scope.getAttribute('itemtype') ?? '')) continue;
    // A posting nested as another item's property is still a posting; read it from its own scope.
    const item = readItem(scope, 0, budget);
    if (isJobPosting(item)) postings.push(item);
  }
  const posting = choosePosting(postings, page.url);
  // Values come from the DOM: already text, with no entities left to decode.
  return posting ? readJobPosting(posting, page, 'microdata', { markup: false }) : {};
}

/** One item as an object: `@type`, then each property (first value kept, later ones appended). */
function readItem(scope: Element, depth: number, budget: { nodes: number }): JsonObject {
  const item: JsonObject = { '@type': (scope.getAttribute('itemtype') ?? '').trim().split(/\s+/) };
  for (const element of ownProperties(scope, budget)) {
    const names = (element.getAttribute('itemprop') ?? '').trim().split(/\s+/);
    const value = element.hasAttribute('itemscope') && depth < MAX_DEPTH ? readItem(element, depth + 1, budget) : null;
    for (const fullName of names) {
      // "https://schema.org/title" and "title" are the same property.
      const name = fullName.replace(/^.*[/#]/, '');
      if (name === '' || name === '@type') continue;
      const propertyValue = value ?? readValue(element, name);
      const existing = item[name];
      if (existing === undefined) item[name] = propertyValue;
      else if (Array.isArray(existing)) existing.push(propertyValue);
      else item[name] = [existing, propertyValue];
    }
  }
  return item;
}

/** Elements carrying `itemprop` for this item: its descendants, not those of nested items. */
function ownProperties(scope: Element, budget: { nodes: number }): Element[] {
  const found: Element[] = [];
  const stack: Element[] = [];
  for (let i = scope.children.length - 1; i >= 0; i--) {
    const child = scope.children[i];
    if (child) stack.push(child);
  }
  while (stack.length > 0 && budget.nodes > 0 && found.length < MAX_PROPERTIES) {
    const element = stack.pop();
    if (!element || element.nodeType !== ELEMENT_NODE) continue;
    budget.nodes--;
    if (element.hasAttribute('itemprop')) found.push(element);
    // A nested item's own properties belong to it.
    if (element.hasAttribute('itemscope')) continue;
    for (let i = element.children.length - 1; i >= 0; i--) {
      const child = element.children[i];
      if (child) stack.push(child);
    }
  }
  return found;
}

/** A property's value: `content`, `datetime`, `value`, an address for URL properties, else the text. */
function readValue(element: Element, name: string): string {
  const content = element.getAttribute('content');
  if (content !== null) return content;
  const tag = element.localName;
  if (tag === 'time' && element.hasAttribute('datetime')) return element.getAttribute('datetime') ?? '';
  if ((tag === 'data' || tag === 'meter') && element.hasAttribute('value')) return element.getAttribute('value') ?? '';
  if (URL_PROPERTIES.has(name)) {
    const address = element.getAttribute('href') ?? element.getAttribute('src');
    if (address !== null) return address;
  }
  // Block-aware text, so a description keeps its paragraphs apart.
  return readVisible(element).text;
}
