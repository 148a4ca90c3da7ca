/** Waiting for the page: parsed, then (after a client-side navigation) re-rendered. */

/** Resolves once the HTML is parsed: at DOMContentLoaded, or now if that has passed. */
export function documentParsed(document: Document): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
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
