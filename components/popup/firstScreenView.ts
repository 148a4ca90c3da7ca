/**
 * The popup's first screen, built with the DOM API while the rest of the popup (Preact, the
 * database, every view) is still loading. Preact rendering the list view, its code met for the
 * first time in a fresh popup, was the larger part of the first screen's own time before its
 * first paint (BENCHMARKS.md); these few elements take a fraction of it.
 *
 * Its markup is the list view's in its first render, element for element and attribute for
 * attribute (ListView.tsx with CurrentTabSection.tsx, OfferList.tsx, VirtualList.tsx,
 * OfferRowView.tsx; words and classes from offerRow.ts and labels.ts), so nothing moves when the
 * popup takes its place: tests/unit/popup/first-screen.test.tsx compares the two.
 *
 * Page text (roles, organisations) goes in as text nodes, never as markup.
 */
import type { Locale } from '../../lib/i18n';
import { type PopupMessageKey, popupText } from '../../lib/i18n/popup';
import { stageName } from '../../lib/i18n/stages';
import { stageFilterOptions } from './labels';
import { localIsoDate } from './localDates';
import { closingBadge, ROW_REM, rowMeta, stageBadgeClass } from './offerRow';
import type { ListItem } from './sortAndFilter';
import { firstRange } from './virtualWindow';

/** What the first screen shows but its rows. */
export interface FirstScreenFrame {
  locale: Locale;
  now: Date;
  /** The window's height, in CSS pixels: rows below it are left to the popup. */
  viewportHeight: number;
  /** A row clicked: the popup opens that offer once it has loaded (address.ts). */
  openOffer: (id: string) => void;
}

/** The first screen once its rows are given; to be called once. */
export interface PreparedFirstScreen {
  withRows(items: readonly ListItem[]): HTMLElement;
}

/** An element with its attributes in the given order (Preact's, the props' order) and its children. */
function element(tag: string, attributes: Record<string, string>, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/**
 * The list view's first render, busy, as the popup replaces all of it in a moment. All but the
 * rows and the stage filter's counts is built here, the rest by `withRows`: the entry builds this
 * while the rows are being read, so that only they are left once they are in.
 */
export function prepareFirstScreen(frame: FirstScreenFrame): PreparedFirstScreen {
  const text = (key: PopupMessageKey) => popupText(frame.locale, key);
  const stageFilter = element('select', { id: 'stage-filter' });
  const offerList = offerListSection(text, stageFilter);
  const main = element(
    'main',
    { class: 'popup', lang: frame.locale, 'aria-busy': 'true' },
    element(
      'div',
      { class: 'list-view' },
      element('h1', { class: 'app-title' }, text('appTitle')),
      currentTabSection(text),
      offerList,
    ),
  );
  main.addEventListener('click', (event) => {
    const row = event.target instanceof Element ? event.target.closest<HTMLElement>('.offer-row') : null;
    const id = row?.dataset.offerId;
    if (id) frame.openOffer(id);
  });
  return {
    withRows(items) {
      for (const { value, label } of stageFilterOptions(items, frame.locale))
        stageFilter.append(element('option', { value }, label));
      offerList.append(rowList(frame, items, text('listHeading')));
      return main;
    },
  };
}

/** CurrentTabSection.tsx, while the tab has not answered. */
function currentTabSection(text: (key: PopupMessageKey) => string): HTMLElement {
  return element(
    'section',
    { class: 'current-tab', 'aria-labelledby': 'current-tab-heading' },
    element('h2', { id: 'current-tab-heading', class: 'eyebrow' }, text('tabHeading')),
    element('p', { class: 'muted', role: 'status' }, text('tabReading')),
  );
}

/** OfferList.tsx while the whole list is being read, with no filter; its rows come after. */
function offerListSection(text: (key: PopupMessageKey) => string, stageFilter: HTMLElement): HTMLElement {
  return element(
    'section',
    { class: 'offer-list', 'aria-labelledby': 'list-heading' },
    element(
      'div',
      { class: 'offer-list__heading' },
      element('h2', { id: 'list-heading' }, text('listHeading')),
      element('span', { class: 'muted', role: 'status' }, text('listLoading')),
    ),
    element(
      'div',
      { class: 'filters' },
      element(
        'div',
        { class: 'field' },
        element('label', { for: 'search' }, text('searchLabel')),
        element('input', { id: 'search', type: 'search', placeholder: text('searchPlaceholder') }),
      ),
      element(
        'div',
        { class: 'field' },
        element('label', { for: 'stage-filter' }, text('stageFilterLabel')),
        stageFilter,
      ),
    ),
  );
}

/** VirtualList.tsx's first render: the rows in view, the list as tall as all of them. */
function rowList(frame: FirstScreenFrame, items: readonly ListItem[], label: string): HTMLElement {
  const list = element('ul', { class: 'virtual-list', 'aria-label': label });
  list.style.height = `${items.length * ROW_REM}rem`;
  const today = localIsoDate(frame.now);
  const { start, end } = firstRange(items.length, ROW_REM, frame.viewportHeight, 0);
  for (let index = start; index < end; index++) {
    const item = items[index];
    if (item === undefined) continue;
    const row = element('li', {
      'data-index': String(index),
      'aria-setsize': String(items.length),
      'aria-posinset': String(index + 1),
      class: 'virtual-list__row',
    });
    row.style.top = `${index * ROW_REM}rem`;
    row.style.height = `${ROW_REM}rem`;
    row.append(rowButton(item, today, frame.locale));
    list.append(row);
  }
  return list;
}

/** OfferRowView.tsx. */
function rowButton(item: ListItem, today: string, locale: Locale): HTMLElement {
  const meta = rowMeta(item, locale);
  const closing = closingBadge(item, today, locale);
  const tags = element('span', { class: 'offer-row__tags' });
  if (closing) tags.append(element('span', { class: closing.className }, closing.text));
  tags.append(element('span', { class: stageBadgeClass(item.stage) }, stageName(locale, item.stage)));
  return element(
    'button',
    { type: 'button', class: 'offer-row', 'data-offer-id': item.id },
    element('span', { class: 'offer-row__title' }, item.title),
    ...(meta ? [element('span', { class: 'offer-row__meta' }, meta)] : []),
    tags,
  );
}
