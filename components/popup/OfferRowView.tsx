/** One row of the list: role, organisation · contract, closing badge, stage (words: offerRow.ts). */
import { stageName } from '../../lib/i18n/stages';
import { useListEnv } from './context';
import { closingBadge, rowMeta, stageBadgeClass } from './offerRow';
import type { ListItem } from './sortAndFilter';

interface OfferRowViewProps {
  item: ListItem;
  today: string;
  onOpen: (id: string) => void;
}

export function OfferRowView({ item, today, onOpen }: OfferRowViewProps) {
  const { locale } = useListEnv();
  const closing = closingBadge(item, today, locale);
  const meta = rowMeta(item, locale);
  return (
    <button type="button" class="offer-row" data-offer-id={item.id} onClick={() => onOpen(item.id)}>
      <span class="offer-row__title">{item.title}</span>
      {meta && <span class="offer-row__meta">{meta}</span>}
      <span class="offer-row__tags">
        {closing && <span class={closing.className}>{closing.text}</span>}
        <span class={stageBadgeClass(item.stage)}>{stageName(locale, item.stage)}</span>
      </span>
    </button>
  );
}
