/**
 * Mounts the panel in a shadow root (WXT's createShadowRootUi, cssInjectionMode 'ui'): the page's
 * CSS cannot restyle it and its scripts see only an empty host element. The host is inline and
 * empty, the panel inside is position: fixed, so the page's layout never moves.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Panel, type PanelActions } from '../../components/panel/Panel';
import type { Locale } from '../../lib/i18n';
import type { Offer } from '../../lib/offer';

export interface PanelUi {
  remove(): void;
}

export async function mountPanel(
  ctx: ContentScriptContext,
  options: { offer: Offer; locale: Locale; actions: PanelActions },
): Promise<PanelUi> {
  const ui = await createShadowRootUi<HTMLElement>(ctx, {
    name: 'postulo-panel',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    // Keys typed in the panel stay in the panel: the page's shortcuts must not fire.
    isolateEvents: true,
    onMount(container, _shadow, host) {
      host.setAttribute('lang', options.locale);
      render(
        <Panel
          offer={options.offer}
          locale={options.locale}
          now={new Date()}
          actions={options.actions}
          onClose={() => ui.remove()}
        />,
        container,
      );
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  ui.mount();
  return { remove: () => ui.remove() };
}
