import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type RecordEnv, RecordPage } from '../../../components/record/RecordPage';
import type { PostuloDb } from '../../../lib/db';
import { toOfferRow } from '../../../lib/offers-repo';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { saveSettings } from '../../../lib/settings-store';
import { event, savedOffer } from '../backup/builders';
import { freshDb } from '../storage/offer-factory';

const url = (slug: string) => `https://beta.gouv.fr/recrutement/2026/01/01/${slug}`;
// Midday UTC: the same calendar day in any time zone the tests may run in.
const day = (date: string) => `${date}T12:00:00.000Z`;

const OFFERS = [
  savedOffer({
    url: url('sent-in-period'),
    title: 'Développeuse front-end',
    organization: 'DINUM',
    application: {
      history: [
        event('to-apply', day('2026-01-20')),
        event('applied', day('2026-02-03')),
        event('interview', day('2026-02-20')),
      ],
    },
  }),
  savedOffer({
    url: url('sent-before-step-in-period'),
    title: 'Chef de projet',
    organization: 'ANCT',
    application: {
      history: [event('applied', day('2025-11-15')), event('rejected', day('2026-01-10'))],
    },
  }),
  savedOffer({
    url: url('sent-before-nothing-in-period'),
    title: 'Ancienne candidature',
    application: { history: [event('applied', day('2025-10-01'))] },
  }),
  savedOffer({
    url: url('never-sent'),
    title: 'Pas encore envoyée',
    application: { history: [event('to-apply', day('2026-02-01'))] },
  }),
  savedOffer({
    url: url('sent-after'),
    title: 'Envoyée après la période',
    application: { history: [event('applied', day('2026-03-05'))] },
  }),
];

let db: PostuloDb;
beforeEach(async () => {
  fakeBrowser.reset();
  db = freshDb();
  await db.offers.bulkAdd(OFFERS.map(toOfferRow));
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

function renderRecord(search: string, overrides: Partial<RecordEnv> = {}) {
  const env: RecordEnv = {
    db,
    browserLanguage: 'fr-FR',
    now: () => new Date(2026, 2, 12, 10, 0),
    search,
    replaceSearch: vi.fn(),
    print: vi.fn(),
    ...overrides,
  };
  render(<RecordPage env={env} />);
  return env;
}

describe('the job-search record page', () => {
  it('lists the applications of the period only, with their steps and outcome', async () => {
    renderRecord('?from=2026-01-01&to=2026-02-28');
    const table = await screen.findByRole('table', { name: 'Candidatures du 01/01/2026 au 28/02/2026' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').querySelector('.record__role')?.textContent)).toEqual([
      'Chef de projet',
      'Développeuse front-end',
    ]);
    const [rejected, sent] = rows.map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );
    expect(rejected).toEqual([
      '15/11/2025',
      'ANCT',
      '15/11/2025\u00a0: Candidature envoyée10/01/2026\u00a0: Refusée',
      'Refusée le 10/01/2026',
    ]);
    expect(sent).toEqual([
      '03/02/2026',
      'DINUM',
      '03/02/2026\u00a0: Candidature envoyée20/02/2026\u00a0: Entretien',
      'En cours',
    ]);
    expect(screen.getByText('2 candidatures pendant la période')).toBeTruthy();
    expect(screen.queryByText('Ancienne candidature')).toBeNull();
    expect(screen.queryByText('Pas encore envoyée')).toBeNull();
    expect(screen.queryByText('Envoyée après la période')).toBeNull();
  });

  it('shows a step as it stood at the end of the period', async () => {
    renderRecord('?from=2026-02-01&to=2026-02-10');
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(table.textContent).toContain('03/02/2026\u00a0: Candidature envoyée');
    expect(table.textContent).not.toContain('Entretien');
  });

  it('follows a changed period and keeps it in the address', async () => {
    const env = renderRecord('?from=2026-01-01&to=2026-02-28');
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Du'), { target: { value: '2026-03-01' } });
    fireEvent.change(screen.getByLabelText('Au'), { target: { value: '2026-03-31' } });
    const table = await screen.findByRole('table', { name: 'Candidatures du 01/03/2026 au 31/03/2026' });
    expect(table.textContent).toContain('Envoyée après la période');
    expect(env.replaceSearch).toHaveBeenLastCalledWith('?from=2026-03-01&to=2026-03-31');
  });

  it('refuses a period that ends before it starts', async () => {
    renderRecord('?from=2026-01-01&to=2026-02-28');
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Du'), { target: { value: '2026-04-01' } });
    expect((await screen.findByRole('alert')).textContent).toBe('La date de début doit précéder la date de fin.');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says when the period holds nothing', async () => {
    renderRecord('?from=2024-01-01&to=2024-12-31');
    await screen.findByText('Aucune candidature envoyée ni étape notée pendant cette période.');
  });

  it('prints the typed name as text, never stores it, and prints on demand', async () => {
    const env = renderRecord('?from=2026-01-01&to=2026-02-28');
    await screen.findByRole('table');
    fireEvent.input(screen.getByLabelText(/Nom et prénom/), { target: { value: 'Camille Martin' } });
    expect(screen.getByText('Candidat·e : Camille Martin').classList.contains('print-only')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Imprimer / PDF' }));
    expect(env.print).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('Camille');
  });

  it('speaks the language of the settings', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, locale: 'en' });
    renderRecord('?from=2026-01-01&to=2026-02-28');
    const table = await screen.findByRole('table', { name: 'Applications from 01/01/2026 to 28/02/2026' });
    expect(table.textContent).toContain('Rejected on 10/01/2026');
    expect(document.documentElement.lang).toBe('en');
  });
});
