/**
 * The content script of the posting sites (lib/sites.ts). Wiring only:
 *
 * 1. document_start, isolated world: start keeping the text of inline app-state scripts that
 *    delete themselves as they run (lib/page-capture.ts explains why and how). Stop at
 *    DOMContentLoaded: nothing is executed, fetched or injected into the page's world.
 * 2. DOMContentLoaded: read the page with the extractor (lib/extract); on a posting, show the panel
 *    (nothing at all elsewhere); on a listing, mark the postings already saved.
 * 3. Client-side navigation (the incubateur site is a Vue app): read the new page again once it has
 *    rendered. Its hidden data came from the app's own JSON request, not from an inline script, so
 *    there is nothing to capture: the panel shows what the page renders (role, team, status notice,
 *    apply form) and contract, closing date and contact stay « non indiqué » unless the body says
 *    them. Postulo never fetches the page or its data to fill them in. The scripts captured at load
 *    are used again only when the address comes back to the one they were captured on.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { extract } from '../../lib/extract';
import { resolveLocale } from '../../lib/i18n';
import { findPostingLinks, isListingPage } from '../../lib/listing-marks';
import { startScriptCapture } from '../../lib/page-capture';
import { POSTING_SITE_MATCHES } from '../../lib/sites';
import { canonicalUrl } from '../../lib/url';
import { documentParsed, domSettled } from './dom';
import { markSavedPostings } from './listing-badges';
import { lookupMarks, panelActions } from './messages';
import { mountPanel, type PanelUi } from './panel-ui';

export default defineContentScript({
  matches: POSTING_SITE_MATCHES,
  runAt: 'document_start',
  cssInjectionMode: 'ui',
  async main(ctx) {
    const capture = startScriptCapture(document);
    ctx.onInvalidated(() => capture.stop());
    await documentParsed(document);
    const captured = { url: canonicalUrl(location.href), scripts: capture.stop() };
    const locale = resolveLocale('auto', navigator.language);

    let removeShown: () => void = () => {};
    let generation = 0;

    const show = async () => {
      const current = ++generation;
      removeShown();
      removeShown = () => {};
      const url = new URL(location.href);
      const capturedScripts = canonicalUrl(url) === captured.url ? captured.scripts : [];
      const { isPosting, offer } = extract({ document, url, now: new Date(), capturedScripts });

      if (isPosting && offer) {
        const panel: PanelUi = await mountPanel(ctx, { offer, locale, actions: panelActions });
        if (current !== generation || ctx.isInvalid) panel.remove();
        else removeShown = () => panel.remove();
      } else if (isListingPage(url)) {
        const links = findPostingLinks(document, url);
        const marks = await lookupMarks(links.map((link) => link.url));
        if (current !== generation || ctx.isInvalid) return;
        removeShown = markSavedPostings(links, marks, locale);
      }
    };

    await show();
    ctx.addEventListener(window, 'wxt:locationchange', async () => {
      await domSettled(document);
      if (ctx.isValid) await show();
    });
  },
});
