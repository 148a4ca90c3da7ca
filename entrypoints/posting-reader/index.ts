/**
 * The posting reader: reads the pages of the posting sites (lib/sites.ts) for the panel and the
 * listing marks. Not in the manifest: nothing of Postulo runs in those pages before their load
 * event has finished. The background injects it into the tab's top frame once the tab has loaded
 * (lib/background/posting-reader.ts); WXT builds it to `/posting-reader.js`. Why not a manifest
 * content script: Chrome runs document_idle scripts before the load event on pages whose
 * sub-resources are done, and the first run of any isolated-world script costs the page 2.5–3 ms
 * of its main thread (the isolated world's context and the extension's bindings), however small
 * the script.
 *
 * Injected again into the same document, it does nothing (./once.ts). Returns nothing, at once:
 * `executeScript` would otherwise wait for the reading.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startOnce } from './once';
import { startReader } from './reader';

export default defineUnlistedScript(() => {
  startOnce(() => startReader(document));
});
