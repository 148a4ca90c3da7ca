/**
 * Keeps the text of inline app-state scripts that delete themselves as they run.
 *
 * incubateur.anct.gouv.fr ships its page data as `<script>window.__INITIAL_STATE__={…};…</script>`
 * whose last statement removes that very `<script>` element. By `document_idle` it is gone, and a
 * content script in the isolated world cannot read the page's `window.__INITIAL_STATE__`.
 *
 * Design: the content script starts this at `document_start`, in the isolated world. A
 * MutationObserver on the document's top levels is told about the elements the parser inserts
 * there; a MutationRecord keeps its node even after the script removed itself, and a detached
 * `<script>` still holds its text. We keep references to inline scripts (no `src`) as they are
 * added and read their text when the capture stops (DOMContentLoaded): by then every parser-inserted
 * script is complete, even one the parser delivered in several chunks.
 *
 * Nothing here runs page code, fetches anything, or parses the text: the extractor parses it
 * (balanced braces + JSON.parse, never eval). No MAIN-world script is involved.
 */

/** Page data is tens of kilobytes; anything bigger is a bundle, not state. */
export const MAX_CAPTURED_SCRIPT_CHARS = 2_000_000;

/**
 * What an app-state script looks like: an assignment to a `__NAME__` global
 * (`window.__INITIAL_STATE__=`, `window.__NUXT__=`…). Other inline scripts (analytics, polyfills)
 * are not kept.
 */
const APP_STATE_ASSIGNMENT = /\b(?:window|self|globalThis)\s*\.\s*__[A-Za-z0-9_$]+__\s*=(?!=)/;

export function looksLikeAppState(text: string): boolean {
  return text.length <= MAX_CAPTURED_SCRIPT_CHARS && APP_STATE_ASSIGNMENT.test(text);
}

export interface ScriptCapture {
  /**
   * Stops observing and returns, in insertion order, the texts of the app-state scripts that are
   * no longer in the document (those still in it are read from the document by the extractor).
   * Later calls return the same texts.
   */
  stop(): string[];
}

/**
 * Starts observing `target` for inline scripts; call `stop()` at DOMContentLoaded.
 *
 * Only the document's top levels are watched (the document, <html>, <head>, <body>): server-
 * rendered apps put their state script directly in <head> or <body>, and watching the whole
 * subtree would cost every page a mutation record per element parsed. The parser performs a
 * microtask checkpoint before it runs a script, so this observer learns that <body> exists while
 * the state script is still attached, and the children already there are kept when a container
 * starts being watched.
 */
export function startScriptCapture(target: Document): ScriptCapture {
  // A Set keeps insertion order and ignores a script re-inserted by the page.
  const scripts = new Set<Element>();
  const keep = (node: Node): void => {
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (isInlineScript(element)) scripts.add(element);
    else if (element.firstElementChild && element.localName !== 'head' && element.localName !== 'body') {
      // A subtree inserted at once (innerHTML, a fragment): its scripts are not reported one by one.
      for (const script of Array.from(element.getElementsByTagName('script'))) {
        if (isInlineScript(script)) scripts.add(script);
      }
    }
  };

  const watched = new Set<Node>();
  const watch = (container: Node | null): void => {
    if (!container || watched.has(container)) return;
    watched.add(container);
    observer.observe(container, { childList: true });
    for (const child of Array.from(container.childNodes)) keep(child);
  };
  const watchTopLevels = (): void => {
    watch(target.documentElement);
    watch(target.head);
    watch(target.body);
  };
  const collect = (records: readonly MutationRecord[]): void => {
    for (const record of records) for (const node of Array.from(record.addedNodes)) keep(node);
    watchTopLevels();
  };

  const observer = new MutationObserver(collect);
  watched.add(target);
  observer.observe(target, { childList: true });
  watchTopLevels();

  let texts: string[] | null = null;
  return {
    stop() {
      if (texts) return texts;
      collect(observer.takeRecords());
      observer.disconnect();
      texts = [];
      for (const script of scripts) {
        if (script.isConnected) continue;
        const text = script.textContent ?? '';
        if (looksLikeAppState(text)) texts.push(text);
      }
      scripts.clear();
      return texts;
    },
  };
}

function isInlineScript(element: Element): boolean {
  return element.localName === 'script' && !element.hasAttribute('src');
}

/**
 * Where the content script leaves what it captured, for the scripts injected later into the same
 * frame (same isolated world, invisible to the page): `read-page`, when the user saves from the
 * popup or the keyboard, reads this key through lib/background/page-reader.ts, which checks the
 * value and its address. Defined here so the content script does not import the background's
 * module and its zod schemas.
 */
export const CAPTURED_SCRIPTS_KEY = '__postuloCapturedScripts';

export interface CapturedScripts {
  /** The canonical address the scripts were captured on: a client-side navigation changes it. */
  url: string;
  scripts: string[];
}

export function leaveCapturedScripts(captured: CapturedScripts, scope: object = globalThis): void {
  Reflect.set(scope, CAPTURED_SCRIPTS_KEY, captured);
}
