/**
 * `showPanel`: the content script read a posting and asks for the panel. The panel's UI (Preact)
 * is not part of the content script, which runs on every page of the sites and must stay small:
 * it is injected here, into the very frame that asked, only when a posting was found. Our host
 * permission covers the posting sites, the only pages our content script runs on.
 */
import { browser } from 'wxt/browser';
import { RefusedMessage, type SenderInfo } from '../messaging';

/** WXT's output name for entrypoints/panel.ts. */
export const PANEL_SCRIPT = '/panel.js';

/** What a message's sender tells about where it comes from (runtime.MessageSender). */
export interface PageSender extends SenderInfo {
  /** The frame of the tab that sent the message; 0 is the tab's top frame. */
  frameId?: number;
}

export interface PanelTarget {
  tabId: number;
  frameId: number;
}

export type InjectPanel = (target: PanelTarget) => Promise<void>;

/** Injects the panel into the sender's tab and frame; refuses a sender that is not in a tab. */
export async function showPanel(sender: PageSender, inject: InjectPanel = injectPanelScript): Promise<void> {
  const target = panelTarget(sender);
  if (!target) throw new RefusedMessage('showPanel: refused, the sender is not a page in a tab');
  await inject(target);
}

/** The sender's tab and frame, or null when it is not in a tab (an extension page, a worker). */
export function panelTarget(sender: PageSender): PanelTarget | null {
  const tab = sender.tab;
  if (typeof tab !== 'object' || tab === null) return null;
  const tabId: unknown = Reflect.get(tab, 'id');
  if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0) return null;
  const frameId = sender.frameId ?? 0;
  if (!Number.isInteger(frameId) || frameId < 0) return null;
  return { tabId, frameId };
}

async function injectPanelScript({ tabId, frameId }: PanelTarget): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [PANEL_SCRIPT] });
}
