/**
 * A saved offer as stored: the page's latest reading, the candidate's application, and the
 * changes noticed between visits. The offer's canonical URL is its key.
 */
import { z } from 'zod';
import { Application, Instant } from './application';
import { Offer, OfferField } from './offer';

/** A change that matters, noticed on a re-visit (post closed or filled, closing date moved). */
export const PageChange = z.object({
  at: Instant,
  field: OfferField,
  from: z.unknown(),
  to: z.unknown(),
});
export type PageChange = z.infer<typeof PageChange>;

export const SavedOffer = z.object({
  /** = page.url, the canonical URL. */
  id: z.string().url(),
  page: Offer,
  application: Application,
  changes: z.array(PageChange).max(1000),
  savedAt: Instant,
  updatedAt: Instant,
});
export type SavedOffer = z.infer<typeof SavedOffer>;

export { effectiveFields } from './effective-fields';
