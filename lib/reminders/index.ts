/**
 * Reminders: the public face of lib/reminders. The background starts the service and calls
 * `reconcileReminders` after each write; the popup reads `dueItems` for « À faire ».
 */
export { badgeCount, closingSoon, type DueItem, dueItems } from './due';
export { followUpMailto } from './format';
export {
  type ReminderService,
  type ReminderServiceOptions,
  reconcileReminders,
  startReminderService,
} from './service';
export { localTimeZone } from './zoned-time';
