/**
 * Why a backup could not be restored, said precisely enough for the user to act: which kind of
 * problem (`code`, for the UI to translate), where in the file (`path`, like
 * `offers[3].page.url`) and a plain English sentence for logs and tests.
 */
import type { z } from 'zod';

export type BackupProblemCode =
  | 'too-large' // over MAX_BACKUP_BYTES
  | 'not-text' // bytes that are not UTF-8 text
  | 'not-json'
  | 'not-a-backup' // JSON, but not a Postulo backup
  | 'newer-version' // written by a newer Postulo
  | 'unknown-version' // older than any version this build can upgrade
  | 'invalid' // a backup, but one value breaks its schema
  | 'conflict' // merging would break a limit (e.g. notes too long together)
  | 'database'; // the browser refused the write; nothing was changed

export interface BackupProblem {
  code: BackupProblemCode;
  message: string;
  /** Where in the file, as `offers[3].page.url`; absent when the whole file is at fault. */
  path?: string;
  /** The file's version, for 'newer-version' and 'unknown-version'. */
  version?: number;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: BackupProblem };

export function success<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function failure<T>(problem: BackupProblem): Outcome<T> {
  return { ok: false, problem };
}

/** `['offers', 3, 'page', 'url']` → `offers[3].page.url`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((key, index) => {
      if (typeof key === 'number') return `[${key}]`;
      const name = String(key);
      return index === 0 ? name : `.${name}`;
    })
    .join('');
}

/** The first schema issue as a problem: one clear message beats a list of a hundred. */
export function problemFromIssues(issues: ReadonlyArray<z.core.$ZodIssue>): BackupProblem {
  const [first] = issues;
  if (!first) return { code: 'invalid', message: 'invalid backup' };
  const path = formatPath(first.path);
  const reason = describeIssue(first);
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return {
    code: 'invalid',
    path: path || undefined,
    message: `${path ? `${path}: ` : ''}${reason}${more}`,
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_format' && issue.format === 'url') return 'invalid URL';
  const text = issue.message;
  return text.charAt(0).toLowerCase() + text.slice(1);
}
