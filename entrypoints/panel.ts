/**
 * The in-page panel, loaded only on postings: the posting reader (entrypoints/posting-reader/)
 * reads the page, leaves its reading in the isolated world (components/panel/handoff.ts) and sends
 * `showPanel`; the
 * background injects this script into that frame (lib/background/panel.ts). Not in the manifest;
 * WXT builds it to `/panel.js`.
 *
 * Injected twice (two requests crossing), it still makes one panel: the first run registers
 * `refresh` and shows the current reading, a later run finds `refresh` there and leaves it to the
 * posting reader, which calls it for every new reading.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readPageHandoff } from '../components/panel/handoff';
import { panelRenderer } from '../components/panel/panel-host';

export default defineUnlistedScript(() => {
  const handoff = readPageHandoff();
  // Injected without the posting reader's reading (not a posting site): nothing to show.
  if (!handoff || handoff.refresh) return;
  handoff.refresh = panelRenderer(document, handoff);
  handoff.refresh();
});
