/**
 * « À faire » in the popup: what it lists (due reminders from the reminders table, offers closing
 * soon — as many as the badge counts), the action of each item through the api, and
 * « Ajouter à mon agenda » in the detail. The reminders table is filled by the real reconcile, as
 * the background does after each write.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PopupEnv } from '../../../components/popup/context';
import { Popup } from '../../../components/popup/Popup';
import { TodoSection } from '../../../components/popup/TodoSection';
import { readTodoRows, todoEntries } from '../../../components/popup/todoItems';
import type { PostuloDb } from '../../../lib/db';
import { calendarFileName } from '../../../lib/export/ics';
import type { Offer } from '../../../lib/offer';
import * as repo from '../../../lib/offers-repo';
import { badgeCount, localTimeZone } from '../../../lib/reminders';
import { syncReminderTable } from '../../../lib/reminders/reconcile';
import { addDays, localDate } from '../../../lib/reminders/zoned-time';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { makeOffer, setup } from './support';

/** The popup's clock: 12 March 2026, 10:00 local (support.tsx). */
const NOW = new Date(2026, 2, 12, 10, 0);
const zone = localTimeZone();
const today = localDate(NOW.getTime(), zone);
const daysAgo = (days: number, hour = 8) => new Date(2026, 2, 12 - days, hour, 0);

beforeEach(() => window.history.replaceState(null, '', '/popup.html'));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function renderWithTodo(env: PopupEnv) {
  return render(<Popup env={env} todo={<TodoSection />} />);
}

/** Saves an offer at `savedAt`, as the background does. */
async function save(db: PostuloDb, offer: Offer, savedAt: Date): Promise<string> {
  return (await repo.saveOffer(db, offer, savedAt)).mark.id;
}

/** What the background does after every write. */
async function reconcile(db: PostuloDb): Promise<void> {
  await syncReminderTable(db, DEFAULT_SETTINGS, NOW.getTime(), zone);
}

function todoSection() {
  return screen.findByRole('region', { name: /^À faire/ });
}

function itemOf(section: HTMLElement, title: string): HTMLElement {
  const item = within(section)
    .getAllByRole('listitem')
    .find((element) => within(element).queryByRole('button', { name: title }));
  if (!item) throw new Error(`no « À faire » item for ${title}`);
  return item;
}

/** Four things to do, one of each sort, and one offer with nothing due. */
async function seedEverything(db: PostuloDb) {
  // Saved a week ago, closes in two days: the « 2 jours » reminder fell due this morning at 09:00.
  const deadline = await save(
    db,
    makeOffer('deadline', { title: 'Développeuse', organization: 'ANCT', closesAt: addDays(today, 2) }),
    daysAgo(7),
  );
  // Saved this morning after 09:00, closes tomorrow: no reminder is due, the badge still counts it.
  const soon = await save(db, makeOffer('soon', { title: 'Designer', closesAt: addDays(today, 1) }), daysAgo(0, 9.5));
  // Applied eleven days ago, with a contact: the follow-up fell due.
  const followUp = await save(
    db,
    makeOffer('follow', {
      title: 'Product manager',
      contact: { email: 'rh@anct.gouv.fr', name: null, phone: null },
    }),
    daysAgo(12),
  );
  await repo.setStage(db, followUp, { stage: 'applied', at: daysAgo(11).toISOString() }, daysAgo(11));
  // The candidate's own reminder, half an hour ago.
  const custom = await save(db, makeOffer('custom', { title: 'Data scientist' }), daysAgo(3));
  const reminder = await repo.addReminder(
    db,
    custom,
    { at: new Date(2026, 2, 12, 9, 30).toISOString(), label: "Préparer l'entretien" },
    daysAgo(3),
  );
  // Nothing due: closes in a month.
  await save(db, makeOffer('later', { title: 'Ops', closesAt: addDays(today, 30) }), daysAgo(1));
  await reconcile(db);
  return { deadline, soon, followUp, custom, customReminderId: reminder.id };
}

