/**
 * Reads the data a site embeds for its own app, such as `window.__INITIAL_STATE__={…}`, without
 * running any of the page's code: the object literal is cut out by brace matching and handed to
 * `JSON.parse`. Callers validate the shape they use (zod) before trusting a single value.
 *
 * Such scripts may delete themselves as they run, so the texts come from two places: those the
 * extension read back from the live page's globals as `window.<NAME>=<JSON>;`
 * (`page.capturedScripts`, see lib/app-state.ts), and the inline scripts still in the document
 * (static HTML read by the CLI and tests). A captured text may also be a plain JSON document, the
 * same data a site serves from its own endpoint.
 */
import type { Page } from './types';

/** Scripts longer than this are skipped: page data is tens of kilobytes, a bundle is not data. */
export const MAX_SCRIPT_CHARS = 2_000_000;

/** Where an embedded state was read from, so a caller can prefer the live page's own captures. */
export type StateOrigin = 'captured' | 'document';

export interface EmbeddedState {
  origin: StateOrigin;
  value: unknown;
}

/**
 * Every state object the page holds under `variable` (`window.<variable>=`) or as a plain JSON
 * text among the captured scripts, in page order: captured ones first, then the document's.
 * Malformed or oversized texts are skipped; never throws.
 */
export function readEmbeddedStates(
  page: Pick<Page, 'document' | 'capturedScripts'>,
  variable: string,
): EmbeddedState[] {
  const states: EmbeddedState[] = [];
  for (const text of page.capturedScripts ?? []) {
    if (typeof text !== 'string' || text.length > MAX_SCRIPT_CHARS) continue;
    const value = readAssignedObject(text, variable) ?? parseJsonObject(text);
    if (value !== null) states.push({ origin: 'captured', value });
  }
  for (const text of documentScriptTexts(page.document)) {
    const value = readAssignedObject(text, variable);
    if (value !== null) states.push({ origin: 'document', value });
  }
  return states;
}

/** Texts of the document's inline scripts (no `src`), oversized ones left out. */
export function documentScriptTexts(document: Document): string[] {
  const texts: string[] = [];
  for (const script of Array.from(document.querySelectorAll('script:not([src])'))) {
    const text = script.textContent ?? '';
    if (text !== '' && text.length <= MAX_SCRIPT_CHARS) texts.push(text);
  }
  return texts;
}

/**
 * The object literal assigned to `variable` in a script (`window.X = {…};…`), parsed as JSON.
 * Null when the script does not assign it, or the literal is not valid JSON.
 */
export function readAssignedObject(text: string, variable: string): unknown {
  if (text.length > MAX_SCRIPT_CHARS) return null;
  const assignment = new RegExp(`\\b${escapeRegExp(variable)}\\s*=(?!=)\\s*`, 'g');
  for (const match of text.matchAll(assignment)) {
    const start = match.index + match[0].length;
    if (text[start] !== '{') continue;
    const literal = balancedObjectAt(text, start);
    const value = literal === null ? null : parseJsonObject(literal);
    if (value !== null) return value;
  }
  return null;
}

/**
 * The balanced `{…}` that opens at `start`, aware of strings and their escapes (a `}` inside a
 * string does not close anything). Null when `start` is not a `{` or the object never closes.
 */
export function balancedObjectAt(text: string, start: number): string | null {
  if (text[start] !== '{') return null;
  let depth = 0;
  let quote: string | null = null;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (quote !== null) {
      if (char === '\\') i++;
      else if (char === quote) quote = null;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) return char === '}' ? text.slice(start, i + 1) : null;
      if (depth < 0) return null;
    }
  }
  return null;
}

/** `JSON.parse` of a text that should hold one object; null for anything else. */
function parseJsonObject(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') || trimmed.length > MAX_SCRIPT_CHARS) return null;
  try {
    const value: unknown = JSON.parse(trimmed);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
