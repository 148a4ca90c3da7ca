import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  PAGE_HANDOFF_KEY,
  type PageHandoff,
  publishPageHandoff,
  readPageHandoff,
  showReading,
} from '../../../components/panel/handoff';
import { PANEL_HOST_TAG } from '../../../components/panel/panel-host';
import panelScript from '../../../entrypoints/panel';
import { emptyOfferFields, type Offer } from '../../../lib/offer';

function offer(title: string): Offer {
  return {
    ...emptyOfferFields(title),
    url: 'https://beta.gouv.fr/recrutement/2024/01/10/designer.html',
    source: 'beta.gouv.fr',
    provenance: {},
  };
}

function handoff(fields: Partial<PageHandoff> = {}): PageHandoff {
  const actions = { lookup: vi.fn(async () => null), save: vi.fn(), refresh: vi.fn(), open: vi.fn(async () => {}) };
  return { offer: offer('Designer'), locale: 'fr', actions, ...fields };
}

/** What the background's executeScript does: run the panel script in this world. */
function injectPanelScript(): void {
  panelScript.main();
}

function panelCount(): number {
  return document.querySelectorAll(PANEL_HOST_TAG).length;
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, PAGE_HANDOFF_KEY);
  document.body.innerHTML = '';
});

describe('the handoff global', () => {
  it('is read back as it was published', () => {
    const published = publishPageHandoff(handoff());
    expect(readPageHandoff()).toBe(published);
  });

  it('is ignored when absent or not ours', () => {
    expect(readPageHandoff()).toBeUndefined();
    for (const value of [null, 42, 'x', { locale: 'de', actions: {}, offer: null }, { locale: 'fr', offer: null }]) {
      Reflect.set(globalThis, PAGE_HANDOFF_KEY, value);
      expect(readPageHandoff(), JSON.stringify(value)).toBeUndefined();
    }
  });
});

describe('showReading (content script side)', () => {
  it('asks for the panel on a posting while no panel script runs, and not elsewhere', () => {
    const state = handoff({ offer: null });
    const requestPanel = vi.fn();
    showReading(state, null, requestPanel);
    expect(requestPanel).not.toHaveBeenCalled();
    showReading(state, offer('Designer'), requestPanel);
    expect(requestPanel).toHaveBeenCalledTimes(1);
    expect(state.offer?.title).toBe('Designer');
  });

  it('hands later readings to the panel script instead of asking again', () => {
    const refresh = vi.fn();
    const state = handoff({ refresh });
    const requestPanel = vi.fn();
    showReading(state, offer('Juriste'), requestPanel);
    showReading(state, null, requestPanel);
    expect(requestPanel).not.toHaveBeenCalled();
    expect(refresh).toHaveBeenCalledTimes(2);
    expect(state.offer).toBeNull();
  });
});

describe('the panel script', () => {
  it("shows the content script's reading", () => {
    publishPageHandoff(handoff());
    injectPanelScript();
    expect(panelCount()).toBe(1);
    const host = document.querySelector(PANEL_HOST_TAG);
    expect(host?.shadowRoot?.querySelector('.role')?.textContent).toBe('Designer');
  });

  it('makes one panel when injected twice', () => {
    publishPageHandoff(handoff());
    injectPanelScript();
    injectPanelScript();
    expect(panelCount()).toBe(1);
  });

  it('shows the reading current when it lands, not the one that asked for it', () => {
    const state = publishPageHandoff(handoff({ offer: null }));
    const requestPanel = vi.fn();
    showReading(state, offer('Designer'), requestPanel);
    // A client-side navigation to a page that is not a posting, before the injection lands.
    showReading(state, null, requestPanel);
    injectPanelScript();
    expect(panelCount()).toBe(0);
    showReading(state, offer('Développeur'), requestPanel);
    expect(panelCount()).toBe(1);
    // Asked once; the panel script, once there, takes every later reading.
    expect(requestPanel).toHaveBeenCalledTimes(1);
  });

  it('does nothing without a reading from our content script', () => {
    injectPanelScript();
    expect(panelCount()).toBe(0);
  });
});
