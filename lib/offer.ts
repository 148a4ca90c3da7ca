/**
 * The one definition of a job offer as Postulo reads it from a page. Everything else (the
 * extractor, the database, messages, backups) imports this schema or the types inferred from it;
 * its constants live in `lib/offer-model.ts`, which the content script can import without zod.
 *
 * Every string here is page text treated as data: it is rendered as text, never as HTML.
 */
import { z } from 'zod';
import {
  CONTRACT_KINDS,
  EMAIL_PATTERN,
  isRealCalendarDate,
  LIMITS,
  OFFER_FIELDS,
  OFFER_STATUSES,
  REMOTE_KINDS,
  STRATEGIES,
} from './offer-model';

export {
  CONTRACT_KINDS,
  DESCRIPTION_MAX,
  emptyOfferFields,
  isRealCalendarDate,
  OFFER_FIELDS,
  OFFER_STATUSES,
  STRATEGIES,
} from './offer-model';

export const Contract = z.enum(CONTRACT_KINDS);
export type Contract = z.infer<typeof Contract>;

export const OfferStatus = z.enum(OFFER_STATUSES);
export type OfferStatus = z.infer<typeof OfferStatus>;

export const Strategy = z.enum(STRATEGIES);
export type Strategy = z.infer<typeof Strategy>;

/** A calendar date `YYYY-MM-DD` that exists (no 31 February). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date')
  .refine(isRealCalendarDate, 'not a calendar date');
export type IsoDate = z.infer<typeof IsoDate>;

const ShortText = z.string().trim().min(1).max(LIMITS.shortText);

export const Contact = z.object({
  email: z.string().trim().max(LIMITS.email).regex(EMAIL_PATTERN, 'invalid e-mail').nullable(),
  name: ShortText.nullable(),
  phone: z.string().trim().max(LIMITS.phone).nullable(),
});
export type Contact = z.infer<typeof Contact>;

export const OfferField = z.enum(OFFER_FIELDS);
export type OfferField = z.infer<typeof OfferField>;

export const Remote = z.enum(REMOTE_KINDS);
export type Remote = z.infer<typeof Remote>;

export const OfferFields = z.object({
  title: ShortText,
  organization: ShortText.nullable(),
  contract: Contract.nullable(),
  contractRaw: ShortText.nullable(),
  publishedAt: IsoDate.nullable(),
  publishedAtRaw: ShortText.nullable(),
  closesAt: IsoDate.nullable(),
  closesAtRaw: ShortText.nullable(),
  contact: Contact.nullable(),
  status: OfferStatus,
  applyUrl: z.string().trim().min(1).max(LIMITS.url).nullable(),
  location: ShortText.nullable(),
  remote: Remote.nullable(),
  description: z.string().max(LIMITS.description).nullable(),
});
export type OfferFields = z.infer<typeof OfferFields>;

export const Offer = OfferFields.extend({
  /** The canonical URL: the offer's identity. */
  url: z.string().url().max(LIMITS.url),
  /** Which reader produced it: a site adapter id, 'schema.org' or 'generic'. */
  source: z.string().min(1).max(80),
  provenance: z.partialRecord(OfferField, Strategy),
});
export type Offer = z.infer<typeof Offer>;
