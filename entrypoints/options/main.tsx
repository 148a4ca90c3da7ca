// The options page's wiring: the database, the messaging api, the download, then the Preact tree.
import { render } from 'preact';
import { messagingApi } from '../../components/options/messagingApi';
import { OptionsPage } from '../../components/options/OptionsPage';
import { getDb } from '../../lib/db';
import { downloadTextFile } from '../../lib/export/download';
import { persistStorageOnce } from '../../lib/persist-storage';

// So that a disk running low never evicts the candidate's offers (asked once, lib/persist-storage.ts).
void persistStorageOnce();

const root = document.getElementById('app');
if (root) {
  render(
    <OptionsPage
      env={{
        db: getDb(),
        api: messagingApi(),
        browserLanguage: navigator.language,
        now: () => new Date(),
        download: (file) => downloadTextFile(document, file),
      }}
    />,
    root,
  );
}
