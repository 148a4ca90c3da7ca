/**
 * Listing pages of the incubator sites (the list of open or filled posts): which links on them
 * lead to a posting, and in which card each one sits, so the content script can mark the postings
 * the candidate already saved. Pure: the document and its URL are parameters.
 *
 * Listings: incubateur.anct.gouv.fr `/recrutements/`, `/recrutements/pourvues/`, `/recrutement/`
 * (2020); beta.gouv.fr `/recrutement/`. A posting link is a link of the same site whose path lies
 * below the recruiting section (`/recrutements/<equipe>-<role>-<id>/`, `/recrutement/<equipe>/<role>/`,
 * `/recrutement/2021/09/23/<name>.html`) and is not itself a listing.
 */
import { canonicalUrl } from './url';

interface ListingSite {
  hosts: ReadonlySet<string>;
  /** Lower-cased path segments of each listing page. */
  listings: readonly (readonly string[])[];
  /** First path segment of the section that holds postings. */
  sections: ReadonlySet<string>;
}

const LISTING_SITES: readonly ListingSite[] = [
  {
    hosts: new Set(['incubateur.anct.gouv.fr', 'www.incubateur.anct.gouv.fr']),
    listings: [['recrutements'], ['recrutements', 'pourvues'], ['recrutement']],
    sections: new Set(['recrutements', 'recrutement']),
  },
  {
    hosts: new Set(['beta.gouv.fr', 'www.beta.gouv.fr']),
    listings: [['recrutement']],
    sections: new Set(['recrutement']),
  },
];

/** `lookupOffers` answers at most this many URLs at once; a listing holds far fewer. */
export const MAX_MARKED_LINKS = 500;

/** How far up from a link its card may be: cards are a few wrappers deep, not the page. */
const MAX_CARD_DEPTH = 6;

export interface PostingLink {
  /** The posting's canonical URL (what `lookupOffers` and the database key on). */
  url: string;
  link: HTMLAnchorElement;
  /** The card the link belongs to: its nearest ancestor that holds no other posting. */
  card: Element;
  /** Where a mark reads naturally: the link's own heading (inside or around it), else the link. */
  slot: Element;
}

export function isListingPage(url: URL): boolean {
  const site = siteOf(url);
  if (!site) return false;
  const segments = pathSegments(url);
  return site.listings.some((listing) => sameSegments(listing, segments));
}

/** The posting links of a listing page, one per card, in page order; none off a listing. */
export function findPostingLinks(document: Document, pageUrl: URL): PostingLink[] {
  const site = siteOf(pageUrl);
  if (!site || !isListingPage(pageUrl)) return [];

  const links: Array<{ url: string; link: HTMLAnchorElement }> = [];
  for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
    const url = postingUrl(link, pageUrl, site);
    if (url) links.push({ url, link });
  }

  const found: PostingLink[] = [];
  const cards = new Set<Element>();
  for (const { url, link } of links) {
    const card = cardOf(link, url, links);
    if (cards.has(card)) continue; // an image and a title linking to the same posting: one mark
    cards.add(card);
    found.push({ url, link, card, slot: slotOf(link) });
    if (found.length >= MAX_MARKED_LINKS) break;
  }
  return found;
}

function postingUrl(link: HTMLAnchorElement, pageUrl: URL, site: ListingSite): string | null {
  let target: URL;
  try {
    target = new URL(link.getAttribute('href') ?? '', pageUrl);
  } catch {
    return null;
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return null;
  if (!site.hosts.has(target.hostname)) return null;
  const segments = pathSegments(target);
  const [section] = segments;
  if (section === undefined || !site.sections.has(section) || segments.length < 2) return null;
  if (site.listings.some((listing) => sameSegments(listing, segments))) return null;
  return canonicalUrl(target);
}

/** Climbs from the link while the ancestor still holds no link to another posting. */
function cardOf(link: Element, url: string, links: ReadonlyArray<{ url: string; link: Element }>): Element {
  let card: Element = link;
  for (let depth = 0; depth < MAX_CARD_DEPTH; depth++) {
    const parent = card.parentElement;
    if (!parent || parent.localName === 'body' || parent.localName === 'html') break;
    const holdsAnother = links.some((other) => other.url !== url && parent.contains(other.link));
    if (holdsAnother) break;
    card = parent;
  }
  return card;
}

const HEADING = 'h1, h2, h3, h4, h5, h6';

/** Looked for from the link, not the card: a lone card may climb up to a wrapper with the page's title. */
function slotOf(link: Element): Element {
  return link.querySelector(HEADING) ?? link.closest(HEADING) ?? link;
}

function siteOf(url: URL): ListingSite | null {
  const host = url.hostname.toLowerCase();
  return LISTING_SITES.find((site) => site.hosts.has(host)) ?? null;
}

function pathSegments(url: URL): string[] {
  return url.pathname
    .split('/')
    .filter((segment) => segment !== '' && segment !== 'index.html')
    .map((segment) => segment.toLowerCase());
}

function sameSegments(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}
