/**
 * Injected with `scripting.executeScript` into the tab the user asked to save, on any site
 * (activeTab): reads the page and returns the extraction to the background. Not in the manifest;
 * WXT builds it to `/read-page.js` and returns `main`'s result from `executeScript`.
 */
import { CAPTURED_SCRIPTS_KEY, readOpenPage } from '../lib/background/page-reader';

export default defineUnlistedScript(() =>
  readOpenPage(document, location.href, new Date(), Reflect.get(globalThis, CAPTURED_SCRIPTS_KEY)),
);
