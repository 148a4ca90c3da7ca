/**
 * The budgets: the one file to edit when a budget has to move (say why in the commit).
 *
 * Sizes are checked by `npm test` (tests/e2e/bundle-budget.e2e.test.ts) because they do not
 * depend on the machine. Times are goals that `npm run bench` reports with ✓/✗ but no test
 * enforces: they depend on the machine, and a timed test that fails on a busy computer teaches
 * people to ignore failures.
 */

/** Gzipped size ceilings, in KB (1 KB = 1,024 bytes), per bundle of .output/chrome-mv3. */
export const SIZE_BUDGETS_KB = {
  /** Runs on every page of the posting sites, often before the page is read: the tightest one. */
  'content-script': 20,
  /** Opens at each click on the toolbar button. */
  'page:popup': 100,
  'page:options': 100,
  /** Wakes for every message and alarm. */
  background: 80,
  /** Injected on request (activeTab) into a page the user asks Postulo to read. */
  'script:read-page': 50,
} as const;

/**
 * Scripts that run in the sites' pages as content scripts although the manifest does not list
 * them: the background injects them into every page of the posting sites once it has loaded
 * (lib/background/posting-reader.ts), so they get the content script's id and budget.
 */
export const INJECTED_CONTENT_SCRIPTS: readonly string[] = ['posting-reader'];

/** Any bundle not named above (a new page or script) gets this ceiling until it has its own. */
export const DEFAULT_SIZE_BUDGET_KB = 100;

export function sizeBudgetKb(bundleId: string): number {
  const budgets: Readonly<Record<string, number>> = SIZE_BUDGETS_KB;
  if (bundleId.startsWith('content-script:')) return SIZE_BUDGETS_KB['content-script'];
  return budgets[bundleId] ?? DEFAULT_SIZE_BUDGET_KB;
}

/** Where the budgets live, for the messages that tell people what to edit. */
export const BUDGET_FILE = 'tests/bench/budgets.ts';

/** Time goals, reported by `npm run bench` only. */
export const TIME_GOALS = {
  /** Load time with the extension / without, median over many alternating loads. */
  pageCostRatio: 1.01,
  /** Extractor time per page, median, in milliseconds. */
  extractionMedianMs: 2,
  /** Popup: navigation start to the list's first paint, with 10,000 saved offers (and fewer). */
  popupFirstPaintMs: 100,
  /** Click on « Enregistrer l'offre » to the saved state in the panel, median. */
  saveRoundTripMs: 20,
} as const;
