/**
 * A list of fixed-height rows that renders only what the window shows (plus a margin). The page
 * itself scrolls, not an inner box, so it behaves the same in the toolbar popup, in a tab and at
 * any zoom. Heights are in rem, so zoom and larger fonts scale rows and text together.
 *
 * Its first render holds the rows in view only; the margin (overscan) is added once they are
 * painted, so the popup's first paint does not wait for rows nobody sees yet.
 *
 * Keyboard: each row holds one button (Tab/Enter/Space); ↑/↓/Home/End move between rows, and
 * rows scrolled into view by focus extend the rendered window.
 */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { firstRange, type RowRange, visibleRange } from './virtualWindow';

interface VirtualListProps<T> {
  items: readonly T[];
  getKey: (item: T) => string;
  renderRow: (item: T, index: number) => ComponentChildren;
  /** Each row's height, in rem. */
  rowRem: number;
  label: string;
  overscan?: number;
  /** A row to focus once it is in the list (the one whose detail the candidate comes back from). */
  focusKey?: string | null;
}

function rootFontPx(): number {
  const size = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(size) && size > 0 ? size : 16;
}

const FOCUS_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End']);

export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, getKey, renderRow, rowRem, label, focusKey = null } = props;
  const listRef = useRef<HTMLUListElement>(null);
  const [painted, setPainted] = useState(false);
  // Preact runs effects after the frame they follow is painted.
  useEffect(() => setPainted(true), []);
  const overscan = painted ? (props.overscan ?? 8) : 0;
  const [range, setRange] = useState<RowRange>(() => firstRange(items.length, rowRem, window.innerHeight, overscan));
  const pendingFocus = useRef<number | null>(null);

  const measure = useCallback(() => {
    const list = listRef.current;
    const listTop = list ? list.getBoundingClientRect().top : 0;
    const next = visibleRange({
      count: items.length,
      rowPx: rowRem * rootFontPx(),
      listTop,
      viewportHeight: window.innerHeight,
      overscan,
    });
    setRange((current) => (current.start === next.start && current.end === next.end ? current : next));
  }, [items.length, rowRem, overscan]);

  useLayoutEffect(measure, [measure]);

  useEffect(() => {
    let frame = 0;
    const onChange = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(measure);
    };
    window.addEventListener('scroll', onChange, { passive: true });
    window.addEventListener('resize', onChange);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onChange);
      window.removeEventListener('resize', onChange);
    };
  }, [measure]);

  const focusRow = useCallback((index: number): boolean => {
    const button = listRef.current?.querySelector<HTMLElement>(`li[data-index="${index}"] button`);
    if (!button) return false;
    button.focus();
    return true;
  }, []);

  /** Focuses row `index`, first scrolling it into the rendered window when it is outside. */
  const revealRow = useCallback(
    (index: number) => {
      if (focusRow(index)) return;
      pendingFocus.current = index;
      const list = listRef.current;
      if (list) {
        const rowTop = list.getBoundingClientRect().top + window.scrollY + index * rowRem * rootFontPx();
        window.scrollTo({ top: Math.max(0, rowTop - window.innerHeight / 2) });
      }
      measure();
    },
    [focusRow, measure, rowRem],
  );

  // A row asked for but not rendered yet: focus it once the window includes it.
  useLayoutEffect(() => {
    if (pendingFocus.current !== null && focusRow(pendingFocus.current)) pendingFocus.current = null;
  });

  const focusedKey = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (focusKey === null || focusedKey.current === focusKey) return;
    const index = items.findIndex((item) => getKey(item) === focusKey);
    if (index < 0) return;
    focusedKey.current = focusKey;
    revealRow(index);
  }, [focusKey, items, getKey, revealRow]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (!FOCUS_KEYS.has(event.key) || items.length === 0) return;
    const row = (event.target as HTMLElement).closest<HTMLElement>('li[data-index]');
    if (!row) return;
    const current = Number(row.dataset.index);
    const target =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? items.length - 1
          : Math.min(items.length - 1, Math.max(0, current + (event.key === 'ArrowDown' ? 1 : -1)));
    event.preventDefault();
    revealRow(target);
  };

  const rows: ComponentChildren[] = [];
  for (let index = range.start; index < Math.min(range.end, items.length); index++) {
    const item = items[index];
    if (item === undefined) continue;
    rows.push(
      <li
        key={getKey(item)}
        data-index={index}
        aria-setsize={items.length}
        aria-posinset={index + 1}
        class="virtual-list__row"
        style={{ top: `${index * rowRem}rem`, height: `${rowRem}rem` }}
      >
        {renderRow(item, index)}
      </li>,
    );
  }

  return (
    <ul
      ref={listRef}
      class="virtual-list"
      aria-label={label}
      style={{ height: `${items.length * rowRem}rem` }}
      onKeyDown={onKeyDown}
    >
      {rows}
    </ul>
  );
}
