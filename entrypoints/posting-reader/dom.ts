/** Waiting for the page: loaded, idle, then (after a client-side navigation) re-rendered. */

/**
 * The address the document was served at. `location.href` follows a client-side navigation
 * (pushState); the navigation entry keeps the document's own address. `document.URL` when the
 * browser keeps no such entry.
 */
export function documentAddress(document: Document): string {
  try {
    const [navigation] = document.defaultView?.performance.getEntriesByType('navigation') ?? [];
    if (navigation?.name) return navigation.name;
  } catch {
    // No Performance API here: the document's current address is the best guess.
  }
  return document.URL;
}

/**
 * Resolves once the page has stopped changing for `quietMs` (or after `maxMs` at most): a Vue
 * app announces the new address before it renders the new page.
 */
export function domSettled(document: Document, quietMs = 300, maxMs = 3000): Promise<void> {
  return new Promise((resolve) => {
    let quietTimer: ReturnType<typeof setTimeout> | undefined;
    const finish = () => {
      observer.disconnect();
      clearTimeout(quietTimer);
      clearTimeout(maxTimer);
      resolve();
    };
    const observer = new MutationObserver(() => {
      clearTimeout(quietTimer);
      quietTimer = setTimeout(finish, quietMs);
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
    quietTimer = setTimeout(finish, quietMs);
    const maxTimer = setTimeout(finish, maxMs);
  });
}

/**
 * Resolves once the page has loaded (its `load` event, or now if that has passed), or after
 * `maxMs` at most: a page with a stuck image must not keep the panel away for ever.
 */
export function pageLoaded(document: Document, maxMs = 5000): Promise<void> {
  const window = document.defaultView;
  if (document.readyState === 'complete' || !window) return Promise.resolve();
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      window.removeEventListener('load', finish);
      resolve();
    };
    const timer = setTimeout(finish, maxMs);
    window.addEventListener('load', finish);
  });
}

/**
 * Resolves when the browser has a moment to spare (`requestIdleCallback`), or after `timeoutMs`
 * at most: the page's own work goes first, yet a busy page still gets its panel.
 */
export function browserIdle(document: Document, timeoutMs = 1000): Promise<void> {
  const window = document.defaultView;
  return new Promise((resolve) => {
    if (window && typeof window.requestIdleCallback === 'function')
      window.requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, 0);
  });
}
