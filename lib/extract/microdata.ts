/** Placeholder: being written. */
import type { Found, Page } from './types';

export function readMicrodata(_page: Page): Found {
  return {};
}
