/**
 * Contact details written in a page: e-mail addresses in `mailto:` links and in text, including
 * the usual disguises ("prenom.nom [at] exemple.fr", "%40"), and phone numbers given as such.
 * Pure string work: the caller decides which links and text count (the posting's, never the footer).
 */

// Deliberately plain: the schema's own e-mail check runs afterwards and drops anything odd.
const EMAIL = /[\p{L}\d](?:[\p{L}\d._%+-]{0,63})@[\p{L}\d](?:[\p{L}\d-]{0,62}\.)+[\p{L}]{2,24}(?![\p{L}\d-])/giu;

/**
 * "[at]", "(at)", "{at}", "[arobase]", " arobase ", and the matching "[dot]" / "(point)". A bare
 * " at " is left alone: "apply at example.com" is prose, not an address.
 */
const AT_WORD = /\s*(?:\[\s*(?:at|arobase|@)\s*\]|\(\s*(?:at|arobase|@)\s*\)|\{\s*at\s*\}|\sarobase\s)\s*/giu;
const DOT_WORD = /\s*(?:\[\s*(?:dot|point)\s*\]|\(\s*(?:dot|point)\s*\)|\{\s*dot\s*\})\s*/giu;

const MAX_TEXT = 200_000;

/** Undoes the common ways people hide an address from robots, before looking for addresses. */
export function revealEmails(text: string): string {
  return text.replace(AT_WORD, '@').replace(DOT_WORD, '.');
}

/** Every address in `text`, in order, without repeats (compared case-insensitively). */
export function findEmails(text: string): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  for (const match of revealEmails(text.slice(0, MAX_TEXT)).matchAll(EMAIL)) {
    const address = match[0].replace(/\.+$/, '');
    const key = address.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    found.push(address);
  }
  return found;
}

/** The address of a `mailto:` link ("mailto:a%40b.fr?subject=…" → "a@b.fr"), or null. */
export function emailFromMailto(href: string | null | undefined): string | null {
  if (!href) return null;
  const match = /^\s*mailto:([^?#]*)/i.exec(href);
  if (!match?.[1]) return null;
  let target = match[1];
  try {
    target = decodeURIComponent(target);
  } catch {
    // A broken escape: read the address as written.
  }
  // "mailto:a@b.fr,c@d.fr" names several recipients; the first is the contact.
  return findEmails(target.split(/[,;]/)[0] ?? '')[0] ?? null;
}

/**
 * The contact address among a posting's links and text: a `mailto:` link wins over an address in
 * the text, since the link is what the page asks people to use (its visible text may differ).
 */
export function firstEmail(linkTargets: readonly string[], text: string): string | null {
  for (const href of linkTargets) {
    const address = emailFromMailto(href);
    if (address) return address;
  }
  return findEmails(text)[0] ?? null;
}

// French numbers ("01 23 45 67 89", "01.23.45.67.89", "+33 (0)1 23 45 67 89") and international ones.
const PHONE =
  /(?:\+\d{1,3}[\s.-]?(?:\(0\)\s?)?\d(?:[\s.-]?\d{2}){4}|\b0\d(?:[\s.-]?\d{2}){4}|\+\d[\d\s.()-]{7,16}\d)(?!\d)/u;
const PHONE_LABEL = /(?:t[ée]l[ée]phone|t[ée]l\.?|phone|mobile|portable)\s*(?:\([^)]{0,20}\))?\s*[:：.-]?\s*/giu;

/** A phone number the text gives as one ("Tél. : 01 23 45 67 89"), or a `tel:` link's number. */
export function findPhone(linkTargets: readonly string[], text: string): string | null {
  for (const href of linkTargets) {
    const match = /^\s*tel:(.+)$/i.exec(href);
    const number = match?.[1] ? decodeSafely(match[1]).trim() : '';
    if (number.replace(/\D/g, '').length >= 6) return cleanPhone(number);
  }
  for (const label of text.slice(0, MAX_TEXT).matchAll(PHONE_LABEL)) {
    const from = label.index + label[0].length;
    const match = PHONE.exec(text.slice(from, from + 30));
    if (match && match.index <= 2) return cleanPhone(match[0]);
  }
  return null;
}

function cleanPhone(phone: string): string {
  return phone.replace(/\s+/g, ' ').trim().slice(0, 40);
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
