/**
 * Telling the user what a save from the shortcut or the context menu did, since no page of ours
 * is open then: a mark on the toolbar icon for that tab for a few seconds, and a notification
 * (best effort: the badge alone still says it). Clicking the notification opens the offer.
 */
import { browser } from 'wxt/browser';
import type { Locale } from '../i18n';
import { formatIsoDate } from '../i18n';
import { stageName } from '../i18n/stages';
import type { SaveOutcome } from '../messaging';
import type { Offer } from '../offer';
import { backgroundText } from './texts';

/** How long the ✓ or ! stays on the icon before the usual badge (reminders) shows again. */
export const FEEDBACK_BADGE_MS = 4000;

const NOTIFICATION_PREFIX = 'postulo-saved:';
const SUCCESS_COLOR = '#18753c';
const FAILURE_COLOR = '#ce0500';
export interface NotificationText {
  title: string;
  message: string;
}

/** The words of a successful save: new or refreshed, its stage, and any change that matters. */
export function savedText(outcome: SaveOutcome, offer: Pick<Offer, 'title'>, locale: Locale): NotificationText {
  const lines = [
    backgroundText(locale, 'savedMessage', { title: offer.title, stage: stageName(locale, outcome.mark.stage) }),
  ];
  for (const change of outcome.changes) {
    if (change.field === 'status' && change.to === 'closed') lines.push(backgroundText(locale, 'nowClosed'));
    if (change.field === 'status' && change.to === 'filled') lines.push(backgroundText(locale, 'nowFilled'));
    if (change.field === 'closesAt' && typeof change.to === 'string') {
      lines.push(backgroundText(locale, 'closingMoved', { date: formatIsoDate(change.to, locale) }));
    }
  }
  return {
    title: backgroundText(locale, outcome.created ? 'savedTitle' : 'alreadySavedTitle'),
    message: lines.join('\n'),
  };
}

/** Why a save from the menu or the shortcut failed: the page could not be read, or the disk is full. */
export type SaveFailure = 'unreadable' | 'storage-full';

export function failedText(locale: Locale, failure: SaveFailure = 'unreadable'): NotificationText {
  if (failure === 'storage-full') {
    return { title: backgroundText(locale, 'storageFullTitle'), message: backgroundText(locale, 'storageFull') };
  }
  return { title: backgroundText(locale, 'failedTitle'), message: backgroundText(locale, 'failedMessage') };
}

export async function showSaved(tabId: number, outcome: SaveOutcome, offer: Pick<Offer, 'title'>, locale: Locale) {
  await Promise.all([
    flashBadge(tabId, '✓', SUCCESS_COLOR),
    notify(NOTIFICATION_PREFIX + outcome.mark.id, savedText(outcome, offer, locale)),
  ]);
}

export async function showFailure(tabId: number, locale: Locale, failure: SaveFailure = 'unreadable') {
  await Promise.all([
    flashBadge(tabId, '!', FAILURE_COLOR),
    notify(`${NOTIFICATION_PREFIX}failed`, failedText(locale, failure)),
  ]);
}

/** The offer behind one of our save notifications, or null (someone else's, or a failure's). */
export function offerIdOfNotification(notificationId: string): string | null {
  if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return null;
  const id = notificationId.slice(NOTIFICATION_PREFIX.length);
  return URL.canParse(id) ? id : null;
}

/** Firefox's MV2 build has `browserAction`, Chrome's MV3 `action`. */
function toolbarAction() {
  return browser.action ?? browser.browserAction;
}

async function flashBadge(tabId: number, text: string, color: string): Promise<void> {
  const action = toolbarAction();
  if (!action) return;
  try {
    await action.setBadgeBackgroundColor({ tabId, color });
    await action.setBadgeText({ tabId, text });
    setTimeout(() => {
      // No text for the tab: the badge falls back to the global one (the reminders' count).
      action.setBadgeText({ tabId }).catch(() => undefined);
    }, FEEDBACK_BADGE_MS);
  } catch (error) {
    // The tab may have closed meanwhile.
    console.warn('Postulo: badge feedback failed', error);
  }
}

async function notify(id: string, text: NotificationText): Promise<void> {
  try {
    // Chrome refuses a notification without an icon: the toolbar's own.
    await browser.notifications.create(id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      ...text,
    });
  } catch (error) {
    console.warn('Postulo: save notification failed', error);
  }
}
