/**
 * Where a page message comes from: the tab and frame of the script in a page that sent it (the
 * posting reader, the panel, both injected by the background into the page's isolated world). The
 * handlers that act on the sender's own page (showPanel, readPageState) act there and nowhere else.
 */
import type { SenderInfo } from '../messaging';

/** What a message's sender tells about where it comes from (runtime.MessageSender). */
export interface PageSender extends SenderInfo {
  /** The frame of the tab that sent the message; 0 is the tab's top frame. */
  frameId?: number;
}

export interface FrameTarget {
  tabId: number;
  frameId: number;
}

/** The sender's tab and frame, or null when it is not in a tab (an extension page, a worker). */
export function senderFrame(sender: PageSender): FrameTarget | null {
  const tab = sender.tab;
  if (typeof tab !== 'object' || tab === null) return null;
  const tabId: unknown = Reflect.get(tab, 'id');
  if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0) return null;
  const frameId = sender.frameId ?? 0;
  if (!Number.isInteger(frameId) || frameId < 0) return null;
  return { tabId, frameId };
}
