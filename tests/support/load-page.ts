/**
 * Node-side page loading for the CLI and the tests: parse HTML the way a browser does, without
 * running any of its scripts, and hand it to the extractor.
 */
import { Window } from 'happy-dom';
import { type ExtractOptions, extract } from '../../lib/extract';
import type { Extraction } from '../../lib/extract/types';
import type { Offer } from '../../lib/offer';

export function parseHtml(html: string, url: string): Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableChildPageNavigation: true, disableChildFrameNavigation: true },
    },
  });
  const parser = new window.DOMParser();
  return parser.parseFromString(html, 'text/html') as unknown as Document;
}

export function extractHtml(html: string, url: string, now = new Date(), options?: ExtractOptions): Extraction {
  return extract({ document: parseHtml(html, url), url: new URL(url), now }, options);
}

/** The fields `cases.json` labels, named as it names them. */
export const CASE_FIELDS = [
  'title',
  'organization',
  'contract',
  'contractRaw',
  'publishedAt',
  'closesAt',
  'contact',
  'status',
  'applyUrl',
] as const;
export type CaseField = (typeof CASE_FIELDS)[number];
export type CaseOffer = Record<CaseField, string | null>;

export function toCaseOffer(offer: Offer): CaseOffer {
  return {
    title: offer.title,
    organization: offer.organization,
    contract: offer.contract,
    contractRaw: offer.contractRaw,
    publishedAt: offer.publishedAt,
    closesAt: offer.closesAt,
    contact: offer.contact?.email ?? null,
    status: offer.status,
    applyUrl: offer.applyUrl,
  };
}
