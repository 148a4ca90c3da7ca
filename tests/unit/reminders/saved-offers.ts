/** Saved offers for reminder tests, built from the shared schemas (validated, so they stay real). */
import type { CustomReminder, Stage, StageEvent } from '../../../lib/application';
import { NO_CLOSING_DATE, type OfferRow } from '../../../lib/db';
import { emptyOfferFields, type OfferStatus } from '../../../lib/offer';
import { SavedOffer } from '../../../lib/saved-offer';

export interface OfferSpec {
  id?: string;
  title?: string;
  organization?: string | null;
  closesAt?: string | null;
  status?: OfferStatus;
  contactEmail?: string | null;
  /** Stages with their instants, oldest first; the last one is the current stage. */
  history?: [Stage, string][];
  reminders?: CustomReminder[];
  savedAt?: string;
  /** The candidate's correction of the closing date. */
  editedClosesAt?: string | null;
}

export function offerRow(spec: OfferSpec = {}): OfferRow {
  const id = spec.id ?? 'https://beta.gouv.fr/recrutement/2026/01/01/dev.html';
  const savedAt = spec.savedAt ?? '2026-01-01T10:00:00.000Z';
  const history: StageEvent[] = (spec.history ?? [['to-apply', savedAt]]).map(([stage, at]) => ({ stage, at }));
  const stage = history.at(-1)?.stage ?? 'to-apply';
  const saved = SavedOffer.parse({
    id,
    page: {
      ...emptyOfferFields(spec.title ?? 'Développeuse ou développeur full-stack'),
      organization: spec.organization === undefined ? 'beta.gouv.fr' : spec.organization,
      closesAt: spec.closesAt ?? null,
      status: spec.status ?? 'open',
      contact: spec.contactEmail ? { email: spec.contactEmail, name: null, phone: null } : null,
      url: id,
      source: 'json-ld',
      provenance: {},
    },
    application: {
      stage,
      history,
      notes: '',
      contactPerson: null,
      edits: spec.editedClosesAt === undefined ? {} : { closesAt: spec.editedClosesAt },
      reminders: spec.reminders ?? [],
    },
    changes: [],
    savedAt,
    updatedAt: savedAt,
  });
  const closesAt = spec.editedClosesAt === undefined ? spec.closesAt : spec.editedClosesAt;
  return { ...saved, closesAt: closesAt ?? NO_CLOSING_DATE, stage };
}
