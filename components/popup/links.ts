/**
 * Page text becomes a link only in forms that cannot run anything: http(s) pages, e-mail
 * addresses and phone numbers. Anything else (javascript:, data:, relative paths) stays text.
 */
import { isWebUrl } from '../../lib/url';

/** An http(s) address, else null. */
export function webHref(value: string | null | undefined): string | null {
  return value && isWebUrl(value.trim()) ? new URL(value.trim()).href : null;
}

const EMAIL = /^[^\s@?&#/:]+@[^\s@?&#/:]+\.[^\s@?&#/:]+$/;

/** `mailto:` for a plain address, else null. */
export function mailtoHref(email: string | null | undefined): string | null {
  const address = email?.trim();
  return address && EMAIL.test(address) ? `mailto:${address}` : null;
}

/** `tel:` with the digits of a phone number (and a leading +), else null. */
export function telHref(phone: string | null | undefined): string | null {
  const trimmed = phone?.trim() ?? '';
  const digits = trimmed.replace(/[^\d]/g, '');
  if (digits.length < 6) return null;
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${digits}`;
}

/** Where « Postuler » leads: a web page or an e-mail address given as the apply link. */
export function applyHref(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^mailto:/i.test(trimmed)) return mailtoHref(trimmed.slice('mailto:'.length).split('?')[0]);
  return webHref(trimmed) ?? mailtoHref(trimmed);
}
