/** How the popup words values: contracts, statuses, closing badges, counts. */
import type { Locale } from '../../lib/i18n';
import { formatIsoDate } from '../../lib/i18n';
import { type PopupMessageKey, popupText } from '../../lib/i18n/popup';
import { stageName } from '../../lib/i18n/stages';
import type { Contract, OfferStatus, Remote } from '../../lib/offer';
import { STAGES } from '../../lib/stages';
import type { ClosingState } from './closingLabel';
import { countByStage, type ListItem, type StageFilter } from './sortAndFilter';

const CONTRACT_KEYS: Record<Contract, PopupMessageKey> = {
  CDI: 'contract_CDI',
  CDD: 'contract_CDD',
  freelance: 'contract_freelance',
  stage: 'contract_stage',
  alternance: 'contract_alternance',
  'fonctionnaire/détachement': 'contract_civilServant',
  autre: 'contract_other',
};

export function contractLabel(contract: Contract, locale: Locale): string {
  return popupText(locale, CONTRACT_KEYS[contract]);
}

/** The contract as a row shows it: the kind, or the page's own words when the kind says little. */
export function contractSummary(contract: Contract | null, contractRaw: string | null, locale: Locale): string | null {
  if (contract === null || contract === 'autre')
    return contractRaw ?? (contract ? contractLabel(contract, locale) : null);
  return contractLabel(contract, locale);
}

export function statusLabel(status: OfferStatus, locale: Locale): string {
  return popupText(locale, `status_${status}`);
}

export function remoteLabel(remote: Remote, locale: Locale): string {
  return popupText(locale, `remote_${remote}`);
}

/** « clôture dans 3 j », « pourvue »…; null when there is nothing to say. */
export function closingText(state: ClosingState, locale: Locale): string | null {
  switch (state.kind) {
    case 'filled':
      return popupText(locale, 'closingFilled');
    case 'closed':
      return popupText(locale, 'closingClosed');
    case 'today':
      return popupText(locale, 'closingToday');
    case 'tomorrow':
      return popupText(locale, 'closingTomorrow');
    case 'in-days':
      return popupText(locale, 'closingInDays', { days: state.days });
    case 'on-date':
      return popupText(locale, 'closingOnDate', { date: formatIsoDate(state.date, locale) });
    case 'none':
      return null;
  }
}

export function resultsText(count: number, locale: Locale): string {
  if (count === 0) return popupText(locale, 'resultsNone');
  if (count === 1) return popupText(locale, 'resultsOne');
  return popupText(locale, 'resultsMany', { count: count.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB') });
}

/** The stage filter's choices, « Toutes (20) » first, each with how many of `items` it keeps. */
export function stageFilterOptions(
  items: readonly ListItem[],
  locale: Locale,
): { value: StageFilter; label: string }[] {
  const counts = countByStage(items);
  return [
    { value: 'all', label: popupText(locale, 'stageFilterAll', { count: items.length }) },
    ...STAGES.map((stage) => ({
      value: stage,
      label: popupText(locale, 'stageOption', { stage: stageName(locale, stage), count: counts.get(stage) ?? 0 }),
    })),
  ];
}
