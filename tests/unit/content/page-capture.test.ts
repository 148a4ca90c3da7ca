import { afterEach, describe, expect, it } from 'vitest';
import { looksLikeAppState, MAX_CAPTURED_SCRIPT_CHARS, startScriptCapture } from '../../../lib/page-capture';

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
