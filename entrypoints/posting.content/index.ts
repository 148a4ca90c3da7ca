/**
 * The content script of the posting sites (lib/sites.ts). It runs on every page of them, so it
 * stays small and out of the page's way; the panel's UI (Preact) is a separate script the
 * background injects on postings only (entrypoints/panel.ts). Wiring only:
 *
 * 1. document_idle (the default): the browser injects it after the load event on fast pages, so
 *    the page pays nothing while it is parsed and loaded. (Any document_start script, even an empty
 *    one, costs the page about 2 ms of its main thread before load: the isolated world is created
 *    then.)
 * 2. After the page's load event, when the browser is idle: ask the background for the page's
 *    app-state globals (`readPageState`, lib/app-state.ts), which the isolated world cannot see and
 *    whose script deleted itself (incubateur's contract, closing date, contact). The background
 *    reads them in the page's own world and answers us only; nothing is fetched. Asked only while
 *    the address is still the document's own: after a client-side navigation the global holds
 *    another page's data. The texts are left in the isolated world for `read-page` (a save from
 *    the popup or the keyboard).
 * 3. Read the page with the extractor (lib/extract). On a posting, leave the reading for the
 *    panel (components/panel/handoff.ts) and ask the background to show it (nothing at all
 *    elsewhere); on a listing, mark the postings already saved.
 * 4. Client-side navigation (the incubateur site is a Vue app): read the new page again once it has
 *    rendered. Its hidden data came from the app's own JSON request, not from the state the page
 *    was served with: the panel shows what the page renders (role, team, status notice, apply
 *    form) and contract, closing date and contact stay « non indiqué » unless the body says them.
 *    Postulo never fetches the page or its data to fill them in. The state texts read at load are
 *    used again only when the address comes back to the document's own.
 */

import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { publishPageHandoff, showReading } from '../../components/panel/handoff';
import { leaveCapturedScripts } from '../../lib/app-state';
import { extract } from '../../lib/extract';
import { resolveLocale } from '../../lib/i18n';
import { findPostingLinks, isListingPage } from '../../lib/listing-marks';
import { POSTING_SITE_MATCHES } from '../../lib/sites';
import { storedLocaleSetting } from '../../lib/stored-locale';
import { canonicalUrl } from '../../lib/url';
import { browserIdle, domSettled, pageLoaded } from './dom';
import { markSavedPostings } from './listing-badges';
import { lookupMarks, panelActions, readPageState, requestPanel } from './messages';
import { readOwnPageState } from './page-state';

export default defineContentScript({
  matches: POSTING_SITE_MATCHES,
  // WXT would otherwise announce the script to the page with window.postMessage, telling every
  // site that Postulo is installed (and its id).
  noScriptStartedPostMessage: true,
  async main(ctx) {
    await pageLoaded(document);
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
  },
});
