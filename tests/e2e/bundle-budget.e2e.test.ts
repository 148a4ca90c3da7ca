/**
 * Size budgets of the built extension (gzipped), checked on every `npm test` after the build.
 * Sizes only: times depend on the machine and are reported by `npm run bench`, never tested.
 * The ceilings live in tests/bench/budgets.ts; a failure names the bundle, its files and that file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUDGET_FILE, INJECTED_CONTENT_SCRIPTS, SIZE_BUDGETS_KB, sizeBudgetKb } from '../bench/budgets';
import { hasBuild, measureBuild } from '../bench/bundles';
import { formatKb } from '../bench/stats';
import { EXTENSION_DIR } from './support/browser';

const built = hasBuild(EXTENSION_DIR);
if (!built) console.warn('size budgets skipped: no build in .output/chrome-mv3 (run npm run build:chrome)');

describe.skipIf(!built)('size budgets of .output/chrome-mv3 (gzipped)', () => {
  const { bundles } = built ? measureBuild(EXTENSION_DIR) : { bundles: [] };

  it('finds the content script, the background, the popup and the panel, so no budget passes for want of a bundle', () => {
    const ids = bundles.map((bundle) => bundle.id);
    expect(ids.some((id) => id.startsWith('content-script:'))).toBe(true);
    expect(ids).toContain('background');
    expect(ids).toContain('page:popup');
    // The panel's UI, injected on postings only, so that it does not weigh on the content script.
    expect(ids).toContain('script:panel');
  });

  it.each(bundles.map((bundle) => [bundle.label, bundle] as const))('%s is within its budget', (_label, bundle) => {
    expect(bundle.missing, `${bundle.label}: files named but not built (a broken or half-written build)`).toEqual([]);
    const budgetKb = sizeBudgetKb(bundle.id);
    const files = bundle.files.map((file) => `${file.path} ${formatKb(file.gzipBytes)}`).join(', ');
    expect(
      bundle.gzipBytes,
      `${bundle.label} is ${formatKb(bundle.gzipBytes)} gzipped (${files}), over its budget of ${budgetKb} KB. ` +
        `Make it smaller, or change the budget in ${BUDGET_FILE} and say why.`,
    ).toBeLessThanOrEqual(budgetKb * 1024);
  });

  it("keeps the content script's budget at the issue's 20 KB", () => {
    expect(SIZE_BUDGETS_KB['content-script']).toBeLessThanOrEqual(20);
  });
});

describe('what counts in a bundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'postulo-budget-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  };

  it('a page counts its scripts, styles, their imports, and the chunks it imports lazily with their preloads', () => {
    write(
      'manifest.json',
      JSON.stringify({
        background: { service_worker: 'background.js' },
        content_scripts: [{ js: ['content-scripts/page.js'] }],
      }),
    );
    write('background.js', 'console.log("bg")');
    write('content-scripts/page.js', 'console.log("content")');
    write('content-scripts/page.css', 'p{color:red}');
    write(
      'popup.html',
      '<script type="module" src="/chunks/popup-1.js"></script><link rel="stylesheet" href="/assets/popup-1.css">',
    );
    // As Vite writes a lazy import: the chunk, and the list of what to preload with it (root-relative).
    write(
      'chunks/popup-1.js',
      'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["chunks/lazy-1.js","assets/lazy-1.css"])))=>i.map(i=>d[i]);' +
        'import{a}from"./shared-1.js";import(`./lazy-1.js`);a()',
    );
    write('chunks/shared-1.js', 'export const a=()=>1');
    write('chunks/lazy-1.js', 'import{a}from"./shared-1.js";import{c}from"./lazy-dep-1.js";export const b=a()+c');
    write('chunks/lazy-dep-1.js', 'export const c=3');
    write('assets/lazy-1.css', 'p{margin:0}');
    write('chunks/unused-1.js', 'export const d=4');
    write('assets/popup-1.css', 'body{margin:0}');
    write('injected.js', 'void 0');
    write(`${INJECTED_CONTENT_SCRIPTS[0]}.js`, 'void 1');

    const { bundles, files } = measureBuild(dir);
    const pathsOf = (id: string) =>
      bundles
        .find((bundle) => bundle.id === id)
        ?.files.map((file) => file.path)
        .sort();
    expect(pathsOf('page:popup')).toEqual([
      'assets/lazy-1.css',
      'assets/popup-1.css',
      'chunks/lazy-1.js',
      'chunks/lazy-dep-1.js',
      'chunks/popup-1.js',
      'chunks/shared-1.js',
      'popup.html',
    ]);
    expect(pathsOf('content-script:page')).toEqual(['content-scripts/page.css', 'content-scripts/page.js']);
    expect(pathsOf('background')).toEqual(['background.js']);
    expect(pathsOf('script:injected')).toEqual(['injected.js']);
    // The reader the background injects into the sites' pages is a content script, with its budget.
    expect(pathsOf(`content-script:${INJECTED_CONTENT_SCRIPTS[0]}`)).toEqual([`${INJECTED_CONTENT_SCRIPTS[0]}.js`]);
    expect(files.map((file) => file.path)).toContain('chunks/unused-1.js');
    expect(bundles.flatMap((bundle) => bundle.missing)).toEqual([]);
    const popup = bundles.find((bundle) => bundle.id === 'page:popup');
    expect(popup?.gzipBytes).toBe(popup?.files.reduce((sum, file) => sum + file.gzipBytes, 0));
  });

  it('a file the manifest names but the build lacks is reported, not counted as 0 bytes', () => {
    rmSync(join(dir, 'background.js'));
    const background = measureBuild(dir).bundles.find((bundle) => bundle.id === 'background');
    expect(background?.missing).toEqual(['background.js']);
    expect(background?.files).toEqual([]);
  });

  it('a bundle without a budget of its own gets the default ceiling, content scripts the tight one', () => {
    expect(sizeBudgetKb('content-script:anything')).toBe(SIZE_BUDGETS_KB['content-script']);
    expect(sizeBudgetKb('page:popup')).toBe(SIZE_BUDGETS_KB['page:popup']);
    expect(sizeBudgetKb('page:not-yet-written')).toBeGreaterThan(0);
  });
});
