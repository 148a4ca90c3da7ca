/**
 * A stored row back to the record a backup holds: the derived sort keys dropped, nothing else
 * touched or checked (a backup must not leave anything behind). The other way is
 * `toOfferRow` in offers-repo.ts, the one place the derived keys are computed.
 */
import type { OfferRow } from '../db';
import type { SavedOffer } from '../saved-offer';

export function toSavedOffer(row: OfferRow): SavedOffer {
  const { closesAt: _closesAt, stage: _stage, ...saved } = row;
  return saved;
}
