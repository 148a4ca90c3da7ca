/**
 * The list view: the title, what goes above the list (the current tab, « À faire »), and the list.
 * The popup's first screen (firstScreenView.ts) builds this view's first render without Preact,
 * and must look the same: the popup replaces it in place. The popup's look (popup.css) is applied
 * by its entry, entrypoints/popup/main.ts.
 */
import type { ComponentChildren } from 'preact';
import { useText } from './context';
import { OfferList, type OfferListProps } from './OfferList';

interface ListViewProps extends OfferListProps {
  above?: ComponentChildren;
}

export function ListView({ above = null, ...list }: ListViewProps) {
  const t = useText();
  return (
    <div class="list-view">
      <h1 class="app-title">{t('appTitle')}</h1>
      {above}
      <OfferList {...list} />
    </div>
  );
}
