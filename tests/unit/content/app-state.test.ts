import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  APP_STATE_GLOBALS,
  CAPTURED_SCRIPTS_KEY,
  leaveCapturedScripts,
  MAX_CAPTURED_SCRIPT_CHARS,
  readAppStateGlobals,
} from '../../../lib/app-state';
import { readOpenPage } from '../../../lib/background/page-reader';
import { MAX_SCRIPT_CHARS, readAssignedObject } from '../../../lib/extract/page-state';

const STATE = {
  data: { job: { role: 'Designer', poste_ferme: '2021-05-14', tags: ['a', 'b'], note: 'a } in "text"' } },
};
const NAMES = ['__INITIAL_STATE__', '__NUXT__', '__PRELOADED_STATE__', '__APOLLO_STATE__', '__MISSING__'];

function setGlobal(name: string, value: unknown): void {
  Object.defineProperty(window, name, { configurable: true, writable: true, value });
}

afterEach(() => {
  for (const name of NAMES) Reflect.deleteProperty(window, name);
  Reflect.deleteProperty(globalThis, CAPTURED_SCRIPTS_KEY);
});

describe('readAppStateGlobals (runs in the page world)', () => {
  it('gives the state back as the assignment the extractor reads', () => {
    setGlobal('__INITIAL_STATE__', STATE);
    const texts = readAppStateGlobals(['__INITIAL_STATE__'], MAX_CAPTURED_SCRIPT_CHARS);
    expect(texts).toEqual([`window.__INITIAL_STATE__=${JSON.stringify(STATE)};`]);
    expect(readAssignedObject(texts[0] ?? '', '__INITIAL_STATE__')).toEqual(STATE);
  });

  it('reads every name asked for, in order, and skips the missing ones', () => {
    setGlobal('__NUXT__', { state: { n: 1 } });
    setGlobal('__INITIAL_STATE__', { data: null });
    expect(readAppStateGlobals(NAMES, MAX_CAPTURED_SCRIPT_CHARS)).toEqual([
      'window.__INITIAL_STATE__={"data":null};',
      'window.__NUXT__={"state":{"n":1}};',
    ]);
  });

  it('skips a cyclic value, and still reads the others', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    setGlobal('__INITIAL_STATE__', cyclic);
    setGlobal('__NUXT__', { ok: true });
    expect(readAppStateGlobals(NAMES, MAX_CAPTURED_SCRIPT_CHARS)).toEqual(['window.__NUXT__={"ok":true};']);
  });

  it('skips a getter that throws, on the global or deep inside the value', () => {
    Object.defineProperty(window, '__INITIAL_STATE__', {
      configurable: true,
      get() {
        throw new Error('hostile');
      },
    });
    const deep = {};
    Object.defineProperty(deep, 'x', {
      enumerable: true,
      get() {
        throw new Error('hostile');
      },
    });
    setGlobal('__NUXT__', deep);
    setGlobal('__APOLLO_STATE__', { ok: 1 });
    expect(() => readAppStateGlobals(NAMES, MAX_CAPTURED_SCRIPT_CHARS)).not.toThrow();
    expect(readAppStateGlobals(NAMES, MAX_CAPTURED_SCRIPT_CHARS)).toEqual(['window.__APOLLO_STATE__={"ok":1};']);
  });

  it.each([
    ['a string', '{"data":{}}'],
    ['a number', 42],
    ['null', null],
    ['an array', [{ data: {} }]],
    ['a function', () => ({ data: {} })],
    [
      'a class instance',
      new (class State {
        data = {};
      })(),
    ],
    ['a Date', new Date(0)],
    ['an object whose toJSON gives no object', { toJSON: () => 'text' }],
  ])('skips %s', (_what, value) => {
    setGlobal('__INITIAL_STATE__', value);
    expect(readAppStateGlobals(['__INITIAL_STATE__'], MAX_CAPTURED_SCRIPT_CHARS)).toEqual([]);
  });

  it('keeps an object without a prototype', () => {
    const bare = Object.assign(Object.create(null) as object, { data: 1 });
    setGlobal('__INITIAL_STATE__', bare);
    expect(readAppStateGlobals(['__INITIAL_STATE__'], MAX_CAPTURED_SCRIPT_CHARS)).toEqual([
      'window.__INITIAL_STATE__={"data":1};',
    ]);
  });

  it('skips a text over the size cap, counting the whole assignment', () => {
    setGlobal('__INITIAL_STATE__', { x: 'a'.repeat(100) });
    const text = `window.__INITIAL_STATE__={"x":"${'a'.repeat(100)}"};`;
    expect(readAppStateGlobals(['__INITIAL_STATE__'], text.length)).toEqual([text]);
    expect(readAppStateGlobals(['__INITIAL_STATE__'], text.length - 1)).toEqual([]);
  });

  it("keeps nothing the extractor's own cap would drop", () => {
    expect(MAX_CAPTURED_SCRIPT_CHARS).toBeLessThanOrEqual(MAX_SCRIPT_CHARS);
  });

  it('needs nothing outside its own source, as executeScript sends only that', () => {
    setGlobal('__INITIAL_STATE__', STATE);
    // Rebuilt from its text alone, as the browser does in the page: a reference to an import or a
    // helper would throw there (and be swallowed into an empty answer).
    const alone = new Function(`return (${readAppStateGlobals.toString()});`)() as typeof readAppStateGlobals;
    expect(alone(['__INITIAL_STATE__'], MAX_CAPTURED_SCRIPT_CHARS)).toEqual(
      readAppStateGlobals(['__INITIAL_STATE__'], MAX_CAPTURED_SCRIPT_CHARS),
    );
    expect(alone(['__INITIAL_STATE__'], MAX_CAPTURED_SCRIPT_CHARS)).toHaveLength(1);
  });

  it('reads a short list of conventional names, incubateur’s among them', () => {
    expect(APP_STATE_GLOBALS).toContain('__INITIAL_STATE__');
    expect(APP_STATE_GLOBALS.length).toBeLessThanOrEqual(6);
    for (const name of APP_STATE_GLOBALS) expect(name).toMatch(/^__[A-Z_]+__$/);
  });
});

