/**
 * What a row of the list shows, apart from its markup: the list view (OfferRowView.tsx) and the
 * first screen built without Preact (firstScreenView.ts) both word and class a row from here.
 */
import type { Locale } from '../../lib/i18n';
import type { Stage } from '../../lib/stages';
import { closingState, isUrgent } from './closingLabel';
import { closingText, contractSummary } from './labels';
import type { ListItem } from './sortAndFilter';

/** A row's height: two lines of role, one of organisation, one of badges (see .offer-row in popup.css). */
export const ROW_REM = 7;

/** « ANCT · CDI »; empty when neither is known. */
export function rowMeta(item: ListItem, locale: Locale): string {
  return [item.organization, contractSummary(item.contract, item.contractRaw, locale)].filter(Boolean).join(' · ');
}

export interface Badge {
  text: string;
  className: string;
}

/** « clôture demain » and its look, or null when there is nothing to say. */
export function closingBadge(item: ListItem, today: string, locale: Locale): Badge | null {
  const state = closingState(item.status, item.closesAt, today);
  const text = closingText(state, locale);
  if (!text) return null;
  return {
    text,
    className: `badge badge--closing badge--${state.kind}${isUrgent(state) ? ' badge--urgent' : ''}`,
  };
}

export function stageBadgeClass(stage: Stage): string {
  return `badge badge--stage badge--stage-${stage}`;
}
