/**
 * The background: the only context that writes the database. Messages, the context menu and
 * the keyboard command all end in lib/offers-repo.ts; every write ends in the after-write hook,
 * which wakes the reminder service (reminders table, notifications, badge, alarms). It also brings
 * the posting reader to the posting sites' tabs once they have loaded (./posting-reader.ts).
 */
import { browser } from 'wxt/browser';
import { getDb } from '../db';
import { watchSettings } from '../settings-store';
import { browserContext } from './context';
import { createSaveMenu, registerSaveGestures } from './gestures';
import { registerPostingReader } from './posting-reader';
import { registerMessageHandlers } from './register';
import { startBackgroundReminders } from './reminders';

export type { BackgroundContext } from './context';
export { receiveMessage } from './handlers';
export { readActiveTab, saveActiveTab, saveTab } from './save-tab';

/** Registers every listener; call once, synchronously, at the background's start. */
export function startBackground(): void {
  const ctx = browserContext(getDb());
  registerMessageHandlers(ctx);
  registerSaveGestures(ctx);
  // The posting reader, into posting-site tabs once they have loaded.
  registerPostingReader();
  // Follows the options page live: the service re-reads the settings itself on every change.
  startBackgroundReminders(ctx, browser);
  // The menu's words follow the language chosen in the options, without a reload.
  watchSettings(() => void createSaveMenu(ctx).catch((error) => console.warn('Postulo: menu not renamed', error)));
}
