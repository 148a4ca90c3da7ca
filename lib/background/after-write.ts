/**
 * The one hook run after every successful write of saved offers (save, edit, stage, delete…):
 * whatever derives from the offers (reminders, the badge) is brought up to date here.
 */
import type { PostuloDb } from '../db';
import { reconcileReminders } from '../reminders';

export async function afterWrite(db: PostuloDb): Promise<void> {
  // Reconciles the reminders table, notifies what fell due, redraws the badge, re-arms the alarms.
  await reconcileReminders(db);
}
