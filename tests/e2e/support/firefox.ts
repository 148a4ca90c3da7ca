/**
 * Firefox ESR with the built extension, driven by puppeteer-core over WebDriver BiDi (never a
 * downloaded browser). The add-on is installed as a temporary one; its internal UUID, which
 * Firefox otherwise draws at random, is fixed through a preference so its pages have a known
 * address. Pages are served at their real https addresses by request interception; anything
 * else a page asks for gets a 404, so no request leaves the machine.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

const ROOT = resolve(import.meta.dirname, '../../..');
// WXT names the folder after the manifest version it builds for Firefox.
export const FIREFOX_EXTENSION_DIR = resolve(
  process.env.POSTULO_FIREFOX_EXTENSION_DIR ??
    ['.output/firefox-mv3', '.output/firefox-mv2'].map((dir) => join(ROOT, dir)).find((dir) => existsSync(dir)) ??
    join(ROOT, '.output/firefox-mv3'),
);

/** Any UUID will do: it only has to be known before the add-on is installed. */
export const EXTENSION_UUID = '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

/** Why the Firefox test cannot run here, or null when it can. */
export function missingFirefoxPrerequisite(): string | null {
  if (!existsSync(FIREFOX))
    return `no Firefox ESR at ${FIREFOX} (apt-get install firefox-esr, as .ci/run does; or set FIREFOX_PATH)`;
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json')))
    return 'no Firefox build in .output/: run npm run build:firefox';
  return null;
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** `moz-extension://<uuid>/<path>`. */
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

function geckoId(): string {
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error('the Firefox build declares no browser_specific_settings.gecko.id');
  return id;
}

export async function launchFirefox(locale = 'fr-FR'): Promise<FirefoxWithExtension> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    timeout: 60_000,
    protocolTimeout: 60_000,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId()]: EXTENSION_UUID }),
      // navigator.language, which Postulo follows when the options say « auto ».
      'intl.accept_languages': locale,
    },
  });
  try {
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return {
    browser,
    extensionUrl: (path) => `moz-extension://${EXTENSION_UUID}/${path}`,
    close: () => browser.close(),
  };
}

/**
 * Answers the page's requests from `pages` (address without its hash → HTML); other http(s)
 * requests get a 404, data: and blob: URLs go through.
 */
export async function interceptRequests(page: Page, pages: ReadonlyMap<string, string>): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    const url = new URL(request.url());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      void request.continue();
      return;
    }
    url.hash = '';
    const body = pages.get(url.href);
    void (body === undefined
      ? request.respond({ status: 404, contentType: 'text/plain', body: 'not served in tests' })
      : request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body }));
  });
}

/**
 * The tab the extension opens next (WebDriver BiDi refuses to navigate to moz-extension://
 * itself, and reports such tabs as about:blank: their address is read from inside).
 */
export async function nextExtensionTab(browser: Browser, open: () => Promise<void>, timeoutMs = 15_000): Promise<Page> {
  const before = new Set(await browser.pages());
  await open();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      if (before.has(page)) continue;
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(`moz-extension://${EXTENSION_UUID}/`)) return page;
    }
    await new Promise((wake) => setTimeout(wake, 100));
  }
  throw new Error(`no extension tab opened within ${timeoutMs} ms`);
}

const SCREENSHOTS = resolve(ROOT, 'test-results/e2e');

export async function firefoxScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
