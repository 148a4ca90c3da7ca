/**
 * The background: the only context that writes the database. Messages, the context menu and
 * the keyboard command all end in lib/offers-repo.ts.
 */
import { getDb } from '../db';
import { browserContext } from './context';
import { registerSaveGestures } from './gestures';
import { registerMessageHandlers } from './register';

export type { BackgroundContext } from './context';
export { receiveMessage } from './handlers';
export { readActiveTab, saveActiveTab, saveTab } from './save-tab';

/** Registers every listener; call once, synchronously, at the background's start. */
export function startBackground(): void {
  const ctx = browserContext(getDb());
  registerMessageHandlers(ctx);
  registerSaveGestures(ctx);
}
