/**
 * `showPanel`: the posting reader read a posting and asks for the panel. The panel's UI (Preact)
 * is not part of the reader, which runs on every page of the sites and must stay small: it is
 * injected here, into the very frame that asked, only when a posting was found. Our host
 * permission covers the posting sites, the only pages the reader is injected into.
 */
import { browser } from 'wxt/browser';
import { RefusedMessage } from '../messaging';
import { type FrameTarget, type PageSender, senderFrame } from './sender';

/** WXT's output name for entrypoints/panel.ts. */
export const PANEL_SCRIPT = '/panel.js';

export type InjectPanel = (target: FrameTarget) => Promise<void>;

/** Injects the panel into the sender's tab and frame; refuses a sender that is not in a tab. */
export async function showPanel(sender: PageSender, inject: InjectPanel = injectPanelScript): Promise<void> {
  const target = senderFrame(sender);
  if (!target) throw new RefusedMessage('showPanel: refused, the sender is not a page in a tab');
  await inject(target);
}

async function injectPanelScript({ tabId, frameId }: FrameTarget): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [PANEL_SCRIPT] });
}
