// The popup's wiring: the locale (the options' choice, else the browser's, followed live), the
// database, the messaging api, then the Preact tree with « À faire » in its slot. The top of the
// list is read while the settings load, so that the first paint already shows offers.
import { render } from 'preact';
import { localIsoDate } from '../../components/popup/localDates';
import { messagingApi } from '../../components/popup/messagingApi';
import { Popup } from '../../components/popup/Popup';
import type { ListItem } from '../../components/popup/sortAndFilter';
import { TodoSection } from '../../components/popup/TodoSection';
import { readFirstScreen } from '../../components/popup/useOfferItems';
import { getDb } from '../../lib/db';
import { type Locale, type LocaleSetting, resolveLocale } from '../../lib/i18n';
import { persistStorageOnce } from '../../lib/persist-storage';
import { loadSettings, watchSettings } from '../../lib/settings-store';

async function start(root: HTMLElement): Promise<void> {
  const db = getDb();
  const now = () => new Date();
  // A failed read shows nothing early: the list reads again and reports the error.
  const firstScreen = readFirstScreen(db, localIsoDate(now())).catch(() => null);
  let preread: readonly ListItem[] | null = null;
  const takeFirstScreen = () => {
    const rows = preread;
    preread = null;
    return rows;
  };
  const services = { db, api: messagingApi(), now, takeFirstScreen };
  let shown: Locale | null = null;
  const show = (setting: LocaleSetting) => {
    const locale = resolveLocale(setting, navigator.language);
    // Other settings change too (reminders…): only a new language re-renders.
    if (locale === shown) return;
    shown = locale;
    document.documentElement.lang = locale;
    render(<Popup env={{ ...services, locale }} todo={<TodoSection />} />, root);
  };

  // A change made in the options while the popup is open shows at once, without a reload.
  let changed: LocaleSetting | null = null;
  watchSettings((settings) => {
    changed = settings.locale;
    show(changed);
  });
  const [stored] = await Promise.all([
    loadSettings().then(
      (settings): LocaleSetting => settings.locale,
      (): LocaleSetting => 'auto',
    ),
    firstScreen.then((rows) => {
      preread = rows;
    }),
  ]);
  // A change that arrived while loading is newer than what was loaded.
  show(changed ?? stored);
}

// So that a disk running low never evicts the candidate's offers (asked once, lib/persist-storage.ts);
// after the first paint, which it must not delay.
setTimeout(() => void persistStorageOnce(), 1000);

const root = document.getElementById('app');
if (root) void start(root);
