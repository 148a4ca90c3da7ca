/**
 * What the background's handlers work with. The browser-facing parts are functions here, so the
 * handlers are plain functions of (payload, context) that tests run with a fake context.
 */
import { browser } from 'wxt/browser';
import type { PostuloDb } from '../db';
import type { Extraction } from '../extract';
import { type Locale, type LocaleSetting, resolveLocale } from '../i18n';
import { loadSettings } from '../settings-store';
import { afterWrite } from './after-write';
import { openOfferView } from './open-offer';
import { activeTabId, readTab } from './read-tab';

export interface BackgroundContext {
  db: PostuloDb;
  now(): Date;
  /** Our extension id and origin (`chrome-extension://<id>/`): who may send what. */
  runtimeId: string;
  extensionOrigin: string;
  /** Injects `read-page` into a tab; throws UnreadableTabError when it cannot. */
  readTab(tabId: number): Promise<Extraction>;
  activeTabId(): Promise<number | undefined>;
  openOffer(id: string): Promise<void>;
  /** Run after every successful write. */
  afterWrite(): Promise<void>;
  /** The language of what the background shows (menu, notifications): the settings', else the browser's. */
  locale(): Promise<Locale>;
}

export function browserContext(db: PostuloDb): BackgroundContext {
  return {
    db,
    now: () => new Date(),
    runtimeId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL(''),
    readTab,
    activeTabId,
    openOffer: openOfferView,
    afterWrite: () => afterWrite(db),
    locale: async () => resolveLocale(await localeSetting(), uiLanguage()),
  };
}

/** The language chosen in the options; 'auto' when the settings cannot be read. */
async function localeSetting(): Promise<LocaleSetting> {
  try {
    return (await loadSettings()).locale;
  } catch {
    return 'auto';
  }
}

function uiLanguage(): string | undefined {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return undefined;
  }
}
