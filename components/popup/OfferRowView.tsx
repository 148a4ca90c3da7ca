/** One row of the list: role, organisation · contract, closing badge, stage. */
import { stageName } from '../../lib/i18n/stages';
import { closingState, isUrgent } from './closingLabel';
import { useListEnv } from './context';
import { closingText, contractSummary } from './labels';
import type { ListItem } from './sortAndFilter';

interface OfferRowViewProps {
  item: ListItem;
  today: string;
  onOpen: (id: string) => void;
}

export function OfferRowView({ item, today, onOpen }: OfferRowViewProps) {
  const { locale } = useListEnv();
  const state = closingState(item.status, item.closesAt, today);
  const closing = closingText(state, locale);
  const meta = [item.organization, contractSummary(item.contract, item.contractRaw, locale)]
    .filter(Boolean)
    .join(' · ');
  return (
    <button type="button" class="offer-row" data-offer-id={item.id} onClick={() => onOpen(item.id)}>
      <span class="offer-row__title">{item.title}</span>
      {meta && <span class="offer-row__meta">{meta}</span>}
      <span class="offer-row__tags">
        {closing && (
          <span class={`badge badge--closing badge--${state.kind}${isUrgent(state) ? ' badge--urgent' : ''}`}>
            {closing}
          </span>
        )}
        <span class={`badge badge--stage badge--stage-${item.stage}`}>{stageName(locale, item.stage)}</span>
      </span>
    </button>
  );
}
