// The first screen's two reads, started as this file is evaluated: main.ts imports it before
// anything else, and modules run in import order, bundled or not. The database read is the
// longest wait before the popup's first paint; begun here, it runs while the rest of the first
// screen's code (Preact, the list view, the texts, the styles) is evaluated, not after it.
import { browser } from 'wxt/browser';
import { readFirstScreen } from '../../components/popup/firstScreen';
import { localIsoDate } from '../../components/popup/localDates';
import { storedLocaleSetting } from '../../lib/stored-locale';

/** The top of the list, or null when it cannot be read early (the popup then reads it whole). */
export const firstScreenRows = readFirstScreen(indexedDB, localStorage, localIsoDate(new Date())).catch(() => null);

/** The language chosen in the options. */
export const localeSetting = storedLocaleSetting(browser.storage.local);
