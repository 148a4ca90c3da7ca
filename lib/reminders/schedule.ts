/**
 * The pure schedule: one saved offer + the settings + now → the reminders it should have.
 *
 * Nothing here reads a clock, a time zone or a browser API: the caller passes them, so the
 * rules below are tested as tables. Each reminder's id is deterministic, so recomputing after any
 * change finds the same reminder again and the table keeps whether it was already shown.
 */
import type { Reminder } from '../reminder';
import { effectiveFields, type SavedOffer } from '../saved-offer';
import type { Settings } from '../settings';
import { addDays, localDate, zonedInstant } from './zoned-time';

/** A reminder as computed: whether it was shown or snoozed is the table's business (reconcile.ts). */
export type ScheduledReminder = Pick<Reminder, 'id' | 'offerId' | 'kind' | 'dueAt' | 'label'>;

/**
 * The closing date is part of a deadline reminder's id: when a post's closing date moves, its
 * reminders are new ones (the candidate wants to hear about the new date), while a change of
 * the reminder hour keeps the id and so does not show one again.
 */
export function deadlineReminderId(offerId: string, daysBefore: number, closesAt: string): string {
  return `${offerId}#deadline-${daysBefore}@${closesAt}`;
}

/** Keyed by the « Candidature envoyée » event's place in the history: editing its date keeps it, applying again makes a new one. */
export function followUpReminderId(offerId: string, historyIndex: number): string {
  return `${offerId}#follow-up-${historyIndex}`;
}

export function customReminderId(offerId: string, customId: string): string {
  return `${offerId}#custom-${customId}`;
}

/** The offer a reminder id belongs to (offer ids are canonical URLs, which never hold a '#'). */
export function offerIdOfReminder(reminderId: string): string {
  const hash = reminderId.indexOf('#');
  return hash < 0 ? reminderId : reminderId.slice(0, hash);
}

/** The reminders `saved` should have at `now`, earliest first. */
export function scheduleReminders(
  saved: SavedOffer,
  settings: Settings,
  now: number,
  timeZone: string,
): ScheduledReminder[] {
  return [
    ...deadlineReminders(saved, settings, now, timeZone),
    ...followUpReminders(saved, settings, timeZone),
    ...customReminders(saved),
  ].sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1));
}

/** True when a deadline still calls for action: the offer is at « À postuler », still open, not yet closed. */
export function deadlineIsLive(saved: SavedOffer, today: string): boolean {
  if (saved.application.stage !== 'to-apply') return false;
  const { closesAt, status } = effectiveFields(saved);
  if (closesAt === null || status === 'closed' || status === 'filled') return false;
  return closesAt >= today;
}

/**
 * Days before the closing date, at the configured local hour. A reminder that would have been
 * due before the offer was saved is left out: saving an offer that closes in two days must not
 * greet the candidate with a « dans 7 jours » notification (the badge already shows it).
 */
function deadlineReminders(saved: SavedOffer, settings: Settings, now: number, timeZone: string): ScheduledReminder[] {
  const rule = settings.deadlineReminders;
  if (!rule.enabled || !deadlineIsLive(saved, localDate(now, timeZone))) return [];
  const closesAt = effectiveFields(saved).closesAt;
  if (closesAt === null) return [];
  const savedAt = Date.parse(saved.savedAt);
  return [...new Set(rule.daysBefore)]
    .map((daysBefore) => ({
      id: deadlineReminderId(saved.id, daysBefore, closesAt),
      offerId: saved.id,
      kind: 'deadline' as const,
      dueAt: zonedInstant(addDays(closesAt, -daysBefore), rule.at, timeZone),
      label: String(daysBefore),
    }))
    .filter((reminder) => !(reminder.dueAt < savedAt));
}

/**
 * N days after « Candidature envoyée », while nothing has happened since. It falls at the hour the
 * candidate chose for reminders rather than at the minute they clicked, so it comes in the morning.
 */
function followUpReminders(saved: SavedOffer, settings: Settings, timeZone: string): ScheduledReminder[] {
  const { application } = saved;
  if (!settings.followUp.enabled || application.stage !== 'applied') return [];
  const index = application.history.findLastIndex((event) => event.stage === 'applied');
  const applied = application.history[index];
  if (!applied) return [];
  const appliedAt = Date.parse(applied.at);
  if (Number.isNaN(appliedAt)) return [];
  const day = addDays(localDate(appliedAt, timeZone), settings.followUp.afterDays);
  return [
    {
      id: followUpReminderId(saved.id, index),
      offerId: saved.id,
      kind: 'follow-up',
      dueAt: zonedInstant(day, settings.deadlineReminders.at, timeZone),
      label: null,
    },
  ];
}

/** The candidate's own reminders, whatever the stage: they asked for them. */
function customReminders(saved: SavedOffer): ScheduledReminder[] {
  return saved.application.reminders.flatMap((custom) => {
    const dueAt = Date.parse(custom.at);
    if (Number.isNaN(dueAt) || dueAt < 0) return [];
    return [
      {
        id: customReminderId(saved.id, custom.id),
        offerId: saved.id,
        kind: 'custom' as const,
        dueAt,
        label: custom.label,
      },
    ];
  });
}
