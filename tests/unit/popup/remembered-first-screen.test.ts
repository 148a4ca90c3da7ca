/**
 * The first screen the last popup showed, kept for the next one (rememberedFirstScreen.ts), and
 * kept current while the popup is open (keepFirstScreenRemembered.ts).
 */
import { describe, expect, it } from 'vitest';
import { keepFirstScreenRemembered } from '../../../components/popup/keepFirstScreenRemembered';
import {
  forgetFirstScreen,
  REMEMBERED_FIRST_SCREEN_KEY,
  type RememberedFirstScreen,
  recallFirstScreen,
  rememberFirstScreen,
  type ScreenMemory,
  sameFirstScreen,
} from '../../../components/popup/rememberedFirstScreen';
import type { ListItem } from '../../../components/popup/sortAndFilter';
import * as repo from '../../../lib/offers-repo';
import { firstScreenOf, makeOffer, memoryStorage, seed, setup } from './support';

function item(id: string, fields: Partial<ListItem> = {}): ListItem {
  return {
    id,
    title: `Poste ${id}`,
    organization: 'ANCT',
    contract: 'CDI',
    contractRaw: null,
    closesAt: '2026-03-20',
    status: 'open',
    stage: 'to-apply',
    savedAt: '2026-03-01T10:00:00.000Z',
    searchText: `poste ${id} anct notes privees`,
    ...fields,
  };
}

const SCREEN: RememberedFirstScreen = {
  locale: 'fr',
  items: [item('a', { closesAt: '2026-03-12' }), item('b', { closesAt: '2026-03-15', organization: null })],
};

describe('rememberFirstScreen and recallFirstScreen', () => {
  it('gives back the rows and the language, without the search text', () => {
    const kept = memoryStorage();
    rememberFirstScreen(kept, SCREEN);
    const recalled = recallFirstScreen(kept, '2026-03-12');
    expect(recalled?.locale).toBe('fr');
    expect(recalled?.items.map((row) => row.id)).toEqual(['a', 'b']);
    expect(recalled?.items[1]?.organization).toBeNull();
    // Notes and contacts are in the search text: never kept outside the database.
    expect(kept.items.get(REMEMBERED_FIRST_SCREEN_KEY)).not.toContain('privees');
    expect(recalled && sameFirstScreen(recalled, SCREEN)).toBe(true);
  });

  it('leaves out the offers whose closing date has passed since, and recalls nothing when none is left', () => {
    const kept = memoryStorage();
    rememberFirstScreen(kept, SCREEN);
    expect(recallFirstScreen(kept, '2026-03-13')?.items.map((row) => row.id)).toEqual(['b']);
    expect(recallFirstScreen(kept, '2026-03-16')).toBeNull();
  });

  it('forgets when there are no rows to show, or when asked', () => {
    const kept = memoryStorage();
    rememberFirstScreen(kept, SCREEN);
    rememberFirstScreen(kept, { locale: 'fr', items: [] });
    expect(kept.items.size).toBe(0);
    rememberFirstScreen(kept, SCREEN);
    rememberFirstScreen(kept, null);
    expect(kept.items.size).toBe(0);
    rememberFirstScreen(kept, SCREEN);
    forgetFirstScreen(kept);
    expect(recallFirstScreen(kept, '2026-03-12')).toBeNull();
  });

  it('tells a different screen apart: another row, another stage, another language', () => {
    const [first, second] = SCREEN.items as [ListItem, ListItem];
    expect(sameFirstScreen(SCREEN, { locale: 'fr', items: [first] })).toBe(false);
    expect(sameFirstScreen(SCREEN, { locale: 'fr', items: [first, { ...second, stage: 'applied' }] })).toBe(false);
    expect(sameFirstScreen(SCREEN, { locale: 'en', items: SCREEN.items })).toBe(false);
    // The search text is not shown: a note edited elsewhere changes nothing on the first screen.
    expect(sameFirstScreen(SCREEN, { locale: 'fr', items: [first, { ...second, searchText: 'autre' }] })).toBe(true);
  });

  it.each([
    ['not JSON', '{"v":1,'],
    ['another shape version', JSON.stringify({ v: 99, locale: 'fr', items: [] })],
    ['an unknown language', JSON.stringify({ v: 1, locale: 'de', items: [{ ...item('a'), searchText: undefined }] })],
    ['items that are not a list', JSON.stringify({ v: 1, locale: 'fr', items: { 0: item('a') } })],
    ['an unknown stage', JSON.stringify({ v: 1, locale: 'fr', items: [{ ...item('a'), stage: 'hired' }] })],
    ['an unknown contract', JSON.stringify({ v: 1, locale: 'fr', items: [{ ...item('a'), contract: 'CDI<b>' }] })],
    ['a number for a title', JSON.stringify({ v: 1, locale: 'fr', items: [{ ...item('a'), title: 42 }] })],
    [
      'a closing date that is no date',
      JSON.stringify({ v: 1, locale: 'fr', items: [{ ...item('a'), closesAt: 'z' }] }),
    ],
    ['null', 'null'],
  ])('recalls nothing from %s', (_name, value) => {
    const kept = memoryStorage();
    kept.items.set(REMEMBERED_FIRST_SCREEN_KEY, value);
    expect(recallFirstScreen(kept, '2026-03-12')).toBeNull();
  });

  it('keeps page text as it is: the screen builds it as text (first-screen.test.tsx)', () => {
    const kept = memoryStorage();
    const hostile = item('x', { title: '<img src=x onerror="alert(1)"><script>alert(2)</script>\u202e\u200b' });
    rememberFirstScreen(kept, { locale: 'en', items: [hostile] });
    expect(recallFirstScreen(kept, '2026-03-12')?.items[0]?.title).toBe(hostile.title);
  });

  it('never throws when storage refuses, and leaves nothing half written', () => {
    const refusing: ScreenMemory = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => {
        throw new DOMException('refused', 'SecurityError');
      },
    };
    expect(() => rememberFirstScreen(refusing, SCREEN)).not.toThrow();
    expect(() => forgetFirstScreen(refusing)).not.toThrow();
    const unreadable: ScreenMemory = {
      ...memoryStorage(),
      getItem: () => {
        throw new DOMException('refused', 'SecurityError');
      },
    };
    expect(recallFirstScreen(unreadable, '2026-03-12')).toBeNull();
  });
});

