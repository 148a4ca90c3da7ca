import { describe, expect, it, vi } from 'vitest';
import { receiveMessage } from '../../../lib/background';
import { showPanel } from '../../../lib/background/panel';
import { type FrameTarget, senderFrame } from '../../../lib/background/sender';
import { RefusedMessage } from '../../../lib/messaging';
import { SENDERS, testContext } from '../background/test-context';

describe('showPanel (background)', () => {
  it("injects the panel into the sender's tab and frame", async () => {
    const inject = vi.fn(async (_target: FrameTarget) => {});
    await showPanel({ ...SENDERS.contentScript, tab: { id: 7 }, frameId: 3 }, inject);
    expect(inject).toHaveBeenCalledWith({ tabId: 7, frameId: 3 });
  });

  it("takes the tab's top frame when the sender names none", () => {
    expect(senderFrame({ ...SENDERS.contentScript, tab: { id: 7 } })).toEqual({ tabId: 7, frameId: 0 });
  });

  it('refuses a sender that is not in a tab, and injects nothing', async () => {
    const inject = vi.fn(async (_target: FrameTarget) => {});
    for (const sender of [
      SENDERS.popup,
      { ...SENDERS.contentScript, tab: {} },
      { ...SENDERS.contentScript, tab: null },
    ]) {
      await expect(showPanel(sender, inject)).rejects.toThrow(RefusedMessage);
    }
    expect(inject).not.toHaveBeenCalled();
  });

  it('goes through the checks of every message: a foreign extension is refused', async () => {
    const ctx = testContext();
    try {
      await expect(
        receiveMessage('showPanel', {}, { ...SENDERS.foreignExtension, tab: { id: 7 } }, ctx),
      ).rejects.toThrow(RefusedMessage);
      await expect(receiveMessage('showPanel', {}, SENDERS.popup, ctx)).rejects.toThrow(/not a page in a tab/);
    } finally {
      await ctx.db.delete();
    }
  });
});
