/** A background context over an in-memory database, with the browser-facing parts faked. */
import { vi } from 'vitest';
import type { BackgroundContext } from '../../../lib/background';
import type { Extraction } from '../../../lib/extract';
import type { SenderInfo } from '../../../lib/messaging';
import { freshDb } from '../storage/offer-factory';

export const RUNTIME_ID = 'our-extension-id';
export const ORIGIN = `chrome-extension://${RUNTIME_ID}/`;
export const NOW = new Date('2026-03-12T10:00:00.000Z');

export const SENDERS = {
  popup: { id: RUNTIME_ID, url: `${ORIGIN}popup.html` },
  options: { id: RUNTIME_ID, url: `${ORIGIN}options.html` },
  contentScript: {
    id: RUNTIME_ID,
    url: 'https://beta.gouv.fr/recrutement/2023/03/01/developpeur-euse-fullstack.html',
    tab: { id: 7 },
  },
  foreignExtension: { id: 'someone-elses-extension', url: 'chrome-extension://someone-elses-extension/popup.html' },
  /** Our id with a web page's address: a content script, whatever it claims. */
  spoofedPage: { id: RUNTIME_ID, url: `https://evil.example/${ORIGIN}` },
  anonymous: {},
} satisfies Record<string, SenderInfo>;

export interface TestContext extends BackgroundContext {
  readTab: ReturnType<typeof vi.fn<(tabId: number) => Promise<Extraction>>>;
  openOffer: ReturnType<typeof vi.fn<(id: string) => Promise<void>>>;
  afterWrite: ReturnType<typeof vi.fn<() => Promise<void>>>;
}

export function testContext(overrides: Partial<BackgroundContext> = {}): TestContext {
  return {
    db: freshDb(),
    now: () => NOW,
    runtimeId: RUNTIME_ID,
    extensionOrigin: ORIGIN,
    readTab: vi.fn<(tabId: number) => Promise<Extraction>>(async () => ({ isPosting: false, offer: null })),
    activeTabId: async () => 7,
    openOffer: vi.fn<(id: string) => Promise<void>>(async () => undefined),
    afterWrite: vi.fn<() => Promise<void>>(async () => undefined),
    locale: async () => 'fr',
    ...overrides,
  } as TestContext;
}
