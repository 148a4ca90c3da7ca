// The popup's wiring: the locale (the options' choice, else the browser's), the database, the
// messaging api, then the Preact tree with « À faire » in its slot.
import { render } from 'preact';
import { messagingApi } from '../../components/popup/messagingApi';
import { Popup } from '../../components/popup/Popup';
import { TodoSection } from '../../components/popup/TodoSection';
import { getDb } from '../../lib/db';
import { type LocaleSetting, resolveLocale } from '../../lib/i18n';
import { loadSettings } from '../../lib/settings-store';

async function start(root: HTMLElement): Promise<void> {
  const setting: LocaleSetting = await loadSettings().then(
    (settings) => settings.locale,
    () => 'auto',
  );
  const locale = resolveLocale(setting, navigator.language);
  document.documentElement.lang = locale;
  render(
    <Popup env={{ locale, db: getDb(), api: messagingApi(), now: () => new Date() }} todo={<TodoSection />} />,
    root,
  );
}

const root = document.getElementById('app');
if (root) void start(root);
