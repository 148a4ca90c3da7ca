/**
 * Injected with `scripting.executeScript` into the tab the user asked to save, on any site
 * (activeTab): reads the page and returns the extraction to the background. Not in the manifest;
 * WXT builds it to `/read-page.js` and returns `main`'s result from `executeScript`.
 */
import { CAPTURE_HANDOFF_KEY, readOpenPage } from '../lib/background/page-reader';

export default defineUnlistedScript(() =>
  readOpenPage(document, location.href, new Date(), Reflect.get(globalThis, CAPTURE_HANDOFF_KEY)),
);
