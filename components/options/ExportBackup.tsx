/** « Exporter une sauvegarde »: everything in one JSON file, downloaded. */
import { useState } from 'preact/hooks';
import { exportBackup } from '../../lib/backup/export';
import { backupFileName } from '../../lib/backup/format';
import { MIME } from '../../lib/export/download';
import { reasonOf, useOptions, useText } from './context';

export function ExportBackup() {
  const { db, settings, now, download } = useOptions();
  const t = useText();
  const [outcome, setOutcome] = useState<{ ok: true; name: string } | { ok: false; reason: string } | null>(null);

  const run = async () => {
    try {
      const at = now();
      const name = backupFileName(at);
      download({ name, text: await exportBackup(db, settings, at), type: MIME.backup });
      setOutcome({ ok: true, name });
    } catch (error) {
      setOutcome({ ok: false, reason: reasonOf(error) ?? t('errorUnknown') });
    }
  };

  return (
    <section class="subsection" aria-labelledby="backup-heading">
      <h3 id="backup-heading">{t('backupHeading')}</h3>
      <p class="help" id="backup-help">
        {t('backupHelp')}
      </p>
      <button type="button" class="button button--primary" aria-describedby="backup-help" onClick={() => void run()}>
        {t('exportBackup')}
      </button>
      <p role="status" class="status">
        {outcome?.ok ? t('exportDone', { name: outcome.name }) : ''}
      </p>
      {outcome && !outcome.ok && (
        <p role="alert" class="problem">
          {t('exportFailed', { reason: outcome.reason })}
        </p>
      )}
    </section>
  );
}
