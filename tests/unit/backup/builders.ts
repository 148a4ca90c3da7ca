/** Hand-made records for table tests: a valid saved offer, with only what a case cares about changed. */
import type { Application, StageEvent } from '../../../lib/application';
import { emptyOfferFields } from '../../../lib/offer';
import type { Reminder } from '../../../lib/reminder';
import type { SavedOffer } from '../../../lib/saved-offer';

export const OFFER_URL = 'https://beta.gouv.fr/recrutement/2026/03/01/dev-fullstack';

export function event(stage: StageEvent['stage'], at: string, note?: string): StageEvent {
  return note === undefined ? { stage, at } : { stage, at, note };
}

export interface SavedOfferParts {
  url?: string;
  title?: string;
  organization?: string | null;
  closesAt?: string | null;
  savedAt?: string;
  updatedAt?: string;
  application?: Partial<Application>;
  changes?: SavedOffer['changes'];
}

export function savedOffer(parts: SavedOfferParts = {}): SavedOffer {
  const url = parts.url ?? OFFER_URL;
  const history = parts.application?.history ?? [event('to-apply', '2026-03-02T09:00:00.000Z')];
  return {
    id: url,
    page: {
      ...emptyOfferFields(parts.title ?? 'Développeur·se fullstack'),
      organization: parts.organization === undefined ? 'beta.gouv.fr' : parts.organization,
      closesAt: parts.closesAt ?? null,
      status: 'open',
      url,
      source: 'beta-gouv',
      provenance: { title: 'site' },
    },
    application: {
      stage: history[history.length - 1]?.stage ?? 'to-apply',
      history,
      notes: '',
      contactPerson: null,
      edits: {},
      reminders: [],
      ...parts.application,
    },
    changes: parts.changes ?? [],
    savedAt: parts.savedAt ?? '2026-03-02T09:00:00.000Z',
    updatedAt: parts.updatedAt ?? '2026-03-02T09:00:00.000Z',
  };
}

export function reminder(parts: Partial<Reminder> & Pick<Reminder, 'offerId'>): Reminder {
  return {
    id: `${parts.offerId}#deadline-2`,
    kind: 'deadline',
    dueAt: Date.UTC(2026, 2, 20, 8),
    shownAt: null,
    label: '2',
    ...parts,
  };
}

/** The text of a current-version backup holding these records. */
export function backupText(offers: unknown[], reminders: unknown[] = [], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: 'postulo-backup',
    version: 1,
    exportedAt: '2026-03-10T10:00:00.000Z',
    offers,
    reminders,
    settings: {
      locale: 'en',
      deadlineReminders: { enabled: true, daysBefore: [3], at: '08:30' },
      followUp: { enabled: false, afterDays: 14 },
      quietHours: { enabled: true, from: '22:00', to: '07:00' },
      csvSeparator: ',',
    },
    ...extra,
  });
}
