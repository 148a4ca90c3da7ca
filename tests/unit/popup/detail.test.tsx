import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NoAnswerError } from '../../../components/popup/api';
import * as repo from '../../../lib/offers-repo';
import { makeOffer, renderPopup, seed, setup } from './support';

beforeEach(() => window.history.replaceState(null, '', '/popup.html'));
afterEach(cleanup);

async function openFirstRow(title: string) {
  const list = await screen.findByRole('list', { name: 'Mes offres' });
  const row = await within(list).findByRole('button', { name: (name) => name.includes(title) });
  fireEvent.click(row);
  return screen.findByRole('heading', { level: 1, name: title });
}

describe('the detail view', () => {
  it('opens from a row, has its own address, and Escape goes back to the same row', async () => {
    const { env, db } = setup();
    const [id] = await seed(db, [makeOffer('dev', { title: 'Développeuse' })]);
    renderPopup(env);
    const heading = await openFirstRow('Développeuse');
    expect(document.activeElement).toBe(heading);
    expect(new URLSearchParams(window.location.search).get('offer')).toBe(id);

    fireEvent.keyDown(document.body, { key: 'Escape' });
    const list = await screen.findByRole('list', { name: 'Mes offres' });
    expect(window.location.search).toBe('');
    await waitFor(() =>
      expect(document.activeElement).toBe(within(list).getByRole('button', { name: /Développeuse/ })),
    );
  });

  it('opens directly from popup.html?offer=<id>', async () => {
    const { env, db } = setup();
    const [id] = await seed(db, [makeOffer('direct', { title: 'Ouvert directement' })]);
    window.history.replaceState(null, '', `/popup.html?offer=${encodeURIComponent(id ?? '')}`);
    renderPopup(env);
    expect(await screen.findByRole('heading', { level: 1, name: 'Ouvert directement' })).toBeTruthy();
  });

  it('links to the page, the application and the contact, and shows page text as text', async () => {
    const { env, db } = setup();
    await seed(db, [
      makeOffer('links', {
        title: '<img src=x onerror=alert(1)>Intégrateur',
        applyUrl: 'javascript:alert(1)',
        contact: { email: 'rh@anct.gouv.fr', name: 'Élodie', phone: null },
      }),
    ]);
    renderPopup(env);
    await openFirstRow('<img src=x onerror=alert(1)>Intégrateur');
    expect(document.querySelector('img')).toBeNull();
    const page = screen.getByRole('link', { name: /Voir l'offre sur le site/ });
    expect(page.getAttribute('href')).toBe('https://beta.gouv.fr/recrutement/2026/03/01/links');
    expect(page.getAttribute('target')).toBe('_blank');
    expect(page.getAttribute('rel')).toContain('noopener');
    expect(screen.getByRole('link', { name: 'Écrire à rh@anct.gouv.fr' }).getAttribute('href')).toBe(
      'mailto:rh@anct.gouv.fr',
    );
    expect(screen.queryByRole('link', { name: /Postuler/ })).toBeNull();
  });

  it('saves a corrected field, marks it « modifié », and resets it to the page value', async () => {
    const { env, db, api } = setup();
    const [id] = await seed(db, [makeOffer('edit', { title: 'Designer', closesAt: '2026-03-20' })]);
    renderPopup(env);
    await openFirstRow('Designer');

    const closing = screen.getByLabelText('Date de clôture') as HTMLInputElement;
    expect(closing.value).toBe('2026-03-20');
    fireEvent.input(closing, { target: { value: '2026-03-27' } });
    fireEvent.blur(closing);
    await waitFor(() => expect(api.calls).toContainEqual(['editOffer', { id, edits: { closesAt: '2026-03-27' } }]));
    expect(await screen.findByText('modifié')).toBeTruthy();
    expect(screen.getByText('Sur la page : 20/03/2026')).toBeTruthy();
    expect((await db.offers.get(id ?? ''))?.closesAt).toBe('2026-03-27');

    fireEvent.click(screen.getByRole('button', { name: 'Rétablir la valeur de la page pour « Date de clôture »' }));
    await waitFor(() => expect(screen.queryByText('modifié')).toBeNull());
    await waitFor(() =>
      expect((screen.getByLabelText('Date de clôture') as HTMLInputElement).value).toBe('2026-03-20'),
    );
    expect((await db.offers.get(id ?? ''))?.application.edits).toEqual({});
  });

  it('refuses an invalid value in place, without a write', async () => {
    const { env, db, api } = setup();
    await seed(db, [makeOffer('bad', { title: 'Juriste' })]);
    renderPopup(env);
    await openFirstRow('Juriste');
    const email = screen.getByLabelText('Contact : e-mail');
    fireEvent.input(email, { target: { value: 'pas-une-adresse' } });
    fireEvent.blur(email);
    expect(await screen.findByText('Adresse e-mail non valide.')).toBeTruthy();
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(api.calls.some(([message]) => message === 'editOffer')).toBe(false);

    const title = screen.getByLabelText('Poste');
    fireEvent.input(title, { target: { value: '' } });
    fireEvent.keyDown(title, { key: 'Enter' });
    expect(await screen.findByText('Ce champ ne peut pas être vide.')).toBeTruthy();
  });

  it('shows a refused write as an alert', async () => {
    const { env, db, api } = setup();
    await seed(db, [makeOffer('refused', { title: 'Data scientist' })]);
    renderPopup(env);
    await openFirstRow('Data scientist');
    api.refuseNext('setStage', 'setStage: invalid payload at stage');
    fireEvent.click(screen.getByRole('button', { name: 'Passer à « Candidature envoyée »' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("L'opération n'a pas abouti : setStage: invalid payload at stage");
  });

  it('says so when the background does not answer', async () => {
    const { env, db, api } = setup();
    await seed(db, [makeOffer('silent', { title: 'Architecte' })]);
    renderPopup(env);
    await openFirstRow('Architecte');
    api.refuseNext('setStage', new NoAnswerError('no answer after 15000 ms'));
    fireEvent.click(screen.getByRole('button', { name: 'Passer à « Candidature envoyée »' }));
    expect((await screen.findByRole('alert')).textContent).toContain("Postulo n'a pas répondu");
  });

  it('moves through the stages and keeps a dated, editable history', async () => {
    const { env, db, api } = setup();
    const [id] = await seed(db, [makeOffer('stages', { title: 'Product owner' })]);
    renderPopup(env);
    await openFirstRow('Product owner');

    fireEvent.click(screen.getByRole('button', { name: 'Passer à « Candidature envoyée »' }));
    expect(await screen.findByText('Candidature envoyée, depuis le 12/03/2026')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Passer à « Relance faite »' })).toBeTruthy();

    const history = screen.getByLabelText('Date de « Candidature envoyée »') as HTMLInputElement;
    expect(history.value).toBe('2026-03-12');
    fireEvent.input(history, { target: { value: '2026-03-09' } });
    fireEvent.blur(history);
    await waitFor(async () => {
      const event = (await db.offers.get(id ?? ''))?.application.history[1];
      expect(event && new Date(event.at).getDate()).toBe(9);
    });
    expect(api.calls.find(([message]) => message === 'editStageDate')?.[1]).toMatchObject({ id, index: 1 });

    const future = screen.getByLabelText('Date de « À postuler »');
    fireEvent.input(future, { target: { value: '2026-04-01' } });
    fireEvent.blur(future);
    expect(await screen.findByText('Cette date est dans le futur.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText("Changer l'étape"), { target: { value: 'rejected' } });
    fireEvent.click(screen.getByRole('button', { name: 'Valider' }));
    expect(await screen.findByText('Refusée, depuis le 12/03/2026')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Passer à/ })).toBeNull();
    const stages = (await db.offers.get(id ?? ''))?.application.history.map((event) => event.stage);
    expect(stages).toEqual(['to-apply', 'applied', 'rejected']);
  });

  it('deletes with undo: « Annuler » puts the offer back', async () => {
    const { env, db } = setup();
    const [id] = await seed(db, [makeOffer('gone', { title: 'Archiviste' })]);
    await repo.updateNotes(db, id ?? '', { notes: 'à garder' }, new Date());
    renderPopup(env);
    await openFirstRow('Archiviste');
    fireEvent.click(screen.getByRole('button', { name: "Supprimer l'offre" }));

    const undo = await screen.findByRole('button', { name: 'Annuler' });
    expect(undo.closest('.toast')?.textContent).toContain('Offre supprimée');
    expect(await db.offers.get(id ?? '')).toBeUndefined();
    expect(document.activeElement).toBe(undo);

    fireEvent.click(undo);
    await waitFor(async () => expect((await db.offers.get(id ?? ''))?.application.notes).toBe('à garder'));
    const list = await screen.findByRole('list', { name: 'Mes offres' });
    expect(await within(list).findByRole('button', { name: /Archiviste/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Annuler' })).toBeNull();
  });

  it('saves notes when leaving the field and the contact person', async () => {
    const { env, db, api } = setup();
    const [id] = await seed(db, [makeOffer('notes', { title: 'Coach agile' })]);
    renderPopup(env);
    await openFirstRow('Coach agile');
    const notes = screen.getByLabelText('Mes notes');
    fireEvent.input(notes, { target: { value: 'Appeler Hélène' } });
    fireEvent.blur(notes);
    const person = screen.getByLabelText('Personne à contacter');
    fireEvent.input(person, { target: { value: 'Hélène Dupont' } });
    fireEvent.blur(person);
    await waitFor(async () => {
      const application = (await db.offers.get(id ?? ''))?.application;
      expect(application?.notes).toBe('Appeler Hélène');
      expect(application?.contactPerson).toBe('Hélène Dupont');
    });
    expect(api.calls.filter(([message]) => message === 'updateNotes')).toHaveLength(2);
  });

  it('adds and removes a reminder', async () => {
    const { env, db } = setup();
    const [id] = await seed(db, [makeOffer('remind', { title: 'Développeur mobile' })]);
    renderPopup(env);
    await openFirstRow('Développeur mobile');
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter le rappel' }));
    expect(await screen.findByText('Indiquez le texte du rappel.')).toBeTruthy();

    fireEvent.input(screen.getByLabelText('Texte du rappel'), { target: { value: "Préparer l'entretien" } });
    fireEvent.input(screen.getByLabelText('Date'), { target: { value: '2026-03-16' } });
    fireEvent.input(screen.getByLabelText('Heure'), { target: { value: '14:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter le rappel' }));
    const reminders = await screen.findByRole('region', { name: 'Rappels' });
    await waitFor(() =>
      expect(within(reminders).getByRole('listitem').textContent).toContain("16/03/2026 14:30 — Préparer l'entretien"),
    );
    const saved = (await db.offers.get(id ?? ''))?.application.reminders[0];
    expect(saved && new Date(saved.at).getHours()).toBe(14);

    fireEvent.click(screen.getByRole('button', { name: "Supprimer le rappel « Préparer l'entretien »" }));
    expect(await screen.findByText('Aucun rappel pour cette offre.')).toBeTruthy();
  });

  it('shows the changes noticed on a re-visit', async () => {
    const { env, db } = setup();
    const offer = makeOffer('moved', { title: 'Chargé de mission', closesAt: '2026-03-20' });
    await seed(db, [offer]);
    await repo.saveOffer(db, { ...offer, closesAt: '2026-03-31', status: 'filled' }, new Date(2026, 2, 11, 9));
    renderPopup(env);
    await openFirstRow('Chargé de mission');
    const changes = screen.getByRole('region', { name: 'Changements constatés sur la page' });
    expect(changes.textContent).toContain('Poste pourvu le 11/03/2026');
    expect(changes.textContent).toContain('Date de clôture déplacée du 20/03/2026 au 31/03/2026');
  });
});
