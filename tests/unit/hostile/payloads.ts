/**
 * What hostile pages put where Postulo reads: markup and script in text, links that run code,
 * characters that turn text around or hide in it, dates that do not exist. Shared by the
 * extractor's fuzz test and the panel's and popup's rendering tests.
 */
import fc from 'fast-check';

/** Each one is a classic way to get markup or script out of a value, or to confuse a reader. */
export const HOSTILE_TEXTS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '<iframe src="javascript:alert(1)"></iframe>',
  '</textarea></title><script>alert(1)</script>',
  '<!-- <a href="javascript:alert(1)">x</a> -->',
  '<?xml version="1.0"?><x/>',
  '<a href="javascript:alert(1)">Postuler</a>',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(document.domain)',
  'data:text/html,<script>alert(1)</script>',
  '&lt;img src=x onerror=alert(1)&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '{{constructor.constructor("alert(1)")()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection attempt, as a page writes it
  '${alert(1)}',
  '\u202eredocne\u202c.exe', // right-to-left override
  '\u2067مطور\u2069 \u200fويب\u200e', // isolates and marks, Arabic text
  'zéro\u200blargeur\u200c\u200d\u2060\ufeff', // zero-width characters
  'a\u0000b\u0007c', // control characters
  '\ud800 seul', // a lone surrogate
  '31/02/2026',
  'avant le 31 février 2026',
  '2026-02-31',
  '29/02/2025',
  '00/00/0000',
  '__proto__',
  'x'.repeat(600),
] as const;

/** A hostile text, or a random one (any code point). */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TEXTS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.constantFrom(...HOSTILE_TEXTS), { minLength: 2, maxLength: 4 })
      .map((parts) => parts.join(' ')),
  },
);

/**
 * A tag opener: `<` followed by a letter, `/`, `!` or `?`. These are the only sequences by which
 * text, were it ever parsed as HTML, would create an element, close one, or open a comment or a
 * processing instruction. A value without one is inert whatever is done with it.
 */
export const TAG_OPENER = /<[a-z/!?]/i;

/** Every string inside `value` (an offer, a record) that holds a tag opener, with its path. */
export function markupIn(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return TAG_OPENER.test(value) ? [`${path || '(root)'}: ${value.slice(0, 120)}`] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => markupIn(item, `${path}[${index}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => markupIn(item, path ? `${path}.${key}` : key));
  }
  return [];
}

/** Text as HTML source that shows it verbatim (`&lt;img…`), so the page displays the markup as text. */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/**
 * What a rendered tree created from values would betray: elements that run or load something,
 * event-handler attributes, and links whose target is not a web page, an e-mail or a phone number.
 */
export function liveMarkupIn(root: ParentNode): string[] {
  const found: string[] = [];
  for (const element of Array.from(root.querySelectorAll('*'))) {
    const tag = element.tagName.toLowerCase();
    if (['script', 'img', 'iframe', 'svg', 'object', 'embed', 'image', 'frame', 'math'].includes(tag)) {
      found.push(`<${tag}>`);
    }
    for (const attribute of Array.from(element.attributes)) {
      if (/^on/i.test(attribute.name)) found.push(`${tag}[${attribute.name}]`);
    }
    const href = element.getAttribute('href') ?? element.getAttribute('src') ?? element.getAttribute('action');
    if (href !== null && !/^(?:https?:|mailto:|tel:|#|\?|\/|chrome-extension:|moz-extension:)/i.test(href.trim())) {
      found.push(`${tag} → ${href.slice(0, 80)}`);
    }
  }
  return found;
}
