/**
 * Everything the candidate owns, as the text of one backup file. Records are written as stored
 * (without the derived sort keys), not re-validated: a backup must never leave anything behind.
 */
import type { PostuloDb } from '../db';
import type { Settings } from '../settings';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupFile } from './format';
import { toSavedOffer } from './offer-row';

export async function collectBackup(db: PostuloDb, settings: Settings, now: Date = new Date()): Promise<BackupFile> {
  // One read transaction: offers and reminders from the same moment.
  const { offers, reminders } = await db.transaction('r', db.offers, db.reminders, async () => ({
    offers: await db.offers.toArray(),
    reminders: await db.reminders.toArray(),
  }));
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    offers: offers.map(toSavedOffer),
    reminders,
    settings,
  };
}

/** The backup file's text: indented, so a curious user can read it. */
export async function exportBackup(db: PostuloDb, settings: Settings, now: Date = new Date()): Promise<string> {
  return `${JSON.stringify(await collectBackup(db, settings, now), null, 2)}\n`;
}
