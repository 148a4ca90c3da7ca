/**
 * The page's app-state texts, for the extractor: asked of the background (it reads them in the
 * page's own world, lib/app-state.ts) only while the tab still shows the document's own address.
 * A Vue app that has moved on with pushState keeps the first page's state in its global, or
 * mutates it into the next page's: either way it is not the page on screen.
 */
import type { CapturedScripts } from '../../lib/app-state';
import { canonicalUrl } from '../../lib/url';
import { documentAddress } from './dom';

/** `read` answers the texts, [] when it cannot (./messages.ts's `readPageState`). */
export async function readOwnPageState(document: Document, read: () => Promise<string[]>): Promise<CapturedScripts> {
  const url = canonicalUrl(documentAddress(document));
  const atOwnAddress = () => canonicalUrl(document.URL) === url;
  const scripts = atOwnAddress() ? await read() : [];
  // The app moved on while the background read: what it read may already be the next page's.
  return { url, scripts: atOwnAddress() ? scripts : [] };
}
