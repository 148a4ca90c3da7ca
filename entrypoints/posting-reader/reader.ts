/**
 * What the posting reader does in a page of the posting sites (lib/sites.ts), once the background
 * has injected it after the page's load (lib/background/posting-reader.ts). It stays small and out
 * of the page's way; the panel's UI (Preact) is a separate script the background injects on
 * postings only (entrypoints/panel.ts).
 *
 * 1. Once the page has loaded and the browser is idle: ask the background for the page's app-state
 *    globals (`readPageState`, lib/app-state.ts), which the isolated world cannot see and whose
 *    script deleted itself (incubateur's contract, closing date, contact). The background reads
 *    them in the page's own world and answers us only; nothing is fetched. Asked only while the
 *    address is still the document's own: after a client-side navigation the global holds another
 *    page's data. The texts are left in the isolated world for `read-page` (a save from the popup
 *    or the keyboard).
 * 2. Read the page with the extractor (lib/extract). On a posting, leave the reading for the panel
 *    (components/panel/handoff.ts) and ask the background to show it (nothing at all elsewhere);
 *    on a listing, mark the postings already saved.
 * 3. Client-side navigation (the incubateur site is a Vue app): read the new page again once it
 *    has rendered. Its hidden data came from the app's own JSON request, not from the state the
 *    page was served with: the panel shows what the page renders (role, team, status notice, apply
 *    form) and contract, closing date and contact stay « non indiqué » unless the body says them.
 *    Postulo never fetches the page or its data to fill them in. The state texts read at load are
 *    used again only when the address comes back to the document's own.
 */
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { publishPageHandoff, showReading } from '../../components/panel/handoff';
import { leaveCapturedScripts } from '../../lib/app-state';
import { extract } from '../../lib/extract';
import { resolveLocale } from '../../lib/i18n';
import { findPostingLinks, isListingPage } from '../../lib/listing-marks';
import { storedLocaleSetting } from '../../lib/stored-locale';
import { canonicalUrl } from '../../lib/url';
import { browserIdle, domSettled, pageLoaded } from './dom';
import { markSavedPostings } from './listing-badges';
import { lookupMarks, panelActions, readPageState, requestPanel } from './messages';
import type { RunningReader } from './once';
import { readOwnPageState } from './page-state';

/** The name WXT's context gives its events (it is the entrypoint's name too). */
export const READER_NAME = 'posting-reader';

/**
 * How long the reader still waits for the load event. The background injects it when the tab has
 * completed, so the page has loaded and this costs nothing; or, when a sub-resource never ends
 * loading, 5 s after the load began (lib/background/posting-reader.ts), and then the page has waited
 * long enough.
 */
export const LOAD_WAIT_MS = 1000;

/**
 * Starts reading `document` and returns at once. The context is WXT's own content-script context,
 * made by hand: `ctx.isValid` turns false when the extension is reloaded, updated or removed (its
 * `browser.runtime.id` is gone), a newer copy of the reader started in the document invalidates
 * this one (a DOM event named after the extension's id, no `window.postMessage`: nothing announces
 * Postulo to the page), and `wxt:locationchange` tells of client-side navigations.
 */
export function startReader(document: Document): RunningReader {
  const ctx = new ContentScriptContext(READER_NAME, { noScriptStartedPostMessage: true });
  void readPostingPage(ctx, document);
  return { isValid: () => ctx.isValid };
}

export async function readPostingPage(ctx: ContentScriptContext, document: Document): Promise<void> {
  await pageLoaded(document, LOAD_WAIT_MS);
  await browserIdle(document);
  if (ctx.isInvalid) return;

  const captured = await readOwnPageState(document, readPageState);
  leaveCapturedScripts(captured);
  if (ctx.isInvalid) return;

  const locale = resolveLocale(await storedLocaleSetting(browser.storage.local), navigator.language);
  const handoff = publishPageHandoff({ offer: null, locale, actions: panelActions });
  // A panel left by an extension that was reloaded or removed must go with it.
  ctx.onInvalidated(() => showReading(handoff, null, () => {}));

  let removeMarks: () => void = () => {};
  let generation = 0;

  const show = async () => {
    const current = ++generation;
    removeMarks();
    removeMarks = () => {};
    const url = new URL(location.href);
    const capturedScripts = canonicalUrl(url) === captured.url ? captured.scripts : [];
    const { isPosting, offer } = extract({ document, url, now: new Date(), capturedScripts });

    showReading(handoff, isPosting ? offer : null, () => void requestPanel());
    if (!isPosting && isListingPage(url)) {
      const links = findPostingLinks(document, url);
      const marks = await lookupMarks(links.map((link) => link.url));
      if (current !== generation || ctx.isInvalid) return;
      removeMarks = markSavedPostings(links, marks, locale);
    }
  };

  await show();
  ctx.addEventListener(window, 'wxt:locationchange', async () => {
    await domSettled(document);
    if (ctx.isValid) await show();
  });
}
