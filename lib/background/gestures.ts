/**
 * The two ways to save a page without opening the popup: the context menu item
 * « Enregistrer cette offre dans Postulo » on any web page, and the `save-offer` keyboard command.
 * Both grant activeTab for the tab, so `read-page` can be injected even on sites we have no
 * permission for.
 */
import { browser } from 'wxt/browser';
import { isQuotaError } from '../storage-full';
import type { BackgroundContext } from './context';
import { offerIdOfNotification, showFailure, showSaved } from './feedback';
import { saveTab } from './save-tab';
import { backgroundText } from './texts';

export const SAVE_MENU_ID = 'postulo-save-offer';
/** The `commands` entry of the manifest. */
export const SAVE_COMMAND = 'save-offer';
/** Web pages only: the menu is useless where no extension may read (browser pages). */
const WEB_PAGES = ['http://*/*', 'https://*/*'];

/** Saves the tab and tells the user how it went; never throws (it runs from an event). */
export async function saveTabAndTell(ctx: BackgroundContext, tabId: number): Promise<void> {
  const locale = await ctx.locale();
  try {
    const outcome = await saveTab(ctx, tabId);
    const saved = await ctx.db.offers.get(outcome.mark.id);
    await showSaved(tabId, outcome, { title: saved?.application.edits.title ?? saved?.page.title ?? '' }, locale);
  } catch (error) {
    console.warn('Postulo: saving the tab failed', error);
    await showFailure(tabId, locale, isQuotaError(error) ? 'storage-full' : 'unreadable');
  }
}

/** Registers the listeners (synchronously, as a service worker must) and (re)creates the menu. */
export function registerSaveGestures(ctx: BackgroundContext): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SAVE_MENU_ID && tab?.id !== undefined && tab.id >= 0) void saveTabAndTell(ctx, tab.id);
  });
  // Only with the manifest's `commands` entry: Chromium drops the extension's process on the next
  // runtime message when onCommand is listened to without it.
  if (declaresCommand(SAVE_COMMAND)) listenToCommand(ctx);
  browser.notifications.onClicked.addListener((notificationId) => {
    const offerId = offerIdOfNotification(notificationId);
    if (offerId === null) return;
    void Promise.all([ctx.openOffer(offerId), browser.notifications.clear(notificationId)]).catch((error) =>
      console.warn('Postulo: opening the saved offer failed', error),
    );
  });
  void createSaveMenu(ctx).catch((error) => console.warn('Postulo: context menu not created', error));
}

function listenToCommand(ctx: BackgroundContext): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== SAVE_COMMAND) return;
    void (async () => {
      const tabId = tab?.id ?? (await ctx.activeTabId());
      if (tabId !== undefined) await saveTabAndTell(ctx, tabId);
    })();
  });
}

/** True when the manifest declares the keyboard command `name`. */
export function declaresCommand(name: string): boolean {
  try {
    return browser.runtime.getManifest().commands?.[name] !== undefined;
  } catch {
    return false;
  }
}

/** Menus outlive a service worker in Chrome, not always in Firefox: remove, then create. */
export async function createSaveMenu(ctx: BackgroundContext): Promise<void> {
  const title = backgroundText(await ctx.locale(), 'menuSave');
  await browser.contextMenus.removeAll();
  await new Promise<void>((resolve, reject) => {
    browser.contextMenus.create({ id: SAVE_MENU_ID, title, contexts: ['page'], documentUrlPatterns: WEB_PAGES }, () => {
      const error = browser.runtime.lastError;
      if (error) reject(new Error(error.message));
      else resolve();
    });
  });
}
