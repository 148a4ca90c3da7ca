/**
 * Saving or reading whatever page a tab shows, on the user's explicit ask (the popup's « this
 * page », the keyboard shortcut, the context menu): the same extractor as the posting reader,
 * injected with activeTab, then the same repository as every other save.
 */
import type { ActiveTabReading, SaveOutcome } from '../messaging';
import { lookup, saveOffer } from '../offers-repo';
import type { BackgroundContext } from './context';
import { UnreadableTabError } from './read-tab';

/** Reads the tab and saves (or refreshes) its offer. */
export async function saveTab(ctx: BackgroundContext, tabId: number): Promise<SaveOutcome> {
  const reading = await ctx.readTab(tabId);
  if (!reading.offer) throw new UnreadableTabError(`Tab ${tabId} gave no offer`);
  const outcome = await saveOffer(ctx.db, reading.offer, ctx.now());
  await runAfterWrite(ctx);
  return outcome;
}

export async function saveActiveTab(ctx: BackgroundContext): Promise<SaveOutcome> {
  const tabId = await ctx.activeTabId();
  if (tabId === undefined) throw new UnreadableTabError('No active tab');
  return saveTab(ctx, tabId);
}

/** What the active tab holds, and whether it is saved; nothing when it cannot be read. */
export async function readActiveTab(ctx: BackgroundContext): Promise<ActiveTabReading> {
  const unreadable: ActiveTabReading = { isPosting: false, offer: null, mark: null };
  const tabId = await ctx.activeTabId();
  if (tabId === undefined) return unreadable;
  let reading: Awaited<ReturnType<BackgroundContext['readTab']>>;
  try {
    reading = await ctx.readTab(tabId);
  } catch (error) {
    if (error instanceof UnreadableTabError) return unreadable;
    throw error;
  }
  if (!reading.offer) return { ...unreadable, isPosting: reading.isPosting };
  const marks = await lookup(ctx.db, [reading.offer.url]);
  return { isPosting: reading.isPosting, offer: reading.offer, mark: Object.values(marks)[0] ?? null };
}

/**
 * Brings derived data up to date after a write. The write itself is done and committed: a
 * failure here is reported, never turned into a failed save.
 */
export async function runAfterWrite(ctx: BackgroundContext): Promise<void> {
  try {
    await ctx.afterWrite();
  } catch (error) {
    console.error('Postulo: after-write hook failed', error);
  }
}
