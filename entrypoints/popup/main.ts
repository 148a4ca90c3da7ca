// The popup's first screen, then the popup. Opening the popup loads a lot of code (Preact, Dexie,
// the schemas, every view); this entry holds only what paints the top of the list: it reads the
// first screen and the chosen language, builds them with the DOM API (firstScreenView.ts), and
// once they are painted loads the popup (app.tsx), which takes the same place with the same rows.
// Before the database answers, it paints the first screen the last popup showed, when it has one
// (rememberedFirstScreen.ts): reading localStorage takes no wait, opening IndexedDB does.
// It is built on its own into one file, styles included (see wxt.config.ts): the first paint
// waits for no other file.
// biome-ignore assist/source/organizeImports: first, as it starts the reads the first screen waits for (see there).
import { firstScreenRows, localeSetting } from './first-reads';
import { offerIdFromSearch, pushOfferAddress } from '../../components/popup/address';
import { prepareFirstScreen } from '../../components/popup/firstScreenView';
import { localIsoDate } from '../../components/popup/localDates';
import popupStyles from '../../components/popup/popup.css?inline';
import {
  type RememberedFirstScreen,
  recallFirstScreen,
  rememberFirstScreen,
  sameFirstScreen,
} from '../../components/popup/rememberedFirstScreen';
import { type Locale, resolveLocale } from '../../lib/i18n';

/** The popup's look, from this file rather than a stylesheet of its own: one file less to wait for. */
function applyStyles(css: string): void {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
}

async function start(root: HTMLElement): Promise<void> {
  // While the reads are on their way.
  applyStyles(popupStyles);
  // Opened on an offer (`?offer=…`), the popup shows its detail, not the list.
  const listShown = offerIdFromSearch(window.location.search) === null;
  const frame = (locale: Locale) => ({
    locale,
    now: new Date(),
    viewportHeight: window.innerHeight,
    openOffer: pushOfferAddress,
  });
  const show = (screen: RememberedFirstScreen, prepared = prepareFirstScreen(frame(screen.locale))) => {
    document.documentElement.lang = screen.locale;
    root.replaceChildren(prepared.withRows(screen.items));
  };

  // The screen the last popup showed, painted at once; the database's replaces it if they differ.
  const recalled = listShown ? recallFirstScreen(localStorage, localIsoDate(new Date())) : null;
  if (recalled) show(recalled);
  // The language comes back before the rows, as a rule: all but the rows is built meanwhile.
  const locale = resolveLocale(await localeSetting, navigator.language);
  const prepared = listShown && !recalled ? prepareFirstScreen(frame(locale)) : undefined;
  // A failed read shows nothing early: the popup reads the list itself and reports the error.
  const rows = await firstScreenRows;
  const read = rows && rows.length > 0 ? { locale, items: rows } : null;
  if (listShown) {
    rememberFirstScreen(localStorage, read);
    if (read === null) root.replaceChildren();
    else {
      if (!(recalled && sameFirstScreen(recalled, read))) show(read, prepared);
      // The popup's code is loaded once these rows are on screen. Other threads put a painted
      // frame on screen; loading and evaluating that code meanwhile took the CPU from them and
      // held the rows back by a frame on a 2-core machine (BENCHMARKS.md).
      await afterFirstPaint();
    }
  }
  const { startPopup } = await import('./app');
  await startPopup(root, rows);
}

/**
 * Resolves once the browser reports the page's first contentful paint (Paint Timing), the first
 * screen's rows; after `fallbackMs` at most, for a browser that reports none.
 */
function afterFirstPaint(fallbackMs = 200): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, fallbackMs);
    const observer = new PerformanceObserver((entries) => {
      if (entries.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    });
    observer.observe({ type: 'paint', buffered: true });
  });
}

const root = document.getElementById('app');
if (root) void start(root);
