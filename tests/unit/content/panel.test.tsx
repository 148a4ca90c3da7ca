import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Panel, type PanelActions } from '../../../components/panel/Panel';
import type { OfferMark } from '../../../lib/messaging';
import { emptyOfferFields, type Offer } from '../../../lib/offer';
import { userClick } from '../../support/events';

const URL_OF_OFFER = 'https://incubateur.anct.gouv.fr/recrutements/equipe-designer-0a1b2c3d';

function offer(fields: Partial<Offer> = {}): Offer {
  return {
    ...emptyOfferFields('Designer de services'),
    organization: 'Équipe Alpha',
    contract: 'freelance',
    contractRaw: 'indépendant/freelance',
    closesAt: '2026-03-12',
    contact: { email: 'equipe@anct.gouv.fr', name: null, phone: null },
    status: 'open',
    applyUrl: 'https://airtable.com/embed/shr5005?prefill_Poste=Designer',
    url: URL_OF_OFFER,
    source: 'incubateur.anct.gouv.fr',
    provenance: {},
    ...fields,
  };
}

const savedMark: OfferMark = { id: URL_OF_OFFER, stage: 'to-apply', stageAt: '2026-03-09T11:00:00.000Z' };

function actions(overrides: Partial<PanelActions> = {}): PanelActions {
  return {
    lookup: vi.fn(async () => null),
    save: vi.fn(async () => savedMark),
    refresh: vi.fn(async () => ({ mark: savedMark, changes: [] })),
    open: vi.fn(async () => {}),
    ...overrides,
  };
}

const now = new Date(2026, 2, 9, 12, 0);

afterEach(cleanup);

