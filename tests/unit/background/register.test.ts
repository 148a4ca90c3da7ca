/**
 * The registration loop, through @webext-core/messaging's real listener on the fake browser's
 * `runtime.onMessage`. The fake's `sendMessage` sends no sender at all (so it can only show a
 * refusal); the listener is triggered directly to choose the sender.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerMessageHandlers } from '../../../lib/background/register';
import { type SenderInfo, sendMessage } from '../../../lib/messaging';
import { canonicalUrl } from '../../../lib/url';
import { makeOffer, POSTING_URL } from '../storage/offer-factory';
import { SENDERS, type TestContext, testContext } from './test-context';

let ctx: TestContext;
let unregister: () => void;
beforeEach(() => {
  fakeBrowser.reset();
  ctx = testContext();
  unregister = registerMessageHandlers(ctx);
});
afterEach(async () => {
  unregister();
  await ctx.db.delete();
});

/** Delivers a message as the browser would, from `sender`, and returns what the sender gets back. */
async function deliver(
  type: string,
  data: unknown,
  sender: SenderInfo,
): Promise<{ res?: unknown; err?: { message?: string } }> {
  const message = { id: 1, type, data, timestamp: Date.now() };
  let answer: (response: unknown) => void = () => undefined;
  const reply = new Promise<unknown>((resolve) => {
    answer = resolve;
  });
  // The fake types the sender as a full MessageSender; ours carry only what the checks read.
  const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
  const kept = await trigger(message, sender, answer);
  // `true`: the listener keeps the channel open and answers asynchronously.
  expect(kept).toContain(true);
  return (await reply) as { res?: unknown; err?: { message?: string } };
}

describe('registered message handlers', () => {
  it('answer a content script that saves the page it is on', async () => {
    const reply = await deliver('saveOffer', { offer: makeOffer() }, SENDERS.contentScript);

    expect(reply.err).toBeUndefined();
    expect(reply.res).toMatchObject({ created: true, mark: { id: canonicalUrl(POSTING_URL), stage: 'to-apply' } });
    expect(await ctx.db.offers.count()).toBe(1);
  });

  it('send the refusal back to a foreign extension, and write nothing', async () => {
    const reply = await deliver('saveOffer', { offer: makeOffer() }, SENDERS.foreignExtension);

    expect(reply.err?.message).toMatch(/refused/);
    expect(await ctx.db.offers.count()).toBe(0);
  });

  it('refuse a content script that tries to delete', async () => {
    await deliver('saveOffer', { offer: makeOffer() }, SENDERS.contentScript);
    const reply = await deliver('deleteOffer', { id: canonicalUrl(POSTING_URL) }, SENDERS.contentScript);

    expect(reply.err?.message).toMatch(/refused/);
    expect(await ctx.db.offers.count()).toBe(1);
  });

  it('refuse what the fake runtime sends, since it names no sender', async () => {
    await expect(sendMessage('lookupOffers', { urls: [] })).rejects.toThrow(/refused/);
  });

  it('stop answering once removed', async () => {
    unregister();
    unregister = () => undefined;
    await expect(sendMessage('lookupOffers', { urls: [] })).rejects.toThrow();
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(false);
  });
});