describe('keepFirstScreenRemembered', () => {
  it('remembers what the first screen reads from the database, and again on every change', async () => {
    const { db, env } = setup();
    const [designer] = await seed(db, [
      makeOffer('designer', { title: 'Designer UX', closesAt: '2026-03-20' }),
      makeOffer('dev', { title: 'Développeuse', closesAt: '2026-03-14' }),
      makeOffer('undated', { title: 'Sans date' }),
    ]);
    const kept = memoryStorage();
    const keeper = keepFirstScreenRemembered(db, kept, env.now);
    try {
      // Nothing until the popup knows its language.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(kept.items.size).toBe(0);
      keeper.setLocale('fr');
      await expect
        .poll(() => recallFirstScreen(kept, '2026-03-12')?.items.map((row) => row.title))
        .toEqual(['Développeuse', 'Designer UX']);
      // The very screen the next popup reads from the database.
      const read = await firstScreenOf(db.name);
      const recalled = recallFirstScreen(kept, '2026-03-12');
      expect(read && recalled && sameFirstScreen(recalled, { locale: 'fr', items: read })).toBe(true);

      const at = new Date(2026, 2, 12, 11, 0);
      await repo.setStage(db, designer ?? '', { stage: 'applied', at: at.toISOString() }, at);
      await expect
        .poll(() => recallFirstScreen(kept, '2026-03-12')?.items.map((row) => row.stage))
        .toEqual(['to-apply', 'applied']);
      keeper.setLocale('en');
      await expect.poll(() => recallFirstScreen(kept, '2026-03-12')?.locale).toBe('en');
      await db.offers.clear();
      await expect.poll(() => kept.items.size).toBe(0);
    } finally {
      keeper.stop();
    }
  });
});
