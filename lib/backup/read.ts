/**
 * From the bytes of a picked file to a backup that is valid as a WHOLE, or the first reason it is
 * not. Nothing here touches the database: restore.ts writes only what this accepted.
 */
import { BackupFile, MAX_BACKUP_BYTES } from './format';
import { type MigrationContext, upgradeBackup } from './migrate';
import { failure, type Outcome, problemFromIssues, success } from './problem';

/** For the options page to refuse a huge file before reading it (`file.size`). */
export function checkBackupSize(bytes: number): Outcome<number> {
  if (bytes <= MAX_BACKUP_BYTES) return success(bytes);
  const megabytes = Math.ceil(bytes / (1024 * 1024));
  return failure({
    code: 'too-large',
    message: `the file is ${megabytes} MB, more than the ${MAX_BACKUP_BYTES / (1024 * 1024)} MB a backup can be`,
  });
}

export function readBackup(input: string | Uint8Array, context: MigrationContext): Outcome<BackupFile> {
  const text = decode(input);
  if (!text.ok) return text;
  let data: unknown;
  try {
    data = JSON.parse(text.value);
  } catch (error) {
    const detail = error instanceof SyntaxError ? `: ${error.message}` : '';
    return failure({ code: 'not-json', message: `not JSON${detail}` });
  }
  const upgraded = upgradeBackup(data, context);
  if (!upgraded.ok) return upgraded;
  const parsed = BackupFile.safeParse(upgraded.value);
  if (!parsed.success) return failure(problemFromIssues(parsed.error.issues));
  return success(parsed.data);
}

function decode(input: string | Uint8Array): Outcome<string> {
  const size = typeof input === 'string' ? utf8Length(input) : input.byteLength;
  const sized = checkBackupSize(size);
  if (!sized.ok) return sized;
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return failure({ code: 'not-text', message: 'not a text file (the bytes are not UTF-8)' });
    }
  }
  // Editors on Windows may add a byte-order mark; JSON.parse would choke on it.
  return success(text.startsWith('\uFEFF') ? text.slice(1) : text);
}

/** UTF-8 size without allocating a copy of a possibly huge string. */
function utf8Length(text: string): number {
  // Each UTF-16 unit is at least one UTF-8 byte: a long enough string is too large already.
  if (text.length > MAX_BACKUP_BYTES) return text.length;
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      // A surrogate pair is one code point of four bytes.
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes;
}
