import { describe, expect, it } from 'vitest';
import { judgeLint, type LintMessage, type LintReport, textAround } from '../../cli/firefox-lint-rules';

// Shaped like the minified bundles: Preact's renderer and zod's eval probe.
const PREACT = 'f?(c||p&&(f.__html==p.__html||f.__html==e.innerHTML)||(e.innerHTML=f.__html),t.__k=[]):0';
const ZOD = 'var A=T(()=>{if(R.jitless||typeof navigator<`u`)return!1;try{return Function(``),!0}catch{return!1}});';
const OURS = 'function show(e,t){e.innerHTML=t.description}';

const files: Record<string, string> = { 'panel.js': `${PREACT}\n${OURS}`, 'background.js': `x\n${ZOD}` };

function at(file: string, text: string, code: string, line = 1): LintMessage {
  const source = files[file]?.split('\n')[line - 1] ?? '';
  return { code, message: code, file, line, column: source.indexOf(text) + 1 };
}

function judge(report: Partial<LintReport>) {
  return judgeLint({ errors: [], warnings: [], notices: [], ...report }, (file, line, column) => {
    const source = files[file];
    return source === undefined ? null : textAround(source, line, column);
  });
}

describe('judging web-ext lint', () => {
  it("accepts the libraries' own warnings, each with its reason", () => {
    const verdict = judge({
      warnings: [
        at('panel.js', 'e.innerHTML=f', 'UNSAFE_VAR_ASSIGNMENT'),
        at('background.js', 'Function(', 'DANGEROUS_EVAL', 2),
      ],
    });
    expect(verdict.problems).toEqual([]);
    expect(verdict.understood.map(({ rule }) => rule.library)).toEqual(['Preact', 'zod']);
  });

  it('refuses the same warning raised by code that is not the library', () => {
    const ours = at('panel.js', 'e.innerHTML=t', 'UNSAFE_VAR_ASSIGNMENT', 2);
    expect(judge({ warnings: [ours] }).problems).toEqual([ours]);
  });

  it('refuses every error, unknown warnings and notices, and positions it cannot read', () => {
    const error = { code: 'MANIFEST_FIELD_INVALID', message: 'bad', file: 'manifest.json' };
    const unknown = { code: 'MISSING_DATA_COLLECTION_PERMISSIONS', message: 'missing', file: 'manifest.json' };
    const unreadable = { ...at('panel.js', 'e.innerHTML=f', 'UNSAFE_VAR_ASSIGNMENT'), file: 'gone.js' };
    const verdict = judge({ errors: [error], warnings: [unknown], notices: [unreadable] });
    expect(verdict.problems).toEqual([error, unknown, unreadable]);
    expect(verdict.understood).toEqual([]);
  });
});

describe('textAround', () => {
  it('cuts the reported line around the column, and knows when the line is missing', () => {
    const line = `${'a'.repeat(1000)}HERE${'b'.repeat(1000)}`;
    const text = textAround(`first\n${line}`, 2, 1001);
    expect(text).toContain('HERE');
    expect(text?.length).toBeLessThan(700);
    expect(textAround('one line', 3, 1)).toBeNull();
  });
});
