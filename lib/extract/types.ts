/**
 * The contracts between the extractor's readers. Every reader is a pure function of a `Page`:
 * no `browser.*`, no globals, so it runs in the content script, in Vitest and in Node alike.
 */
import type { Offer, OfferField, OfferFields, Strategy } from '../offer';

export interface Page {
  document: Document;
  url: URL;
  /** The instant statuses are judged at (a closing date in the past means "closed"). */
  now: Date;
  /**
   * App-state texts the page's own inline scripts held before they removed themselves from the
   * DOM (`window.__INITIAL_STATE__={…};`), read after the load from the page's world by the
   * background (lib/app-state.ts). The CLI and tests pass none: static HTML still holds them.
   */
  capturedScripts?: readonly string[];
}

/** Values a reader found, each with the strategy that found it. */
export type Found = { [K in OfferField]?: { value: NonNullable<OfferFields[K]>; via: Strategy } };

export type Detection = 'posting' | 'not-posting';

/** One site the extension knows by heart: its own file in `adapters/`, registered in `adapters/index.ts`. */
export interface SiteAdapter {
  /** Stable id, stored as the offer's `source`: the site's host name. */
  readonly id: string;
  /** True for the hosts (and paths) this adapter owns; it then decides what is a posting. */
  matches(url: URL): boolean;
  read(page: Page): SiteReading;
}

export interface SiteReading {
  detection: Detection;
  found: Found;
  /** The posting's own body, so the text fallback reads it and not the site's menus and footer. */
  content?: Element | null;
}

export interface Extraction {
  isPosting: boolean;
  /** Null when the page is not a posting (unless the caller forced a best-effort read). */
  offer: Offer | null;
}
