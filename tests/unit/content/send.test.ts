/**
 * The content script's sender against @webext-core/messaging's real listener (the one the
 * background registers), through the fake browser's runtime messaging.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type PageMessage, sendPageMessage } from '../../../entrypoints/posting-reader/send';
import { registerMessageHandlers } from '../../../lib/background/register';
import { type OfferMark, PAGE_MESSAGES, type ProtocolMap } from '../../../lib/messaging';
import { testContext } from '../background/test-context';

const messaging = defineExtensionMessaging<ProtocolMap>();

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  messaging.removeAllListeners();
});

describe('sendPageMessage', () => {
  it("reaches the library's listener with the type and payload, and returns its answer", async () => {
    const mark: OfferMark = {
      id: 'https://beta.gouv.fr/recrutement/x.html',
      stage: 'applied',
      stageAt: '2026-03-01T08:00:00.000Z',
    };
    let received: unknown;
    messaging.onMessage('lookupOffers', (message) => {
      received = message.data;
      return { [mark.id]: mark };
    });
    const answer = await sendPageMessage('lookupOffers', { urls: [mark.id] });
    expect(received).toEqual({ urls: [mark.id] });
    expect(answer).toEqual({ [mark.id]: mark });
  });

  it("rejects with the listener's error", async () => {
    messaging.onMessage('openOffer', () => {
      throw new Error('openOffer: refused, no such offer');
    });
    await expect(sendPageMessage('openOffer', { id: 'https://beta.gouv.fr/x' })).rejects.toThrow(
      'openOffer: refused, no such offer',
    );
  });

  it("is refused by the background's checks like any message (the fake sends no sender)", async () => {
    const ctx = testContext();
    const unregister = registerMessageHandlers(ctx);
    try {
      await expect(sendPageMessage('showPanel', {})).rejects.toThrow(/refused/);
    } finally {
      unregister();
      await ctx.db.delete();
    }
  });

  it('rejects when no one answers', async () => {
    fakeBrowser.runtime.onMessage.addListener(() => undefined);
    await expect(sendPageMessage('showPanel', {})).rejects.toThrow(/no answer/);
  });

  it('knows exactly the messages a content script may send', () => {
    const mine: PageMessage[] = ['saveOffer', 'lookupOffers', 'openOffer', 'showPanel', 'readPageState'];
    expect([...PAGE_MESSAGES].sort()).toEqual(mine.sort());
  });
});
