/**
 * The top of the list comes first: the entrypoint reads it with plain IndexedDB (firstScreen.ts,
 * lib/db-peek.ts) and paints it (firstScreenView.ts) before the rest of the popup is loaded; the
 * popup then takes its place with the same rows (`takeFirstScreen`).
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pushOfferAddress } from '../../../components/popup/address';
import { FIRST_SCREEN_ROWS, readFirstScreen } from '../../../components/popup/firstScreen';
import { prepareFirstScreen } from '../../../components/popup/firstScreenView';
import { ROW_REM } from '../../../components/popup/offerRow';
import { Popup } from '../../../components/popup/Popup';
import type { ListItem } from '../../../components/popup/sortAndFilter';
import { DB_IDB_VERSION } from '../../../lib/db-layout';
import { firstScreenOf, makeOffer, memoryStorage, renderPopup, rowTitles, seed, setup } from './support';

beforeEach(() => window.history.replaceState(null, '', '/popup.html'));
afterEach(() => {
  cleanup();
  // The first screens shown without the testing library.
  document.body.replaceChildren();
});

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((database) => database.name ?? '');
}

/** Creates `name` with the plain API at IndexedDB version `version`, with an offers store. */
function createRawDatabase(name: string, version: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(name, version);
    opening.onupgradeneeded = () => {
      opening.result.createObjectStore('offers', { keyPath: 'id' }).createIndex('closesAt', 'closesAt');
    };
    opening.onsuccess = () => {
      opening.result.close();
      resolve();
    };
    opening.onerror = () => reject(opening.error);
  });
}

describe('readFirstScreen', () => {
  it('reads the open offers closing today or later, soonest first', async () => {
    const { db } = setup();
    await seed(db, [
      makeOffer('later', { title: 'Plus tard', closesAt: '2026-04-01' }),
      makeOffer('past', { title: 'Passée', closesAt: '2026-03-01' }),
      makeOffer('none', { title: 'Sans date' }),
      makeOffer('filled', { title: 'Pourvue', closesAt: '2026-03-20', status: 'filled' }),
      makeOffer('closed', { title: 'Fermée', closesAt: '2026-03-21', status: 'closed' }),
      makeOffer('today', { title: 'Aujourd’hui', closesAt: '2026-03-12' }),
    ]);
    const items = await firstScreenOf(db.name);
    expect(items?.map((item) => item.title)).toEqual(['Aujourd’hui', 'Plus tard']);
  });

  it('reads a screenful, not the whole table', async () => {
    const { db } = setup();
    const days = Array.from({ length: FIRST_SCREEN_ROWS + 10 }, (_, day) => day);
    await seed(
      db,
      days.map((day) =>
        makeOffer(`o${day}`, {
          closesAt: `2026-0${4 + Math.floor(day / 28)}-${String(1 + (day % 28)).padStart(2, '0')}`,
        }),
      ),
    );
    const items = await firstScreenOf(db.name);
    expect(items).toHaveLength(FIRST_SCREEN_ROWS);
    expect(items?.[0]?.closesAt).toBe('2026-04-01');
  });

  it('does not open the database before a page has seen Dexie open it (a new user’s first popup)', async () => {
    const { db } = setup();
    await seed(db, [makeOffer('soon', { closesAt: '2026-03-15' })]);
    const open = vi.spyOn(indexedDB, 'open');
    expect(await readFirstScreen(indexedDB, memoryStorage(), '2026-03-12', db.name)).toBeNull();
    expect(open).not.toHaveBeenCalled();
    open.mockRestore();
  });

  it('answers null without creating the database when there is none, even with the mark', async () => {
    const name = `absent-${crypto.randomUUID()}`;
    expect(await firstScreenOf(name)).toBeNull();
    expect(await databaseNames()).not.toContain(name);
  });

  it('answers null for a database at another schema version (an update not yet upgraded), and leaves it as it was', async () => {
    const name = `older-${crypto.randomUUID()}`;
    const otherVersion = DB_IDB_VERSION + 5;
    await createRawDatabase(name, otherVersion);
    expect(await firstScreenOf(name)).toBeNull();
    const reopened = await new Promise<IDBDatabase>((resolve) => {
      const opening = indexedDB.open(name);
      opening.onsuccess = () => resolve(opening.result);
    });
    expect(reopened.version).toBe(otherVersion);
    reopened.close();
  });

  it('never blocks an upgrade made elsewhere (the background, another page)', async () => {
    const { db } = setup();
    await seed(db, [makeOffer('soon', { closesAt: '2026-03-15' })]);
    db.close();
    await firstScreenOf(db.name);
    const blocked = vi.fn();
    await new Promise<void>((resolve, reject) => {
      const upgrade = indexedDB.open(db.name, DB_IDB_VERSION + 10);
      upgrade.onblocked = blocked;
      upgrade.onsuccess = () => {
        upgrade.result.close();
        resolve();
      };
      upgrade.onerror = () => reject(upgrade.error);
    });
    expect(blocked).not.toHaveBeenCalled();
  });
});

