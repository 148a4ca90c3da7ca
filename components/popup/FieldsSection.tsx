/** « Informations de l'offre »: every page-owned field, correctable, with the page's value kept. */
import type { OfferEdits } from '../../lib/application';
import type { OfferRow } from '../../lib/db';
import { formatIsoDate, type Locale } from '../../lib/i18n';
import type { PopupMessageKey } from '../../lib/i18n/popup';
import { CONTRACT_KINDS, OFFER_STATUSES, type OfferFields, Remote } from '../../lib/offer';
import { effectiveFields } from '../../lib/saved-offer';
import { usePopup, useRun, useText } from './context';
import { EditableField, type FieldControl, type FieldOption } from './EditableField';
import {
  CONTACT_PARTS,
  type ContactPart,
  contactEdit,
  EDITABLE_FIELDS,
  effectiveContact,
  type EditableField as Field,
  fieldEdit,
  isContactPartEdited,
  isFieldEdited,
  type ParseResult,
  parseContactInput,
  parseFieldInput,
  toInputValue,
} from './fieldEdits';
import { contractLabel, remoteLabel, statusLabel } from './labels';

const CONTROLS: Record<Field, FieldControl> = {
  title: 'text',
  organization: 'text',
  contract: 'select',
  contractRaw: 'text',
  status: 'select',
  publishedAt: 'date',
  closesAt: 'date',
  applyUrl: 'url',
  location: 'text',
  remote: 'select',
};

const CONTACT_CONTROLS: Record<ContactPart, FieldControl> = { name: 'text', email: 'email', phone: 'tel' };

function optionsFor(field: Field, locale: Locale, notSet: string): readonly FieldOption[] | undefined {
  if (field === 'contract') {
    return [
      { value: '', label: notSet },
      ...CONTRACT_KINDS.map((kind) => ({ value: kind, label: contractLabel(kind, locale) })),
    ];
  }
  if (field === 'status')
    return OFFER_STATUSES.map((status) => ({ value: status, label: statusLabel(status, locale) }));
  if (field === 'remote') {
    return [
      { value: '', label: notSet },
      ...Remote.options.map((remote) => ({ value: remote, label: remoteLabel(remote, locale) })),
    ];
  }
  return undefined;
}

/** The page's value of a field in words, for « Sur la page : … ». */
function pageWords(field: Field, page: OfferFields, locale: Locale): string | null {
  switch (field) {
    case 'contract':
      return page.contract && contractLabel(page.contract, locale);
    case 'status':
      return statusLabel(page.status, locale);
    case 'remote':
      return page.remote && remoteLabel(page.remote, locale);
    case 'publishedAt':
    case 'closesAt': {
      const date = page[field];
      return date && formatIsoDate(date, locale);
    }
    default:
      return page[field];
  }
}

function problemOf(result: ParseResult<unknown>, control: FieldControl): PopupMessageKey | null {
  if (result.ok) return null;
  if (result.reason === 'required') return 'errorRequired';
  return control === 'email' ? 'errorInvalidEmail' : 'errorInvalid';
}

export function FieldsSection({ row }: { row: OfferRow }) {
  const { api, locale } = usePopup();
  const run = useRun();
  const t = useText();
  const page = row.page;
  const edits = row.application.edits;
  const shown = effectiveFields(row);
  const save = (change: OfferEdits) => void run(() => api.editOffer({ id: row.id, edits: change }));

  const fieldHint = (field: Field): string | null => {
    // The page's own wording helps check a date or contract the reader had to interpret.
    const raw = field === 'closesAt' ? page.closesAtRaw : field === 'publishedAt' ? page.publishedAtRaw : null;
    return raw && !isFieldEdited(page, edits, field) ? t('pageValue', { value: raw }) : null;
  };

  const contact = effectiveContact(page, edits);

  return (
    <section class="card" aria-labelledby="fields-heading">
      <h2 id="fields-heading">{t('fieldsHeading')}</h2>
      <p class="muted">{t('fieldsHint')}</p>
      {EDITABLE_FIELDS.map((field) => {
        const control = CONTROLS[field];
        return (
          <EditableField
            key={field}
            id={`field-${field}`}
            label={t(`field_${field}`)}
            control={control}
            options={optionsFor(field, locale, t('notSet'))}
            value={toInputValue(shown[field])}
            pageValue={pageWords(field, page, locale)}
            edited={isFieldEdited(page, edits, field)}
            hint={fieldHint(field)}
            validate={(raw) => problemOf(parseFieldInput(field, raw), control)}
            onCommit={(raw) => {
              const parsed = parseFieldInput(field, raw);
              if (parsed.ok) save(fieldEdit(field, parsed.value));
            }}
            onReset={() => save(fieldEdit(field, page[field]))}
          />
        );
      })}
      {CONTACT_PARTS.map((part) => {
        const control = CONTACT_CONTROLS[part];
        return (
          <EditableField
            key={`contact-${part}`}
            id={`contact-${part}`}
            label={t(`contact_${part}`)}
            control={control}
            value={toInputValue(contact?.[part])}
            pageValue={page.contact?.[part] ?? null}
            edited={isContactPartEdited(page, edits, part)}
            validate={(raw) => problemOf(parseContactInput(part, raw), control)}
            onCommit={(raw) => {
              const parsed = parseContactInput(part, raw);
              if (parsed.ok) save(contactEdit(page, edits, part, parsed.value));
            }}
            onReset={() => save(contactEdit(page, edits, part, page.contact?.[part] ?? null))}
          />
        );
      })}
    </section>
  );
}
