// The popup's wiring: the locale, the database, the messaging api, then the Preact tree.
import { render } from 'preact';
import { messagingApi } from '../../components/popup/messagingApi';
import { Popup } from '../../components/popup/Popup';
import { getDb } from '../../lib/db';
import { resolveLocale } from '../../lib/i18n';

const locale = resolveLocale('auto', navigator.language);
document.documentElement.lang = locale;

const root = document.getElementById('app');
if (root) render(<Popup env={{ locale, db: getDb(), api: messagingApi(), now: () => new Date() }} />, root);
