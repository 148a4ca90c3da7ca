/**
 * The candidate's corrections of page-owned fields, as `editOffer` payloads. The background
 * replaces each field it is given and drops a correction equal to what the page says
 * (lib/offers-repo.ts `editFields`), so « reset to the page's value » is sending that value, and
 * a later change on the page is seen again.
 */
import type { OfferEdits } from '../../lib/application';
import { type Contact, OfferFields } from '../../lib/offer';

export const EDITABLE_FIELDS = [
  'title',
  'organization',
  'contract',
  'contractRaw',
  'status',
  'publishedAt',
  'closesAt',
  'applyUrl',
  'location',
  'remote',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export const CONTACT_PARTS = ['name', 'email', 'phone'] as const;
export type ContactPart = (typeof CONTACT_PARTS)[number];

export type FieldValue<F extends EditableField> = OfferFields[F];

export type ParseResult<V> = { ok: true; value: V } | { ok: false; reason: 'required' | 'invalid' };

/** What a form control shows for a value ('' for none). */
export function toInputValue(value: string | null | undefined): string {
  return value ?? '';
}

function parseWith<V>(schema: { safeParse(value: unknown): { success: boolean; data?: unknown } }, raw: string) {
  const trimmed = raw.trim();
  const value = trimmed === '' ? null : trimmed;
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data as V } as const;
  return { ok: false, reason: value === null ? 'required' : 'invalid' } as const;
}

/** A form control's text as the field's value, validated by the offer schema ('' → none). */
export function parseFieldInput<F extends EditableField>(field: F, raw: string): ParseResult<FieldValue<F>> {
  return parseWith<FieldValue<F>>(OfferFields.shape[field], raw);
}

const CONTACT_SCHEMAS = {
  name: OfferFields.shape.contact.unwrap().shape.name,
  email: OfferFields.shape.contact.unwrap().shape.email,
  phone: OfferFields.shape.contact.unwrap().shape.phone,
} as const;

export function parseContactInput(part: ContactPart, raw: string): ParseResult<string | null> {
  return parseWith<string | null>(CONTACT_SCHEMAS[part], raw);
}

/** The `editOffer` payload setting `field` (the page's own value removes the correction). */
export function fieldEdit<F extends EditableField>(field: F, value: FieldValue<F>): OfferEdits {
  return { [field]: value };
}

export function isFieldEdited(page: OfferFields, edits: OfferEdits, field: EditableField): boolean {
  return edits[field] !== undefined && edits[field] !== page[field];
}

const NO_CONTACT: Contact = { email: null, name: null, phone: null };

function sameContact(a: Contact | null, b: Contact | null): boolean {
  const left = a ?? NO_CONTACT;
  const right = b ?? NO_CONTACT;
  return CONTACT_PARTS.every((part) => left[part] === right[part]);
}

/** The contact the candidate sees: their corrected one, else the page's. */
export function effectiveContact(page: OfferFields, edits: OfferEdits): Contact | null {
  return edits.contact !== undefined ? edits.contact : page.contact;
}

/**
 * The `editOffer` payload setting one part of the contact (e-mail, name, phone). The contact is
 * one field: the other parts keep what the candidate sees; when the result is what the page
 * says, the page's own value is sent, which removes the correction.
 */
export function contactEdit(page: OfferFields, edits: OfferEdits, part: ContactPart, value: string | null): OfferEdits {
  const next: Contact = { ...(effectiveContact(page, edits) ?? NO_CONTACT), [part]: value };
  if (sameContact(next, page.contact)) return { contact: page.contact };
  const empty = CONTACT_PARTS.every((key) => next[key] === null);
  return { contact: empty ? null : next };
}

export function isContactPartEdited(page: OfferFields, edits: OfferEdits, part: ContactPart): boolean {
  if (edits.contact === undefined) return false;
  return (edits.contact?.[part] ?? null) !== (page.contact?.[part] ?? null);
}
