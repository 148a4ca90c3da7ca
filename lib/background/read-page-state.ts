/**
 * `readPageState`: the posting reader, after the page's load, asks for the app-state globals its
 * isolated world cannot see (incubateur.anct.gouv.fr hides contract, closing date and contact in
 * `window.__INITIAL_STATE__`, whose script deletes itself; lib/app-state.ts explains). They are
 * read here, in the very frame that asked, by running `readAppStateGlobals` in the page's MAIN
 * world. The texts come back to the background as a structured clone and are answered to the
 * reader only: the page never sees them. No network request; the permissions are those the panel
 * already uses (scripting, and the host permission of the posting sites, the only pages the reader
 * is injected into).
 */
import { browser } from 'wxt/browser';
import { APP_STATE_GLOBALS, MAX_CAPTURED_SCRIPT_CHARS, readAppStateGlobals } from '../app-state';
import { RefusedMessage } from '../messaging';
import { type PageSender, senderFrame } from './sender';

/** At most one text per global read. */
export const MAX_STATE_TEXTS = APP_STATE_GLOBALS.length;

/**
 * The sender's app-state texts; [] when the frame cannot be read (no permission, the page went
 * away, the script failed). Refuses a sender that is not a page in a tab.
 */
export async function readPageState(sender: PageSender): Promise<string[]> {
  const target = senderFrame(sender);
  if (!target) throw new RefusedMessage('readPageState: refused, the sender is not a page in a tab');
  try {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId: target.tabId, frameIds: [target.frameId] },
      world: 'MAIN',
      func: readAppStateGlobals,
      args: [[...APP_STATE_GLOBALS], MAX_CAPTURED_SCRIPT_CHARS],
    });
    return checkedTexts(injection?.result);
  } catch {
    return [];
  }
}

/**
 * What came back from the page's world, checked like any message: it ran where the page's code
 * runs. Only strings within the size cap are kept, and no more than one per global read.
 */
export function checkedTexts(result: unknown): string[] {
  if (!Array.isArray(result)) return [];
  const texts: string[] = [];
  for (const text of result) {
    if (typeof text === 'string' && text.length <= MAX_CAPTURED_SCRIPT_CHARS) texts.push(text);
    if (texts.length === MAX_STATE_TEXTS) break;
  }
  return texts;
}