describe('what « À faire » lists', () => {
  it('every due reminder and every offer closing soon: as many items as the badge counts', async () => {
    const { db } = setup({ now: NOW });
    await seedEverything(db);
    const { offers, reminders } = await readTodoRows(db, NOW.getTime(), zone);
    const entries = todoEntries(offers, reminders, NOW.getTime(), zone);

    expect(entries.map((entry) => [entry.kind, entry.title])).toEqual([
      ['follow-up', 'Product manager'],
      ['deadline', 'Développeuse'],
      ['custom', 'Data scientist'],
      ['deadline', 'Designer'],
    ]);
    const all = await db.offers.toArray();
    const allReminders = await db.reminders.toArray();
    expect(entries).toHaveLength(badgeCount(all, allReminders, NOW.getTime(), zone));
  });

  it('shows each item with what is due, its date and its action', async () => {
    const { env, db } = setup({ now: NOW });
    await seedEverything(db);
    renderWithTodo(env);
    const section = await todoSection();
    await waitFor(() => expect(within(section).getAllByRole('listitem')).toHaveLength(4));

    const deadline = itemOf(section, 'Développeuse');
    expect(deadline.textContent).toContain('Clôture dans 2 jours');
    expect(within(deadline).getByRole('button', { name: 'Marquer comme envoyée — Développeuse' })).toBeTruthy();
    expect(itemOf(section, 'Designer').textContent).toContain('Clôture demain');

    const followUp = itemOf(section, 'Product manager');
    expect(followUp.textContent).toContain('Pensez à relancer');
    expect(followUp.textContent).toContain('candidature envoyée le 01/03/2026');
    const mail = within(followUp).getByRole('link', { name: 'Écrire la relance — Product manager' });
    expect(mail.getAttribute('href')).toBe(
      `mailto:rh@anct.gouv.fr?subject=${encodeURIComponent('Relance : Product manager')}`,
    );

    const custom = itemOf(section, 'Data scientist');
    expect(custom.textContent).toContain("Préparer l'entretien");
    expect(custom.textContent).toContain('prévu le 12/03/2026 à 09:30');
  });

  it('shows nothing when nothing is due', async () => {
    const { env, db } = setup({ now: NOW });
    await save(db, makeOffer('later', { title: 'Ops', closesAt: addDays(today, 30) }), daysAgo(1));
    await reconcile(db);
    renderWithTodo(env);
    await screen.findByRole('list', { name: 'Mes offres' });
    expect(screen.queryByRole('region', { name: /^À faire/ })).toBeNull();
  });

  it('speaks English when the popup does', async () => {
    const { env, db } = setup({ now: NOW, locale: 'en' });
    await seedEverything(db);
    renderWithTodo(env);
    const section = await screen.findByRole('region', { name: /^To do/ });
    await waitFor(() => expect(within(section).getAllByRole('listitem')).toHaveLength(4));
    expect(itemOf(section, 'Développeuse').textContent).toContain('Closes in 2 days');
    expect(within(itemOf(section, 'Product manager')).getByRole('button', { name: /^Followed up/ })).toBeTruthy();
  });

  it('keeps a follow-up link only for a plain e-mail address', () => {
    const offer = {
      ...makeSavedApplied(),
      page: {
        ...makeSavedApplied().page,
        contact: { email: 'rh@anct.gouv.fr?bcc=x@evil.example', name: null, phone: null },
      },
    };
    const reminders = [
      {
        id: `${offer.id}#follow-up-1`,
        offerId: offer.id,
        kind: 'follow-up' as const,
        dueAt: NOW.getTime() - 1,
        shownAt: null,
        label: null,
      },
    ];
    const [entry] = todoEntries([offer], reminders, NOW.getTime(), zone);
    expect(entry?.kind).toBe('follow-up');
    expect(entry?.mailto).toBeNull();
  });
});

/** A saved record at « Candidature envoyée », built directly (no schema check: the test bends it). */
function makeSavedApplied() {
  const offer = makeOffer('bent', { title: 'Bent' });
  return {
    id: offer.url,
    page: offer,
    application: {
      stage: 'applied' as const,
      history: [
        { stage: 'to-apply' as const, at: daysAgo(12).toISOString() },
        { stage: 'applied' as const, at: daysAgo(11).toISOString() },
      ],
      notes: '',
      contactPerson: null,
      edits: {},
      reminders: [],
    },
    changes: [],
    savedAt: daysAgo(12).toISOString(),
    updatedAt: daysAgo(11).toISOString(),
  };
}

