/**
 * Connects the reminder service (lib/reminders) to the background: the notification buttons
 * « Marquer comme envoyée » / « Relance faite » move the stage exactly as the popup's message
 * does — through the repository, then the after-write hook — so the history, the derived keys
 * and the reminders all follow.
 */
import type { Stage } from '../application';
import { setStage } from '../offers-repo';
import { type ReminderService, startReminderService } from '../reminders';
import type { ReminderBrowser } from '../reminders/browser-api';
import type { BackgroundContext } from './context';
import { runAfterWrite } from './save-tab';

/** The icon shipped with the extension (assets/public/icon/), shown in every reminder. */
export const NOTIFICATION_ICON_PATH = '/icon/128.png';

/** Starts the reminder service on the background's database; call synchronously at start. */
export function startBackgroundReminders(ctx: BackgroundContext, browser: ReminderBrowser): ReminderService {
  return startReminderService({
    db: ctx.db,
    browser,
    iconUrl: browser.runtime.getURL(NOTIFICATION_ICON_PATH),
    setStage: async (offerId: string, stage: Stage) => {
      const now = ctx.now();
      await setStage(ctx.db, offerId, { stage, at: now.toISOString() }, now);
      await runAfterWrite(ctx);
    },
  });
}
