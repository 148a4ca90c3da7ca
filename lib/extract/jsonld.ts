/** Placeholder: being written. */
import type { Found, Page } from './types';

export function readJsonLd(_page: Page): Found {
  return {};
}
