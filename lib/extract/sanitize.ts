/**
 * Turns what the readers found into an offer that satisfies the `Offer` schema, without zod (the
 * content script must stay small). A value that would not pass is dropped, not the offer; the
 * property test in tests/unit/extract/never-throws.test.ts checks every result against the real
 * schema, so the two cannot drift apart. The background validates again with zod on receipt.
 */
import type { Contact, Offer, OfferField, Strategy } from '../offer';
import {
  CONTRACT_KINDS,
  EMAIL_PATTERN,
  isRealCalendarDate,
  LIMITS,
  OFFER_STATUSES,
  REMOTE_KINDS,
} from '../offer-model';
import { excerpt } from './text';
import type { Found } from './types';

export function toOffer(found: Found, canonicalUrl: string, source: string, fallbackTitle: string): Offer {
  const values = Object.fromEntries(Object.entries(found).map(([field, entry]) => [field, entry?.value]));
  const offer: Offer = {
    title: shortText(values.title) ?? shortText(fallbackTitle) ?? 'Offre',
    organization: shortText(values.organization),
    contract: oneOf(values.contract, CONTRACT_KINDS),
    contractRaw: shortText(values.contractRaw),
    publishedAt: calendarDate(values.publishedAt),
    publishedAtRaw: shortText(values.publishedAtRaw),
    closesAt: calendarDate(values.closesAt),
    closesAtRaw: shortText(values.closesAtRaw),
    contact: contact(values.contact),
    status: oneOf(values.status, OFFER_STATUSES) ?? 'unknown',
    applyUrl: boundedText(values.applyUrl, LIMITS.url),
    location: shortText(values.location),
    remote: oneOf(values.remote, REMOTE_KINDS),
    description:
      typeof values.description === 'string' && values.description.trim()
        ? excerpt(inertText(values.description), LIMITS.description)
        : null,
    url: canonicalUrl,
    source: source.slice(0, 80),
    provenance: {},
  };
  // Provenance only for the values that survived (not for a default title or status).
  for (const [field, entry] of Object.entries(found) as [OfferField, { via: Strategy } | undefined][]) {
    if (!entry || offer[field] === null) continue;
    if (field === 'title' && shortText(values.title) === null) continue;
    if (field === 'status' && oneOf(values.status, OFFER_STATUSES) === null) continue;
    offer.provenance[field] = entry.via;
  }
  return offer;
}

/**
 * Values are text, never markup: a `<` that would open a tag, an end tag, a comment or a
 * processing instruction, were the text ever parsed as HTML, is followed by a space (« < img »).
 * The panel and the popup render values as text anyway; this keeps a value inert wherever else it
 * goes (a notification server that reads markup, a mail, a calendar). The JSON-LD reader already
 * does it for the HTML inside its strings; page text and attributes (`og:title`) may hold escaped
 * markup too, and this is the one exit every reader's values go through.
 */
export function inertText(text: string): string {
  return text.replace(/<(?=[a-z!?/])/gi, '< ');
}

function boundedText(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > max) return null;
  const inert = inertText(trimmed);
  return inert.length <= max ? inert : excerpt(inert, max);
}

function shortText(value: unknown): string | null {
  return boundedText(value, LIMITS.shortText);
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | null {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

function calendarDate(value: unknown): string | null {
  return typeof value === 'string' && isRealCalendarDate(value) ? value : null;
}

function contact(value: unknown): Contact | null {
  if (typeof value !== 'object' || value === null) return null;
  const { email, name, phone } = value as Record<string, unknown>;
  const kept: Contact = {
    email:
      typeof email === 'string' && email.trim().length <= LIMITS.email && EMAIL_PATTERN.test(email.trim())
        ? email.trim()
        : null,
    name: shortText(name),
    phone: boundedText(phone, LIMITS.phone),
  };
  return kept.email || kept.name || kept.phone ? kept : null;
}
