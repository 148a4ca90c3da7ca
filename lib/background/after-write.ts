/**
 * The one hook run after every successful write of saved offers (save, edit, stage, delete…):
 * whatever derives from the offers (reminders, the badge) is brought up to date here.
 */
import type { PostuloDb } from '../db';

export async function afterWrite(_db: PostuloDb): Promise<void> {
  // The reminders service connects here: `await reconcileReminders(db)` from lib/reminders.
}
