/** The one table `npm run bench` prints: a measure, its figure, its goal, and whether it holds. */

export interface Row {
  measure: string;
  figure: string;
  /** Empty when the line is information only (no goal). */
  goal: string;
  /** null: no goal, or the measure could not run. */
  met: boolean | null;
}

export function verdict(met: boolean | null): string {
  if (met === null) return '–';
  return met ? '✓' : '✗';
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function markdownTable(rows: readonly Row[]): string {
  const lines = ['| Measure | Figure | Goal | |', '| --- | --- | --- | :-: |'];
  for (const row of rows) {
    lines.push(`| ${cell(row.measure)} | ${cell(row.figure)} | ${cell(row.goal)} | ${verdict(row.met)} |`);
  }
  return lines.join('\n');
}
