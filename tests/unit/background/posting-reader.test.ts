/**
 * The background brings the posting reader to the posting sites' tabs once they have loaded
 * (lib/background/posting-reader.ts), with the fake browser: its tab events are triggered by
 * hand, and its `scripting.executeScript`, which it does not implement, is stubbed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  LOAD_FALLBACK_MS,
  POSTING_READER_SCRIPT,
  POSTING_TAB_FILTER,
  type ReaderBrowser,
  registerPostingReader,
} from '../../../lib/background/posting-reader';
import { isPostingSiteUrl, POSTING_SITE_MATCHES } from '../../../lib/sites';

type ExecuteScript = typeof fakeBrowser.scripting.executeScript;

const POSTING = 'https://incubateur.anct.gouv.fr/recrutements/equipe-test-designer-0123456789abcdef/';
const LISTING = 'https://beta.gouv.fr/recrutement/';
const TAB = 7;

/** The fake browser, as this module sees it. */
const api = fakeBrowser as unknown as ReaderBrowser;

let executeScript: ReturnType<typeof vi.fn>;
let unregister: () => void = () => {};

function stubExecuteScript(implementation: () => Promise<unknown> = async () => [{ frameId: 0, result: null }]) {
  executeScript = vi.fn(implementation);
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(executeScript as unknown as ExecuteScript);
}

/** What the browser says of a tab whose status changed to `status` while it shows `url`. */
function tabUpdated(tabId: number, status: 'loading' | 'complete' | undefined, url: string | undefined) {
  const changeInfo = status === undefined ? { title: 'Une offre' } : { status };
  return fakeBrowser.tabs.onUpdated.trigger(tabId, changeInfo, { id: tabId, url } as never);
}

/** Lets the injection's promise settle. */
async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

beforeEach(() => {
  fakeBrowser.reset();
  stubExecuteScript();
  unregister = registerPostingReader(api);
});
afterEach(() => {
  unregister();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the posting reader, injected by the background', () => {
  it("is injected into the tab's top frame when a posting-site tab has loaded", async () => {
    await tabUpdated(TAB, 'complete', POSTING);
    expect(executeScript).toHaveBeenCalledTimes(1);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: TAB }, files: [POSTING_READER_SCRIPT] });
    // The top frame only: no frameIds, no allFrames.
    expect(executeScript.mock.calls[0]?.[0]).not.toHaveProperty('target.allFrames');
    expect(executeScript.mock.calls[0]?.[0]).not.toHaveProperty('target.frameIds');

    await tabUpdated(TAB + 1, 'complete', LISTING);
    expect(executeScript).toHaveBeenLastCalledWith({ target: { tabId: TAB + 1 }, files: [POSTING_READER_SCRIPT] });
  });

  it('is not injected into other sites, nor where the tab hides its address', async () => {
    for (const url of [
      'https://example.org/recrutements/',
      'https://beta.gouv.fr.example.org/recrutement/',
      'https://example.org/?next=https://beta.gouv.fr/',
      'http://beta.gouv.fr/recrutement/',
      'https://www.incubateur.anct.gouv.fr.evil.test/',
      'chrome://newtab/',
      undefined,
    ]) {
      await tabUpdated(TAB, 'complete', url);
    }
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('is not injected while the page loads, nor on changes that are not of status', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await tabUpdated(TAB, 'loading', POSTING);
    await tabUpdated(TAB, undefined, POSTING);
    vi.advanceTimersByTime(LOAD_FALLBACK_MS - 1);
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('is injected 5 s after the load began when the load never completes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await tabUpdated(TAB, 'loading', POSTING);
    vi.advanceTimersByTime(LOAD_FALLBACK_MS - 1);
    expect(executeScript).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(executeScript).toHaveBeenCalledTimes(1);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: TAB }, files: [POSTING_READER_SCRIPT] });
    // The load ends later after all: the reader is injected again (and does nothing, the running
    // copy is there); no other timer is left.
    await tabUpdated(TAB, 'complete', POSTING);
    vi.advanceTimersByTime(10 * LOAD_FALLBACK_MS);
    expect(executeScript).toHaveBeenCalledTimes(2);
  });

  it('injects once when the load completes in time: the fallback is cleared', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await tabUpdated(TAB, 'loading', POSTING);
    vi.advanceTimersByTime(LOAD_FALLBACK_MS / 2);
    await tabUpdated(TAB, 'complete', POSTING);
    vi.advanceTimersByTime(10 * LOAD_FALLBACK_MS);
    expect(executeScript).toHaveBeenCalledTimes(1);
  });

  it('restarts the 5 s on a new load, and drops them when the tab closes or leaves the sites', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await tabUpdated(TAB, 'loading', POSTING);
    vi.advanceTimersByTime(LOAD_FALLBACK_MS - 1000);
    await tabUpdated(TAB, 'loading', LISTING);
    vi.advanceTimersByTime(LOAD_FALLBACK_MS - 1);
    expect(executeScript).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(executeScript).toHaveBeenCalledTimes(1);

    await tabUpdated(TAB, 'loading', POSTING);
    await fakeBrowser.tabs.onRemoved.trigger(TAB, { windowId: 1, isWindowClosing: false });
    await tabUpdated(TAB + 1, 'loading', POSTING);
    await tabUpdated(TAB + 1, 'loading', 'https://example.org/');
    vi.advanceTimersByTime(10 * LOAD_FALLBACK_MS);
    expect(executeScript).toHaveBeenCalledTimes(1);
  });

  it('ignores a failed injection (tab closed, gone elsewhere, no permission): it never throws', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    stubExecuteScript(async () => {
      throw new Error('No tab with id: 7.');
    });
    await expect(tabUpdated(TAB, 'complete', POSTING)).resolves.toBeDefined();
    await flush();
    expect(executeScript).toHaveBeenCalledTimes(1);
    expect(debug).toHaveBeenCalledWith(expect.stringContaining(`tab ${TAB}`), expect.any(Error));

    // And the fallback's injection alike, from its timer.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await tabUpdated(TAB, 'loading', POSTING);
    vi.advanceTimersByTime(LOAD_FALLBACK_MS);
    await flush();
    expect(executeScript).toHaveBeenCalledTimes(2);
    expect(debug).toHaveBeenCalledTimes(2);
  });

  it('stops when unregistered: no listener, no timer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await tabUpdated(TAB, 'loading', POSTING);
    unregister();
    expect(fakeBrowser.tabs.onUpdated.hasListeners()).toBe(false);
    expect(fakeBrowser.tabs.onRemoved.hasListeners()).toBe(false);
    vi.advanceTimersByTime(LOAD_FALLBACK_MS);
    await tabUpdated(TAB, 'complete', POSTING);
    expect(executeScript).not.toHaveBeenCalled();
  });
});

