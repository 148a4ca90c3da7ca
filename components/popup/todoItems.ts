/**
 * What « À faire » lists: every reminder that is due (lib/reminders' `dueItems`) and every offer
 * the toolbar badge counts as closing soon, so the section always explains the badge's number —
 * even when the due reminder was left out (an offer saved the day before it closes) or when the
 * system blocks notifications.
 */
import type { Stage } from '../../lib/application';
import type { PostuloDb } from '../../lib/db';
import type { Reminder, ReminderKind } from '../../lib/reminder';
import { closingSoon, dueItems } from '../../lib/reminders';
import { CLOSING_SOON_DAYS } from '../../lib/reminders/due';
import { customReminderId } from '../../lib/reminders/schedule';
import { addDays, daysBetween, localDate } from '../../lib/reminders/zoned-time';
import { effectiveFields, type SavedOffer } from '../../lib/saved-offer';
import { mailtoHref } from './links';

export interface TodoEntry {
  /** Stable key for the list. */
  key: string;
  offerId: string;
  /** A closing-soon offer with no due reminder is shown as a deadline. */
  kind: ReminderKind;
  /** The offer's current stage: « Marquer comme envoyée » only makes sense at « À postuler ». */
  stage: Stage;
  title: string;
  organization: string | null;
  closesAt: string | null;
  /** Calendar days until closing (0 = today), null without a closing date. */
  daysLeft: number | null;
  /** When a reminder fell due (epoch ms); null for an offer listed because it closes soon. */
  dueAt: number | null;
  /** The candidate's own text (custom reminders). */
  label: string | null;
  /** The candidate's own reminder's id on the offer, to remove it once done. */
  customId: string | null;
  /** Local day of the last « Candidature envoyée » (follow-ups). */
  appliedOn: string | null;
  /** The prefilled follow-up e-mail, only when the address is a plain e-mail address. */
  mailto: string | null;
}

/** The rows « À faire » needs at `now`: reminders that may be due and the offers they and the badge concern. */
export async function readTodoRows(
  db: PostuloDb,
  now: number,
  timeZone: string,
): Promise<{ offers: SavedOffer[]; reminders: Reminder[] }> {
  const today = localDate(now, timeZone);
  // A snooze only ever pushes a reminder later, so a due one always has `dueAt <= now`.
  const reminders = await db.reminders.where('dueAt').belowOrEqual(now).toArray();
  const soon = await db.offers
    .where('closesAt')
    .between(today, addDays(today, CLOSING_SOON_DAYS), true, true)
    .toArray();
  const known = new Set(soon.map((row) => row.id));
  const missing = [...new Set(reminders.map((reminder) => reminder.offerId))].filter((id) => !known.has(id));
  const others = (await db.offers.bulkGet(missing)).filter((row) => row !== undefined);
  return { offers: [...soon, ...others], reminders };
}

/**
 * Due reminders first (oldest first, as `dueItems` orders them), then the offers closing soon
 * that no due deadline already stands for, nearest closing first. As many entries as the
 * badge's number.
 */
export function todoEntries(
  offers: readonly SavedOffer[],
  reminders: readonly Reminder[],
  now: number,
  timeZone: string,
): TodoEntry[] {
  const offersById = new Map(offers.map((offer) => [offer.id, offer]));
  const today = localDate(now, timeZone);
  const due = dueItems(offers, reminders, now, timeZone).flatMap((item): TodoEntry[] => {
    const offer = offersById.get(item.offerId);
    if (!offer) return [];
    return [
      {
        ...entryOf(offer, item.kind, today, timeZone),
        key: item.key,
        dueAt: item.dueAt,
        label: item.label,
        customId: item.kind === 'custom' ? customIdOf(offer, item.reminderId) : null,
        mailto: safeMailto(item.mailto, offer),
      },
    ];
  });
  const coveredDeadlines = new Set(due.filter((entry) => entry.kind === 'deadline').map((entry) => entry.offerId));
  const soon = closingSoon(offers, now, timeZone)
    .filter((offer) => !coveredDeadlines.has(offer.id))
    .map((offer) => ({ ...entryOf(offer, 'deadline', today, timeZone), key: `${offer.id}#closing-soon` }))
    .sort((a, b) => (a.daysLeft ?? 0) - (b.daysLeft ?? 0) || (a.key < b.key ? -1 : 1));
  return [...due, ...soon];
}

function entryOf(offer: SavedOffer, kind: ReminderKind, today: string, timeZone: string): TodoEntry {
  const fields = effectiveFields(offer);
  const applied = offer.application.history.findLast((event) => event.stage === 'applied');
  const appliedAt = applied ? Date.parse(applied.at) : Number.NaN;
  return {
    key: offer.id,
    offerId: offer.id,
    kind,
    stage: offer.application.stage,
    title: fields.title,
    organization: fields.organization,
    closesAt: fields.closesAt,
    daysLeft: fields.closesAt === null ? null : daysBetween(today, fields.closesAt),
    dueAt: null,
    label: null,
    customId: null,
    appliedOn: kind === 'follow-up' && !Number.isNaN(appliedAt) ? localDate(appliedAt, timeZone) : null,
    mailto: null,
  };
}

function customIdOf(offer: SavedOffer, reminderId: string): string | null {
  return offer.application.reminders.find((custom) => customReminderId(offer.id, custom.id) === reminderId)?.id ?? null;
}

/** Page text ends up in the address: keep the link only when the contact is a plain e-mail address. */
function safeMailto(mailto: string | null, offer: SavedOffer): string | null {
  if (!mailto?.startsWith('mailto:')) return null;
  return mailtoHref(effectiveFields(offer).contact?.email) ? mailto : null;
}
