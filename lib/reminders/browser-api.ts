/**
 * The browser APIs the reminder service uses, as structural types. The background passes the
 * real `browser` and tests pass WXT's fake browser (or a small recorder where it lacks something);
 * the service never reaches for a global.
 */
import type { SettingsStorage } from '../settings-store';

export interface BrowserEvent<Listener> {
  addListener(listener: Listener): void;
  removeListener(listener: Listener): void;
}

export interface AlarmState {
  name: string;
  scheduledTime: number;
  periodInMinutes?: number;
}

export interface AlarmsApi {
  create(name: string, info: { when?: number; delayInMinutes?: number; periodInMinutes?: number }): Promise<void>;
  get(name: string): Promise<AlarmState | undefined>;
  clear(name: string): Promise<boolean>;
  onAlarm: BrowserEvent<(alarm: AlarmState) => void>;
}

export interface BasicNotification {
  type: 'basic';
  iconUrl: string;
  title: string;
  message: string;
  buttons?: { title: string }[];
}

export interface NotificationsApi {
  create(notificationId: string, options: BasicNotification): Promise<string>;
  clear(notificationId: string): Promise<boolean>;
  onClicked: BrowserEvent<(notificationId: string) => void>;
  /** Absent where notifications have no buttons (Firefox). */
  onButtonClicked?: BrowserEvent<(notificationId: string, buttonIndex: number) => void>;
}

/** MV2 typings declare the badge setters as returning nothing; both browsers return a promise. */
export interface BadgeApi {
  setBadgeText(details: { text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { color: string }): Promise<void> | void;
}

export interface ReminderBrowser {
  alarms: AlarmsApi;
  notifications: NotificationsApi;
  /** MV3 (`action`) or Firefox's MV2 build (`browserAction`). */
  action?: BadgeApi;
  browserAction?: BadgeApi;
  tabs: { create(properties: { url: string }): Promise<unknown> };
  runtime: {
    getURL(path: string): string;
    onStartup: BrowserEvent<() => void>;
    onInstalled: BrowserEvent<(details: { reason: string }) => void>;
  };
  storage: SettingsStorage;
  i18n?: { getUILanguage(): string };
}

/** Buttons are offered where the browser can report a click on one, whatever its name. */
export function supportsNotificationButtons(notifications: NotificationsApi): boolean {
  return typeof notifications.onButtonClicked?.addListener === 'function';
}

export function badgeApiOf(browser: ReminderBrowser): BadgeApi | null {
  return browser.action ?? browser.browserAction ?? null;
}
