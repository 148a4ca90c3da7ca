/**
 * How the posting reader hands the page's reading to the panel script.
 *
 * The posting reader (on every page of the sites, kept small) reads the page; the panel script
 * (Preact, loaded only on postings) is injected later by the background into the same frame. Both
 * are this extension's scripts in one frame, so they run in the same isolated world and share its
 * `globalThis`: the reader leaves the reading there, under one key, then asks for the panel. The page's own
 * scripts run in another world: they can neither see nor forge this object.
 *
 * The object is state, not a message: the panel script reads it whenever it arrives, so a reading
 * that changed (or a page that stopped being a posting) before the injection landed is still shown
 * right. Later readings (client-side navigation) reach a panel already there through `refresh`.
 */
import type { Locale } from '../../lib/i18n';
import type { Offer } from '../../lib/offer';
import type { PanelActions } from './Panel';

/** The isolated-world global both scripts use. */
export const PAGE_HANDOFF_KEY = '__postuloPage';

export interface PageHandoff {
  /** The posting read on this page; null when the page is not (or no longer) a posting. */
  offer: Offer | null;
  locale: Locale;
  /** The panel's line to the background, bound by the posting reader. */
  actions: PanelActions;
  /**
   * Set by the panel script when it first runs: shows the current `offer` (a fresh panel) or
   * removes the panel when it is null. The posting reader calls it after each new reading.
   */
  refresh?: () => void;
}

/** Publishes the handoff (posting reader side); returns the object to update later. */
export function publishPageHandoff(handoff: PageHandoff, scope: object = globalThis): PageHandoff {
  Reflect.set(scope, PAGE_HANDOFF_KEY, handoff);
  return handoff;
}

/** The handoff the posting reader left in this world, or undefined (panel script side). */
export function readPageHandoff(scope: object = globalThis): PageHandoff | undefined {
  const value: unknown = Reflect.get(scope, PAGE_HANDOFF_KEY);
  return isPageHandoff(value) ? value : undefined;
}

/** Shows a new reading: in the panel already there, or by asking the background for the panel. */
export function showReading(handoff: PageHandoff, offer: Offer | null, requestPanel: () => void): void {
  handoff.offer = offer;
  if (handoff.refresh) handoff.refresh();
  else if (offer) requestPanel();
}

function isPageHandoff(value: unknown): value is PageHandoff {
  if (typeof value !== 'object' || value === null) return false;
  const { locale, actions, offer } = value as Record<string, unknown>;
  return (
    (locale === 'fr' || locale === 'en') &&
    typeof actions === 'object' &&
    actions !== null &&
    (offer === null || typeof offer === 'object')
  );
}
