import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserIdle, pageLoaded } from '../../../entrypoints/posting-reader/dom';

/** Makes `document.readyState` say `state` until the test ends. */
function pretendReadyState(state: DocumentReadyState): void {
  Object.defineProperty(document, 'readyState', { configurable: true, get: () => state });
}

afterEach(() => {
  Reflect.deleteProperty(document, 'readyState');
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** True when `promise` has settled by now (after pending microtasks). */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await Promise.resolve();
  await Promise.resolve();
  return done;
}

describe('pageLoaded', () => {
  it('waits for the load event while the page is loading', async () => {
    pretendReadyState('interactive');
    const loaded = pageLoaded(document, 60_000);
    expect(await settled(loaded)).toBe(false);
    window.dispatchEvent(new Event('load'));
    expect(await settled(loaded)).toBe(true);
  });

  it('does not wait when the page has loaded already', async () => {
    pretendReadyState('complete');
    expect(await settled(pageLoaded(document))).toBe(true);
  });

  it('gives up waiting after its limit (a stuck image)', async () => {
    vi.useFakeTimers();
    pretendReadyState('interactive');
    const loaded = pageLoaded(document, 5000);
    await vi.advanceTimersByTimeAsync(4999);
    expect(await settled(loaded)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(loaded)).toBe(true);
  });
});

describe('browserIdle', () => {
  afterEach(() => {
    if (document.defaultView) Reflect.deleteProperty(document.defaultView, 'requestIdleCallback');
  });

  it('waits for an idle moment, with a time limit', async () => {
    let runIdle: () => void = () => {};
    const requestIdle = vi.fn((callback: IdleRequestCallback, _options?: IdleRequestOptions) => {
      runIdle = () => callback({ didTimeout: false, timeRemaining: () => 10 });
      return 1;
    });
    if (document.defaultView) Reflect.set(document.defaultView, 'requestIdleCallback', requestIdle);
    const idle = browserIdle(document, 800);
    expect(requestIdle).toHaveBeenCalledWith(expect.any(Function), { timeout: 800 });
    expect(await settled(idle)).toBe(false);
    runIdle();
    expect(await settled(idle)).toBe(true);
  });

  it('falls back on the next task where the browser has no requestIdleCallback', async () => {
    vi.useFakeTimers();
    if (document.defaultView) Reflect.set(document.defaultView, 'requestIdleCallback', undefined);
    const idle = browserIdle(document);
    expect(await settled(idle)).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(await settled(idle)).toBe(true);
  });
});
