/** The candidate's preferences, with the defaults a new install starts from. */
import { z } from 'zod';

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

export const Settings = z.object({
  /** 'auto' follows the browser's language (French unless it is English). */
  locale: z.enum(['auto', 'fr', 'en']),
  deadlineReminders: z.object({
    enabled: z.boolean(),
    /** Days before the closing date; 0 is the morning of the closing day. */
    daysBefore: z.array(z.number().int().min(0).max(60)).max(10),
    /** Local hour at which a deadline reminder fires. */
    at: ClockTime,
  }),
  followUp: z.object({
    enabled: z.boolean(),
    /** Days after « Candidature envoyée » with no later stage. */
    afterDays: z.number().int().min(1).max(90),
  }),
  quietHours: z.object({
    enabled: z.boolean(),
    from: ClockTime,
    to: ClockTime,
  }),
  csvSeparator: z.enum([';', ',']),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  locale: 'auto',
  deadlineReminders: { enabled: true, daysBefore: [7, 2, 0], at: '09:00' },
  followUp: { enabled: true, afterDays: 10 },
  quietHours: { enabled: false, from: '21:00', to: '08:00' },
  csvSeparator: ';',
};
