/**
 * Browsers for the benchmarks: Chromium as the browser tests launch it (tests/e2e/support/
 * browser.ts: same executable, same flags), with the extension or without it, so the two sides of
 * a comparison differ by the extension only, and with the back/forward cache on as Chromium has
 * it for its users (see `BrowserOptions`). The extension is loaded from the run's own build
 * (build.ts) or a private copy of .output/chrome-mv3 (`snapshotBuild`), never from a folder that
 * another build may rewrite while a run measures it.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { chromiumLaunch } from '../e2e/support/browser';
import type { BenchPage } from './pages';

export interface BenchBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

export interface BenchExtensionBrowser extends BenchBrowser {
  extensionId: string;
}

/** Copies the build to a temporary folder; the copy is what a run loads and measures. */
export function snapshotBuild(buildDir: string): { dir: string; remove(): void } {
  const parent = mkdtempSync(join(tmpdir(), 'postulo-bench-build-'));
  const dir = join(parent, 'chrome-mv3');
  cpSync(buildDir, dir, { recursive: true });
  return { dir, remove: () => rmSync(parent, { recursive: true, force: true }) };
}

export interface BrowserOptions {
  /**
   * On (the default) as in Chromium for its users. Playwright launches Chromium with
   * --disable-back-forward-cache, and that changes how a tab goes to the next page of the same
   * site: with the cache on, the next page gets a new frame (the browser swaps browsing
   * instances so that the page left can be kept); with it off, the tab's frame is reused, and
   * Blink then sets up again, for the new document and before its scripts run, every script
   * world the page left had, an extension's isolated world included. Off, the measure shows what
   * a tab costs when its frame is reused, as it is after a page the cache cannot keep.
   */
  backForwardCache?: boolean;
}

async function launch(
  extensionDir: string | null,
  { backForwardCache = true }: BrowserOptions,
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profileDir = mkdtempSync(join(tmpdir(), 'postulo-bench-'));
  const context = await chromium.launchPersistentContext(
    profileDir,
    chromiumLaunch({ extensionDir, locale: 'fr-FR', backForwardCache }),
  );
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

export async function launchWithExtension(
  extensionDir: string,
  options: BrowserOptions = {},
): Promise<BenchExtensionBrowser> {
  const browser = await launch(extensionDir, options);
  try {
    const worker = browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker'));
    // The id depends on the extension's folder: read it, never hard-code it.
    return { ...browser, extensionId: new URL(worker.url()).host };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

export function launchWithoutExtension(options: BrowserOptions = {}): Promise<BenchBrowser> {
  return launch(null, options);
}

/**
 * An extension with nothing in it: a manifest and no permission, no background, no script. What
 * a browser with it pays, against one without, is what Chromium charges for any extension
 * installed, before anything of the extension's own runs.
 */
export function emptyExtension(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'postulo-bench-empty-extension-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'Empty', version: '1.0' }));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A browser with `extensionDir` loaded, not waiting for a background it may not have. */
export function launchWithBareExtension(extensionDir: string, options: BrowserOptions = {}): Promise<BenchBrowser> {
  return launch(extensionDir, options);
}

/**
 * Serves `pages` at their real addresses in one tab, through the DevTools protocol, for
 * documents only, each with a Content-Security-Policy that refuses every sub-resource (scripts,
 * styles, images, fonts, frames of the sites) while letting the page's inline scripts and styles
 * run. We do not have those sub-resources; refused by the page's own policy, they fail inside
 * the renderer, synchronously, instead of after a round trip through the browser's network
 * service for each of them, whose timing on a busy 2-core machine was most of the spread of the
 * load times. Content scripts are not subject to a page's policy, so the extension runs as it
 * would on the real site. (Playwright's `route`, which the browser tests use, pauses every request
 * until this process answers it.)
 */
/** Inline scripts and styles only: what the served HTML holds, and nothing it would fetch. */
const SUBRESOURCES_REFUSED = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'";

export async function serveDocuments(context: BrowserContext, tab: Page, pages: readonly BenchPage[]): Promise<void> {
  const bodies = new Map(pages.map((page) => [page.url, Buffer.from(page.html).toString('base64')]));
  const session = await context.newCDPSession(tab);
  session.on('Fetch.requestPaused', (event) => {
    const body = bodies.get(event.request.url);
    const answer =
      body === undefined
        ? session.send('Fetch.continueRequest', { requestId: event.requestId })
        : session.send('Fetch.fulfillRequest', {
            requestId: event.requestId,
            responseCode: 200,
            responseHeaders: [
              { name: 'Content-Type', value: 'text/html; charset=utf-8' },
              { name: 'Content-Security-Policy', value: SUBRESOURCES_REFUSED },
            ],
            body,
          });
    // A navigation that replaced this one may have cancelled the request meanwhile.
    answer.catch(() => {});
  });
  await session.send('Fetch.enable', {
    patterns: [{ urlPattern: '*', resourceType: 'Document', requestStage: 'Request' }],
  });
}

/** Runs `task`, or gives up with a clear error after `ms`: every measure is bounded in time. */
export async function withinTime<T>(label: string, ms: number, task: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: gave up after ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([task(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
