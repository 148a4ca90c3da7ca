/**
 * Chromium with the built extension, driven by playwright-core (never a downloaded browser).
 * Each launch gets a temporary profile; `relaunch()` opens the same profile again, to test what
 * survives a browser restart. No request leaves the machine: the resolver rule makes every host
 * unreachable, and `servePage` answers the pages a test needs at their real addresses.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import type { browser as extensionApi } from 'wxt/browser';

/** The build `npm run build:chrome` writes (POSTULO_EXTENSION_DIR tests another unpacked build). */
export const EXTENSION_DIR = resolve(
  process.env.POSTULO_EXTENSION_DIR ?? resolve(import.meta.dirname, '../../../.output/chrome-mv3'),
);

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the suite cannot run here, or null when it can. */
export function missingPrerequisite(): string | null {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`;
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
    return 'no build in .output/chrome-mv3: run npm run build:chrome';
  return null;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  serviceWorker: Worker;
  /** Closes the browser and deletes the profile. */
  close(): Promise<void>;
  /** Closes the browser and starts it again on the same profile. */
  relaunch(): Promise<ExtensionBrowser>;
}

export interface LaunchOptions {
  /** Reuse a profile (relaunch); a new temporary one otherwise. */
  profileDir?: string;
  /** The browser's language: navigator.language, Accept-Language. French by default. */
  locale?: string;
  /**
   * Chromium's back/forward cache, on for its users. Off by default here, as Playwright launches
   * Chromium: a test's back navigation then loads the page again instead of restoring it.
   */
  backForwardCache?: boolean;
}

/**
 * How every Chromium here is launched, the browser tests' and the benchmarks' (tests/bench/
 * browsers.ts), so that both measure the same browser: headless, no request leaving the machine
 * (the resolver rule), with `extensionDir` loaded or no extension at all. `backForwardCache`
 * undoes Playwright's own --disable-back-forward-cache, which Chromium's users do not have.
 */
export function chromiumLaunch({
  extensionDir,
  locale,
  backForwardCache,
}: {
  extensionDir: string | null;
  locale: string;
  backForwardCache: boolean;
}): Parameters<typeof chromium.launchPersistentContext>[1] {
  return {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: backForwardCache ? ['--disable-back-forward-cache'] : [],
    locale,
    viewport: { width: 1280, height: 800 },
    args: [
      ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      `--lang=${locale}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  };
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'postulo-e2e-'));
  const locale = options.locale ?? 'fr-FR';
  const context = await chromium.launchPersistentContext(
    profileDir,
    chromiumLaunch({ extensionDir: EXTENSION_DIR, locale, backForwardCache: options.backForwardCache ?? false }),
  );
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // The id depends on the extension's folder: read it, never hard-code it.
  const extensionId = new URL(serviceWorker.url()).host;
  await backgroundListening(serviceWorker);

  const close = async () => {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
  };
  const relaunch = async () => {
    await context.close();
    return launchBrowser({ ...options, profileDir });
  };
  return { context, extensionId, profileDir, serviceWorker, close, relaunch };
}

/**
 * Waits until the background's script has run and registered its listeners. The worker is
 * reported as soon as it starts; a page that finished loading before `tabs.onUpdated` is listened
 * to would never get the posting reader (a person does not open a posting within the 100 ms after
 * installing; after that, the browser wakes the background for the event).
 */
async function backgroundListening(serviceWorker: Worker, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const listening = await serviceWorker
      .evaluate(() => {
        const api = (globalThis as unknown as { chrome: typeof extensionApi }).chrome;
        return api.tabs.onUpdated.hasListeners();
      })
      .catch(() => false);
    if (listening) return;
    await new Promise((wake) => setTimeout(wake, 50));
  }
  throw new Error(`the background did not listen to tabs.onUpdated within ${timeoutMs} ms`);
}

const servedPages = new WeakMap<BrowserContext, Map<string, string>>();
const routedOrigins = new WeakMap<BrowserContext, Set<string>>();

/**
 * Answers `url` with `html` in this browser; anything else asked of that site (scripts, styles,
 * images, other pages) gets a 404, so the page runs with only its inline scripts.
 */
export async function servePage(context: BrowserContext, url: string, html: string): Promise<void> {
  let pages = servedPages.get(context);
  if (!pages) {
    pages = new Map();
    servedPages.set(context, pages);
  }
  pages.set(withoutHash(url), html);

  let origins = routedOrigins.get(context);
  if (!origins) {
    origins = new Set();
    routedOrigins.set(context, origins);
  }
  const { origin } = new URL(url);
  if (origins.has(origin)) return;
  origins.add(origin);
  const known = pages;
  await context.route(`${origin}/**`, async (route) => {
    const body = known.get(withoutHash(route.request().url()));
    if (body === undefined)
      await route.fulfill({ status: 404, contentType: 'text/plain', body: 'not served in tests' });
    else await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
}

function withoutHash(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

/**
 * Holds every request for `pattern` until the returned `release()` is called, then answers it
 * 404: a sub-resource that keeps a page from reaching its load event for as long as a test needs.
 */
export async function holdRequests(context: BrowserContext, pattern: string): Promise<() => void> {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await context.route(pattern, async (route) => {
    await released;
    await route.fulfill({ status: 404, body: '' }).catch(() => {});
  });
  return release;
}

/** Opens `url` (served beforehand) in a new tab and waits for the page to be parsed. */
export async function openPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return page;
}

/**
 * The extension's isolated worlds in `page`, as DevTools sees them: each execution context whose
 * origin is our extension's. The browser makes one when any of our scripts first runs in a
 * document, and, in a frame that is reused for the next document, again for that document before
 * its scripts run. `clear()` forgets those seen so far.
 */
export async function watchOurWorlds(
  browser: ExtensionBrowser,
  page: Page,
): Promise<{ seen(): string[]; clear(): void }> {
  let worlds: string[] = [];
  const cdp = await browser.context.newCDPSession(page);
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.origin.startsWith(`chrome-extension://${browser.extensionId}`)) worlds.push(context.name);
  });
  await cdp.send('Runtime.enable');
  return {
    seen: () => [...worlds],
    clear: () => {
      worlds = [];
    },
  };
}