describe('the first screen', () => {
  /** As main.ts shows it, in a container the popup may then take over. */
  function showFirstScreen(items: readonly ListItem[], locale: 'fr' | 'en' = 'fr', openOffer = pushOfferAddress) {
    const container = document.body.appendChild(document.createElement('div'));
    const now = setup().env.now();
    container.append(
      prepareFirstScreen({ locale, now, viewportHeight: window.innerHeight, openOffer }).withRows(items),
    );
    return container;
  }

  it('shows the rows read, as the popup will: the popup replaces it with the very same list', async () => {
    const { env, db } = setup();
    await seed(db, [
      makeOffer('soon', { title: 'Bientôt', closesAt: '2026-03-15', organization: 'ANCT', contract: 'CDD' }),
      makeOffer('later', {
        title: 'Plus tard',
        closesAt: '2026-03-13',
        contract: 'autre',
        contractRaw: 'Mission de 6 mois',
      }),
      makeOffer('none', { title: 'Sans date' }),
    ]);
    const items = (await firstScreenOf(db.name)) ?? [];
    const container = showFirstScreen(items);
    expect(rowTitles()).toEqual(['Plus tard', 'Bientôt']);
    expect(screen.getByText('Chargement des offres…')).toBeTruthy();
    expect(screen.getByText('clôture demain')).toBeTruthy();
    const firstList = container.querySelector('.offer-list')?.outerHTML;
    const firstTab = container.querySelector('.current-tab')?.outerHTML;
    expect(firstTab).toContain("Lecture de l'onglet");
    expect(container.querySelector('main')?.getAttribute('aria-busy')).toBe('true');

    // The popup, given the same rows: in its very first render, the list and the current tab's
    // section above it are the same, markup and all, so nothing moves.
    container.replaceChildren();
    render(<Popup env={{ ...env, takeFirstScreen: () => items }} />, { container });
    expect(container.querySelector('.offer-list')?.outerHTML).toBe(firstList);
    expect(container.querySelector('.current-tab')?.outerHTML).toBe(firstTab);
    expect(container.querySelector('main')?.hasAttribute('aria-busy')).toBe(false);
    await waitFor(() => expect(rowTitles()).toEqual(['Plus tard', 'Bientôt', 'Sans date']));
  });

  it('holds the rows in view only, as the list does', async () => {
    const { db } = setup();
    const many = Array.from({ length: 15 }, (_, index) =>
      makeOffer(`offer-${index}`, { title: `Offre ${index}`, closesAt: '2026-04-01' }),
    );
    await seed(db, many);
    const items = (await firstScreenOf(db.name)) ?? [];
    expect(items).toHaveLength(15);
    showFirstScreen(items);
    const inView = Math.ceil(window.innerHeight / (ROW_REM * 16));
    expect(rowTitles()).toHaveLength(Math.min(inView, 15));
    expect(screen.getByRole('list', { name: 'Mes offres' }).style.height).toBe(`${15 * ROW_REM}rem`);
  });

  it("shows a page's markup in a title as text: no element, no script", async () => {
    const { db } = setup();
    const hostile = '<img src=x onerror="globalThis.__pwned = true"><script>globalThis.__pwned = true</script>';
    await seed(db, [makeOffer('hostile', { title: hostile, organization: '<b>ANCT</b>', closesAt: '2026-03-15' })]);
    const items = (await firstScreenOf(db.name)) ?? [];
    const container = showFirstScreen(items);
    expect(rowTitles()).toEqual([hostile]);
    expect(container.querySelector('img, script, b')).toBeNull();
    expect(screen.getByText('<b>ANCT</b>', { exact: false })).toBeTruthy();
    expect((globalThis as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('gives a row clicked before the popup has loaded its address, and the popup opens that offer', async () => {
    const { env, db } = setup();
    const [soon] = await seed(db, [makeOffer('soon', { title: 'Bientôt', closesAt: '2026-03-15' })]);
    const items = (await firstScreenOf(db.name)) ?? [];
    const container = showFirstScreen(items);
    fireEvent.click(screen.getByText('Bientôt'));
    expect(new URLSearchParams(window.location.search).get('offer')).toBe(soon);

    container.replaceChildren();
    render(<Popup env={env} />, { container });
    expect(await screen.findByRole('button', { name: 'Retour à la liste' })).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 1, name: 'Bientôt' })).toBeTruthy();
  });

  it('speaks the language it is given', async () => {
    const { db } = setup();
    await seed(db, [makeOffer('soon', { title: 'Soon', closesAt: '2026-03-13' })]);
    const items = (await firstScreenOf(db.name)) ?? [];
    showFirstScreen(items, 'en');
    expect(screen.getByRole('heading', { name: 'My offers' })).toBeTruthy();
    expect(screen.getByText('closes tomorrow')).toBeTruthy();
    expect(screen.getByRole('option', { name: 'All (1)' })).toBeTruthy();
  });
});

describe('the popup after the first screen', () => {
  it('paints the rows read before its first render, then the whole list', async () => {
    const { env, db } = setup();
    await seed(db, [
      makeOffer('soon', { title: 'Bientôt', closesAt: '2026-03-15' }),
      makeOffer('none', { title: 'Sans date' }),
    ]);
    const preread = await firstScreenOf(db.name);
    const takeFirstScreen = vi.fn(() => preread);
    renderPopup({ ...env, takeFirstScreen });
    // In the very first render, before any read of the list has had time to answer.
    expect(rowTitles()).toEqual(['Bientôt']);
    expect(screen.getByText('Chargement des offres…')).toBeTruthy();
    await waitFor(() => expect(rowTitles()).toEqual(['Bientôt', 'Sans date']));
    expect(screen.getByText('2 offres')).toBeTruthy();
    expect(takeFirstScreen).toHaveBeenCalledTimes(1);
  });

  it('is not read again when the candidate comes back from an offer: the whole list is there at once, live', async () => {
    const { env, db, api } = setup();
    const [, gone] = await seed(db, [
      makeOffer('kept', { title: 'Gardée', closesAt: '2026-03-15' }),
      makeOffer('gone', { title: 'Supprimée', closesAt: '2026-03-16' }),
      makeOffer('none', { title: 'Sans date' }),
    ]);
    const takeFirstScreen = vi.fn(() => null);
    renderPopup({ ...env, takeFirstScreen });
    await waitFor(() => expect(screen.getByText('3 offres')).toBeTruthy());
    fireEvent.click(within(screen.getByRole('list', { name: 'Mes offres' })).getAllByRole('button')[0] as Element);
    await screen.findByRole('button', { name: 'Retour à la liste' });
    await api.deleteOffer({ id: gone as string });
    // While the detail is shown, the list follows the database.
    await new Promise((resolve) => setTimeout(resolve, 50));
    fireEvent.click(screen.getByRole('button', { name: 'Retour à la liste' }));
    // In the very render that shows the list again: complete, counted, without the deleted offer.
    expect(screen.queryByText('Chargement des offres…')).toBeNull();
    expect(rowTitles()).toEqual(['Gardée', 'Sans date']);
    expect(screen.getByText('2 offres')).toBeTruthy();
    expect(takeFirstScreen).toHaveBeenCalledTimes(1);
  });
});
