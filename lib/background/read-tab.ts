/**
 * Reading a tab on demand: inject `read-page` (activeTab, or our host permission) and check what
 * comes back. What the page itself cannot give (no title found) falls back to the tab's title:
 * the candidate corrects it later in the popup.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import type { Extraction } from '../extract';
import { emptyOfferFields, Offer } from '../offer';
import { canonicalUrl, isWebUrl } from '../url';

/** WXT's output name for entrypoints/read-page.ts. */
export const READ_PAGE_SCRIPT = '/read-page.js';

/** The tab cannot be read: a browser page, the extension store, a PDF, or no permission. */
export class UnreadableTabError extends Error {
  override name = 'UnreadableTabError';
}

/** What the background knows of a tab without reading it. */
export interface TabFacts {
  url?: string;
  title?: string;
}

const TITLE_MAX = 500;

/** Injects `read-page` into the tab and returns its checked, completed reading. */
export async function readTab(tabId: number): Promise<Extraction> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!tab?.url || !isWebUrl(tab.url)) throw new UnreadableTabError(`Tab ${tabId} shows no web page`);
  let result: unknown;
  try {
    const [first] = await browser.scripting.executeScript({ target: { tabId }, files: [READ_PAGE_SCRIPT] });
    result = first?.result;
  } catch (error) {
    throw new UnreadableTabError(`Tab ${tabId} cannot be read: ${error instanceof Error ? error.message : error}`);
  }
  return completeReading(result, { url: tab.url, title: tab.title });
}

const InjectedResult = z.object({ isPosting: z.boolean(), offer: z.unknown() });

/**
 * The injected script's answer, checked like any message (it ran inside a page we do not
 * control), with the tab's title for a title the page did not give. Never null when the tab
 * shows a web page: the user asked to save it, so at least its address and title are kept.
 */
export function completeReading(result: unknown, tab: TabFacts): Extraction {
  const injected = InjectedResult.safeParse(result);
  const offer = injected.success ? Offer.safeParse(injected.data.offer) : null;
  const isPosting = injected.success && injected.data.isPosting;
  if (offer?.success) {
    const title = tabTitle(tab);
    const titleFound = offer.data.provenance.title !== undefined;
    return { isPosting, offer: titleFound || !title ? offer.data : { ...offer.data, title } };
  }
  if (!tab.url || !isWebUrl(tab.url)) throw new UnreadableTabError('The tab has no web address');
  const url = canonicalUrl(tab.url);
  const title = tabTitle(tab) ?? new URL(url).hostname;
  return { isPosting, offer: { ...emptyOfferFields(title), url, source: 'generic', provenance: {} } };
}

/** The active tab of the window the user is in. */
export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id;
}

function tabTitle(tab: TabFacts): string | null {
  const title = tab.title?.replace(/\s+/g, ' ').trim().slice(0, TITLE_MAX).trim();
  return title ? title : null;
}