describe('acting on an item', () => {
  it('« Marquer comme envoyée » moves the offer to « Candidature envoyée »; closing soon, it stays listed as such', async () => {
    const { env, db, api } = setup({ now: NOW });
    const { deadline } = await seedEverything(db);
    renderWithTodo(env);
    const section = await todoSection();
    await waitFor(() => expect(within(section).getAllByRole('listitem')).toHaveLength(4));
    fireEvent.click(within(itemOf(section, 'Développeuse')).getByRole('button', { name: /^Marquer comme envoyée/ }));

    await waitFor(() =>
      expect(within(itemOf(section, 'Développeuse')).queryByRole('button', { name: /^Marquer/ })).toBeNull(),
    );
    expect(api.calls).toContainEqual(['setStage', { id: deadline, stage: 'applied' }]);
    expect((await db.offers.get(deadline))?.stage).toBe('applied');
    // The badge still counts an offer closing in two days: the item says where it stands.
    expect(itemOf(section, 'Développeuse').textContent).toContain('Candidature envoyée');
    expect(within(section).getAllByRole('listitem')).toHaveLength(4);
  });

  it('« Relance faite » moves the offer to « Relance faite »', async () => {
    const { env, db, api } = setup({ now: NOW });
    const { followUp } = await seedEverything(db);
    renderWithTodo(env);
    const section = await todoSection();
    await waitFor(() => expect(within(section).getAllByRole('listitem')).toHaveLength(4));
    fireEvent.click(within(itemOf(section, 'Product manager')).getByRole('button', { name: /^Relance faite/ }));

    await waitFor(() => expect(within(section).getAllByRole('listitem')).toHaveLength(3));
    expect(api.calls).toContainEqual(['setStage', { id: followUp, stage: 'followed-up' }]);
  });

  it("« C'est fait » removes the candidate's own reminder", async () => {
    const { env, db, api } = setup({ now: NOW });
    const { custom, customReminderId } = await seedEverything(db);
    renderWithTodo(env);
    const section = await todoSection();
    await waitFor(() => expect(within(section).getAllByRole('listitem')).toHaveLength(4));
    fireEvent.click(within(itemOf(section, 'Data scientist')).getByRole('button', { name: /^C'est fait/ }));

    await waitFor(() =>
      expect(api.calls).toContainEqual(['removeReminder', { offerId: custom, reminderId: customReminderId }]),
    );
    await reconcile(db);
    await waitFor(() => expect(within(section).getAllByRole('listitem')).toHaveLength(3));
  });

  it('a refused action is reported and the item stays', async () => {
    const { env, db, api } = setup({ now: NOW });
    await seedEverything(db);
    api.refuseNext('setStage', 'offre introuvable');
    renderWithTodo(env);
    const section = await todoSection();
    await waitFor(() => expect(within(section).getAllByRole('listitem')).toHaveLength(4));
    fireEvent.click(within(itemOf(section, 'Développeuse')).getByRole('button', { name: /^Marquer comme envoyée/ }));

    expect((await screen.findByRole('alert')).textContent).toContain('offre introuvable');
    expect(within(section).getAllByRole('listitem')).toHaveLength(4);
  });

  it("the offer's title opens its detail", async () => {
    const { env, db } = setup({ now: NOW });
    const { deadline } = await seedEverything(db);
    renderWithTodo(env);
    const section = await todoSection();
    await waitFor(() => expect(within(section).getAllByRole('listitem')).toHaveLength(4));
    fireEvent.click(within(section).getByRole('button', { name: 'Développeuse' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Développeuse' })).toBeTruthy();
    expect(new URLSearchParams(window.location.search).get('offer')).toBe(deadline);
  });
});

describe('« Ajouter à mon agenda »', () => {
  it("downloads the offer's closing date and reminders as a .ics file", async () => {
    const { env, db } = setup({ now: NOW });
    const { deadline } = await seedEverything(db);
    const files: Array<{ name: string; text: Promise<string> }> = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      files.push({ name: '', text: (blob as Blob).text() });
      return 'blob:postulo-test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      const last = files.at(-1);
      if (last) last.name = this.download;
    });
    window.history.replaceState(null, '', `/popup.html?offer=${encodeURIComponent(deadline)}`);
    renderWithTodo(env);

    fireEvent.click(await screen.findByRole('button', { name: 'Ajouter à mon agenda' }));

    expect(files).toHaveLength(1);
    const saved = await db.offers.get(deadline);
    expect(files[0]?.name).toBe(saved ? calendarFileName(saved) : 'missing');
    const text = (await files[0]?.text) ?? '';
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).toContain(`DTSTART;VALUE=DATE:${addDays(today, 2).replaceAll('-', '')}`);
    // The closing date and each of its reminders (7 and 2 days before, the closing day), nothing else.
    expect(await db.reminders.where('offerId').equals(deadline).count()).toBe(3);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(4);
    expect(text).not.toContain('Designer');
  });

  it('is not offered when there is nothing to put in an agenda', async () => {
    const { env, db } = setup({ now: NOW });
    const id = await save(db, makeOffer('undated', { title: 'Sans date' }), daysAgo(1));
    await reconcile(db);
    window.history.replaceState(null, '', `/popup.html?offer=${encodeURIComponent(id)}`);
    renderWithTodo(env);
    await screen.findByRole('heading', { level: 1, name: 'Sans date' });
    expect(screen.queryByRole('button', { name: 'Ajouter à mon agenda' })).toBeNull();
  });
});
