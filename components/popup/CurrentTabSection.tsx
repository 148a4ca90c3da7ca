/**
 * The current tab's section, as it stands until the tab has answered: the first screen
 * (firstScreenView.ts) shows it too, so the list stays where it is when the popup takes over.
 */
import type { ComponentChildren } from 'preact';
import { useText } from './context';

/** `children`: what was read in the tab; none while it is being read. */
export function CurrentTabSection({ children = null }: { children?: ComponentChildren }) {
  const t = useText();
  return (
    <section class="current-tab" aria-labelledby="current-tab-heading">
      <h2 id="current-tab-heading" class="eyebrow">
        {t('tabHeading')}
      </h2>
      {children ?? (
        <p class="muted" role="status">
          {t('tabReading')}
        </p>
      )}
    </section>
  );
}
