/**
 * Brings a parsed backup of any known version up to the current one, one version at a time,
 * before the current schema (format.ts) judges it. Each step validates only what it reads, with
 * the schema of ITS version frozen here, and never reorders arrays: a problem found later still
 * points at the right `offers[i]` of the user's file.
 *
 * Adding version N + 1: freeze what version N looked like in a new step below (`from: N`), write
 * its `up`, bump BACKUP_VERSION, and add a hand-made version-N file to the tests.
 */
import { z } from 'zod';
import { Instant } from '../application';
import type { Settings } from '../settings';
import { BACKUP_FORMAT, BACKUP_VERSION } from './format';
import { failure, type Outcome, problemFromIssues, success } from './problem';

export interface MigrationContext {
  /** What a file from before settings were saved gets: the settings in use now, so nothing resets. */
  settings: Settings;
}

interface Migration {
  from: number;
  /** The part of version `from` that `up` reads, as it was then. */
  schema: z.ZodType<Record<string, unknown>>;
  up(old: Record<string, unknown>, context: MigrationContext): Record<string, unknown>;
}

/**
 * Version 0: the first, pre-release shape of the file. Offers had no `id` of their own (the page
 * URL was the key) and no change log; reminder times were ISO instants, not epoch milliseconds;
 * settings were not saved.
 */
const V0Offer = z.looseObject({
  page: z.looseObject({ url: z.string() }),
});
const V0Reminder = z.looseObject({
  dueAt: Instant,
  shownAt: Instant.nullable(),
});
const fromV0: Migration = {
  from: 0,
  schema: z.looseObject({
    offers: z.array(V0Offer),
    reminders: z.array(V0Reminder),
  }),
  up(old, context) {
    const offers = z.array(V0Offer).parse(old.offers);
    const reminders = z.array(V0Reminder).parse(old.reminders);
    return {
      ...old,
      version: 1,
      offers: offers.map((offer) => ({ ...offer, id: offer.page.url, changes: [] })),
      reminders: reminders.map((reminder) => ({
        ...reminder,
        dueAt: Date.parse(reminder.dueAt),
        shownAt: reminder.shownAt === null ? null : Date.parse(reminder.shownAt),
      })),
      settings: context.settings,
    };
  },
};

/** Oldest first; `from` values are consecutive and the last one is BACKUP_VERSION - 1. */
export const MIGRATIONS: readonly Migration[] = [fromV0];

/**
 * Says whether `data` is a Postulo backup this build can read, and upgrades it to the current
 * version's shape (still to be validated by `BackupFile`).
 */
export function upgradeBackup(data: unknown, context: MigrationContext): Outcome<Record<string, unknown>> {
  if (!isRecord(data) || data.format !== BACKUP_FORMAT) {
    return failure({ code: 'not-a-backup', message: 'not a Postulo backup' });
  }
  const { version } = data;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    return failure({ code: 'not-a-backup', path: 'version', message: 'not a Postulo backup: no version number' });
  }
  if (version > BACKUP_VERSION) {
    return failure({
      code: 'newer-version',
      version,
      message: `version ${version} is newer than this extension (it reads up to version ${BACKUP_VERSION}): update Postulo`,
    });
  }
  let current = data;
  for (let at = version; at < BACKUP_VERSION; at += 1) {
    const step = MIGRATIONS.find((migration) => migration.from === at);
    if (!step) {
      return failure({
        code: 'unknown-version',
        version,
        message: `version ${version} is too old for this extension to read`,
      });
    }
    const parsed = step.schema.safeParse(current);
    if (!parsed.success) {
      const problem = problemFromIssues(parsed.error.issues);
      return failure({ ...problem, message: `${problem.message} (version ${at} file)` });
    }
    current = step.up(parsed.data, context);
  }
  return success(current);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
