import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { loadSettings, saveSettings } from '../../../lib/settings-store';
import { backupText, event, reminder, savedOffer } from '../backup/builders';
import { type OptionsWorld, optionsWorld, pickFile, renderOptions, snapshot } from './support';

const HERE = savedOffer({ url: 'https://beta.gouv.fr/recrutement/2026/02/01/ici', title: 'Offre d’ici' });
const THERE = savedOffer({
  url: 'https://beta.gouv.fr/recrutement/2026/03/01/la-bas',
  title: 'Offre du fichier',
  application: {
    history: [event('to-apply', '2026-03-01T09:00:00.000Z'), event('applied', '2026-03-04T09:00:00.000Z')],
  },
});

let world: OptionsWorld;
afterEach(async () => {
  cleanup();
  await world?.db.delete();
});

async function open(...args: Parameters<typeof optionsWorld>) {
  world = await optionsWorld(...args);
  renderOptions(world.env);
  // Settings loaded, and the counts of what is stored read from the database.
  await screen.findByText(/^(Enregistré dans ce navigateur|Stored in this browser)/);
  return world;
}

function backupFile(text: string, name = 'postulo-sauvegarde.json') {
  return new File([text], name, { type: 'application/json' });
}

describe('settings', () => {
  it('saves each change, validated, and says « Enregistré » beside it', async () => {
    await open();
    fireEvent.click(screen.getByLabelText(/Me proposer de relancer/));
    await waitFor(async () => expect((await loadSettings()).followUp.enabled).toBe(false));
    const followUp = screen.getByRole('group', { name: 'Relance après une candidature' });
    await waitFor(() => expect(within(followUp).getByRole('status').textContent).toBe('Enregistré'));
    // Only the part that changed says so.
    const deadline = screen.getByRole('group', { name: 'Avant la date limite de candidature' });
    expect(within(deadline).getAllByRole('status')[0]?.textContent).toBe('');

    fireEvent.change(screen.getByLabelText('Nombre de jours après l’envoi'), { target: { value: '14' } });
    fireEvent.change(screen.getByLabelText('Heure des rappels'), { target: { value: '07:30' } });
    fireEvent.click(screen.getByLabelText(/Pas de notification pendant les heures calmes/));
    fireEvent.change(screen.getByLabelText('De'), { target: { value: '22:15' } });
    await waitFor(async () =>
      expect(await loadSettings()).toEqual({
        ...DEFAULT_SETTINGS,
        deadlineReminders: { ...DEFAULT_SETTINGS.deadlineReminders, at: '07:30' },
        followUp: { enabled: false, afterDays: 14 },
        quietHours: { enabled: true, from: '22:15', to: '08:00' },
      }),
    );
  });

  it('refuses an invalid value with a reason, and stores nothing', async () => {
    await open();
    const days = screen.getByLabelText('Nombre de jours après l’envoi');
    fireEvent.change(days, { target: { value: '0' } });
    expect((await screen.findByRole('alert')).textContent).toBe('Indiquez un nombre entier de jours entre 1 et 90.');
    expect(days.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(screen.getByLabelText('À'), { target: { value: '' } });
    await screen.findByText('Indiquez une heure au format HH:MM (par exemple 09:00).');
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('adds and removes reminder days as chips, furthest first, refusing duplicates', async () => {
    await open();
    const add = screen.getByLabelText(/Ajouter un rappel, en jours avant la clôture/);
    fireEvent.input(add, { target: { value: '14' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter' }));
    await waitFor(async () => expect((await loadSettings()).deadlineReminders.daysBefore).toEqual([14, 7, 2, 0]));
    expect(screen.getByRole('button', { name: 'Retirer le rappel : 14 jours avant' })).toBeTruthy();

    fireEvent.input(add, { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Ce rappel est déjà dans la liste.');

    fireEvent.click(screen.getByRole('button', { name: 'Retirer le rappel : le jour même' }));
    await waitFor(async () => expect((await loadSettings()).deadlineReminders.daysBefore).toEqual([14, 7, 2]));
    expect(screen.queryByRole('button', { name: 'Retirer le rappel : le jour même' })).toBeNull();
  });

  it('switches the page to English at once, and follows settings changed elsewhere', async () => {
    await open();
    fireEvent.click(screen.getByLabelText('English'));
    await screen.findByRole('heading', { level: 1, name: 'Postulo settings' });
    expect(document.documentElement.lang).toBe('en');
    expect((await loadSettings()).locale).toBe('en');

    await saveSettings({ ...DEFAULT_SETTINGS, locale: 'fr', followUp: { enabled: true, afterDays: 21 } });
    await screen.findByRole('heading', { level: 1, name: 'Réglages de Postulo' });
    await waitFor(() =>
      expect((screen.getByLabelText('Nombre de jours après l’envoi') as HTMLInputElement).value).toBe('21'),
    );
  });

  it('follows an English browser when set to automatic', async () => {
    await open([], [], 'en-GB');
    expect(screen.getByLabelText('Automatic (the browser’s: English)')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('backup and restore', () => {
  it('exports every offer, reminder and the settings as a dated JSON file', async () => {
    await open([HERE], [reminder({ offerId: HERE.id })]);
    fireEvent.click(screen.getByRole('button', { name: 'Exporter une sauvegarde' }));
    await screen.findByText(/Fichier « postulo-sauvegarde-2026-03-12.json » créé/);
    const [file] = world.downloads;
    expect(file?.type).toBe('application/json');
    const backup = JSON.parse(file?.text ?? '');
    expect(backup.offers.map((offer: { id: string }) => offer.id)).toEqual([HERE.id]);
    expect(backup.reminders).toHaveLength(1);
    expect(backup.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('shows where and why a bad file is refused, and changes nothing', async () => {
    await open([HERE]);
    const before = await snapshot(world.db);
    const broken = { ...THERE, page: { ...THERE.page, url: 'pas une adresse' } };
    pickFile(screen.getByLabelText('Fichier de sauvegarde Postulo (.json)'), backupFile(backupText([HERE, broken])));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Cette sauvegarde ne peut pas être restaurée. Rien n’a été modifié.');
    expect(alert.textContent).toContain('Où : offre n° 2 (« Offre du fichier »), champ page.url');
    expect(alert.textContent).toContain('Pourquoi : une valeur du fichier n’est pas valable');
    expect(screen.queryByRole('button', { name: 'Restaurer' })).toBeNull();
    expect(world.api.calls).toEqual([]);
    expect(await snapshot(world.db)).toEqual(before);
  });

  it.each([
    ['not JSON', '{ "format": ', 'le fichier n’est pas au format JSON'],
    ['another JSON file', '{"name":"package"}', 'ce fichier n’est pas une sauvegarde Postulo'],
    ['a newer version', '{"format":"postulo-backup","version":99}', 'version plus récente de Postulo'],
  ])('explains %s', async (_case, text, why) => {
    await open();
    pickFile(screen.getByLabelText('Fichier de sauvegarde Postulo (.json)'), backupFile(text));
    expect((await screen.findByRole('alert')).textContent).toContain(why);
  });

  it('merges without asking: the offers here stay, the file’s join them', async () => {
    await open([HERE]);
    pickFile(screen.getByLabelText('Fichier de sauvegarde Postulo (.json)'), backupFile(backupText([THERE])));
    await screen.findByText(/^Sauvegarde du 10\/03\/2026 \d\d:00 : 1 offre et 0 rappel\.$/);
    expect((screen.getByLabelText('Fusionner') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Restaurer' }));
    await screen.findByText('Sauvegarde fusionnée : 1 offre ajoutée, 0 mise à jour, 1 inchangée ; 0 rappel restauré.');
    expect(world.api.calls).toEqual([['restoreBackup', { text: backupText([THERE]), mode: 'merge' }]]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((await world.db.offers.toArray()).map((row) => row.id).sort()).toEqual([HERE.id, THERE.id].sort());
  });

  it('asks before replacing; « Annuler » changes nothing, « Oui, remplacer » replaces', async () => {
    await open([HERE]);
    const before = await snapshot(world.db);
    pickFile(screen.getByLabelText('Fichier de sauvegarde Postulo (.json)'), backupFile(backupText([THERE])));
    fireEvent.click(await screen.findByLabelText('Remplacer'));
    fireEvent.click(screen.getByRole('button', { name: 'Restaurer' }));

    const dialog = await screen.findByRole('dialog', { name: 'Remplacer toutes vos données ?' });
    expect(dialog.textContent).toContain(
      'Tout ce qui est enregistré ici (1 offre) sera effacé et remplacé par le contenu du fichier (1 offre).',
    );
    expect(document.activeElement?.textContent).toBe('Annuler');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(world.api.calls).toEqual([]);
    expect(await snapshot(world.db)).toEqual(before);

    fireEvent.click(screen.getByRole('button', { name: 'Restaurer' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Oui, remplacer' }));
    await screen.findByText(
      /Sauvegarde restaurée : vos données sont maintenant celles du fichier \(1 offre, 0 rappel\)/,
    );
    expect(world.api.calls).toEqual([['restoreBackup', { text: backupText([THERE]), mode: 'replace' }]]);
    expect((await world.db.offers.toArray()).map((row) => row.id)).toEqual([THERE.id]);
    // The file's settings came with it, and the page follows them (English, from the builder's file).
    await screen.findByRole('heading', { level: 1, name: 'Postulo settings' });
  });

  it('shows the background’s refusal the same way', async () => {
    await open([HERE]);
    world.env.api.restoreBackup = async () => ({
      ok: false,
      code: 'conflict',
      path: 'offers[0]',
      message: 'offers[0]: merged with the offer already saved, application.notes: too long',
    });
    pickFile(screen.getByLabelText('Fichier de sauvegarde Postulo (.json)'), backupFile(backupText([THERE])));
    fireEvent.click(await screen.findByRole('button', { name: 'Restaurer' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Où : offre n° 1 (« Offre du fichier »)');
    expect(alert.textContent).toContain('ne peut pas être fusionnée');
    expect(alert.textContent).toContain('merged with the offer already saved, application.notes: too long');
  });
});

describe('exports', () => {
  it('exports CSV with the separator chosen (saved in the settings)', async () => {
    await open([HERE]);
    fireEvent.click(screen.getByRole('button', { name: 'Exporter en CSV' }));
    await waitFor(() => expect(world.downloads).toHaveLength(1));
    expect(world.downloads[0]?.name).toBe('postulo-candidatures-2026-03-12.csv');
    expect(world.downloads[0]?.text.split('\r\n')[0]).toMatch(/^\uFEFFIntitulé du poste;Employeur;/);

    fireEvent.click(screen.getByLabelText('virgule (autres tableurs)'));
    await waitFor(async () => expect((await loadSettings()).csvSeparator).toBe(','));
    fireEvent.click(screen.getByRole('button', { name: 'Exporter en CSV' }));
    await waitFor(() => expect(world.downloads).toHaveLength(2));
    expect(world.downloads[1]?.text.split('\r\n')[0]).toMatch(/^\uFEFFIntitulé du poste,Employeur,/);
  });

  it('exports the calendar of all offers', async () => {
    const closing = savedOffer({ url: HERE.id, title: 'Offre d’ici', closesAt: '2026-03-20' });
    await open([closing]);
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter à mon agenda (.ics)' }));
    await waitFor(() => expect(world.downloads).toHaveLength(1));
    expect(world.downloads[0]?.name).toBe('postulo-agenda.ics');
    expect(world.downloads[0]?.text).toContain('DTSTART;VALUE=DATE:20260320');
  });

  it('links to the record page for the period chosen, the last three months by default', async () => {
    await open();
    const link = screen.getByRole('link', { name: /Ouvrir le relevé/ });
    expect(link.getAttribute('href')).toBe('record.html?from=2025-12-12&to=2026-03-12');
    expect(link.getAttribute('target')).toBe('_blank');
    fireEvent.change(screen.getByLabelText('Du'), { target: { value: '2026-04-01' } });
    expect((await screen.findByRole('alert')).textContent).toBe('La date de début doit précéder la date de fin.');
    expect(screen.queryByRole('link', { name: /Ouvrir le relevé/ })).toBeNull();
  });
});

describe('delete all my data', () => {
  it('asks to type SUPPRIMER first, then erases everything', async () => {
    await open([HERE, THERE], [reminder({ offerId: HERE.id })]);
    await fakeBrowserSettings({ followUp: { enabled: true, afterDays: 30 } });
    const before = await snapshot(world.db);
    fireEvent.click(screen.getByRole('button', { name: 'Supprimer toutes mes données' }));
    const dialog = await screen.findByRole('dialog', { name: 'Supprimer toutes vos données ?' });
    expect(dialog.textContent).toContain(
      'Tout ce qui est enregistré dans ce navigateur (2 offres et 1 rappel) sera effacé.',
    );
    const word = within(dialog).getByLabelText('Pour confirmer, tapez SUPPRIMER');
    expect(document.activeElement).toBe(word);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Supprimer définitivement' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Tapez exactement SUPPRIMER pour confirmer.');
    fireEvent.input(word, { target: { value: 'supprime' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Supprimer définitivement' }));
    await within(dialog).findByRole('alert');
    expect(world.api.calls).toEqual([]);
    expect(await snapshot(world.db)).toEqual(before);

    fireEvent.input(word, { target: { value: 'supprimer ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Supprimer définitivement' }));
    await screen.findByText('Toutes vos données ont été supprimées.');
    expect(world.api.calls).toEqual([['deleteAllData', { confirm: 'delete-all' }]]);
    expect(await snapshot(world.db)).toEqual({ offers: [], reminders: [] });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    await screen.findByText('Enregistré dans ce navigateur : 0 offre et 0 rappel.');
  });

  it('« Annuler » closes the question and deletes nothing', async () => {
    await open([HERE]);
    const opener = screen.getByRole('button', { name: 'Supprimer toutes mes données' });
    opener.focus();
    fireEvent.click(opener);
    const dialog = await screen.findByRole('dialog', { name: 'Supprimer toutes vos données ?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(world.api.calls).toEqual([]);
    expect(await world.db.offers.count()).toBe(1);
    expect(document.activeElement).toBe(opener);
  });
});

async function fakeBrowserSettings(change: Partial<typeof DEFAULT_SETTINGS>) {
  await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, ...change } });
}
