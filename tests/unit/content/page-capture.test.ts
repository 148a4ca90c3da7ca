import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readOpenPage } from '../../../lib/background/page-reader';
import {
  CAPTURED_SCRIPTS_KEY,
  leaveCapturedScripts,
  looksLikeAppState,
  MAX_CAPTURED_SCRIPT_CHARS,
  startScriptCapture,
} from '../../../lib/page-capture';

const STATE = 'window.__INITIAL_STATE__={"data":{"job":{"role":"Designer","poste_ferme":"2021-05-14"}}};';

/** A non-executable type keeps happy-dom from running the text; the capture ignores the type. */
function inlineScript(text: string, attributes: Record<string, string> = {}): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'text/x-test';
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  script.textContent = text;
  return script;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('startScriptCapture', () => {
  it('keeps the text of an app-state script that removed itself', () => {
    const capture = startScriptCapture(document);
    const script = inlineScript(STATE);
    document.body.append(script);
    script.remove();
    expect(capture.stop()).toEqual([STATE]);
  });

  it('leaves out what the extractor reads from the document anyway, or must not read', () => {
    const capture = startScriptCapture(document);
    const stays = inlineScript(STATE);
    const external = inlineScript(STATE, { src: 'https://example.org/app.js' });
    const analytics = inlineScript('var _paq = window._paq = window._paq || [];');
    document.body.append(stays, external, analytics);
    external.remove();
    analytics.remove();
    expect(capture.stop()).toEqual([]);
  });

  it('finds scripts inside a subtree inserted at once', () => {
    const capture = startScriptCapture(document);
    const wrapper = document.createElement('div');
    wrapper.append(inlineScript(STATE));
    document.body.append(wrapper);
    wrapper.remove();
    expect(capture.stop()).toEqual([STATE]);
  });

  it('reads the text when it stops, so a script completed after its insertion is whole', () => {
    const capture = startScriptCapture(document);
    const script = inlineScript('window.__INITIAL_STATE__={"data":');
    document.body.append(script);
    script.append('{"job":{}}};');
    script.remove();
    expect(capture.stop()).toEqual(['window.__INITIAL_STATE__={"data":{"job":{}}};']);
  });

  it('stops observing: later scripts are not kept, and stop() answers the same', () => {
    const capture = startScriptCapture(document);
    const first = capture.stop();
    const late = inlineScript(STATE);
    document.body.append(late);
    late.remove();
    expect(first).toEqual([]);
    expect(capture.stop()).toEqual([]);
  });
});

describe('looksLikeAppState', () => {
  it.each([
    [STATE, true],
    ['window.__NUXT__ = {"state":{}}', true],
    ['self.__APP_DATA__={}', true],
    ['if (window.__INITIAL_STATE__ == null) {}', false],
    ['var state = {"data":{}}', false],
    ['gtag("config", "x")', false],
  ])('%s → %s', (text, expected) => {
    expect(looksLikeAppState(text)).toBe(expected);
  });

  it('refuses texts over the size cap', () => {
    const big = `window.__INITIAL_STATE__={"x":"${'a'.repeat(MAX_CAPTURED_SCRIPT_CHARS)}"}`;
    expect(looksLikeAppState(big)).toBe(false);
  });
});

describe('leaveCapturedScripts', () => {
  afterEach(() => {
    Reflect.deleteProperty(globalThis, CAPTURED_SCRIPTS_KEY);
  });

  it('leaves the texts where read-page looks for them', () => {
    const url = 'https://incubateur.anct.gouv.fr/recrutements/equipe-designer-0a1b2c3d4e5f/';
    leaveCapturedScripts({ url, scripts: [STATE] });
    expect(Reflect.get(globalThis, CAPTURED_SCRIPTS_KEY)).toEqual({ url, scripts: [STATE] });
  });

  it('lets read-page use them on the page they were captured on', () => {
    // Our own posting page, once its self-removing state script is gone from the document.
    const doc = document.implementation.createHTMLDocument('');
    doc.documentElement.innerHTML = readFileSync(
      join(import.meta.dirname, '../../fixtures/content/incubateur-posting.html'),
      'utf8',
    );
    const scripts = Array.from(doc.querySelectorAll('script'), (script) => script.textContent ?? '');
    for (const script of Array.from(doc.querySelectorAll('script'))) script.remove();
    const url =
      'https://incubateur.anct.gouv.fr/recrutements/equipe-test-developpeur-se-front-end-0123456789abcdef0123456789abcdef/';
    const now = new Date('2026-03-01T00:00:00Z');

    leaveCapturedScripts({ url, scripts: scripts.filter(looksLikeAppState) });
    const handoff = Reflect.get(globalThis, CAPTURED_SCRIPTS_KEY);
    expect(readOpenPage(doc, url, now).offer?.closesAt).toBeNull();
    expect(readOpenPage(doc, url, now, handoff).offer?.closesAt).toBe('2099-06-30');
  });
});
