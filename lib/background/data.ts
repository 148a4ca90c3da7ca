/**
 * The options page's two whole-data operations, run in the background (the only context that
 * writes the database): restoring a backup and deleting everything. Both end like every write,
 * with the after-write hook, so reminders and the badge follow at once.
 */
import { restoreBackup } from '../backup/restore';
import type { MessageData, RestoreAnswer } from '../messaging';
import { DEFAULT_SETTINGS } from '../settings';
import { loadSettings, saveSettings } from '../settings-store';
import type { BackgroundContext } from './context';
import { runAfterWrite } from './save-tab';

/**
 * Validates the whole file, then merges or replaces in one transaction (lib/backup/restore.ts).
 * A bad file is answered, not thrown: the page shows where and why, and nothing changed.
 */
export async function restoreFromBackup(
  { text, mode }: MessageData<'restoreBackup'>,
  ctx: BackgroundContext,
): Promise<RestoreAnswer> {
  const outcome = await restoreBackup(ctx.db, text, { mode, currentSettings: await loadSettings() });
  if (!outcome.ok) {
    const { code, message, path } = outcome.problem;
    return path === undefined ? { ok: false, code, message } : { ok: false, code, message, path };
  }
  const report = outcome.value;
  // The database is restored; the settings go with it (the file's on replace, ours on merge).
  await saveSettings(report.settings);
  await runAfterWrite(ctx);
  return {
    ok: true,
    offers: { added: report.offers.added, updated: report.offers.updated, unchanged: report.offers.unchanged },
    reminders: report.reminders.added + report.reminders.updated,
  };
}

/** « Supprimer toutes mes données »: every offer and reminder in one transaction, settings back to defaults. */
export async function deleteAllData(_data: MessageData<'deleteAllData'>, ctx: BackgroundContext): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', db.offers, db.reminders, async () => {
    await db.offers.clear();
    await db.reminders.clear();
  });
  await saveSettings(structuredClone(DEFAULT_SETTINGS));
  await runAfterWrite(ctx);
}
