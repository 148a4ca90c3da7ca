/**
 * The popup's first screen: the top of the list (firstScreen.ts), painted while the rest of the
 * popup (the database, the schemas, the api) is still loading. It is the same list view as the
 * popup's, which replaces it in place. A row clicked meanwhile gets its address, and the popup
 * opens that offer as it starts; the search and the stage filter are the popup's.
 */
import { useMemo } from 'preact/hooks';
import type { Locale } from '../../lib/i18n';
import { pushOfferAddress } from './address';
import { CurrentTabSection } from './CurrentTabSection';
import { ListContext, type ListEnv } from './context';
import { ListView } from './ListView';
import { type ListItem, NO_FILTER } from './sortAndFilter';

interface FirstScreenProps {
  locale: Locale;
  now: () => Date;
  items: readonly ListItem[];
}

const ignoreFilter = () => {};

export function FirstScreen({ locale, now, items }: FirstScreenProps) {
  const env = useMemo<ListEnv>(() => ({ locale, now, openOffer: pushOfferAddress }), [locale, now]);
  return (
    <ListContext.Provider value={env}>
      {/* Busy: the popup replaces all of it in a moment, with the same list. */}
      <main class="popup" lang={locale} aria-busy="true">
        <ListView
          above={<CurrentTabSection />}
          offers={{ items, complete: false, error: null }}
          filter={NO_FILTER}
          onFilterChange={ignoreFilter}
          focusId={null}
        />
      </main>
    </ListContext.Provider>
  );
}
