/** Placeholder: being written. */
import type { Found, Page } from './types';

export function readVisibleText(_page: Page, _content: Element | null): Found {
  return {};
}
