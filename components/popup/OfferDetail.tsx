/**
 * The detail of one saved offer: what it is and where to go (the page, applying, the contact),
 * the application's stage and history, changes seen on the page, notes, reminders, every field
 * correctable, and delete (with undo, shown by the shell). Escape goes back to the list.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { OfferRow } from '../../lib/db';
import { effectiveFields } from '../../lib/saved-offer';
import { AddToCalendar } from './AddToCalendar';
import { closingState, isUrgent } from './closingLabel';
import { usePopup, useRun, useText } from './context';
import { describeChange } from './describeChange';
import { FieldsSection } from './FieldsSection';
import { closingText, contractSummary } from './labels';
import { applyHref, mailtoHref, telHref, webHref } from './links';
import { localIsoDate } from './localDates';
import { NotesSection } from './NotesSection';
import { RemindersSection } from './RemindersSection';
import { StageSection } from './StageSection';
import { useLiveQuery } from './useLiveQuery';

export function OfferDetail({ id }: { id: string }) {
  const { db, closeOffer } = usePopup();
  const t = useText();
  const result = useLiveQuery(() => db.offers.get(id).then((row) => row ?? null), [db, id]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) closeOffer();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [closeOffer]);

  const backButton = (
    <button type="button" class="button button--back" onClick={closeOffer}>
      <span aria-hidden="true">← </span>
      {t('back')}
    </button>
  );

  if (result.status === 'loading') return <div class="detail">{backButton}</div>;
  if (result.status === 'error' || result.value === null) {
    return (
      <div class="detail">
        {backButton}
        <p class="notice">{t('detailNotFound')}</p>
      </div>
    );
  }
  return <DetailBody row={result.value} backButton={backButton} />;
}

function DetailBody({ row, backButton }: { row: OfferRow; backButton: ComponentChildren }) {
  const { api, locale, now, offerDeleted } = usePopup();
  const run = useRun();
  const t = useText();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const fields = effectiveFields(row);

  // Moving into the view moves focus to its heading, so a screen reader says where we are.
  useLayoutEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    document.title = `${fields.title} — Postulo`;
    return () => {
      document.title = 'Postulo';
    };
  }, [fields.title]);

  const state = closingState(fields.status, fields.closesAt, localIsoDate(now()));
  const closing = closingText(state, locale);
  const meta = [fields.organization, contractSummary(fields.contract, fields.contractRaw, locale), fields.location]
    .filter(Boolean)
    .join(' · ');
  const pageHref = webHref(row.page.url);
  const apply = applyHref(fields.applyUrl);
  const email = mailtoHref(fields.contact?.email);
  const phone = telHref(fields.contact?.phone);
  const newTab = <span class="visually-hidden"> {t('newTab')}</span>;

  const remove = async () => {
    const outcome = await run(() => api.deleteOffer({ id: row.id }));
    if (outcome.ok) offerDeleted(outcome.value);
  };

  return (
    <article class="detail" aria-labelledby="detail-title">
      {backButton}
      <header class="detail__header">
        <h1 id="detail-title" ref={headingRef} tabIndex={-1}>
          {fields.title}
        </h1>
        {meta && <p class="muted">{meta}</p>}
        {closing && (
          <p>
            <span class={`badge badge--closing badge--${state.kind}${isUrgent(state) ? ' badge--urgent' : ''}`}>
              {closing}
            </span>
          </p>
        )}
        <ul class="links">
          {pageHref && (
            <li>
              <a href={pageHref} target="_blank" rel="noopener noreferrer">
                {t('originalPage')}
                {newTab}
              </a>
            </li>
          )}
          {apply && (
            <li>
              <a href={apply} target="_blank" rel="noopener noreferrer">
                {t('applyLink')}
                {newTab}
              </a>
            </li>
          )}
          {email && fields.contact?.email && (
            <li>
              <a href={email}>{t('writeTo', { email: fields.contact.email })}</a>
            </li>
          )}
          {phone && fields.contact?.phone && (
            <li>
              <a href={phone}>{t('callNumber', { phone: fields.contact.phone })}</a>
            </li>
          )}
        </ul>
        <AddToCalendar row={row} />
      </header>
      <StageSection row={row} />
      {row.changes.length > 0 && (
        <section class="card" aria-labelledby="changes-heading">
          <h2 id="changes-heading">{t('changesHeading')}</h2>
          <ul class="changes">
            {[...row.changes].reverse().map((change) => (
              <li key={`${change.at}-${change.field}`}>{describeChange(change, locale)}</li>
            ))}
          </ul>
        </section>
      )}
      <NotesSection row={row} />
      <RemindersSection row={row} />
      <FieldsSection row={row} />
      <div class="danger-zone">
        <button type="button" class="button button--danger" onClick={() => void remove()}>
          {t('deleteOffer')}
        </button>
      </div>
    </article>
  );
}
