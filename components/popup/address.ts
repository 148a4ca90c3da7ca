/**
 * The popup's addresses: `popup.html` is the list, `popup.html?offer=<id>` one offer's detail, so
 * the background can open an offer directly in a tab, and a row clicked on the first screen
 * (firstScreenView.ts) is opened by the popup once it has loaded.
 */

/** The offer id in `?offer=…`, or null for the list. */
export function offerIdFromSearch(search: string): string | null {
  const id = new URLSearchParams(search).get('offer');
  return id ? id : null;
}

/** Adds the offer's address to the history (back returns to the list). */
export function pushOfferAddress(id: string): void {
  window.history.pushState(null, '', `?offer=${encodeURIComponent(id)}`);
}

export function pushListAddress(): void {
  window.history.pushState(null, '', window.location.pathname);
}
