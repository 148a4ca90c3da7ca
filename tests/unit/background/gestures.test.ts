/**
 * Saving from the context menu and the keyboard command, with the fake browser. Its
 * `contextMenus` and `commands` are not implemented, so those few calls are stubbed here.
 */

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FEEDBACK_BADGE_MS, offerIdOfNotification, savedText } from '../../../lib/background/feedback';
import { registerSaveGestures, SAVE_COMMAND, SAVE_MENU_ID, saveTabAndTell } from '../../../lib/background/gestures';
import { UnreadableTabError } from '../../../lib/background/read-tab';
import { canonicalUrl } from '../../../lib/url';
import { makeOffer, POSTING_URL } from '../storage/offer-factory';
import { type TestContext, testContext } from './test-context';

const ID = canonicalUrl(POSTING_URL);
const TAB = 7;

let ctx: TestContext;
beforeEach(() => {
  fakeBrowser.reset();
  ctx = testContext();
  ctx.readTab.mockResolvedValue({ isPosting: true, offer: makeOffer() });
});
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  await ctx.db.delete();
});

function notifications() {
  return fakeBrowser.notifications.getAllCreateOptions();
}

describe('saveTabAndTell', () => {
  it('saves the tab, marks the icon for a moment and notifies', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });

    await saveTabAndTell(ctx, TAB);

    expect(ctx.readTab).toHaveBeenCalledWith(TAB);
    expect(await ctx.db.offers.count()).toBe(1);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('✓');
    const shown = notifications();
    expect(shown[`postulo-saved:${ID}`]).toMatchObject({
      title: 'Offre enregistrée dans Postulo',
      message: 'Développeur·euse fullstack — À postuler',
    });

    vi.advanceTimersByTime(FEEDBACK_BADGE_MS);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe(''));
  });

  it('says when the tab cannot be read, and saves nothing', async () => {
    ctx.readTab.mockRejectedValue(new UnreadableTabError('chrome://newtab'));

    await saveTabAndTell(ctx, TAB);

    expect(await ctx.db.offers.count()).toBe(0);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('!');
    expect(Object.values(notifications())[0]?.title).toBe("Impossible d'enregistrer cette page");
  });
});

describe('savedText', () => {
  it('tells a re-visit, its stage and the changes that matter', () => {
    const text = savedText(
      {
        mark: { id: ID, stage: 'applied', stageAt: '2026-03-10T09:00:00.000Z' },
        created: false,
        changes: [
          { at: '2026-03-12T10:00:00.000Z', field: 'status', from: 'open', to: 'filled' },
          { at: '2026-03-12T10:00:00.000Z', field: 'closesAt', from: '2026-03-31', to: '2026-04-15' },
        ],
      },
      { title: 'Dev' },
      'fr',
    );
    expect(text.title).toBe('Offre déjà enregistrée, mise à jour');
    expect(text.message.split('\n')).toEqual([
      'Dev — Candidature envoyée',
      "L'offre est maintenant pourvue.",
      'Nouvelle date de clôture : 15/04/2026.',
    ]);
  });

  it('speaks English too', () => {
    const text = savedText(
      { mark: { id: ID, stage: 'to-apply', stageAt: '2026-03-10T09:00:00.000Z' }, created: true, changes: [] },
      { title: 'Dev' },
      'en',
    );
    expect(text).toEqual({ title: 'Offer saved in Postulo', message: 'Dev — To apply' });
  });
});

describe('offerIdOfNotification', () => {
  it.each([
    [`postulo-saved:${ID}`, ID],
    ['postulo-saved:failed', null],
    ['postulo-reminder:abc', null],
  ])('%s → %s', (notificationId, expected) => {
    expect(offerIdOfNotification(notificationId)).toBe(expected);
  });
});

describe('registerSaveGestures', () => {
  type MenuListener = (info: { menuItemId: string | number }, tab?: { id?: number }) => void;
  type CommandListener = (command: string, tab?: { id?: number }) => void;

  function stubGestureApis(declareCommand = true) {
    const listeners: { menu?: MenuListener; command?: CommandListener } = {};
    const created: unknown[] = [];
    vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation((listener) => {
      listeners.menu = listener as unknown as MenuListener;
    });
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((listener) => {
      listeners.command = listener as unknown as CommandListener;
    });
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'Postulo',
      version: '0',
      ...(declareCommand ? { commands: { [SAVE_COMMAND]: { suggested_key: { default: 'Alt+Shift+S' } } } } : {}),
    });
    vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(((properties: unknown, done?: () => void) => {
      created.push(properties);
      done?.();
      return SAVE_MENU_ID;
    }) as typeof fakeBrowser.contextMenus.create);
    return { listeners, created };
  }

  it('creates « Enregistrer cette offre dans Postulo » on web pages', async () => {
    const { created } = stubGestureApis();
    registerSaveGestures(ctx);
    await vi.waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toEqual({
      id: SAVE_MENU_ID,
      title: 'Enregistrer cette offre dans Postulo',
      contexts: ['page'],
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
    });
  });

  it('saves the clicked tab from the menu, and only for our item', async () => {
    const { listeners } = stubGestureApis();
    registerSaveGestures(ctx);

    listeners.menu?.({ menuItemId: 'someone-else' }, { id: TAB });
    listeners.menu?.({ menuItemId: SAVE_MENU_ID }, { id: TAB });

    await vi.waitFor(async () => expect(await ctx.db.offers.count()).toBe(1));
    expect(ctx.readTab).toHaveBeenCalledTimes(1);
  });

  it('saves the tab of the keyboard command, or the active tab when none is given', async () => {
    const { listeners } = stubGestureApis();
    const activeTabId = vi.fn(async () => 11);
    ctx = { ...ctx, activeTabId };
    registerSaveGestures(ctx);

    listeners.command?.('something-else', { id: TAB });
    listeners.command?.(SAVE_COMMAND, { id: TAB });
    listeners.command?.(SAVE_COMMAND);

    await vi.waitFor(() => expect(ctx.readTab).toHaveBeenCalledTimes(2));
    expect(ctx.readTab.mock.calls.map(([tabId]) => tabId)).toEqual(expect.arrayContaining([TAB, 11]));
  });

  it('does not listen to the command the manifest does not declare', () => {
    stubGestureApis(false);
    const listen = vi.spyOn(fakeBrowser.commands.onCommand, 'addListener');
    registerSaveGestures(ctx);
    expect(listen).not.toHaveBeenCalled();
  });

  it('opens the saved offer when its notification is clicked', async () => {
    stubGestureApis();
    registerSaveGestures(ctx);

    await fakeBrowser.notifications.onClicked.trigger(`postulo-saved:${ID}`);
    await fakeBrowser.notifications.onClicked.trigger('postulo-reminder:x');

    await vi.waitFor(() => expect(ctx.openOffer).toHaveBeenCalledWith(ID));
    expect(ctx.openOffer).toHaveBeenCalledTimes(1);
  });
});
