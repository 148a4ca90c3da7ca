/**
 * The offer model's constants and plain checks, without zod: the content script imports this
 * module (the extractor runs there on every matching page, and zod would triple its size), while
 * `lib/offer.ts` builds the zod schemas every receiver validates with from the same constants.
 */
import type { OfferFields } from './offer';

export const CONTRACT_KINDS = [
  'CDI',
  'CDD',
  'freelance',
  'stage',
  'alternance',
  'fonctionnaire/détachement',
  'autre',
] as const;

export const OFFER_STATUSES = ['open', 'closed', 'filled', 'unknown'] as const;

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

export const REMOTE_KINDS = ['full', 'partial', 'none'] as const;

export const LIMITS = {
  shortText: 500,
  url: 4096,
  description: 600,
  email: 320,
  phone: 40,
} as const;
export const DESCRIPTION_MAX = LIMITS.description;

/** A calendar date `YYYY-MM-DD` that exists (no 31 February). */
export function isRealCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * The e-mail shape the Offer schema accepts (zod's own pattern, so that what the extractor keeps
 * is exactly what the background will accept).
 */
export const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

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
