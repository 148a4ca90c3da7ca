/**
 * « Mes offres »: the saved offers in list order (sortAndFilter.ts), filtered by stage and by a
 * search, windowed so that 10,000 offers paint as fast as 20. A new user gets an empty state that
 * says what to do.
 */

import { useListEnv, useText } from './context';
import { resultsText, stageFilterOptions } from './labels';
import { localIsoDate } from './localDates';
import { OfferRowView } from './OfferRowView';
import { ROW_REM } from './offerRow';
import { filterItems, type ListFilter, type ListItem, NO_FILTER, type StageFilter } from './sortAndFilter';
import type { OfferItems } from './useOfferItems';
import { VirtualList } from './VirtualList';

export interface OfferListProps {
  /** The saved offers, read by the popup's shell (useOfferItems), which outlives this view. */
  offers: OfferItems;
  filter: ListFilter;
  onFilterChange: (filter: ListFilter) => void;
  /** The row to give focus back to when returning from its detail. */
  focusId: string | null;
}

export function OfferList({ offers, filter, onFilterChange, focusId }: OfferListProps) {
  const { locale, now, openOffer } = useListEnv();
  const t = useText();
  const { items, complete } = offers;
  const shown = filterItems(items, filter);
  const today = localIsoDate(now());
  const filtering = filter.stage !== 'all' || filter.query.trim() !== '';

  if (complete && items.length === 0) return <EmptyState />;

  return (
    <section class="offer-list" aria-labelledby="list-heading">
      <div class="offer-list__heading">
        <h2 id="list-heading">{t('listHeading')}</h2>
        <span class="muted" role="status">
          {complete ? resultsText(shown.length, locale) : t('listLoading')}
        </span>
      </div>
      <div class="filters">
        <div class="field">
          <label for="search">{t('searchLabel')}</label>
          <input
            id="search"
            type="search"
            placeholder={t('searchPlaceholder')}
            value={filter.query}
            onInput={(event) => onFilterChange({ ...filter, query: event.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="stage-filter">{t('stageFilterLabel')}</label>
          <select
            id="stage-filter"
            value={filter.stage}
            onChange={(event) => onFilterChange({ ...filter, stage: event.currentTarget.value as StageFilter })}
          >
            {stageFilterOptions(items, locale).map(({ value, label }) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {complete && shown.length === 0 && filtering ? (
        <div class="notice">
          <p>{t('noMatch')}</p>
          <button type="button" class="button" onClick={() => onFilterChange(NO_FILTER)}>
            {t('clearFilters')}
          </button>
        </div>
      ) : (
        <VirtualList<ListItem>
          items={shown}
          getKey={(item) => item.id}
          rowRem={ROW_REM}
          label={t('listHeading')}
          focusKey={focusId}
          renderRow={(item) => <OfferRowView item={item} today={today} onOpen={openOffer} />}
        />
      )}
    </section>
  );
}

function EmptyState() {
  const t = useText();
  return (
    <section class="empty-state" aria-labelledby="empty-heading">
      <h2 id="empty-heading">{t('emptyTitle')}</h2>
      <p>{t('emptyBody')}</p>
      <p>{t('emptyOtherSites')}</p>
      <p class="muted">{t('emptyNext')}</p>
    </section>
  );
}
