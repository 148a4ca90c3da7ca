/**
 * What `read-page` runs inside a tab the user asked to save (popup, shortcut, context menu):
 * the same extractor as the posting reader, forced to read whatever the page holds, since the
 * user said this page is an offer. Pure: the document, its address and the instant are
 * parameters, and nothing here calls `browser.*`.
 */
import { z } from 'zod';
import { type Extraction, extract } from '../extract';
import { canonicalUrl } from '../url';

/**
 * The posting reader leaves under CAPTURED_SCRIPTS_KEY the app-state texts the background read
 * for it from the page's own world after load (the page's script deletes itself, see
 * lib/app-state.ts). `read-page` runs in the same isolated world, so it sees that global; the
 * page's own scripts do not. Absent on sites the reader is not injected into.
 */
export { CAPTURED_SCRIPTS_KEY } from '../app-state';

const CaptureHandoff = z.object({ url: z.string(), scripts: z.array(z.string()) });

export function readOpenPage(document: Document, href: string, now: Date, handoff?: unknown): Extraction {
  const url = new URL(href);
  return extract({ document, url, now, capturedScripts: capturedFor(href, handoff) }, { force: true });
}

/** The captured scripts, only when they were captured on this very address (SPAs navigate). */
function capturedFor(href: string, handoff: unknown): string[] {
  const parsed = CaptureHandoff.safeParse(handoff);
  if (!parsed.success) return [];
  try {
    return canonicalUrl(parsed.data.url) === canonicalUrl(href) ? parsed.data.scripts : [];
  } catch {
    return [];
  }
}
