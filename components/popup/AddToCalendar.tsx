/**
 * « Ajouter à mon agenda » in an offer's detail: its closing date and its reminders as a small
 * .ics file (lib/export/offer-calendar.ts), downloaded from the popup. Offered only when there
 * is something to put in an agenda.
 */
import type { OfferRow } from '../../lib/db';
import { downloadOfferCalendar } from '../../lib/export/offer-calendar';
import { effectiveFields } from '../../lib/saved-offer';
import { usePopup, useText } from './context';
import { useLiveQuery } from './useLiveQuery';
import './add-to-calendar.css';

export function AddToCalendar({ row }: { row: OfferRow }) {
  const { db, locale, now, reportError } = usePopup();
  const t = useText();
  const reminders = useLiveQuery(() => db.reminders.where('offerId').equals(row.id).toArray(), [db, row.id]);
  if (reminders.status !== 'ready') return null;
  const stored = reminders.value;
  if (effectiveFields(row).closesAt === null && stored.length === 0) return null;

  const download = () => {
    try {
      downloadOfferCalendar(row, stored, locale, { now: now() });
    } catch (error) {
      reportError(error);
    }
  };
  return (
    <button type="button" class="button button--small add-to-calendar" onClick={download}>
      {t('addToCalendar')}
    </button>
  );
}
