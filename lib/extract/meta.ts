/** The last resort for a title: Open Graph, the first <h1>, then <title>. */
import { nonEmpty, textOf } from './text';
import type { Found, Page } from './types';

export function readMeta({ document }: Page): Found {
  const title =
    nonEmpty(document.querySelector('meta[property="og:title"]')?.getAttribute('content')) ??
    nonEmpty(textOf(document.querySelector('h1'))) ??
    nonEmpty(document.title);
  return title ? { title: { value: title.slice(0, 500), via: 'meta' } } : {};
}
