import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeOffer, renderPopup, rowTitles, seed, setup } from './support';

beforeEach(() => window.history.replaceState(null, '', '/popup.html'));
afterEach(cleanup);

describe('the list', () => {
  it('tells a new user what to do when nothing is saved', async () => {
    const { env } = setup();
    renderPopup(env);
    expect(await screen.findByRole('heading', { name: "Aucune offre enregistrée pour l'instant" })).toBeTruthy();
    expect(
      screen.getByText(/incubateur\.anct\.gouv\.fr ou beta\.gouv\.fr et cliquez sur « Enregistrer l'offre »/),
    ).toBeTruthy();
  });

  it('lists saved offers from the database, nearest closing date first, with their badges', async () => {
    const { env, db } = setup();
    await seed(db, [
      makeOffer('later', { title: 'Designer', closesAt: '2026-03-20', organization: 'ANCT', contract: 'CDD' }),
      makeOffer('none', { title: 'Sans date' }),
      makeOffer('filled', { title: 'Déjà pourvu', closesAt: '2026-04-01', status: 'filled' }),
      makeOffer('soon', { title: 'Développeuse', closesAt: '2026-03-15', organization: 'DINUM', contract: 'CDI' }),
      makeOffer('today', { title: 'Urgent', closesAt: '2026-03-12' }),
    ]);
    renderPopup(env);
    await waitFor(() =>
      expect(rowTitles()).toEqual(['Urgent', 'Développeuse', 'Designer', 'Sans date', 'Déjà pourvu']),
    );
    const rows = within(screen.getByRole('list', { name: 'Mes offres' })).getAllByRole('button');
    expect(rows[0]?.textContent).toContain('clôture aujourd');
    expect(rows[1]?.textContent).toContain('DINUM · CDI');
    expect(rows[1]?.textContent).toContain('clôture dans 3 j');
    expect(rows[1]?.textContent).toContain('À postuler');
    expect(rows[4]?.textContent).toContain('pourvue');
    expect(screen.getByRole('status', { name: '' }).textContent).toBe('5 offres');
  });

  it('shows what the database holds now: a write elsewhere appears without reload', async () => {
    const { env, db } = setup();
    await seed(db, [makeOffer('a', { title: 'Premier' })]);
    renderPopup(env);
    await waitFor(() => expect(rowTitles()).toEqual(['Premier']));
    await seed(db, [makeOffer('b', { title: 'Second', closesAt: '2026-03-13' })]);
    await waitFor(() => expect(rowTitles()).toEqual(['Second', 'Premier']));
  });

  it('filters by search, ignoring accents and case, and by stage', async () => {
    const { env, db, api } = setup();
    const [dev] = await seed(db, [
      makeOffer('dev', { title: 'Développeur', organization: 'Agence nationale de la cohésion des territoires' }),
      makeOffer('ux', { title: 'Designer UX', organization: 'DINUM' }),
    ]);
    await api.setStage({ id: dev ?? '', stage: 'applied' });
    renderPopup(env);
    await waitFor(() => expect(rowTitles()).toHaveLength(2));

    fireEvent.input(screen.getByLabelText('Rechercher'), { target: { value: 'COHESION' } });
    await waitFor(() => expect(rowTitles()).toEqual(['Développeur']));

    fireEvent.input(screen.getByLabelText('Rechercher'), { target: { value: 'introuvable' } });
    expect(await screen.findByText('Aucune offre ne correspond à ces filtres.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Effacer les filtres' }));
    await waitFor(() => expect(rowTitles()).toHaveLength(2));

    const stageFilter = screen.getByLabelText('Étape') as HTMLSelectElement;
    expect([...stageFilter.options].map((option) => option.textContent)).toContain('Candidature envoyée (1)');
    fireEvent.change(stageFilter, { target: { value: 'applied' } });
    await waitFor(() => expect(rowTitles()).toEqual(['Développeur']));
  });

  it('renders only a window of a long list', async () => {
    const { env, db } = setup();
    await db.offers.bulkPut(
      await (async () => {
        const { toOfferRow } = await import('../../../lib/offers-repo');
        const { newApplication } = await import('../../../lib/application');
        return Array.from({ length: 2000 }, (_, index) => {
          const page = makeOffer(`bulk-${String(index).padStart(4, '0')}`, { title: `Offre ${index}` });
          return toOfferRow({
            id: page.url,
            page,
            application: newApplication(new Date('2026-03-01T10:00:00Z')),
            changes: [],
            savedAt: '2026-03-01T10:00:00.000Z',
            updatedAt: '2026-03-01T10:00:00.000Z',
          });
        });
      })(),
    );
    renderPopup(env);
    await screen.findByText('2 000 offres', { normalizer: (text) => text.replace(/\s/g, ' ') });
    const list = screen.getByRole('list', { name: 'Mes offres' });
    const rendered = within(list).getAllByRole('listitem');
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(60);
    expect(rendered[0]?.getAttribute('aria-setsize')).toBe('2000');
  });

  it('moves between rows with the arrow keys', async () => {
    const { env, db } = setup();
    await seed(db, [
      makeOffer('a', { title: 'A', closesAt: '2026-03-13' }),
      makeOffer('b', { title: 'B', closesAt: '2026-03-14' }),
    ]);
    renderPopup(env);
    await waitFor(() => expect(rowTitles()).toEqual(['A', 'B']));
    const [first, second] = within(screen.getByRole('list', { name: 'Mes offres' })).getAllByRole('button');
    first?.focus();
    fireEvent.keyDown(first as HTMLElement, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(second);
    fireEvent.keyDown(second as HTMLElement, { key: 'Home' });
    expect(document.activeElement).toBe(first);
  });
});

describe('the current tab', () => {
  it('offers to save a posting read in the tab, then shows its stage', async () => {
    const offer = makeOffer('tab', { title: 'Chef·fe de projet', closesAt: '2026-03-30' });
    const { env, api } = setup({ tab: { isPosting: true, offer, mark: null } });
    renderPopup(env);
    const save = await screen.findByRole('button', { name: "Enregistrer l'offre" });
    await waitFor(() => expect((save as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(save);
    expect(await screen.findByText('Enregistrée — À postuler')).toBeTruthy();
    expect(api.calls.map(([message]) => message)).toContain('saveActiveTab');
    await waitFor(() => expect(rowTitles()).toEqual(['Chef·fe de projet']));
  });

  it('says clearly when the tab cannot be read', async () => {
    const { env } = setup();
    renderPopup(env);
    expect(await screen.findByText(/Cet onglet ne peut pas être lu/)).toBeTruthy();
  });

  it('speaks English when the locale is English', async () => {
    const offer = makeOffer('tab', { title: 'Product manager' });
    const { env } = setup({ locale: 'en', tab: { isPosting: true, offer, mark: null } });
    renderPopup(env);
    expect(await screen.findByRole('button', { name: 'Save offer' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'No saved offers yet' })).toBeTruthy();
  });
});
