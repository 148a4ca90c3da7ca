/**
 * The posting reader asks for the page's app-state only while the tab shows the document's own
 * address: after a client-side navigation the global holds another page's data.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { documentAddress } from '../../../entrypoints/posting-reader/dom';
import { readOwnPageState } from '../../../entrypoints/posting-reader/page-state';
import { canonicalUrl } from '../../../lib/url';

const SERVED = 'https://incubateur.anct.gouv.fr/recrutements/equipe-test-designer-0123456789abcdef/';
const OTHER = 'https://incubateur.anct.gouv.fr/recrutements/equipe-autre-designer-fedcba9876543210/';
const STATE = ['window.__INITIAL_STATE__={"data":{}};'];

/** What the address bar shows now (happy-dom's setter stands for the app's pushState). */
function setAddress(url: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}

/** The document was served at `served`; the tab now shows `shown`. */
function pretend(served: string | null, shown: string): void {
  setAddress(shown);
  const entries = served === null ? [] : [{ name: served, entryType: 'navigation' }];
  vi.spyOn(window.performance, 'getEntriesByType').mockImplementation(((type: string) =>
    type === 'navigation' ? entries : []) as typeof window.performance.getEntriesByType);
}

beforeEach(() => {
  setAddress(SERVED);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('documentAddress', () => {
  it("is the navigation's address, not the one a client-side navigation put in the bar", () => {
    pretend(SERVED, OTHER);
    expect(documentAddress(document)).toBe(SERVED);
  });

  it('is the current address when the browser keeps no navigation entry', () => {
    pretend(null, OTHER);
    expect(documentAddress(document)).toBe(OTHER);
  });
});

describe('readOwnPageState', () => {
  it('asks on the address the document was served at, and files the texts under it', async () => {
    pretend(SERVED, `${SERVED}?utm_source=newsletter#apply`);
    const read = vi.fn(async () => STATE);
    expect(await readOwnPageState(document, read)).toEqual({ url: canonicalUrl(SERVED), scripts: STATE });
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('does not ask once the app has navigated to another page', async () => {
    pretend(SERVED, OTHER);
    const read = vi.fn(async () => STATE);
    expect(await readOwnPageState(document, read)).toEqual({ url: canonicalUrl(SERVED), scripts: [] });
    expect(read).not.toHaveBeenCalled();
  });

  it('drops what was read while the app navigated away', async () => {
    pretend(SERVED, SERVED);
    const read = vi.fn(async () => {
      setAddress(OTHER);
      return STATE;
    });
    expect(await readOwnPageState(document, read)).toEqual({ url: canonicalUrl(SERVED), scripts: [] });
  });
});
