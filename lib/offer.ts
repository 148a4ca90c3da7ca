/**
 * The one definition of a job offer as Postulo reads it from a page. Everything else (the
 * extractor, the database, messages, backups) imports this schema or the types inferred from it.
 *
 * Every string here is page text treated as data: it is rendered as text, never as HTML.
 */
import { z } from 'zod';

export const CONTRACT_KINDS = [
  'CDI',
  'CDD',
  'freelance',
  'stage',
  'alternance',
  'fonctionnaire/détachement',
  'autre',
] as const;
export const Contract = z.enum(CONTRACT_KINDS);
export type Contract = z.infer<typeof Contract>;

export const OFFER_STATUSES = ['open', 'closed', 'filled', 'unknown'] as const;
export const OfferStatus = z.enum(OFFER_STATUSES);
export type OfferStatus = z.infer<typeof OfferStatus>;

/** How a value was found, so the UI can say "read from the page data" vs "guessed from text". */
export const STRATEGIES = [
  'site', // a site adapter's selector on the rendered page
  'page-data', // data the site embeds for its own app (e.g. incubateur's __INITIAL_STATE__)
  'json-ld', // schema.org JobPosting in JSON-LD
  'microdata', // schema.org JobPosting in microdata
  'meta', // <title>, <meta>, Open Graph
  'text', // the generic fallback over visible text
  'url', // the address itself
] as const;
export const Strategy = z.enum(STRATEGIES);
export type Strategy = z.infer<typeof Strategy>;

const MAX_SHORT = 500;
const MAX_URL = 4096;
export const DESCRIPTION_MAX = 600;

/** A calendar date `YYYY-MM-DD` that exists (no 31 February). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date')
  .refine(isRealCalendarDate, 'not a calendar date');
export type IsoDate = z.infer<typeof IsoDate>;

export function isRealCalendarDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const ShortText = z.string().trim().min(1).max(MAX_SHORT);

export const Contact = z.object({
  email: z.string().trim().max(320).email().nullable(),
  name: ShortText.nullable(),
  phone: z.string().trim().max(40).nullable(),
});
export type Contact = z.infer<typeof Contact>;

/** Fields that a page can give and a user can correct; provenance is keyed by these names. */
export const OFFER_FIELDS = [
  'title',
  'organization',
  'contract',
  'contractRaw',
  'publishedAt',
  'publishedAtRaw',
  'closesAt',
  'closesAtRaw',
  'contact',
  'status',
  'applyUrl',
  'location',
  'remote',
  'description',
] as const;
export const OfferField = z.enum(OFFER_FIELDS);
export type OfferField = z.infer<typeof OfferField>;

export const Remote = z.enum(['full', 'partial', 'none']);
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
  applyUrl: z.string().trim().min(1).max(MAX_URL).nullable(),
  location: ShortText.nullable(),
  remote: Remote.nullable(),
  description: z.string().max(DESCRIPTION_MAX).nullable(),
});
export type OfferFields = z.infer<typeof OfferFields>;

export const Offer = OfferFields.extend({
  /** The canonical URL: the offer's identity. */
  url: z.string().url().max(MAX_URL),
  /** Which reader produced it: a site adapter id, 'json-ld', 'microdata' or 'generic'. */
  source: z.string().min(1).max(80),
  provenance: z.partialRecord(OfferField, Strategy),
});
export type Offer = z.infer<typeof Offer>;

/** An offer with nothing read yet: the base every reader fills in. */
export function emptyOfferFields(title: string): OfferFields {
  return {
    title,
    organization: null,
    contract: null,
    contractRaw: null,
    publishedAt: null,
    publishedAtRaw: null,
    closesAt: null,
    closesAtRaw: null,
    contact: null,
    status: 'unknown',
    applyUrl: null,
    location: null,
    remote: null,
    description: null,
  };
}
