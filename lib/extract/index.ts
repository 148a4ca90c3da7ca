/**
 * Page → offer. Readers are tried from the most to the least trustworthy, and each field keeps
 * the first value found: a site adapter (it knows the page), then schema.org data (JSON-LD,
 * microdata), then the generic reading of visible text, then the page's title.
 *
 * Never throws: a reader that fails on hostile HTML is skipped, and the others still count.
 */
import type { OfferField } from '../offer';
import { canonicalUrl } from '../url';
import { findAdapter } from './adapters';
import { readVisibleText } from './fallback';
import { readJsonLd } from './jsonld';
import { readMeta } from './meta';
import { readMicrodata } from './microdata';
import { toOffer } from './sanitize';
import type { Extraction, Found, Page } from './types';

export type { Extraction, Page } from './types';

export interface ExtractOptions {
  /** Read what can be read even when the page does not look like a posting (user's explicit ask). */
  force?: boolean;
}

export function extract(page: Page, options: ExtractOptions = {}): Extraction {
  const adapter = safely(() => findAdapter(page.url), null);
  const fromSite = adapter ? safely(() => adapter.read(page), null) : null;
  const structured = mergeFound([safely(() => readJsonLd(page), {}), safely(() => readMicrodata(page), {})]);
  const hasStructuredPosting = structured.title !== undefined;

  const isPosting = adapter ? fromSite?.detection === 'posting' : hasStructuredPosting;
  if (!isPosting && !options.force) return { isPosting: false, offer: null };

  const found = mergeFound([
    fromSite?.found ?? {},
    structured,
    safely(() => readVisibleText(page, fromSite?.content ?? null), {}),
    safely(() => readMeta(page), {}),
  ]);
  const source = adapter?.id ?? (hasStructuredPosting ? 'schema.org' : 'generic');
  const offer = safely(
    () => toOffer(found, canonicalUrl(page.url), source, page.document.title || page.url.hostname),
    null,
  );
  return { isPosting, offer };
}

/** Each field from the first reader that found it. */
export function mergeFound(sources: readonly Found[]): Found {
  const merged: Found = {};
  for (const source of sources) {
    for (const [field, entry] of Object.entries(source) as [OfferField, Found[OfferField]][]) {
      if (entry && merged[field] === undefined) (merged as Record<string, unknown>)[field] = entry;
    }
  }
  return merged;
}

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}
