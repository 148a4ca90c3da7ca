/**
 * Where an offer stands against its closing date, for the list's « clôture dans 3 j » badge.
 * The posting's own status wins (a filled post is filled whatever its date says); then the
 * closing date is compared with the local calendar day.
 */
import type { OfferStatus } from '../../lib/offer';
import { daysBetween } from './localDates';

/** Beyond this many days the exact date says more than a count. */
export const COUNTDOWN_DAYS = 30;
/** Closing within this many days (today included) is flagged as urgent. */
export const URGENT_DAYS = 2;

export type ClosingState =
  | { kind: 'filled' }
  | { kind: 'closed' }
  | { kind: 'today' }
  | { kind: 'tomorrow' }
  | { kind: 'in-days'; days: number }
  | { kind: 'on-date'; date: string }
  | { kind: 'none' };

/** `closesAt` is the effective closing date or null; `today` the local `YYYY-MM-DD`. */
export function closingState(status: OfferStatus, closesAt: string | null, today: string): ClosingState {
  if (status === 'filled') return { kind: 'filled' };
  if (status === 'closed') return { kind: 'closed' };
  if (closesAt === null) return { kind: 'none' };
  const days = daysBetween(today, closesAt);
  if (days < 0) return { kind: 'closed' };
  if (days === 0) return { kind: 'today' };
  if (days === 1) return { kind: 'tomorrow' };
  if (days <= COUNTDOWN_DAYS) return { kind: 'in-days', days };
  return { kind: 'on-date', date: closesAt };
}

/** True when the candidate can no longer apply through the posting. */
export function isFinished(state: ClosingState): boolean {
  return state.kind === 'filled' || state.kind === 'closed';
}

export function isUrgent(state: ClosingState): boolean {
  return state.kind === 'today' || state.kind === 'tomorrow' || (state.kind === 'in-days' && state.days <= URGENT_DAYS);
}