describe('leaveCapturedScripts', () => {
  it('leaves the texts where read-page looks for them', () => {
    const url = 'https://incubateur.anct.gouv.fr/recrutements/equipe-designer-0a1b2c3d4e5f/';
    const scripts = ['window.__INITIAL_STATE__={};'];
    leaveCapturedScripts({ url, scripts });
    expect(Reflect.get(globalThis, CAPTURED_SCRIPTS_KEY)).toEqual({ url, scripts });
  });

  it('lets read-page use what was read from the page world, on the page it was read on', () => {
    // Our own posting page once its self-removing state script has run: the state is only on window.
    const doc = document.implementation.createHTMLDocument('');
    doc.documentElement.innerHTML = readFileSync(
      join(import.meta.dirname, '../../fixtures/content/incubateur-posting.html'),
      'utf8',
    );
    const state = Array.from(doc.querySelectorAll('script'), (script) =>
      readAssignedObject(script.textContent ?? '', '__INITIAL_STATE__'),
    ).find((value) => value !== null);
    expect(state).toBeDefined();
    for (const script of Array.from(doc.querySelectorAll('script'))) script.remove();
    setGlobal('__INITIAL_STATE__', state);
    const url =
      'https://incubateur.anct.gouv.fr/recrutements/equipe-test-developpeur-se-front-end-0123456789abcdef0123456789abcdef/';
    const now = new Date('2026-03-01T00:00:00Z');

    leaveCapturedScripts({ url, scripts: readAppStateGlobals([...APP_STATE_GLOBALS], MAX_CAPTURED_SCRIPT_CHARS) });
    const handoff = Reflect.get(globalThis, CAPTURED_SCRIPTS_KEY);
    expect(readOpenPage(doc, url, now).offer?.closesAt).toBeNull();
    expect(readOpenPage(doc, url, now, handoff).offer).toMatchObject({
      closesAt: '2099-06-30',
      contact: { email: 'recrutement@example.org' },
    });
    expect(
      readOpenPage(doc, 'https://incubateur.anct.gouv.fr/recrutements/autre/', now, handoff).offer?.closesAt,
    ).toBeNull();
  });
});
