// The record page's wiring: the database, the address's period, printing, then the Preact tree.
import { render } from 'preact';
import { RecordPage } from '../../components/record/RecordPage';
import { getDb } from '../../lib/db';

const root = document.getElementById('app');
if (root) {
  render(
    <RecordPage
      env={{
        db: getDb(),
        browserLanguage: navigator.language,
        now: () => new Date(),
        search: window.location.search,
        replaceSearch: (search) => window.history.replaceState(null, '', search),
        print: () => window.print(),
      }}
    />,
    root,
  );
}
