/**
 * The options page's whole-data messages, through `receiveMessage` as the background runs them:
 * the sender check, the payload check, then restore (whole file validated, one transaction,
 * settings stored) or delete-all (everything gone, settings back to defaults).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { receiveMessage } from '../../../lib/background';
import { exportBackup } from '../../../lib/backup/export';
import { toOfferRow } from '../../../lib/offers-repo';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import { loadSettings, saveSettings } from '../../../lib/settings-store';
import { backupText, event, reminder, savedOffer } from '../backup/builders';
import { SENDERS, type TestContext, testContext } from './test-context';

const EXISTING = savedOffer({ url: 'https://beta.gouv.fr/recrutement/2026/02/01/existante', title: 'Déjà là' });
const FROM_FILE = savedOffer({
  url: 'https://beta.gouv.fr/recrutement/2026/03/01/du-fichier',
  title: 'Venue du fichier',
  application: {
    history: [event('to-apply', '2026-03-01T09:00:00.000Z'), event('applied', '2026-03-03T09:00:00.000Z')],
  },
});
const OURS: Settings = { ...DEFAULT_SETTINGS, locale: 'fr', followUp: { enabled: true, afterDays: 5 } };

let ctx: TestContext;
beforeEach(async () => {
  fakeBrowser.reset();
  ctx = testContext();
  await ctx.db.offers.add(toOfferRow(EXISTING));
  await ctx.db.reminders.add(reminder({ offerId: EXISTING.id }));
  await saveSettings(OURS);
});
afterEach(async () => {
  await ctx.db.delete();
});

async function everything() {
  return {
    offers: await ctx.db.offers.toArray(),
    reminders: await ctx.db.reminders.toArray(),
    settings: await loadSettings(),
  };
}

describe('restoreBackup', () => {
  it('is refused from a content script (or a page claiming our address) and changes nothing', async () => {
    const before = await everything();
    const data = { text: backupText([FROM_FILE]), mode: 'replace' };
    for (const sender of [SENDERS.contentScript, SENDERS.spoofedPage]) {
      await expect(receiveMessage('restoreBackup', data, sender, ctx)).rejects.toThrow(/refused/);
    }
    expect(await everything()).toEqual(before);
    expect(ctx.afterWrite).not.toHaveBeenCalled();
  });

  it('replaces offers, reminders and settings with the file, then runs the after-write hook', async () => {
    const fileReminder = reminder({ offerId: FROM_FILE.id, id: `${FROM_FILE.id}#follow-up`, kind: 'follow-up' });
    const answer = await receiveMessage(
      'restoreBackup',
      { text: backupText([FROM_FILE], [fileReminder]), mode: 'replace' },
      SENDERS.options,
      ctx,
    );
    expect(answer).toEqual({ ok: true, offers: { added: 1, updated: 0, unchanged: 0 }, reminders: 1 });
    const after = await everything();
    expect(after.offers.map((row) => row.id)).toEqual([FROM_FILE.id]);
    expect(after.offers[0]?.application.stage).toBe('applied');
    expect(after.reminders).toEqual([fileReminder]);
    expect(after.settings.locale).toBe('en');
    expect(after.settings.csvSeparator).toBe(',');
    expect(ctx.afterWrite).toHaveBeenCalledTimes(1);
  });

  it('merges: keeps what is there and this computer’s settings', async () => {
    const answer = await receiveMessage(
      'restoreBackup',
      { text: backupText([FROM_FILE]), mode: 'merge' },
      SENDERS.options,
      ctx,
    );
    expect(answer).toEqual({ ok: true, offers: { added: 1, updated: 0, unchanged: 1 }, reminders: 0 });
    const after = await everything();
    expect(after.offers.map((row) => row.id).sort()).toEqual([EXISTING.id, FROM_FILE.id].sort());
    expect(after.reminders).toHaveLength(1);
    expect(after.settings).toEqual(OURS);
  });

  it('answers a broken file with where and why, and changes nothing', async () => {
    const before = await everything();
    const broken = { ...FROM_FILE, page: { ...FROM_FILE.page, url: 'not a url' } };
    const answer = await receiveMessage(
      'restoreBackup',
      { text: backupText([FROM_FILE, broken]), mode: 'replace' },
      SENDERS.options,
      ctx,
    );
    expect(answer).toMatchObject({ ok: false, code: 'invalid', path: 'offers[1].page.url' });
    expect(await everything()).toEqual(before);
    expect(ctx.afterWrite).not.toHaveBeenCalled();
  });

  it('answers a file that is not JSON without a path', async () => {
    const answer = await receiveMessage('restoreBackup', { text: '{ oops', mode: 'merge' }, SENDERS.options, ctx);
    expect(answer).toMatchObject({ ok: false, code: 'not-json' });
    expect(answer).not.toHaveProperty('path');
  });

  it('round-trips: what was exported comes back whole after a replace', async () => {
    const text = await exportBackup(ctx.db, OURS);
    const before = await everything();
    await receiveMessage('deleteAllData', { confirm: 'delete-all' }, SENDERS.options, ctx);
    await receiveMessage('restoreBackup', { text, mode: 'replace' }, SENDERS.options, ctx);
    expect(await everything()).toEqual(before);
  });
});

describe('deleteAllData', () => {
  it('empties offers and reminders, resets the settings, then runs the after-write hook', async () => {
    await receiveMessage('deleteAllData', { confirm: 'delete-all' }, SENDERS.options, ctx);
    expect(await everything()).toEqual({ offers: [], reminders: [], settings: DEFAULT_SETTINGS });
    expect(ctx.afterWrite).toHaveBeenCalledTimes(1);
  });

  it('needs the confirmation word and an extension page', async () => {
    const before = await everything();
    await expect(receiveMessage('deleteAllData', {}, SENDERS.options, ctx)).rejects.toThrow(/invalid payload/);
    await expect(
      receiveMessage('deleteAllData', { confirm: 'delete-all' }, SENDERS.contentScript, ctx),
    ).rejects.toThrow(/refused/);
    expect(await everything()).toEqual(before);
  });
});
