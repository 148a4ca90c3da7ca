/**
 * Sites whose posting pages Postulo reads on its own: the host permission, and the tabs the
 * background injects the posting reader into once they have loaded (lib/background/posting-reader.ts).
 * Any other page is read only when the user asks (popup, shortcut, context menu) through
 * `activeTab`, so the extension never needs blanket access to every site.
 */
import { MatchPattern } from 'wxt/utils/match-patterns';

export const POSTING_SITE_MATCHES = ['https://incubateur.anct.gouv.fr/*', 'https://beta.gouv.fr/*'];

const POSTING_SITE_PATTERNS = POSTING_SITE_MATCHES.map((match) => new MatchPattern(match));

/** True when `url` is a page of the posting sites, by the same match patterns as the permission. */
export function isPostingSiteUrl(url: string | undefined): boolean {
  if (url === undefined) return false;
  try {
    return POSTING_SITE_PATTERNS.some((pattern) => pattern.includes(url));
  } catch {
    // Not a URL at all.
    return false;
  }
}
