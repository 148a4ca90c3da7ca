/** Small text helpers shared by every reader. */

/** Collapses runs of white space (including no-break spaces) and trims. */
export function collapseSpace(text: string): string {
  return text.replace(/[\s\u00a0\u202f\u200b\ufeff]+/g, ' ').trim();
}

/** The visible-ish text of an element, whitespace collapsed; '' for null. */
export function textOf(el: Element | null | undefined): string {
  return el ? collapseSpace(el.textContent ?? '') : '';
}

/** Null for empty or whitespace-only strings, else the collapsed string. */
export function nonEmpty(text: string | null | undefined): string | null {
  if (text == null) return null;
  const collapsed = collapseSpace(text);
  return collapsed === '' ? null : collapsed;
}

/** Lower-cased, accents stripped: for keyword matching only, never for display. */
export function foldForMatch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Truncates on a word boundary, adding an ellipsis when it cut. */
export function excerpt(text: string, max: number): string {
  const clean = collapseSpace(text);
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${cut.slice(0, lastSpace > max / 2 ? lastSpace : cut.length)}…`;
}
