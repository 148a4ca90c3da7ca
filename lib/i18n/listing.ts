/**
 * The mark on listing pages. Its own catalogue: the content script needs only this line, not the
 * panel's words (the panel is a separate script loaded on postings only).
 */
import { defineMessages } from '.';

export const listingText = defineMessages<'listingMark'>('listing', {
  fr: { listingMark: 'Postulo : {stage}' },
  en: { listingMark: 'Postulo: {stage}' },
});
