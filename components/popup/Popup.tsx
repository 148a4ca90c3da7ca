/**
 * The popup's shell: the list (with the current tab and the « À faire » slot above it) or one
 * offer's detail, the alert for refused writes, and the undo toast. The detail has its own
 * address (address.ts).
 */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { popupText } from '../../lib/i18n/popup';
import type { SavedOffer } from '../../lib/saved-offer';
import { offerIdFromSearch, pushListAddress, pushOfferAddress } from './address';
import { errorReason, NoAnswerError } from './api';
import { CurrentTab } from './CurrentTab';
import { PopupContext, type PopupContextValue, type PopupEnv } from './context';
import { ListView } from './ListView';
import { OfferDetail } from './OfferDetail';
import { type ListFilter, NO_FILTER } from './sortAndFilter';
import { UndoToast } from './UndoToast';
import { useOfferItems } from './useOfferItems';

interface PopupProps {
  env: PopupEnv;
  /** The « À faire » section (due reminders, issue 4) goes here, above the list. */
  todo?: ComponentChildren;
}

export function Popup({ env, todo = null }: PopupProps) {
  const [offerId, setOfferId] = useState<string | null>(() => offerIdFromSearch(window.location.search));
  const [filter, setFilter] = useState<ListFilter>(NO_FILTER);
  const [error, setError] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<SavedOffer | null>(null);
  const lastOpened = useRef<string | null>(null);
  // Read here, not in the list view: back from an offer, the whole list is there at once.
  const offers = useOfferItems(env.db, env.now, env.takeFirstScreen);

  useEffect(() => {
    const onPopState = () => setOfferId(offerIdFromSearch(window.location.search));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const openOffer = useCallback((id: string) => {
    lastOpened.current = id;
    pushOfferAddress(id);
    setOfferId(id);
  }, []);

  const closeOffer = useCallback(() => {
    pushListAddress();
    setOfferId(null);
  }, []);

  const reportError = useCallback(
    (failure: unknown) => {
      if (failure instanceof NoAnswerError) {
        setError(popupText(env.locale, 'errorNoAnswer'));
        return;
      }
      const reason = errorReason(failure) ?? popupText(env.locale, 'errorUnknown');
      setError(popupText(env.locale, 'errorRefused', { reason }));
    },
    [env.locale],
  );

  const offerDeleted = useCallback(
    (saved: SavedOffer) => {
      setDeleted(saved);
      closeOffer();
    },
    [closeOffer],
  );

  const context = useMemo<PopupContextValue>(
    () => ({ ...env, openOffer, closeOffer, reportError, offerDeleted }),
    [env, openOffer, closeOffer, reportError, offerDeleted],
  );
  const closeToast = useCallback(() => setDeleted(null), []);

  return (
    <PopupContext.Provider value={context}>
      <main class="popup" lang={env.locale}>
        {error && (
          <div class="alert" role="alert">
            <p>{error}</p>
            <button type="button" class="button button--small" onClick={() => setError(null)}>
              {popupText(env.locale, 'dismiss')}
            </button>
          </div>
        )}
        {offerId ? (
          <OfferDetail key={offerId} id={offerId} />
        ) : (
          <ListView
            above={
              <>
                <CurrentTab />
                {/* SLOT « À faire » (issue 4: due reminders): rendered above the list, from the `todo` prop. */}
                {todo && <div class="todo-slot">{todo}</div>}
              </>
            }
            offers={offers}
            filter={filter}
            onFilterChange={setFilter}
            focusId={lastOpened.current}
          />
        )}
        {deleted && <UndoToast key={deleted.id} saved={deleted} onClose={closeToast} />}
      </main>
    </PopupContext.Provider>
  );
}
