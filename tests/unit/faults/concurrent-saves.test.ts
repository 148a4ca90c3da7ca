/**
 * Twenty tabs saving at once (issue 6), through the background's real handler: twenty content
 * scripts send `saveOffer` together, while the popup moves stages. Every write is one
 * read-modify-write transaction, so nothing is duplicated and no history entry is lost. The
 * after-write hook reconciles the reminders table each time, also concurrently, as the background
 * does. The same in the real browser, with twenty tabs and their panels: tests/e2e/faults.e2e.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { receiveMessage } from '../../../lib/background';
import type { SaveOutcome } from '../../../lib/messaging';
import { fromOfferRow, getOffer } from '../../../lib/offers-repo';
import { syncReminderTable } from '../../../lib/reminders/reconcile';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { canonicalUrl } from '../../../lib/url';
import { NOW, RUNTIME_ID, SENDERS, type TestContext, testContext } from '../background/test-context';
import { makeOffer } from '../storage/offer-factory';

const TABS = 20;
const ZONE = 'Europe/Paris';

/** The content script of tab `tab`, on `url`. */
function tabSender(tab: number, url: string) {
  return { id: RUNTIME_ID, url, tab: { id: tab } };
}

function postingUrl(index: number): string {
  return `https://beta.gouv.fr/recrutement/2026/03/${String((index % 28) + 1).padStart(2, '0')}/poste-${index}.html`;
}

let ctx: TestContext;
/** The after-write work started so far (the background answers before it ends). */
let afterWrites: Promise<unknown>[];
beforeEach(() => {
  ctx = testContext();
  afterWrites = [];
  // The real after-write work on the table: every save reconciles the reminders, all at once.
  ctx.afterWrite.mockImplementation(() => {
    const work = syncReminderTable(ctx.db, DEFAULT_SETTINGS, NOW.getTime(), ZONE);
    afterWrites.push(work);
    return work.then(() => undefined);
  });
});
afterEach(async () => {
  await ctx.db.delete();
});

function saveFromTab(tab: number, url: string, fields: Parameters<typeof makeOffer>[0] = {}): Promise<SaveOutcome> {
  return receiveMessage('saveOffer', { offer: makeOffer({ url, ...fields }) }, tabSender(tab, url), ctx);
}

describe('twenty tabs saving at once', () => {
  it('twenty postings → twenty offers, each whole, with one history entry and its reminders', async () => {
    const urls = Array.from({ length: TABS }, (_, index) => postingUrl(index));
    const outcomes = await Promise.all(
      urls.map((url, index) => saveFromTab(index + 1, url, { title: `Poste ${index}`, closesAt: '2026-03-30' })),
    );

    expect(outcomes.every((outcome) => outcome.created)).toBe(true);
    const rows = await ctx.db.offers.toArray();
    expect(rows.map((row) => row.id).sort()).toEqual(urls.map((url) => canonicalUrl(url)).sort());
    for (const row of rows) {
      const saved = fromOfferRow(row);
      expect(saved.application.history).toHaveLength(1);
      expect(saved.page.title).toBe(`Poste ${urls.indexOf(saved.id)}`);
    }
    // Deadline reminders (7 days, 2 days, the day itself) for every offer, none twice.
    await Promise.all(afterWrites);
    const reminders = await ctx.db.reminders.toArray();
    expect(new Set(reminders.map((reminder) => reminder.id)).size).toBe(reminders.length);
    expect(new Set(reminders.map((reminder) => reminder.offerId)).size).toBe(TABS);
    expect(ctx.afterWrite).toHaveBeenCalledTimes(TABS);
  });

  it('one posting open in twenty tabs → one offer, one history entry, created once', async () => {
    const url = postingUrl(1);
    const outcomes = await Promise.all(Array.from({ length: TABS }, (_, index) => saveFromTab(index + 1, url)));

    expect(outcomes.filter((outcome) => outcome.created)).toHaveLength(1);
    expect(new Set(outcomes.map((outcome) => outcome.mark.id))).toEqual(new Set([canonicalUrl(url)]));
    expect(await ctx.db.offers.count()).toBe(1);
    const saved = await getOffer(ctx.db, canonicalUrl(url));
    expect(saved?.application.history).toEqual([{ stage: 'to-apply', at: NOW.toISOString() }]);
  });

  it('saves from twenty tabs while the popup logs twenty steps: no step is lost', async () => {
    const url = postingUrl(2);
    const id = canonicalUrl(url);
    await saveFromTab(1, url);
    const stages = ['applied', 'followed-up', 'interview', 'offer'] as const;
    const notes = Array.from({ length: TABS }, (_, index) => `étape ${index}`);
    const closingDates = Array.from({ length: TABS }, (_, index) => `2026-04-${String(index + 1).padStart(2, '0')}`);

    await Promise.all([
      ...closingDates.map((closesAt, index) => saveFromTab(index + 1, url, { closesAt })),
      ...notes.map((note, index) =>
        receiveMessage('setStage', { id, stage: stages[index % stages.length], note }, SENDERS.popup, ctx),
      ),
    ]);

    const saved = await getOffer(ctx.db, id);
    const history = saved?.application.history ?? [];
    expect(history).toHaveLength(1 + TABS);
    expect(
      history
        .slice(1)
        .map((event) => event.note)
        .sort(),
    ).toEqual([...notes].sort());
    expect(saved?.application.stage).toBe(history.at(-1)?.stage);
    // Each save moved the closing date (all twenty differ): each move was noticed once, none lost.
    const moves = (saved?.changes ?? []).filter((change) => change.field === 'closesAt');
    expect(moves.map((change) => change.to).sort()).toEqual(closingDates);
    expect(await ctx.db.offers.count()).toBe(1);
  });
});
