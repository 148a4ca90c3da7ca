/**
 * Judging `web-ext lint` on the Firefox build. Errors always fail. A warning passes only when it
 * is one we understand: raised inside a bundled library, at code we can point to, for a reason
 * written below. Anything else, including the same warning raised by our own code, fails.
 */

/** One entry of `web-ext lint --output json` (errors, warnings and notices share the shape). */
export interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

export interface InherentWarning {
  code: string;
  library: string;
  why: string;
  /** What the library's own code looks like around the reported position. */
  marker: RegExp;
}

export const INHERENT_WARNINGS: readonly InherentWarning[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    library: 'Preact',
    why: "Preact's renderer applies dangerouslySetInnerHTML; no component of ours passes it (Biome's noDangerouslySetInnerHtml is an error)",
    marker: /innerHTML=\w+\.__html/,
  },
  {
    code: 'DANGEROUS_EVAL',
    library: 'zod',
    why: "zod 4 probes Function('') to choose compiled parsers; where the content security policy refuses it (MV3 extension pages), zod interprets. No code of ours evaluates strings",
    marker: /jitless[\s\S]{0,200}Function\(``\)/,
  },
];

/** Characters on each side of a reported position that are searched for a library's marker. */
export const MARKER_WINDOW = 300;

export interface Verdict {
  understood: { message: LintMessage; rule: InherentWarning }[];
  problems: LintMessage[];
}

/**
 * `sourceAround(file, line, column)` returns the built file's text around that position (see
 * `textAround`), or null when it cannot be read.
 */
export function judgeLint(
  report: LintReport,
  sourceAround: (file: string, line: number, column: number) => string | null,
): Verdict {
  const verdict: Verdict = { understood: [], problems: [...report.errors] };
  for (const message of [...report.warnings, ...report.notices]) {
    const rule = INHERENT_WARNINGS.find((candidate) => candidate.code === message.code);
    const text =
      rule && message.file && message.line !== undefined && message.column !== undefined
        ? sourceAround(message.file, message.line, message.column)
        : null;
    if (rule && text !== null && rule.marker.test(text)) verdict.understood.push({ message, rule });
    else verdict.problems.push(message);
  }
  return verdict;
}

/** The text of `line` (1-based) within `MARKER_WINDOW` characters of `column`. */
export function textAround(source: string, line: number, column: number): string | null {
  const text = source.split('\n')[line - 1];
  if (text === undefined) return null;
  return text.slice(Math.max(0, column - MARKER_WINDOW), column + MARKER_WINDOW);
}

export function describeMessage(message: LintMessage): string {
  const where = message.file ? ` ${message.file}${message.line === undefined ? '' : `:${message.line}`}` : '';
  return `${message.code}${where}: ${message.message}`;
}
