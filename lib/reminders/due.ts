/**
 * What needs the candidate now: the popup's « À faire » list and the toolbar badge. Both read the
 * stored reminders, so what a blocked notification would have said is still in front of them.
 *
 * A due reminder stays « à faire » until what it asks is done: a deadline until the offer leaves
 * « À postuler » or closes, a follow-up until the next stage, a reminder of one's own until it is
 * removed. « Me le rappeler demain » takes it off the list until then.
 */
import { FINAL_STAGES } from '../application';
import type { Reminder, ReminderKind } from '../reminder';
import { effectiveFields, type SavedOffer } from '../saved-offer';
import { followUpMailto } from './format';
import { deadlineIsLive } from './schedule';
import { daysBetween, localDate } from './zoned-time';

/** Offers closing within this many days count on the badge. */
export const CLOSING_SOON_DAYS = 3;

export interface DueItem {
  /** Stable key for a list. */
  key: string;
  reminderId: string;
  offerId: string;
  kind: ReminderKind;
  /** Epoch ms when it fell due (or the end of its snooze). */
  dueAt: number;
  title: string;
  organization: string | null;
  /** Effective closing date `YYYY-MM-DD`, null when none is known. */
  closesAt: string | null;
  /** Calendar days until closing (0 = today), null without a closing date. */
  daysLeft: number | null;
  /** The candidate's own text (custom reminders), else null. */
  label: string | null;
  /** A prefilled follow-up e-mail (follow-ups with a contact address), else null. */
  mailto: string | null;
}

/** When a stored reminder is next due to show: its due time, or the end of its snooze. */
export function effectiveDueAt(reminder: Pick<Reminder, 'dueAt' | 'snoozedUntil'>): number {
  return Math.max(reminder.dueAt, reminder.snoozedUntil ?? 0);
}

/**
 * Of reminders falling due together, the ones worth a notification: per offer only the latest
 * deadline reminder (after a week away, « clôture dans 2 jours » says it all; « dans 7 jours » is
 * stale). The others count as shown with it.
 */
export function notifiable<T extends Pick<Reminder, 'id' | 'offerId' | 'kind' | 'dueAt'>>(due: readonly T[]): T[] {
  const latestDeadline = new Map<string, T>();
  for (const reminder of due) {
    if (reminder.kind !== 'deadline') continue;
    const current = latestDeadline.get(reminder.offerId);
    if (!current || reminder.dueAt > current.dueAt) latestDeadline.set(reminder.offerId, reminder);
  }
  return due.filter((reminder) => reminder.kind !== 'deadline' || latestDeadline.get(reminder.offerId) === reminder);
}

/** What is due at `now`, oldest first: the popup's « À faire ». */
export function dueItems(
  offers: readonly SavedOffer[],
  reminders: readonly Reminder[],
  now: number,
  timeZone: string,
): DueItem[] {
  const offersById = new Map(offers.map((offer) => [offer.id, offer]));
  const today = localDate(now, timeZone);
  const due = reminders.filter((reminder) => {
    if (effectiveDueAt(reminder) > now) return false;
    const offer = offersById.get(reminder.offerId);
    // Rows are reconciled after each write; these checks keep the list right in between.
    if (!offer) return false;
    if (reminder.kind === 'deadline') return deadlineIsLive(offer, today);
    if (reminder.kind === 'follow-up') return offer.application.stage === 'applied';
    return true;
  });
  return notifiable(due)
    .flatMap((reminder) => {
      const offer = offersById.get(reminder.offerId);
      return offer ? [toDueItem(reminder, offer, today)] : [];
    })
    .sort((a, b) => a.dueAt - b.dueAt || (a.key < b.key ? -1 : 1));
}

function toDueItem(reminder: Reminder, offer: SavedOffer, today: string): DueItem {
  const fields = effectiveFields(offer);
  return {
    key: reminder.id,
    reminderId: reminder.id,
    offerId: offer.id,
    kind: reminder.kind,
    dueAt: effectiveDueAt(reminder),
    title: fields.title,
    organization: fields.organization,
    closesAt: fields.closesAt,
    daysLeft: fields.closesAt === null ? null : daysBetween(today, fields.closesAt),
    label: reminder.kind === 'custom' ? reminder.label : null,
    mailto: reminder.kind === 'follow-up' ? followUpMailto(offer) : null,
  };
}

/** Saved offers still in play (not accepted, refused or abandoned, not closed or filled) closing within 3 days. */
export function closingSoon(offers: readonly SavedOffer[], now: number, timeZone: string): SavedOffer[] {
  const today = localDate(now, timeZone);
  return offers.filter((offer) => {
    if (FINAL_STAGES.includes(offer.application.stage)) return false;
    const { closesAt, status } = effectiveFields(offer);
    if (closesAt === null || status === 'closed' || status === 'filled') return false;
    const daysLeft = daysBetween(today, closesAt);
    return daysLeft >= 0 && daysLeft <= CLOSING_SOON_DAYS;
  });
}

/**
 * The badge's number: offers closing within 3 days plus what is due. A due deadline of an offer
 * already counted as closing soon is the same thing to do, so it is counted once.
 */
export function badgeCount(
  offers: readonly SavedOffer[],
  reminders: readonly Reminder[],
  now: number,
  timeZone: string,
): number {
  const things = new Set(closingSoon(offers, now, timeZone).map((offer) => offer.id));
  for (const item of dueItems(offers, reminders, now, timeZone)) {
    things.add(item.kind === 'deadline' ? item.offerId : item.key);
  }
  return things.size;
}

/** The badge shows nothing at zero, and stays short. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}
