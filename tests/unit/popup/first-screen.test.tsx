/**
 * The top of the list comes first: read with a limit before the first render (the entrypoint
 * gives it through `takeFirstScreen`), and the full read of the table waits for it.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_SCREEN_ROWS, readFirstScreen } from '../../../components/popup/useOfferItems';
import { makeOffer, renderPopup, rowTitles, seed, setup } from './support';

beforeEach(() => window.history.replaceState(null, '', '/popup.html'));
afterEach(cleanup);

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
    const items = await readFirstScreen(db, '2026-03-12');
    expect(items.map((item) => item.title)).toEqual(['Aujourd’hui', 'Plus tard']);
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
    const items = await readFirstScreen(db, '2026-03-12');
    expect(items).toHaveLength(FIRST_SCREEN_ROWS);
    expect(items[0]?.closesAt).toBe('2026-04-01');
  });
});

describe('the first screen of the list', () => {
  it('paints the rows read before the first render, then the whole list', async () => {
    const { env, db } = setup();
    await seed(db, [
      makeOffer('soon', { title: 'Bientôt', closesAt: '2026-03-15' }),
      makeOffer('none', { title: 'Sans date' }),
    ]);
    const preread = await readFirstScreen(db, '2026-03-12');
    const takeFirstScreen = vi.fn(() => preread);
    renderPopup({ ...env, takeFirstScreen });
    // In the very first render, before any read of the list has had time to answer.
    expect(rowTitles()).toEqual(['Bientôt']);
    expect(screen.getByText('Chargement des offres…')).toBeTruthy();
    await waitFor(() => expect(rowTitles()).toEqual(['Bientôt', 'Sans date']));
    expect(screen.getByText('2 offres')).toBeTruthy();
    expect(takeFirstScreen).toHaveBeenCalledTimes(1);
  });

  it('starts the full read only once the first screen is read', async () => {
    const { env, db } = setup();
    await seed(db, [makeOffer('soon', { title: 'Bientôt', closesAt: '2026-03-15' })]);
    let answerFirstScreen: () => void = () => {};
    const firstScreenAnswered = new Promise<void>((resolve) => {
      answerFirstScreen = resolve;
    });
    const where = db.offers.where.bind(db.offers);
    // The first-screen read (the only `where` on the list's path) answers when the test says so.
    vi.spyOn(db.offers, 'where').mockImplementation(((index: string) => {
      const clause = where(index);
      return {
        between: (...range: Parameters<typeof clause.between>) => {
          const collection = clause.between(...range);
          return {
            limit: (rows: number) => ({
              toArray: async () => {
                await firstScreenAnswered;
                return collection.limit(rows).toArray();
              },
            }),
          };
        },
      };
    }) as never);
    const orderBy = vi.spyOn(db.offers, 'orderBy');
    renderPopup(env);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(orderBy).not.toHaveBeenCalled();
    answerFirstScreen();
    await waitFor(() => expect(orderBy).toHaveBeenCalledWith('closesAt'));
    await waitFor(() => expect(screen.getByText('1 offre')).toBeTruthy());
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
