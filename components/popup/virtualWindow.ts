/**
 * Which rows of a fixed-row-height list to render: those in the viewport plus a margin, so a
 * 10,000-offer list costs as much to paint as a 20-offer one. Pure, so it is tested on numbers.
 */
export interface WindowInput {
  count: number;
  /** Row height in CSS pixels. */
  rowPx: number;
  /** The list's top edge relative to the viewport's top (negative once scrolled past). */
  listTop: number;
  viewportHeight: number;
  /** Rows rendered beyond each edge of the viewport. */
  overscan: number;
}

export interface RowRange {
  /** First rendered index. */
  start: number;
  /** One past the last rendered index. */
  end: number;
}

export function visibleRange({ count, rowPx, listTop, viewportHeight, overscan }: WindowInput): RowRange {
  if (count === 0 || rowPx <= 0) return { start: 0, end: 0 };
  const firstVisible = Math.floor(Math.max(0, -listTop) / rowPx);
  const lastVisible = Math.ceil(Math.max(0, viewportHeight - listTop) / rowPx);
  const start = Math.min(count, Math.max(0, firstVisible - overscan));
  const end = Math.min(count, Math.max(start, lastVisible + overscan));
  return { start, end };
}

/**
 * The window of a list's first render, before any layout: the list taken to start at the
 * viewport's top, a rem at its default 16 px. The virtual list starts from it, and so does the
 * popup's first screen (firstScreenView.ts), which must render the very same rows.
 */
export function firstRange(count: number, rowRem: number, viewportHeight: number, overscan: number): RowRange {
  return visibleRange({ count, rowPx: rowRem * 16, listTop: 0, viewportHeight, overscan });
}
