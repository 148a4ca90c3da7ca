/**
 * npm run bench [-- --quick] [-- --record] [-- --no-build] [-- --only=sizes,page,control,floor,reused,extraction,popup,save]
 *
 * Builds the extension (chrome, into a temporary folder; with --no-build, a copy of the build in
 * .output/chrome-mv3), measures it, and prints one markdown table: each figure measured
 * in this run, with its goal (tests/bench/budgets.ts) and ✓/✗. A benchmark, not a test: it exits
 * with 0 whatever the figures, and with 1 only when a measure could not run. `--record` writes the
 * table and the machine into BENCHMARKS.md. Every measure is bounded in time; a whole run takes
 * about fifteen minutes.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { CHROMIUM, EXTENSION_DIR } from '../e2e/support/browser';
import { snapshotBuild, withinTime } from './browsers';
import { sizeBudgetKb, TIME_GOALS } from './budgets';
import { type BenchBuild, buildForBench } from './build';
import { hasBuild, measureBuild } from './bundles';
import { measureExtractionInChromium, measureExtractionInNode } from './extraction';
import { describeMachine, machineLines } from './machine';
import { measurePageCost, medianInterval, type PageCost, ratioInterval, type WithSide } from './page-cost';
import { benchPages, postings, spread } from './pages';
import { measurePopup, summarisePopup } from './popup';
import { measureSave } from './save-roundtrip';
import { formatKb, formatMs, median, p95 } from './stats';
import { markdownTable, type Row } from './table';

const REPO = resolve(import.meta.dirname, '../..');
const BENCHMARKS_FILE = resolve(REPO, 'BENCHMARKS.md');
const START_MARK = '<!-- bench:start -->';
const END_MARK = '<!-- bench:end -->';

const MEASURES = ['sizes', 'page', 'control', 'floor', 'reused', 'extraction', 'popup', 'save'] as const;
type Measure = (typeof MEASURES)[number];

interface Options {
  quick: boolean;
  record: boolean;
  build: boolean;
  only: ReadonlySet<Measure>;
}

function readOptions(argv: readonly string[]): Options {
  const only = argv.find((arg) => arg.startsWith('--only='));
  const chosen = only ? only.slice('--only='.length).split(',') : [...MEASURES];
  const unknown = chosen.filter((name) => !(MEASURES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`unknown measure ${unknown.join(', ')}; known: ${MEASURES.join(', ')}`);
  return {
    quick: argv.includes('--quick'),
    record: argv.includes('--record'),
    build: !argv.includes('--no-build'),
    only: new Set(chosen as Measure[]),
  };
}

/** How much work each measure does: a full run, or a quick look (--quick). */
function workload(quick: boolean) {
  return quick
    ? {
        pageCostPages: 4,
        loadsPerSide: 16,
        reusedFrameLoadsPerSide: 16,
        extractionReads: 5,
        popupOpens: 3,
        savePages: 6,
      }
    : {
        pageCostPages: 12,
        loadsPerSide: 288,
        reusedFrameLoadsPerSide: 96,
        extractionReads: 20,
        // The popup's median over 9 opens moved by up to 20 ms between runs minutes apart.
        popupOpens: 15,
        savePages: 20,
      };
}

const rows: Row[] = [];
const notes: string[] = [];
let failures = 0;

