/**
 * The words of Postulo's notifications, French first, English when the settings say so. A small
 * table of its own strings (its sentences take numbers and dates); page text (role, organisation)
 * goes in as plain text: notifications never render HTML.
 */
import type { Locale } from '../i18n';
import type { Reminder } from '../reminder';
import { effectiveFields, type SavedOffer } from '../saved-offer';
import { daysBetween, localDate } from './zoned-time';

/** What a notification button does. */
export type ReminderAction = 'open' | 'mark-applied' | 'mark-followed-up' | 'snooze';

const STRINGS = {
  fr: {
    closesToday: 'Dernier jour pour postuler',
    closesTomorrow: 'Clôture demain',
    closesIn: (days: number) => `Clôture dans ${days} jours`,
    until: (date: string) => `candidatures jusqu'au ${date}`,
    followUpTitle: 'Pensez à relancer',
    appliedAgo: (days: number) =>
      days <= 0 ? "candidature envoyée aujourd'hui" : `candidature envoyée il y a ${days} jour${days > 1 ? 's' : ''}`,
    writeTo: (email: string, subject: string) => `Écrire à ${email}, objet « ${subject} »`,
    actions: {
      open: "Ouvrir l'offre",
      'mark-applied': 'Marquer comme envoyée',
      'mark-followed-up': 'Relance faite',
      snooze: 'Me le rappeler demain',
    },
  },
  en: {
    closesToday: 'Last day to apply',
    closesTomorrow: 'Closes tomorrow',
    closesIn: (days: number) => `Closes in ${days} days`,
    until: (date: string) => `applications until ${date}`,
    followUpTitle: 'Time to follow up',
    appliedAgo: (days: number) => (days <= 0 ? 'applied today' : `applied ${days} day${days > 1 ? 's' : ''} ago`),
    writeTo: (email: string, subject: string) => `Write to ${email}, subject “${subject}”`,
    actions: {
      open: 'Open the offer',
      'mark-applied': 'Mark as sent',
      'mark-followed-up': 'Followed up',
      snooze: 'Remind me tomorrow',
    },
  },
} as const;

export function actionLabel(action: ReminderAction, locale: Locale): string {
  return STRINGS[locale].actions[action];
}

/**
 * The buttons of a reminder's notification, at most two (Chrome shows no more); a click on the
 * notification itself opens the offer, so « Ouvrir l'offre » is a button only where a slot is free.
 */
export function actionsFor(kind: Reminder['kind']): ReminderAction[] {
  switch (kind) {
    case 'deadline':
      return ['mark-applied', 'snooze'];
    case 'follow-up':
      return ['mark-followed-up', 'snooze'];
    case 'custom':
      return ['open', 'snooze'];
  }
}

/** A calendar date as the candidate reads it: « mardi 14 avril 2026 ». */
export function formatCalendarDate(date: string, locale: Locale): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  // The date is a calendar day, not an instant: format it in UTC so no zone shifts it.
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'full', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

/**
 * A follow-up e-mail to the offer's contact, or null without an address. The subject stays
 * French whatever the interface language: it is written to a French public employer.
 */
export function followUpMailto(saved: SavedOffer): string | null {
  const fields = effectiveFields(saved);
  const email = fields.contact?.email;
  if (!email) return null;
  return `mailto:${email}?subject=${encodeURIComponent(followUpSubject(fields.title))}`;
}

export function followUpSubject(role: string): string {
  return `Relance : ${role}`;
}

export interface NotificationText {
  title: string;
  message: string;
}

/** Title and message of `reminder`'s notification, worded at `now` (« demain », « il y a 10 jours »). */
export function notificationText(
  reminder: Pick<Reminder, 'kind' | 'label'>,
  saved: SavedOffer,
  locale: Locale,
  now: number,
  timeZone: string,
): NotificationText {
  const strings = STRINGS[locale];
  const fields = effectiveFields(saved);
  const today = localDate(now, timeZone);
  const offerLine = fields.organization ? `${fields.title} — ${fields.organization}` : fields.title;
  switch (reminder.kind) {
    case 'deadline': {
      if (fields.closesAt === null) return { title: offerLine, message: '' };
      const daysLeft = daysBetween(today, fields.closesAt);
      const title =
        daysLeft <= 0 ? strings.closesToday : daysLeft === 1 ? strings.closesTomorrow : strings.closesIn(daysLeft);
      return { title, message: `${offerLine}\n${strings.until(formatCalendarDate(fields.closesAt, locale))}` };
    }
    case 'follow-up': {
      const applied = saved.application.history.findLast((event) => event.stage === 'applied');
      const parts = [offerLine];
      if (applied) parts.push(strings.appliedAgo(daysBetween(localDate(Date.parse(applied.at), timeZone), today)));
      const email = fields.contact?.email;
      if (email) parts.push(strings.writeTo(email, followUpSubject(fields.title)));
      return { title: strings.followUpTitle, message: parts.join('\n') };
    }
    case 'custom':
      return { title: reminder.label ?? offerLine, message: offerLine };
  }
}
