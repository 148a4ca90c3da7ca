import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  badgeApiOf,
  type NotificationsApi,
  type ReminderBrowser,
  supportsNotificationButtons,
} from '../../../lib/reminders/browser-api';

// Compile-time: the real browser (what the background passes) and the fake one both fit.
const real: ReminderBrowser = browser;
const fake: ReminderBrowser = fakeBrowser;

describe('browser capabilities are detected, not guessed from the browser name', () => {
  it('offers buttons only where a button click can be heard', () => {
    expect(supportsNotificationButtons(fake.notifications)).toBe(true);
    const withoutButtons: NotificationsApi = {
      create: async (id) => id,
      clear: async () => true,
      onClicked: fakeBrowser.notifications.onClicked,
    };
    expect(supportsNotificationButtons(withoutButtons)).toBe(false);
  });

  it('uses action, or browserAction in an MV2 build', () => {
    expect(badgeApiOf(real)).toBe(real.action);
    const badge = { setBadgeText: async () => undefined, setBadgeBackgroundColor: async () => undefined };
    expect(badgeApiOf({ ...fake, action: undefined, browserAction: badge })).toBe(badge);
    expect(badgeApiOf({ ...fake, action: undefined, browserAction: undefined })).toBeNull();
  });
});
