/**
 * `readPageState` with the fake browser: its `scripting.executeScript` is not implemented, so it
 * is stubbed here, and what it is asked to run is run against happy-dom's window, as the page's
 * MAIN world would.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { APP_STATE_GLOBALS, MAX_CAPTURED_SCRIPT_CHARS, readAppStateGlobals } from '../../../lib/app-state';
import { receiveMessage } from '../../../lib/background';
import { checkedTexts, MAX_STATE_TEXTS, readPageState } from '../../../lib/background/read-page-state';
import { RefusedMessage } from '../../../lib/messaging';
import { SENDERS, testContext } from './test-context';

type ExecuteScript = typeof fakeBrowser.scripting.executeScript;

/** Stubs executeScript: runs the function it is given in this window, or answers `answer`. */
function stubExecuteScript(answer?: () => unknown) {
  return vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async (injection: {
    func?: (...args: unknown[]) => unknown;
    args?: unknown[];
  }) => {
    const result = answer ? answer() : injection.func?.(...(injection.args ?? []));
    return [{ frameId: 0, documentId: 'doc', result }];
  }) as unknown as ExecuteScript);
}

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  vi.restoreAllMocks();
  Reflect.deleteProperty(window, '__INITIAL_STATE__');
});

describe('readPageState (background)', () => {
  it("runs readAppStateGlobals in the page's MAIN world, in the sender's tab and frame", async () => {
    Object.defineProperty(window, '__INITIAL_STATE__', { configurable: true, value: { data: { job: {} } } });
    const executeScript = stubExecuteScript();

    const texts = await readPageState({ ...SENDERS.contentScript, tab: { id: 7 }, frameId: 3 });

    expect(texts).toEqual(['window.__INITIAL_STATE__={"data":{"job":{}}};']);
    expect(executeScript).toHaveBeenCalledTimes(1);
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 7, frameIds: [3] },
      world: 'MAIN',
      func: readAppStateGlobals,
      args: [[...APP_STATE_GLOBALS], MAX_CAPTURED_SCRIPT_CHARS],
    });
  });

  it("reads the tab's top frame when the sender names none", async () => {
    const executeScript = stubExecuteScript(() => []);
    await readPageState({ ...SENDERS.contentScript, tab: { id: 9 } });
    expect(executeScript.mock.calls[0]?.[0]).toMatchObject({ target: { tabId: 9, frameIds: [0] } });
  });

  it('answers [] when the frame cannot be read (no permission, the page went away)', async () => {
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access contents of the page'));
    await expect(readPageState(SENDERS.contentScript)).resolves.toEqual([]);
  });

  it('answers [] when the script gave nothing back', async () => {
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async () => []) as unknown as ExecuteScript);
    await expect(readPageState(SENDERS.contentScript)).resolves.toEqual([]);
  });

  it('refuses a sender that is not in a tab, and runs nothing', async () => {
    const executeScript = stubExecuteScript(() => ['window.__INITIAL_STATE__={};']);
    for (const sender of [
      SENDERS.popup,
      { ...SENDERS.contentScript, tab: {} },
      { ...SENDERS.contentScript, tab: null },
    ]) {
      await expect(readPageState(sender)).rejects.toThrow(RefusedMessage);
    }
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('keeps only strings within the cap, one per global at most', async () => {
    const good = 'window.__INITIAL_STATE__={};';
    stubExecuteScript(() => [good, 42, null, { text: good }, 'x'.repeat(MAX_CAPTURED_SCRIPT_CHARS + 1)]);
    await expect(readPageState(SENDERS.contentScript)).resolves.toEqual([good]);

    expect(checkedTexts('window.__INITIAL_STATE__={};')).toEqual([]);
    expect(checkedTexts({ 0: good, length: 1 })).toEqual([]);
    expect(checkedTexts(undefined)).toEqual([]);
    const many = Array.from({ length: MAX_STATE_TEXTS + 3 }, (_, i) => `window.__S${i}__={};`);
    expect(checkedTexts(many)).toEqual(many.slice(0, MAX_STATE_TEXTS));
  });

  it('goes through the checks of every message: a content script may ask, another extension may not', async () => {
    const ctx = testContext();
    stubExecuteScript(() => ['window.__INITIAL_STATE__={};']);
    try {
      await expect(receiveMessage('readPageState', {}, SENDERS.contentScript, ctx)).resolves.toEqual([
        'window.__INITIAL_STATE__={};',
      ]);
      await expect(
        receiveMessage('readPageState', {}, { ...SENDERS.foreignExtension, tab: { id: 7 } }, ctx),
      ).rejects.toThrow(RefusedMessage);
      await expect(receiveMessage('readPageState', {}, SENDERS.popup, ctx)).rejects.toThrow(/not a page in a tab/);
    } finally {
      await ctx.db.delete();
    }
  });
});
