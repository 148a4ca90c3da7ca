/**
 * A hostile backup file, through the background's `restoreBackup` message as the options page
 * sends it (issue 6). tests/unit/backup/bad-files.test.ts covers the reader on its own (not JSON,
 * random bytes, truncated anywhere, too large); here, what a crafted file could do beyond being
 * unreadable:
 * - random text answers a clear problem and changes nothing;
 * - `__proto__` and `constructor.prototype` keys anywhere pollute no object of the background;
 * - data nested 100,000 deep where the format accepts anything answers, and changes nothing or
 *   restores whole records.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { receiveMessage } from '../../../lib/background';
import type { RestoreAnswer } from '../../../lib/messaging';
import { fromOfferRow, saveOffer } from '../../../lib/offers-repo';
import { SENDERS, type TestContext, testContext } from '../background/test-context';
import { backupText, OFFER_URL, savedOffer } from '../backup/builders';
import { makeOffer } from '../storage/offer-factory';

let ctx: TestContext;

beforeEach(async () => {
  fakeBrowser.reset();
  ctx = testContext();
  await saveOffer(ctx.db, makeOffer(), new Date('2026-03-01T08:00:00.000Z'));
});

afterEach(async () => {
  await ctx.db.delete();
});

async function snapshot() {
  return { offers: await ctx.db.offers.toArray(), reminders: await ctx.db.reminders.toArray() };
}

async function restore(text: string, mode: 'merge' | 'replace'): Promise<RestoreAnswer> {
  return receiveMessage('restoreBackup', { text, mode }, SENDERS.options, ctx);
}

function expectClearProblem(answer: RestoreAnswer): void {
  expect(answer.ok).toBe(false);
  if (answer.ok) return;
  expect(answer.code).toMatch(/^[a-z-]+$/);
  expect(answer.message.length).toBeGreaterThan(5);
}

describe('a hostile backup file, restored through the background', () => {
  it('of random text: a clear problem, nothing changed', async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.json({ maxDepth: 4 })),
        fc.constantFrom('merge' as const, 'replace' as const),
        async (text, mode) => {
          const answer = await restore(text, mode);
          // Only the file of a backup restores; a random JSON value never is one.
          expectClearProblem(answer);
        },
      ),
      { numRuns: 60 },
    );
    expect(await snapshot()).toEqual(before);
  });

  it('with __proto__ and constructor.prototype keys: no object of the background is polluted', async () => {
    const poison = { __proto__: { polluted: 'yes' }, constructor: { prototype: { polluted: 'yes' } } };
    const record = { ...savedOffer({ url: `${OFFER_URL}-poison` }), ...poison };
    const text = backupText([record], [], poison)
      // JSON.stringify leaves a real __proto__ key out: written by hand, as an attacker would.
      .replace('{"format"', '{"__proto__":{"polluted":"yes"},"format"')
      .replace('"application":{', '"application":{"__proto__":{"polluted":"yes"},');
    expect(text).toContain('"__proto__"');
    for (const mode of ['merge', 'replace'] as const) await restore(text, mode);

    expect(Reflect.get({}, 'polluted')).toBeUndefined();
    expect(Reflect.get(Object.prototype, 'polluted')).toBeUndefined();
    for (const row of await ctx.db.offers.toArray()) {
      const saved = fromOfferRow(row);
      expect(Object.keys(saved).sort()).toEqual(['application', 'changes', 'id', 'page', 'savedAt', 'updatedAt']);
      expect(Reflect.get(saved.application, 'polluted')).toBeUndefined();
    }
  });

  it('with data nested 100,000 deep where the format accepts anything: an answer, whole records or none', async () => {
    const before = await snapshot();
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const record = savedOffer({
      url: `${OFFER_URL}-deep`,
      changes: [{ at: '2026-03-02T09:00:00.000Z', field: 'closesAt', from: null, to: '2026-04-01' }],
    });
    const text = backupText([record]).replace('"from":null', `"from":${deep}`);
    expect(text.length).toBeGreaterThan(200_000);

    for (const mode of ['merge', 'replace'] as const) {
      const answer = await restore(text, mode);
      if (!answer.ok) {
        expectClearProblem(answer);
        expect(await snapshot()).toEqual(before);
      } else {
        for (const row of await ctx.db.offers.toArray()) expect(() => fromOfferRow(row)).not.toThrow();
      }
    }
  }, 30_000);
});
