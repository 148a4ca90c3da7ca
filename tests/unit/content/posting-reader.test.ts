/**
 * The posting reader is injected by the background each time the tab reports it has loaded, so
 * again and again into one document (client-side navigation, back/forward cache, the 5 s
 * fallback): a second run does nothing, the running copy stays in charge.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import postingReader from '../../../entrypoints/posting-reader/index';
import { READER_KEY, type RunningReader, startOnce } from '../../../entrypoints/posting-reader/once';

const PAGE = 'https://beta.gouv.fr/a-propos';

function setAddress(url: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}

interface Calls {
  mock: { calls: unknown[][] };
}

/** The page messages the reader sent, by type. */
function sentTypes(sendMessage: Calls): string[] {
  return sendMessage.mock.calls.map(([message]) => String(Reflect.get(message as object, 'type')));
}

/** The CustomEvents WXT's context sends on the document when a reader starts (happy-dom calls
 * dispatchEvent again for each phase: one event, counted once). */
function startedEvents(dispatch: Calls): Event[] {
  const events = dispatch.mock.calls
    .map(([event]) => event as Event)
    .filter((event) => event.type.endsWith('wxt:content-script-started'));
  return [...new Set(events)];
}

/** The background, answering every page message with an empty result. */
function answerEmpty() {
  return vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => ({ res: [] })) as never);
}

beforeEach(() => {
  fakeBrowser.reset();
  setAddress(PAGE);
});
afterEach(() => {
  Reflect.deleteProperty(globalThis, READER_KEY);
  vi.restoreAllMocks();
});

describe('startOnce', () => {
  const live: RunningReader = { isValid: () => true };

  it('starts a reader when none runs, and keeps it where the next copy looks', () => {
    const scope = {};
    const start = vi.fn(() => live);
    expect(startOnce(start, scope)).toBe(true);
    expect(start).toHaveBeenCalledTimes(1);
    expect(Reflect.get(scope, READER_KEY)).toBe(live);
  });

  it('does nothing when a live reader already runs in this world', () => {
    const scope = {};
    startOnce(() => live, scope);
    const second = vi.fn(() => ({ isValid: () => true }));
    expect(startOnce(second, scope)).toBe(false);
    expect(second).not.toHaveBeenCalled();
    expect(Reflect.get(scope, READER_KEY)).toBe(live);
  });

  it('takes over from a reader whose extension has gone (reloaded, updated), or from junk', () => {
    for (const running of [
      { isValid: () => false },
      {
        isValid: () => {
          throw new Error('Extension context invalidated.');
        },
      },
      { isValid: 'yes' },
      true,
      null,
    ]) {
      const scope = { [READER_KEY]: running };
      const start = vi.fn(() => live);
      expect(startOnce(start, scope)).toBe(true);
      expect(start).toHaveBeenCalledTimes(1);
      expect(Reflect.get(scope, READER_KEY)).toBe(live);
    }
  });
});

describe('the injected script (entrypoints/posting-reader)', () => {
  it('returns at once, so executeScript does not wait for the reading', () => {
    answerEmpty();
    expect(postingReader.main()).toBeUndefined();
  });

  it('run a second time in the same document, it does nothing more than the running copy', async () => {
    const sendMessage = answerEmpty();
    const dispatch = vi.spyOn(document, 'dispatchEvent');

    postingReader.main();
    await vi.waitFor(() => expect(sentTypes(sendMessage)).toEqual(['readPageState']));
    const running = Reflect.get(globalThis, READER_KEY) as RunningReader;
    expect(running.isValid()).toBe(true);
    expect(startedEvents(dispatch)).toHaveLength(1);

    postingReader.main();
    postingReader.main();
    // Time for a second reading to ask, had it started.
    await new Promise((wake) => setTimeout(wake, 50));
    expect(sentTypes(sendMessage)).toEqual(['readPageState']);
    // No second context either: it would have invalidated the running one, panel and all.
    expect(startedEvents(dispatch)).toHaveLength(1);
    expect(Reflect.get(globalThis, READER_KEY)).toBe(running);
    expect(running.isValid()).toBe(true);
  });

  it('announces nothing to the page: no window.postMessage', async () => {
    const sendMessage = answerEmpty();
    const postMessage = vi.spyOn(window, 'postMessage');
    postingReader.main();
    await vi.waitFor(() => expect(sentTypes(sendMessage)).toEqual(['readPageState']));
    expect(postMessage).not.toHaveBeenCalled();
  });

  it('starts again once the running copy has lost its extension', async () => {
    const sendMessage = answerEmpty();
    Reflect.set(globalThis, READER_KEY, { isValid: () => false });
    postingReader.main();
    await vi.waitFor(() => expect(sentTypes(sendMessage)).toEqual(['readPageState']));
  });
});
