/**
 * What the candidate owns about an offer: where their application stands, when each step
 * happened, their notes and corrections. Kept apart from what the page says (lib/offer.ts), so a
 * re-visit of the page refreshes the page's fields and never touches these.
 */
import { z } from 'zod';
import { OfferFields } from './offer';
import { STAGES } from './stages';

export { FINAL_STAGES, STAGES } from './stages';

export const Stage = z.enum(STAGES);
export type Stage = z.infer<typeof Stage>;

/** An instant, as ISO-8601 with offset (what `Date.prototype.toISOString` gives). */
export const Instant = z.iso.datetime({ offset: true });

export const StageEvent = z.object({
  stage: Stage,
  /** When it happened, as the user says (editable: people log things late). */
  at: Instant,
  note: z.string().max(2000).optional(),
});
export type StageEvent = z.infer<typeof StageEvent>;

/** A reminder the user set on an offer (« préparer l'entretien »). */
export const CustomReminder = z.object({
  id: z.string().min(1).max(64),
  at: Instant,
  label: z.string().trim().min(1).max(300),
});
export type CustomReminder = z.infer<typeof CustomReminder>;

/** User corrections of page-owned fields: any subset, each wins over what the page says. */
export const OfferEdits = OfferFields.partial();
export type OfferEdits = z.infer<typeof OfferEdits>;

export const Application = z.object({
  stage: Stage,
  /** Oldest first; the last entry's stage is `stage`. */
  history: z.array(StageEvent).min(1).max(500),
  notes: z.string().max(20000),
  contactPerson: z.string().max(300).nullable(),
  edits: OfferEdits,
  reminders: z.array(CustomReminder).max(100),
});
export type Application = z.infer<typeof Application>;

export function newApplication(at: Date): Application {
  return {
    stage: 'to-apply',
    history: [{ stage: 'to-apply', at: at.toISOString() }],
    notes: '',
    contactPerson: null,
    edits: {},
    reminders: [],
  };
}
