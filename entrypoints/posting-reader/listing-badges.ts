/**
 * Marks, on a listing page, the postings the candidate already saved: a small badge with the
 * stage, inside the posting's card. The badge lives in its own shadow root (the page's CSS cannot
 * restyle it) and its host is absolutely positioned without offsets, so it sits where it would
 * have flowed, after the title, yet takes no room: the page's layout does not move.
 */
import type { Locale } from '../../lib/i18n';
import { listingText } from '../../lib/i18n/listing';
import { stageName } from '../../lib/i18n/stages';
import type { PostingLink } from '../../lib/listing-marks';
import type { OfferMark } from '../../lib/messaging';

const HOST_TAG = 'postulo-mark';

const BADGE_CSS = `
:host { all: initial !important; position: absolute !important; z-index: 2147483000 !important; }
span {
  display: inline-block; margin-left: 8px; padding: 1px 8px; border-radius: 999px;
  background: #000091; color: #fff; white-space: nowrap; vertical-align: middle;
  font: 600 12px/18px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif;
  letter-spacing: normal; text-transform: none; text-decoration: none;
}`;

/** Adds a badge to each saved posting's slot; returns a function that removes them all. */
export function markSavedPostings(
  links: readonly PostingLink[],
  marks: ReadonlyMap<string, OfferMark>,
  locale: Locale,
): () => void {
  const hosts: HTMLElement[] = [];
  for (const { url, slot } of links) {
    const mark = marks.get(url);
    if (!mark || slot.querySelector(HOST_TAG)) continue;
    const host = slot.ownerDocument.createElement(HOST_TAG);
    host.setAttribute('lang', locale);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = slot.ownerDocument.createElement('style');
    style.textContent = BADGE_CSS;
    const badge = slot.ownerDocument.createElement('span');
    badge.textContent = listingText(locale, 'listingMark', { stage: stageName(locale, mark.stage) });
    shadow.append(style, badge);
    slot.append(host);
    hosts.push(host);
  }
  return () => {
    for (const host of hosts) host.remove();
  };
}
