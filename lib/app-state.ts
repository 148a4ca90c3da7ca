/**
 * The app-state globals a server-rendered page keeps on `window`, read for the extractor.
 *
 * incubateur.anct.gouv.fr ships its page data as `<script>window.__INITIAL_STATE__={…};…</script>`
 * whose last statement removes that very `<script>` element: by the time the posting reader runs
 * (the background injects it once the page has loaded) the text is gone from the document, and
 * the reader's isolated world cannot see the page's `window.__INITIAL_STATE__`. Only a script in
 * the page's own (MAIN) world can.
 *
 * Design: once the page has loaded, the posting reader asks the background (`readPageState`,
 * lib/background/read-page-state.ts), which runs `readAppStateGlobals` in the sender's frame with
 * `scripting.executeScript({ world: 'MAIN' })`. The function turns each state object back into
 * the text the site served (`window.<NAME>=<JSON>;`), so the extractor reads it exactly as it reads
 * the static HTML (lib/extract/page-state.ts: brace matching + JSON.parse, never eval). The texts
 * go back to the background as a structured clone, nothing is left in the page's world, and
 * nothing is fetched.
 *
 * Why not earlier: the first run of any isolated-world script in a page, however small, costs the
 * page 2.5–3 ms of its main thread (the isolated world's context and the extension's bindings).
 * Before the load event that would break the load-time goal; a manifest content script runs
 * then, even at document_idle (Chrome runs those before the load event on pages whose
 * sub-resources are done). So nothing of Postulo runs in the page before its load has finished.
 */

/** Page data is tens of kilobytes; anything bigger is not state. The extractor's cap is the same. */
export const MAX_CAPTURED_SCRIPT_CHARS = 2_000_000;

/**
 * The globals read. The conventional names under which server-rendered apps hand their state to
 * the client: Vue SSR and Vuex (`__INITIAL_STATE__`, what incubateur.anct.gouv.fr uses), Nuxt 2
 * (`__NUXT__`), Redux (`__PRELOADED_STATE__`), Apollo (`__APOLLO_STATE__`). Kept small on purpose:
 * each name is one more page object serialised after load, and the extractor only reads what a
 * site adapter asks for (today `__INITIAL_STATE__`); the others are there so an adapter for another
 * server-rendered site needs no change here.
 */
export const APP_STATE_GLOBALS: readonly string[] = [
  '__INITIAL_STATE__',
  '__NUXT__',
  '__PRELOADED_STATE__',
  '__APOLLO_STATE__',
];

/**
 * Runs in the page's MAIN world (scripting.executeScript sends only this function's source): so
 * it imports nothing, calls no helper and closes over nothing. For each name in `names` whose
 * global holds a plain object, returns `window.<NAME>=<JSON>;`. Skips, and never throws on, what
 * cannot be read safely: a getter that throws, a cyclic or otherwise unserialisable value,
 * anything that is not a plain object, a text over `maxChars`.
 *
 * The page's own code may run while this reads (its getters, a `toJSON`), and it may have replaced
 * `JSON.stringify`: what comes back is page data, which the background and the extractor check
 * like any other page content.
 */
export function readAppStateGlobals(names: string[], maxChars: number): string[] {
  const texts: string[] = [];
  for (const name of names) {
    try {
      const value: unknown = Reflect.get(window, name);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) continue;
      const json: unknown = JSON.stringify(value);
      if (typeof json !== 'string' || !json.startsWith('{')) continue;
      const text = `window.${name}=${json};`;
      if (text.length <= maxChars) texts.push(text);
    } catch {
      // A hostile getter, a cycle, a proxy that throws: this global is skipped, the others are read.
    }
  }
  return texts;
}

/**
 * Where the posting reader leaves the state texts, for the scripts injected later into the same
 * frame (same isolated world, invisible to the page): `read-page`, when the user saves from the
 * popup or the keyboard, reads this key through lib/background/page-reader.ts, which checks the
 * value and its address. Defined here so the reader does not import the background's module and
 * its zod schemas.
 */
export const CAPTURED_SCRIPTS_KEY = '__postuloCapturedScripts';

export interface CapturedScripts {
  /** The canonical address the state belongs to: a client-side navigation changes the page's. */
  url: string;
  scripts: string[];
}

export function leaveCapturedScripts(captured: CapturedScripts, scope: object = globalThis): void {
  Reflect.set(scope, CAPTURED_SCRIPTS_KEY, captured);
}
