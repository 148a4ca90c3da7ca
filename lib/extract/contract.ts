/**
 * Contract words → the contract enum. Accent-insensitive keyword match; when a text names several
 * kinds, the one named first wins ("Fonctionaire A/A+ ou CDD 3 ans" is a civil-service post).
 */
import type { Contract } from '../offer';
import { foldForMatch } from './text';

const KEYWORDS: ReadonlyArray<readonly [Contract, RegExp]> = [
  ['stage', /\bstag(?:e|iaire)s?\b/],
  ['alternance', /\balternan(?:ce|te?s?)\b|\bapprenti/],
  ['CDI', /\bcdi\b/],
  ['CDD', /\bcdd\b|\bcontractuel/],
  ['fonctionnaire/détachement', /\bfonctionn?aire|\bdetachement\b|\btitulaires?\b|\bmise a disposition\b/],
  ['freelance', /\bindepend[ae]nt|\bfree[- ]?lance|\bprestataire|\bportage\b/],
];

/** The contract kind the words name; `autre` for words that name none; null for no words. */
export function classifyContract(raw: string | null | undefined): Contract | null {
  if (raw == null || raw.trim() === '') return null;
  const folded = foldForMatch(raw);
  let best: { kind: Contract; at: number } | null = null;
  for (const [kind, pattern] of KEYWORDS) {
    const at = folded.search(pattern);
    if (at >= 0 && (best === null || at < best.at)) best = { kind, at };
  }
  return best?.kind ?? 'autre';
}