async function attempt(measure: string, ms: number, run: () => Promise<void>): Promise<void> {
  const started = Date.now();
  process.stderr.write(`bench: ${measure}…\n`);
  try {
    await withinTime(measure, ms, run);
  } catch (error) {
    failures++;
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    rows.push({ measure, figure: `could not run: ${message}`, goal: '', met: false });
  }
  process.stderr.write(`bench: ${measure} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

function sizeRows(buildDir: string): void {
  const { bundles } = measureBuild(buildDir);
  const order = (id: string) => (id.startsWith('content-script') ? 0 : id === 'background' ? 2 : 1);
  for (const bundle of [...bundles].sort((a, b) => order(a.id) - order(b.id) || a.id.localeCompare(b.id))) {
    const budget = sizeBudgetKb(bundle.id);
    const parts = bundle.files.map((file) => `${file.path} ${formatKb(file.gzipBytes)}`).join(' + ');
    const missing = bundle.missing.length > 0 ? `; missing from the build: ${bundle.missing.join(', ')}` : '';
    rows.push({
      measure: `Size, gzipped: ${bundle.label}`,
      figure: `**${formatKb(bundle.gzipBytes)}**${bundle.files.length > 1 ? ` (${parts})` : ''}${missing}`,
      goal: `≤ ${budget} KB`,
      met: bundle.missing.length === 0 && bundle.gzipBytes <= budget * 1024,
    });
  }
}

function pageCostRows(cost: PageCost): void {
  const runs = `${cost.pages} posting pages, ${cost.loadsPerSide} loads per side, alternating`;
  const line = (key: 'load' | 'domContentLoaded') => {
    const a = median(cost.withExtension[key]);
    const b = median(cost.withoutExtension[key]);
    const [low, high] = ratioInterval(cost.withExtension[key], cost.withoutExtension[key]);
    return {
      ratio: a / b,
      text: `${formatMs(a)} with / ${formatMs(b)} without = **${ratioText(a / b)}** (95 % interval ${ratioText(low)}–${ratioText(high)}; ${runs})`,
    };
  };
  const [pairedLow, pairedHigh] = medianInterval(cost.pairedLoadRatios);
  const paired = `; median of the ${cost.pairedLoadRatios.length} ratios of a page's two loads in one round ${ratioText(median(cost.pairedLoadRatios))} (${ratioText(pairedLow)}–${ratioText(pairedHigh)})`;
  const load = line('load');
  const parsed = line('domContentLoaded');
  if (!cost.backForwardCache) {
    rows.push({
      measure:
        "Page cost, the tab's frame reused (back/forward cache off, as Playwright launches Chromium): load, with / without",
      figure: `${load.text}${paired}`,
      goal: '',
      met: null,
    });
    return;
  }
  if (cost.withSide === 'control') {
    rows.push({
      measure: 'Page cost, control: load, two browsers without the extension (what the method cannot resolve)',
      figure: `${load.text.replace(' with / ', ' one / ').replace(' without = ', ' other = ')}${paired}`,
      goal: '',
      met: null,
    });
    return;
  }
  if (cost.withSide === 'empty-extension') {
    rows.push({
      measure:
        'Page cost, floor: load, an extension with nothing in it (its manifest alone) / no extension (what Chromium charges for any extension)',
      figure: `${load.text.replace(' with / ', ' with it / ')}${paired}; DOMContentLoaded ${ratioText(parsed.ratio)}`,
      goal: '',
      met: null,
    });
    return;
  }
  rows.push({
    measure: 'Page cost: load (loadEventEnd), with / without the extension',
    figure: `${load.text}${paired}`,
    goal: `≤ ${TIME_GOALS.pageCostRatio}`,
    met: load.ratio <= TIME_GOALS.pageCostRatio,
  });
  rows.push({
    measure: 'Page cost: DOMContentLoaded (domContentLoadedEventEnd), with / without',
    figure: parsed.text,
    goal: `≤ ${TIME_GOALS.pageCostRatio}`,
    met: parsed.ratio <= TIME_GOALS.pageCostRatio,
  });
  const ours = cost.ourScripts;
  if (ours) {
    const byScript = [...ours.beforeLoadByScript]
      .sort((a, b) => b[1] - a[1])
      .map(([script, ms]) => `${script} ${formatMs(ms / Math.max(1, ours.untilLoad.length))}`)
      .join(', ');
    rows.push({
      measure: "Page cost: the extension's scripts on the page's main thread, CPU per posting load (traced)",
      figure: `while parsing (to DOMContentLoaded end) ${formatMs(median(ours.untilDomContentLoaded))}, then to load end ${formatMs(median(ours.untilLoad))}, after load ${formatMs(median(ours.afterLoad))} (medians of ${ours.untilLoad.length} loads; before load, mean per load: ${byScript || 'nothing'})`,
      goal: '',
      met: null,
    });
  }
  const costly = [...cost.perPageLoadRatio].sort((a, b) => b.ratio - a.ratio)[0];
  if (costly) notes.push(`Page cost: highest per-page load ratio ${ratioText(costly.ratio)} (${costly.id}).`);
}

function ratioText(ratio: number): string {
  return Number.isFinite(ratio) ? ratio.toFixed(3) : 'n/a';
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  let build: BenchBuild;
  if (options.build) {
    process.stderr.write('bench: building the extension (wxt build, into a temporary folder)…\n');
    build = await buildForBench(REPO);
  } else {
    if (!hasBuild(EXTENSION_DIR)) throw new Error('no build in .output/chrome-mv3 (run without --no-build)');
    build = snapshotBuild(EXTENSION_DIR);
  }
  try {
    await measureAll(options, build.dir);
  } finally {
    build.remove();
  }
}

async function measureAll(options: Options, extensionDir: string): Promise<void> {
  const work = workload(options.quick);
  const pageSet = benchPages();
  const postingPages = postings(pageSet);
  const browserMissing = existsSync(CHROMIUM) ? null : `no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`;
  const loadAtStart = loadavg()[0] ?? 0;
  notes.push(`Pages: ${pageSet.source}.`);

  if (options.only.has('sizes')) sizeRows(extensionDir);

  const browserMeasures: Measure[] = ['page', 'control', 'floor', 'reused', 'extraction', 'popup', 'save'];
  if (browserMissing && browserMeasures.some((measure) => options.only.has(measure))) {
    rows.push({ measure: 'Browser measures', figure: `not run: ${browserMissing}`, goal: '', met: null });
  }

  // The page cost, then the runs it is read against (page-cost.ts's WithSide): same pages, same loads.
  const pageCostRuns: readonly (readonly [Measure, string, WithSide])[] = [
    ['page', 'Page cost', 'extension'],
    ['control', 'Page cost, control', 'control'],
    ['floor', 'Page cost, floor', 'empty-extension'],
  ];
  for (const [measure, label, withSide] of pageCostRuns) {
    if (browserMissing || !options.only.has(measure)) continue;
    await attempt(label, 360_000, async () => {
      const pages = spread(postingPages, work.pageCostPages);
      pageCostRows(await measurePageCost(extensionDir, pages, work.loadsPerSide, { withSide }));
    });
  }
  if (!browserMissing && options.only.has('reused')) {
    await attempt('Page cost, frame reused', 240_000, async () => {
      const pages = spread(postingPages, work.pageCostPages);
      const cost = await measurePageCost(extensionDir, pages, work.reusedFrameLoadsPerSide, {
        backForwardCache: false,
      });
      pageCostRows(cost);
    });
  }

  if (!browserMissing && options.only.has('extraction')) {
    await attempt('Extraction', 180_000, async () => {
      const times = await measureExtractionInChromium(pageSet.pages, work.extractionReads);
      rows.push({
        measure: 'Extraction per page, in Chromium (parse excluded)',
        figure: `median **${formatMs(median(times.perPage))}**, p95 ${formatMs(p95(times.perPage))} (${times.perPage.length} pages, ${work.extractionReads} reads each; ${times.postingsFound} read as postings; timer ${times.resolutionMs * 1000} µs)`,
        goal: `median < ${TIME_GOALS.extractionMedianMs} ms`,
        met: median(times.perPage) < TIME_GOALS.extractionMedianMs,
      });
    });
  }
  if (options.only.has('extraction')) {
    await attempt('Extraction (Node)', 120_000, async () => {
      const times = measureExtractionInNode(pageSet.pages, Math.max(3, Math.floor(work.extractionReads / 4)));
      rows.push({
        measure: 'Extraction per page, in Node over happy-dom (secondary)',
        figure: `median ${formatMs(median(times.perPage))}, p95 ${formatMs(p95(times.perPage))}`,
        goal: '',
        met: null,
      });
    });
  }

  if (!browserMissing && options.only.has('popup')) {
    await attempt('Popup', 360_000, async () => {
      for (const times of await measurePopup(extensionDir, [100, 1_000, 10_000], work.popupOpens)) {
        const popup = summarisePopup(times);
        const opens = times.firstPaint.length;
        const paintsCounted = popup.paints < opens ? ` (${popup.paints} of ${opens} opens painted the list first)` : '';
        rows.push({
          measure: `Popup, ${times.offers.toLocaleString('en-GB')} saved offers: navigation start → the list painted`,
          figure: `**${formatMs(popup.firstPaint)}**${paintsCounted}; its first row in the DOM at ${formatMs(popup.firstRow)}; whole list read and counted ${formatMs(popup.wholeList)} (medians of ${opens} opens). With nothing remembered (the first open after a change made outside the popup): painted ${formatMs(popup.unrememberedFirstPaint)}, row ${formatMs(popup.unrememberedFirstRow)}. Floor, a bare page reading the same rows: painted ${formatMs(popup.floorFirstPaint)}, row ${formatMs(popup.floorFirstRow)}`,
          goal: `< ${TIME_GOALS.popupFirstPaintMs} ms`,
          met: popup.paints > 0 && popup.firstPaint < TIME_GOALS.popupFirstPaintMs,
        });
      }
    });
  }

  if (!browserMissing && options.only.has('save')) {
    await attempt('Save round-trip', 180_000, async () => {
      const times = await measureSave(extensionDir, spread(postingPages, work.savePages));
      rows.push({
        measure: "Save round-trip: click « Enregistrer l'offre » → stored → saved state in the panel",
        figure: `median **${formatMs(median(times.panel))}**, p95 ${formatMs(p95(times.panel))} (${times.panel.length} first saves${times.notStored ? `; ${times.notStored} not stored` : ''})`,
        goal: `median < ${TIME_GOALS.saveRoundTripMs} ms`,
        met: times.notStored === 0 && median(times.panel) < TIME_GOALS.saveRoundTripMs,
      });
      rows.push({
        measure: "Save: sendMessage('saveOffer') → answer, from an extension page (background only)",
        figure: `median ${formatMs(median(times.message))}, p95 ${formatMs(p95(times.message))}`,
        goal: '',
        met: null,
      });
    });
  }

  const machine = describeMachine(CHROMIUM);
  notes.push(
    `Load average (1 min) at start ${loadAtStart.toFixed(2)}, at end ${(loadavg()[0] ?? 0).toFixed(2)}, on ${machine.cores} cores${options.quick ? '; quick run (--quick): fewer repetitions' : ''}.`,
  );
  const report = [...machineLines(machine), '', markdownTable(rows), '', ...notes.map((note) => `- ${note}`)].join(
    '\n',
  );
  process.stdout.write(`${report}\n`);
  const met = rows.filter((row) => row.met === true).length;
  const judged = rows.filter((row) => row.met !== null).length;
  process.stderr.write(`bench: ${met} of ${judged} goals met\n`);

  if (options.record) record(report);
  if (failures > 0) process.exitCode = 1;
}

/** Replaces the figures between the markers of BENCHMARKS.md, leaving the prose around them. */
function record(report: string): void {
  const text = readFileSync(BENCHMARKS_FILE, 'utf8');
  const start = text.indexOf(START_MARK);
  const end = text.indexOf(END_MARK);
  if (start < 0 || end < start) throw new Error(`BENCHMARKS.md has no ${START_MARK} … ${END_MARK} section`);
  writeFileSync(BENCHMARKS_FILE, `${text.slice(0, start + START_MARK.length)}\n${report}\n${text.slice(end)}`);
  process.stderr.write('bench: figures recorded in BENCHMARKS.md\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
