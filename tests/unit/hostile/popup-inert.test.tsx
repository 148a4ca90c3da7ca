/**
 * The popup against hostile values (issue 6): offers stored with markup, script, `javascript:`
 * links, right-to-left and zero-width characters in every text the popup shows — the page's
 * fields, the candidate's own corrections, notes, stage notes and reminders (a restored backup
 * can bring anything the schema accepts) — and a current tab whose reading is hostile. Everywhere
 * (current tab, « À faire », list, detail) they are shown as text: no element, no event-handler
 * attribute, no link but http(s), mailto and tel is created from them.
 *
 * The records are written through the repository directly, not through the extractor, so the
 * popup is tested on values that were never made inert.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PopupEnv } from '../../../components/popup/context';
import { Popup } from '../../../components/popup/Popup';
import { TodoSection } from '../../../components/popup/TodoSection';
import type { Offer } from '../../../lib/offer';
import * as repo from '../../../lib/offers-repo';
import { localTimeZone } from '../../../lib/reminders';
import { syncReminderTable } from '../../../lib/reminders/reconcile';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { makeOffer, setup } from '../popup/support';
import { HOSTILE_TEXTS, hostileText, liveMarkupIn } from './payloads';

/** The popup's clock in support.tsx: 12 March 2026, 10:00 local. */
const NOW = new Date(2026, 2, 12, 10, 0);

const DANGEROUS_LINKS = [
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(document.domain)',
  'java\nscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'mailto:x@y.fr?body=<script>',
] as const;

/** A schema-valid offer whose every free text is hostile (texts rotate through `texts`). */
function hostileOffer(slug: string, texts: readonly string[], applyUrl: string): Offer {
  const text = (index: number) => {
    const value = (texts[index % texts.length] ?? 'x').trim().slice(0, 500);
    return value === '' ? 'x' : value;
  };
  return makeOffer(slug, {
    title: text(0),
    organization: text(1),
    contractRaw: text(2),
    contract: 'CDD',
    closesAt: '2026-03-14',
    closesAtRaw: text(3),
    location: text(4),
    description: text(5),
    contact: { email: 'rh@exemple.fr', name: text(6), phone: '+33 1 23 45 67 89' },
    applyUrl: applyUrl.trim().slice(0, 4096) || null,
  });
}

/** Everything the candidate adds to an offer, hostile too. */
async function addApplicationData(env: PopupEnv, id: string, texts: readonly string[]): Promise<void> {
  const text = (index: number) => texts[index % texts.length] ?? 'x';
  await repo.setStage(env.db, id, { stage: 'applied', at: NOW.toISOString(), note: text(1).slice(0, 2000) }, NOW);
  await repo.updateNotes(env.db, id, { notes: text(2), contactPerson: text(3).slice(0, 300) }, NOW);
  const label = text(4).trim().slice(0, 300) || 'x';
  await repo.addReminder(env.db, id, { at: new Date(2026, 2, 11, 9).toISOString(), label }, NOW);
  const applyUrl = text(0).trim().slice(0, 4096) || 'javascript:alert(1)';
  await repo.editFields(env.db, id, { location: `${text(5).slice(0, 400)} corrigé`, applyUrl }, NOW);
}

function renderPopup(env: PopupEnv) {
  return render(<Popup env={env} todo={<TodoSection />} />);
}

async function reconcile(env: PopupEnv): Promise<void> {
  await syncReminderTable(env.db, DEFAULT_SETTINGS, NOW.getTime(), localTimeZone());
}

/** The rendered popup holds no live markup, and every link goes where a link may go. */
function expectInert(): void {
  expect(liveMarkupIn(document.body)).toEqual([]);
  for (const link of Array.from(document.querySelectorAll('a'))) {
    expect(link.getAttribute('href') ?? '').toMatch(/^(?:https?:|mailto:[^\s<>"]+$|tel:\+?\d+$)/);
  }
}

async function openDetail(id: string, title: string): Promise<void> {
  const row = await waitFor(() => {
    const found = document.querySelector(`[data-offer-id="${CSS.escape(id)}"]`);
    if (!found) throw new Error(`no row for ${id}`);
    return found;
  });
  fireEvent.click(row);
  await waitFor(() => expect(document.querySelector('#detail-title')?.textContent).toBe(title));
}

beforeEach(() => window.history.replaceState(null, '', '/popup.html'));
afterEach(cleanup);

describe('the popup shows hostile values as inert text', () => {
  it('in the current tab, « À faire », the list and every detail', async () => {
    const tabOffer = hostileOffer('tab', HOSTILE_TEXTS.slice(0, 7), 'javascript:alert(1)');
    const { env } = setup({ tab: { isPosting: true, offer: tabOffer, mark: null } });
    const offers = DANGEROUS_LINKS.map((link, index) =>
      hostileOffer(`offre-${index}`, HOSTILE_TEXTS.slice(index * 3, index * 3 + 7), link),
    );
    const ids: string[] = [];
    for (const offer of offers) ids.push((await repo.saveOffer(env.db, offer, NOW)).mark.id);
    for (const [index, id] of ids.entries()) await addApplicationData(env, id, HOSTILE_TEXTS.slice(index + 7));
    await reconcile(env);

    renderPopup(env);
    await screen.findByText(tabOffer.title);
    const todo = await screen.findByRole('region', { name: /^À faire/ });
    await waitFor(() => expect(todo.textContent).toContain(offers[0]?.title));
    await waitFor(() => expect(document.querySelectorAll('[data-offer-id]').length).toBeGreaterThan(0));
    expectInert();

    for (const [index, id] of ids.entries()) {
      const offer = offers[index];
      if (!offer) continue;
      window.history.replaceState(null, '', '/popup.html');
      cleanup();
      renderPopup(env);
      await openDetail(id, offer.title);
      expectInert();
      expect(screen.queryByRole('link', { name: /Postuler/ })).toBeNull();
      const text = document.body.textContent ?? '';
      expect(text).toContain(offer.organization ?? '');
      expect(screen.getByRole('link', { name: /Voir l'offre sur le site/ }).getAttribute('href')).toBe(id);
    }
  }, 30_000);

  it('for random hostile texts in every field', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileText, { minLength: 7, maxLength: 9 }), async (texts) => {
        window.history.replaceState(null, '', '/popup.html');
        const { env } = setup();
        const offer = hostileOffer('aleatoire', texts, texts[0] ?? '');
        const { id } = (await repo.saveOffer(env.db, offer, NOW)).mark;
        await addApplicationData(env, id, texts.slice(1));
        try {
          renderPopup(env);
          await openDetail(id, offer.title);
          expectInert();
        } finally {
          cleanup();
          await env.db.delete();
        }
      }),
      { numRuns: 12 },
    );
  }, 30_000);
});
