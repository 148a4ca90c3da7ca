import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageHandoff } from '../../../components/panel/handoff';
import type { PanelActions } from '../../../components/panel/Panel';
import { PANEL_HOST_TAG, panelRenderer } from '../../../components/panel/panel-host';
import { emptyOfferFields, type Offer } from '../../../lib/offer';

function offer(title: string): Offer {
  return {
    ...emptyOfferFields(title),
    url: `https://incubateur.anct.gouv.fr/recrutements/equipe-${title.toLowerCase()}-0a1b2c3d/`,
    source: 'incubateur.anct.gouv.fr',
    provenance: {},
  };
}

function actions(): PanelActions {
  return { lookup: vi.fn(async () => null), save: vi.fn(), refresh: vi.fn(), open: vi.fn(async () => {}) };
}

function handoff(fields: Partial<PageHandoff> = {}): PageHandoff {
  return { offer: offer('Designer'), locale: 'fr', actions: actions(), ...fields };
}

function hosts(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>(PANEL_HOST_TAG));
}

function shadowOf(host: HTMLElement | undefined): ShadowRoot {
  if (!host?.shadowRoot) throw new Error('no panel host with an open shadow root');
  return host.shadowRoot;
}

function role(host: HTMLElement | undefined): string | null | undefined {
  return shadowOf(host).querySelector('.role')?.textContent;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('panelRenderer', () => {
  it('adds nothing to the page until it is called', () => {
    panelRenderer(document, handoff());
    expect(hosts()).toHaveLength(0);
  });

  it("shows the offer in a shadow root, with the panel's styles inside it and none in the page", () => {
    const refresh = panelRenderer(document, handoff());
    refresh();
    const [host] = hosts();
    expect(hosts()).toHaveLength(1);
    expect(host?.getAttribute('lang')).toBe('fr');
    expect(host?.childNodes).toHaveLength(0);
    const shadow = shadowOf(host);
    expect(role(host)).toBe('Designer');
    expect(shadow.querySelector('[aria-label="Postulo : offre lue sur cette page"]')).toBeTruthy();
    expect(shadow.querySelector('style')?.textContent).toMatch(/^:host \{ all: initial !important; \}/);
    expect(document.querySelectorAll('style, link')).toHaveLength(0);
  });

  it('shows a new reading in the same host, as a fresh panel', async () => {
    const state = handoff();
    const refresh = panelRenderer(document, state);
    refresh();
    const [host] = hosts();
    shadowOf(host).querySelector<HTMLButtonElement>('button[aria-expanded="true"]')?.click();
    await vi.waitFor(() => expect(shadowOf(host).querySelector('.role')).toBeNull()); // collapsed

    state.offer = offer('Développeur');
    refresh();
    expect(hosts()).toEqual([host]);
    expect(role(host)).toBe('Développeur');
  });

  it('removes the panel when the page is no longer a posting, and shows it again on the next one', () => {
    const state = handoff();
    const refresh = panelRenderer(document, state);
    refresh();
    state.offer = null;
    refresh();
    expect(hosts()).toHaveLength(0);
    state.offer = offer('Juriste');
    refresh();
    expect(hosts()).toHaveLength(1);
    expect(role(hosts()[0])).toBe('Juriste');
  });

  it('closes with its close button, and comes back with the next reading', () => {
    const refresh = panelRenderer(document, handoff());
    refresh();
    shadowOf(hosts()[0]).querySelector<HTMLButtonElement>('[aria-label="Fermer le panneau Postulo"]')?.click();
    expect(hosts()).toHaveLength(0);
    refresh();
    expect(hosts()).toHaveLength(1);
  });

  it('starts again in a new host when the page threw ours away', () => {
    const refresh = panelRenderer(document, handoff());
    refresh();
    document.body.innerHTML = '<main>re-rendered by the page</main>';
    refresh();
    expect(hosts()).toHaveLength(1);
    expect(role(hosts()[0])).toBe('Designer');
  });

  it('keeps keys typed in the panel from reaching the page', () => {
    const refresh = panelRenderer(document, handoff());
    refresh();
    const pageHeard = vi.fn();
    document.addEventListener('keydown', pageHeard);
    try {
      const button = shadowOf(hosts()[0]).querySelector('button');
      button?.dispatchEvent(new KeyboardEvent('keydown', { key: 's', bubbles: true, composed: true }));
      expect(button).toBeTruthy();
      expect(pageHeard).not.toHaveBeenCalled();
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 's', bubbles: true }));
      expect(pageHeard).toHaveBeenCalledTimes(1);
    } finally {
      document.removeEventListener('keydown', pageHeard);
    }
  });
});