describe('Panel', () => {
  it('shows what was read, in French', () => {
    render(<Panel offer={offer()} locale="fr" now={now} actions={actions()} onClose={() => {}} />);
    expect(screen.getByRole('region', { name: 'Postulo : offre lue sur cette page' })).toBeTruthy();
    expect(screen.getByText('Designer de services')).toBeTruthy();
    expect(screen.getByText('Équipe Alpha')).toBeTruthy();
    expect(screen.getByText('indépendant/freelance (indépendant)')).toBeTruthy();
    expect(screen.getByText('12/03/2026 · clôture dans 3 j')).toBeTruthy();
    expect(screen.getByText('Ouverte')).toBeTruthy();
    const mail = screen.getByRole('link', { name: 'equipe@anct.gouv.fr' });
    expect(mail.getAttribute('href')).toBe('mailto:equipe@anct.gouv.fr');
    const apply = screen.getByRole('link', { name: /Postuler/ });
    expect(apply.getAttribute('href')).toBe('https://airtable.com/embed/shr5005?prefill_Poste=Designer');
    expect(apply.getAttribute('rel')).toContain('noopener');
    expect(document.querySelector('[lang="fr"]')).toBeTruthy();
  });

  it('says what it could not read instead of leaving holes', () => {
    const bare = offer({ contract: null, contractRaw: null, closesAt: null, contact: null, applyUrl: null });
    render(<Panel offer={bare} locale="fr" now={now} actions={actions()} onClose={() => {}} />);
    expect(screen.getAllByText('non indiqué')).toHaveLength(3);
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('renders page values as text, and no link to a dangerous or invalid target', () => {
    const hostile = offer({
      title: '<img src=x onerror="alert(1)">Poste',
      organization: '<b>Équipe</b>',
      applyUrl: 'javascript:alert(1)',
      contact: { email: 'x@y.fr"><script>', name: null, phone: null },
    });
    const { container } = render(
      <Panel offer={hostile} locale="fr" now={now} actions={actions()} onClose={() => {}} />,
    );
    expect(screen.getByText('<img src=x onerror="alert(1)">Poste')).toBeTruthy();
    expect(screen.getByText('<b>Équipe</b>')).toBeTruthy();
    expect(container.querySelector('img, b, script')).toBeNull();
    expect(container.querySelector('a[href^="javascript"], a[href^="mailto"]')).toBeNull();
  });

  it('saves the offer and then shows the stage and a way to open it', async () => {
    const panelActions = actions();
    render(<Panel offer={offer()} locale="fr" now={now} actions={panelActions} onClose={() => {}} />);
    userClick(screen.getByRole('button', { name: "Enregistrer l'offre" }));
    expect(panelActions.save).toHaveBeenCalledWith(offer());
    const open = await screen.findByRole('button', { name: 'Voir dans Postulo' });
    expect(screen.getByText('Enregistrée')).toBeTruthy();
    expect(screen.queryByRole('button', { name: "Enregistrer l'offre" })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(open));
    userClick(open);
    expect(panelActions.open).toHaveBeenCalledWith(URL_OF_OFFER);
  });

  it('says when saving failed and lets the candidate try again', async () => {
    const save = vi.fn<PanelActions['save']>().mockRejectedValueOnce(new Error('no background'));
    save.mockResolvedValueOnce(savedMark);
    render(<Panel offer={offer()} locale="fr" now={now} actions={actions({ save })} onClose={() => {}} />);
    userClick(screen.getByRole('button', { name: "Enregistrer l'offre" }));
    expect((await screen.findByRole('alert')).textContent).toContain("n'a pas pu être enregistrée");
    userClick(screen.getByRole('button', { name: "Enregistrer l'offre" }));
    expect(await screen.findByText('Enregistrée')).toBeTruthy();
  });

  it('shows an offer saved earlier with its stage and date', async () => {
    const applied: OfferMark = { ...savedMark, stage: 'applied', stageAt: new Date(2026, 2, 12, 9).toISOString() };
    const lookup = vi.fn(async () => applied);
    render(<Panel offer={offer()} locale="fr" now={now} actions={actions({ lookup })} onClose={() => {}} />);
    expect(await screen.findByText('Candidature envoyée le 12/03/2026')).toBeTruthy();
    expect(lookup).toHaveBeenCalledWith(URL_OF_OFFER);
    expect(screen.queryByRole('button', { name: "Enregistrer l'offre" })).toBeNull();
  });

  it('refreshes an offer saved earlier and says what changed since the last visit', async () => {
    const applied: OfferMark = { ...savedMark, stage: 'applied', stageAt: new Date(2026, 2, 12, 9).toISOString() };
    const at = '2026-03-13T10:00:00.000Z';
    const refresh = vi.fn(async () => ({
      mark: applied,
      changes: [
        { at, field: 'status' as const, from: 'open', to: 'filled' },
        { at, field: 'closesAt' as const, from: '2026-03-12', to: '2026-03-20' },
      ],
    }));
    const read = offer({ status: 'filled' });
    render(
      <Panel
        offer={read}
        locale="fr"
        now={now}
        actions={actions({ lookup: async () => applied, refresh })}
        onClose={() => {}}
      />,
    );
    expect(await screen.findByText('le poste a été pourvu')).toBeTruthy();
    expect(screen.getByText('date de clôture déplacée du 12/03/2026 au 20/03/2026')).toBeTruthy();
    expect(refresh).toHaveBeenCalledWith(read);
  });

  it('does not write anything for an offer that is not saved', async () => {
    const panelActions = actions();
    render(<Panel offer={offer()} locale="fr" now={now} actions={panelActions} onClose={() => {}} />);
    await waitFor(() => expect(panelActions.lookup).toHaveBeenCalled());
    expect(panelActions.refresh).not.toHaveBeenCalled();
    expect(panelActions.save).not.toHaveBeenCalled();
  });

  it('still shows the reading when the background does not answer', async () => {
    const lookup = vi.fn(async () => {
      throw new Error('Could not establish connection');
    });
    render(<Panel offer={offer()} locale="fr" now={now} actions={actions({ lookup })} onClose={() => {}} />);
    await waitFor(() => expect(lookup).toHaveBeenCalled());
    expect(screen.getByText('Designer de services')).toBeTruthy();
    expect(screen.getByRole('button', { name: "Enregistrer l'offre" })).toBeTruthy();
  });

  it('speaks English when asked', () => {
    render(<Panel offer={offer()} locale="en" now={now} actions={actions()} onClose={() => {}} />);
    expect(screen.getByRole('button', { name: 'Save offer' })).toBeTruthy();
    expect(screen.getByText('Open')).toBeTruthy();
    expect(document.querySelector('[lang="en"]')).toBeTruthy();
  });

  it('collapses (also with Escape), expands, and closes', async () => {
    const onClose = vi.fn();
    render(<Panel offer={offer()} locale="fr" now={now} actions={actions()} onClose={onClose} />);
    fireEvent.click(screen.getByRole('button', { name: 'Réduire le panneau Postulo' }));
    const expand = screen.getByRole('button', { name: 'Ouvrir le panneau Postulo' });
    expect(expand.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText('Designer de services')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(expand));

    fireEvent.click(expand);
    expect(screen.getByText('Designer de services')).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('button', { name: "Enregistrer l'offre" }), { key: 'Escape' });
    expect(screen.getByRole('button', { name: 'Ouvrir le panneau Postulo' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Ouvrir le panneau Postulo' }));
    fireEvent.click(screen.getByRole('button', { name: 'Fermer le panneau Postulo' }));
    expect(onClose).toHaveBeenCalledOnce();
  });
});