describe("the listener's filter", () => {
  function fakeEvent(acceptsFilter: boolean) {
    const added: unknown[][] = [];
    return {
      added,
      addListener: vi.fn((...args: unknown[]) => {
        if (args.length > 1 && !acceptsFilter) throw new Error('No matching signature.');
        added.push(args);
      }),
      removeListener: vi.fn(),
    };
  }
  function browserWith(onUpdated: ReturnType<typeof fakeEvent>): ReaderBrowser {
    return {
      tabs: { onUpdated, onRemoved: fakeEvent(true), query: vi.fn(async () => []) },
      runtime: { onInstalled: fakeEvent(true) },
      scripting: { executeScript: vi.fn(async () => []) },
    } as unknown as ReaderBrowser;
  }

  it('asks Firefox to wake the background only for status changes of the posting sites', () => {
    const onUpdated = fakeEvent(true);
    registerPostingReader(browserWith(onUpdated));
    expect(onUpdated.added).toHaveLength(1);
    expect(onUpdated.added[0]?.[1]).toEqual({ urls: POSTING_SITE_MATCHES, properties: ['status'] });
    expect(POSTING_TAB_FILTER.urls).toBe(POSTING_SITE_MATCHES);
  });

  it('listens without a filter where the browser refuses one (Chrome)', () => {
    const onUpdated = fakeEvent(false);
    registerPostingReader(browserWith(onUpdated));
    expect(onUpdated.addListener).toHaveBeenCalledTimes(2);
    expect(onUpdated.added).toHaveLength(1);
    expect(onUpdated.added[0]).toHaveLength(1);
    expect(typeof onUpdated.added[0]?.[0]).toBe('function');
  });
});

describe('isPostingSiteUrl', () => {
  it.each([
    ['https://incubateur.anct.gouv.fr/recrutements/', true],
    ['https://beta.gouv.fr/recrutement/2023/03/01/developpeur.html', true],
    ['https://beta.gouv.fr', true],
    ['http://beta.gouv.fr/', false],
    ['https://www.beta.gouv.fr/', false],
    ['https://beta.gouv.fr.example.org/', false],
    ['https://example.org/https://beta.gouv.fr/', false],
    ['https://example.org/?u=https://incubateur.anct.gouv.fr/', false],
    ['not a url', false],
    [undefined, false],
  ])('%s → %s', (url, expected) => {
    expect(isPostingSiteUrl(url)).toBe(expected);
  });
});

describe('tabs already open when Postulo is installed or updated', () => {
  it('get the reader at once, posting-site tabs only', async () => {
    // As the browser answers: only the tabs it lets us see the address of match the query, yet
    // the addresses are checked again here.
    const query = vi
      .spyOn(fakeBrowser.tabs, 'query')
      .mockResolvedValue([
        { id: 1, url: POSTING },
        { id: 2, url: 'https://example.org/emploi' },
        { id: 3, url: LISTING },
        { id: 4 },
      ] as never);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update' } as never);
    await vi.waitFor(() => expect(executeScript).toHaveBeenCalledTimes(2));
    expect(query).toHaveBeenCalledWith({ url: [...POSTING_SITE_MATCHES], status: 'complete' });
    const injected = executeScript.mock.calls.map((call) => (call[0] as { target: { tabId: number } }).target.tabId);
    expect(injected.sort()).toEqual([1, 3]);
  });

  it('a failed listing of the tabs is logged, not thrown', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockRejectedValue(new Error('no tabs'));
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await vi.waitFor(() => expect(debug).toHaveBeenCalled());
    expect(executeScript).not.toHaveBeenCalled();
  });
});
