/**
 * Puts the panel in the page, inside a shadow root: the page's CSS cannot restyle it and the
 * page's scripts see only an empty host element. The host is inline and empty, the panel inside
 * is position: fixed, so the page's layout never moves.
 *
 * The panel's CSS comes in as a string (`?inline`) and goes into a <style> of the shadow root:
 * the panel script is injected on request, not declared in the manifest, so nothing else would
 * bring its stylesheet, and a stylesheet in the page would be the page's to override.
 */
import { render } from 'preact';
import type { PageHandoff } from './handoff';
import { Panel } from './Panel';
import panelCss from './panel.css?inline';

export const PANEL_HOST_TAG = 'postulo-panel';

/**
 * The host inherits nothing from the page (`all: initial`); `!important` inside a shadow root
 * wins over the page's own `!important` rules on our host.
 */
const HOST_RESET_CSS = ':host { all: initial !important; }';

/** Keys typed in the panel stay in the panel: the page's shortcuts must not fire. */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

interface ShadowHost {
  host: HTMLElement;
  container: HTMLElement;
}

/**
 * Returns the function that shows `handoff.offer` (a fresh panel each time: a new reading is a
 * new page) or removes the panel when there is no offer. Nothing is in the page until it is called.
 */
export function panelRenderer(document: Document, handoff: PageHandoff): () => void {
  let shown: ShadowHost | null = null;
  let reading = 0;

  const remove = () => {
    if (!shown) return;
    render(null, shown.container);
    shown.host.remove();
    shown = null;
  };

  return () => {
    const offer = handoff.offer;
    // The page may have thrown our host away with its own content: start again in a new one.
    if (!offer || !shown?.host.isConnected) remove();
    if (!offer) return;
    shown ??= createShadowHost(document, handoff.locale);
    reading += 1;
    render(
      <Panel
        key={reading}
        offer={offer}
        locale={handoff.locale}
        now={new Date()}
        actions={handoff.actions}
        onClose={remove}
      />,
      shown.container,
    );
  };
}

function createShadowHost(document: Document, lang: string): ShadowHost {
  const host = document.createElement(PANEL_HOST_TAG);
  host.setAttribute('lang', lang);
  // Open, like the listing marks: nothing in it is secret, and tools (tests included) can read it.
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `${HOST_RESET_CSS}\n${panelCss}`;
  const container = document.createElement('div');
  shadow.append(style, container);
  for (const type of ISOLATED_EVENTS) shadow.addEventListener(type, (event) => event.stopPropagation());
  (document.body ?? document.documentElement).append(host);
  return { host, container };
}
