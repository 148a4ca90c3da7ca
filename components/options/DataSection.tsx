/** « Mes données »: what is stored here, then backup, restore, exports, and deleting everything. */
import { optionsCount } from '../../lib/i18n/options';
import { useLiveQuery } from '../popup/useLiveQuery';
import { useOptions, useText } from './context';
import { DeleteAllData } from './DeleteAllData';
import { ExportBackup } from './ExportBackup';
import { ExportFiles } from './ExportFiles';
import { RestoreBackup } from './RestoreBackup';

export function DataSection() {
  const { db, locale } = useOptions();
  const t = useText();
  const counts = useLiveQuery(
    async () => ({ offers: await db.offers.count(), reminders: await db.reminders.count() }),
    [db],
  );
  const stored = counts.status === 'ready' ? counts.value : { offers: 0, reminders: 0 };
  return (
    <section class="card" aria-labelledby="data-heading">
      <h2 id="data-heading">{t('dataHeading')}</h2>
      {counts.status === 'ready' && (
        <p class="data-summary">
          {t('dataSummary', {
            offers: optionsCount(locale, 'offerCount', stored.offers),
            reminders: optionsCount(locale, 'reminderCount', stored.reminders),
          })}
        </p>
      )}
      <ExportBackup />
      <RestoreBackup offersHere={stored.offers} />
      <ExportFiles />
      <DeleteAllData offers={stored.offers} reminders={stored.reminders} />
    </section>
  );
}
