// The popup's wiring, loaded by main.ts: the locale (the options' choice, else the browser's,
// followed live), the database, the messaging api, then the Preact tree with « À faire » in its
// slot. It takes the place of the first screen, with the rows main.ts read for it.
import { render } from 'preact';
import { keepFirstScreenRemembered } from '../../components/popup/keepFirstScreenRemembered';
import { messagingApi } from '../../components/popup/messagingApi';
import { Popup } from '../../components/popup/Popup';
import type { ListItem } from '../../components/popup/sortAndFilter';
import { TodoSection } from '../../components/popup/TodoSection';
import { getDb } from '../../lib/db';
import { rememberDatabaseOpened } from '../../lib/db-peek';
import { type Locale, type LocaleSetting, resolveLocale } from '../../lib/i18n';
import { persistStorageOnce } from '../../lib/persist-storage';
import { loadSettings, watchSettings } from '../../lib/settings-store';

/** `firstScreen`: the top of the list already read (null when it could not be), given to the list once. */
export async function startPopup(root: HTMLElement, firstScreen: readonly ListItem[] | null): Promise<void> {
  let preread = firstScreen;
  const takeFirstScreen = () => {
    const rows = preread;
    preread = null;
    return rows;
  };
  const services = { db: getDb(), api: messagingApi(), now: () => new Date(), takeFirstScreen };
  // From now on, the next popups may read their first screen before Dexie (lib/db-peek.ts).
  // A failed open is the list's to report.
  services.db.open().then(
    () => rememberDatabaseOpened(localStorage),
    () => {},
  );
  // What the next popup paints first (rememberedFirstScreen.ts), kept as this one sees the list.
  const firstScreenKeeper = keepFirstScreenRemembered(services.db, localStorage, services.now);
  let shown: Locale | null = null;
  const show = (setting: LocaleSetting) => {
    const locale = resolveLocale(setting, navigator.language);
    // Other settings change too (reminders…): only a new language re-renders.
    if (locale === shown) return;
    // The first time, the first screen (built by main.ts without Preact) gives way to the popup
    // in this same task: nothing is painted in between.
    if (shown === null) root.replaceChildren();
    shown = locale;
    firstScreenKeeper.setLocale(locale);
    document.documentElement.lang = locale;
    render(<Popup env={{ ...services, locale }} todo={<TodoSection />} />, root);
  };

  // A change made in the options while the popup is open shows at once, without a reload.
  let changed: LocaleSetting | null = null;
  watchSettings((settings) => {
    changed = settings.locale;
    show(changed);
  });
  const stored = await loadSettings().then(
    (settings): LocaleSetting => settings.locale,
    (): LocaleSetting => 'auto',
  );
  // A change that arrived while loading is newer than what was loaded.
  show(changed ?? stored);

  // So that a disk running low never evicts the candidate's offers (asked once,
  // lib/persist-storage.ts); after the first paint, which it must not delay.
  setTimeout(() => void persistStorageOnce(), 1000);
}
