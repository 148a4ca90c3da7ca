/**
 * Brings the posting reader (entrypoints/posting-reader/) to the pages of the posting sites once
 * they have loaded. It is not a manifest content script: Chrome runs document_idle scripts before
 * the load event on pages whose sub-resources are done, and the first run of any isolated-world
 * script costs the page 2.5–3 ms of its main thread, however small the script. Injected from here
 * when the tab reports `status: 'complete'`, nothing of Postulo runs in the page before its load
 * event has finished.
 *
 * - The tab's top frame only, as the manifest's content script was.
 * - A tab whose load never completes (an image that never arrives) still gets the reader 5 s
 *   after its load began.
 * - The reader is injected again on every 'complete' of the same document (a client-side
 *   navigation, a back/forward cache restore, the 5 s fallback then the real load): it does nothing
 *   then, the running copy re-reads the page itself.
 * - Firefox calls the listener only for tabs of the posting sites whose status changed (the event's
 *   filter), so the background does not wake for other sites; Chrome takes no filter for this
 *   event, calls it for every tab update, and the address is checked here in both.
 * - Tabs already open on the sites when Postulo is installed or updated get the reader at once,
 *   as they would have had to be reloaded otherwise (Chrome never injects manifest content
 *   scripts into them either).
 * - No new permission: `tab.url` is given for the hosts we hold a permission for (and only for
 *   them, without the `tabs` permission), and `scripting` is the panel's.
 */
import { browser } from 'wxt/browser';
import { isPostingSiteUrl, POSTING_SITE_MATCHES } from '../sites';

/** WXT's output name for entrypoints/posting-reader/index.ts. */
export const POSTING_READER_SCRIPT = '/posting-reader.js';

/** How long after a posting-site tab began loading the reader is injected, loaded or not. */
export const LOAD_FALLBACK_MS = 5000;

interface TabInfo {
  url?: string;
}
interface TabChange {
  status?: string;
}
type UpdatedListener = (tabId: number, changeInfo: TabChange, tab: TabInfo) => void;
type RemovedListener = (tabId: number) => void;
type InstalledListener = (details: { reason: string }) => void;

interface BrowserEvent<L> {
  addListener(listener: L, ...filter: unknown[]): void;
  removeListener(listener: L): void;
}

/** The part of the browser this module uses. */
export interface ReaderBrowser {
  tabs: {
    onUpdated: BrowserEvent<UpdatedListener>;
    onRemoved: BrowserEvent<RemovedListener>;
    query(query: { url: string[]; status: 'complete' }): Promise<{ id?: number; url?: string }[]>;
  };
  runtime: { onInstalled: BrowserEvent<InstalledListener> };
  scripting: {
    executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown>;
  };
}

/** What Firefox may filter `tabs.onUpdated` by: our sites, status changes only. */
export const POSTING_TAB_FILTER = { urls: POSTING_SITE_MATCHES, properties: ['status'] };

/**
 * Registers the listeners; call once, synchronously, at the background's start (a service
 * worker or event page is woken only for listeners registered then). Returns a function that
 * removes them and their timers.
 */
export function registerPostingReader(api: ReaderBrowser = browser as unknown as ReaderBrowser): () => void {
  const fallbacks = new Map<number, ReturnType<typeof setTimeout>>();

  const cancelFallback = (tabId: number) => {
    clearTimeout(fallbacks.get(tabId));
    fallbacks.delete(tabId);
  };
  const inject = (tabId: number) => {
    cancelFallback(tabId);
    void injectReader(api, tabId);
  };

  const onUpdated: UpdatedListener = (tabId, { status }, tab) => {
    if (status === undefined) return;
    if (!isPostingSiteUrl(tab.url)) {
      // Gone to another site (or to one we may not see): no reader is owed there.
      cancelFallback(tabId);
      return;
    }
    if (status === 'complete') inject(tabId);
    else if (status === 'loading') {
      cancelFallback(tabId);
      fallbacks.set(
        tabId,
        setTimeout(() => inject(tabId), LOAD_FALLBACK_MS),
      );
    }
  };
  const onRemoved: RemovedListener = (tabId) => cancelFallback(tabId);
  const onInstalled: InstalledListener = () => void injectIntoOpenTabs(api);

  addFilteredListener(api.tabs.onUpdated, onUpdated, POSTING_TAB_FILTER);
  api.tabs.onRemoved.addListener(onRemoved);
  api.runtime.onInstalled.addListener(onInstalled);
  return () => {
    api.tabs.onUpdated.removeListener(onUpdated);
    api.tabs.onRemoved.removeListener(onRemoved);
    api.runtime.onInstalled.removeListener(onInstalled);
    for (const timer of fallbacks.values()) clearTimeout(timer);
    fallbacks.clear();
  };
}

/** The reader into every loaded tab of the posting sites (after an install or an update). */
export async function injectIntoOpenTabs(api: ReaderBrowser): Promise<void> {
  try {
    const tabs = await api.tabs.query({ url: [...POSTING_SITE_MATCHES], status: 'complete' });
    await Promise.all(
      tabs.flatMap((tab) => (tab.id !== undefined && isPostingSiteUrl(tab.url) ? [injectReader(api, tab.id)] : [])),
    );
  } catch (error) {
    console.debug('Postulo: open posting tabs not listed', error);
  }
}

/**
 * Adds `listener` with `filter` where the browser takes one (Firefox), without where it refuses it
 * (Chrome throws on any second argument to `tabs.onUpdated.addListener`).
 */
function addFilteredListener<L>(event: BrowserEvent<L>, listener: L, filter: object): void {
  try {
    event.addListener(listener, filter);
  } catch {
    event.addListener(listener);
  }
}

/**
 * Injects the reader into the tab's top frame. A failure is expected now and then (the tab was
 * closed or went to another site meanwhile, a browser page, no permission) and changes nothing:
 * it is logged for whoever debugs, never thrown.
 */
export async function injectReader(api: ReaderBrowser, tabId: number): Promise<void> {
  try {
    await api.scripting.executeScript({ target: { tabId }, files: [POSTING_READER_SCRIPT] });
  } catch (error) {
    console.debug(`Postulo: posting reader not injected into tab ${tabId}`, error);
  }
}
