/**
 * What the candidate sees of a saved offer: the page's fields with their own corrections on top.
 * Apart from lib/saved-offer.ts so that the popup's first screen uses it without loading zod.
 */
import type { OfferFields } from './offer';
import type { SavedOffer } from './saved-offer';

export function effectiveFields(saved: SavedOffer): OfferFields {
  const { url: _url, source: _source, provenance: _provenance, ...page } = saved.page;
  const edits = Object.fromEntries(Object.entries(saved.application.edits).filter(([, v]) => v !== undefined));
  return { ...page, ...edits };
}
