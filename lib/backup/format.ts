/**
 * The backup file: one JSON document holding everything the candidate owns (saved offers with
 * their history and notes, reminders, settings), so it can move to another computer whole.
 *
 * The format is versioned. This file describes the CURRENT version only; older versions are
 * upgraded to it by `migrate.ts` before this schema judges them. Bump `BACKUP_VERSION` (and add a
 * migration) whenever a change to the stored records would make an old file fail this schema.
 */
import { z } from 'zod';
import { Instant } from '../application';
import { Reminder } from '../reminder';
import { SavedOffer } from '../saved-offer';
import { Settings } from '../settings';

/** Identifies a Postulo backup among all the JSON files a user may pick. */
export const BACKUP_FORMAT = 'postulo-backup';
export const BACKUP_VERSION = 1;

/** Files larger than this are refused before being read: no real history comes near it. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

export const BackupFile = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    exportedAt: Instant,
    offers: z.array(SavedOffer),
    reminders: z.array(Reminder),
    settings: Settings,
  })
  .superRefine((file, ctx) => {
    // Two records with one key cannot both be restored: the file is damaged, say where.
    reportDuplicates(
      file.offers.map((offer) => offer.id),
      'offers',
      'id',
      ctx,
    );
    reportDuplicates(
      file.reminders.map((reminder) => reminder.id),
      'reminders',
      'id',
      ctx,
    );
  });
export type BackupFile = z.infer<typeof BackupFile>;

function reportDuplicates(keys: string[], list: string, field: string, ctx: z.RefinementCtx): void {
  const firstIndex = new Map<string, number>();
  keys.forEach((key, index) => {
    const first = firstIndex.get(key);
    if (first === undefined) {
      firstIndex.set(key, index);
      return;
    }
    ctx.addIssue({
      code: 'custom',
      path: [list, index, field],
      message: `same ${field} as ${list}[${first}]`,
    });
  });
}

/** The name the exported file gets, dated (local day) so successive backups do not overwrite each other. */
export function backupFileName(exportedAt: Date): string {
  const day = [
    exportedAt.getFullYear(),
    String(exportedAt.getMonth() + 1).padStart(2, '0'),
    String(exportedAt.getDate()).padStart(2, '0'),
  ].join('-');
  return `postulo-sauvegarde-${day}.json`;
}
