/**
 * The in-page panel against a hostile page (issue 6):
 * - whatever a value holds (markup, script, `javascript:` links, right-to-left or zero-width
 *   characters), the panel shows it as text: no element, no event-handler attribute and no link
 *   other than http(s) or mailto is created from it. The values are fed raw here, not through the
 *   extractor's own making-inert, so the panel is tested on its own;
 * - a save needs the candidate's own gesture: a click dispatched by the page's script (the panel's
 *   shadow root is open, so the page can find the button) is an untrusted event and saves nothing.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageHandoff } from '../../../components/panel/handoff';
import { Panel, type PanelActions } from '../../../components/panel/Panel';
import { PANEL_HOST_TAG, panelRenderer } from '../../../components/panel/panel-host';
import type { OfferMark } from '../../../lib/messaging';
import { emptyOfferFields, type Offer } from '../../../lib/offer';
import { readOwnFixture } from '../../e2e/support/fixtures';
import { dispatchClick } from '../../support/events';
import { extractHtml } from '../../support/load-page';
import { hostileText, liveMarkupIn } from './payloads';

const OFFER_URL = 'https://incubateur.anct.gouv.fr/recrutements/equipe-hostile-developpeur-se-0123456789abcdef/';
const NOW = new Date(2026, 2, 9, 12, 0);
const SAVED: OfferMark = { id: OFFER_URL, stage: 'to-apply', stageAt: '2026-03-09T11:00:00.000Z' };

function actions(): PanelActions & { save: ReturnType<typeof vi.fn> } {
  return {
    lookup: vi.fn(async () => null),
    save: vi.fn(async () => SAVED),
    refresh: vi.fn(async () => ({ mark: SAVED, changes: [] })),
    open: vi.fn(async () => {}),
  };
}

/** Shows `offer` the way the panel script does: in a shadow root on the page. */
function showInPage(offer: Offer): ShadowRoot {
  const handoff: PageHandoff = { offer, locale: 'fr', actions: actions() };
  panelRenderer(document, handoff)();
  const root = document.querySelector(PANEL_HOST_TAG)?.shadowRoot;
  if (!root) throw new Error('no panel in the page');
  return root;
}

function hrefsIn(root: ParentNode): string[] {
  return Array.from(root.querySelectorAll('a')).map((link) => link.getAttribute('href') ?? '(none)');
}

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
});

describe('the panel shows hostile values as inert text', () => {
  it('creates no element, handler or dangerous link from any value', () => {
    const hostileOffer = fc.record({
      title: hostileText,
      organization: hostileText,
      contractRaw: hostileText,
      closesAtRaw: hostileText,
      applyUrl: hostileText,
      location: hostileText,
      description: hostileText,
      name: hostileText,
      phone: hostileText,
    });
    fc.assert(
      fc.property(hostileOffer, ({ name, phone, ...fields }) => {
        const offer: Offer = {
          ...emptyOfferFields(fields.title),
          ...fields,
          contract: 'CDD',
          contact: { email: null, name, phone },
          status: 'open',
          url: OFFER_URL,
          source: 'incubateur.anct.gouv.fr',
          provenance: {},
        };
        const root = showInPage(offer);
        try {
          expect(liveMarkupIn(root)).toEqual([]);
          for (const href of hrefsIn(root)) expect(href).toMatch(/^(?:https?|mailto):/);
          const text = root.textContent ?? '';
          expect(text).toContain(fields.title);
          expect(text).toContain(fields.organization);
          expect(text).toContain(name);
        } finally {
          document.body.innerHTML = '';
        }
      }),
      { numRuns: 40 },
    );
  });

  it.each([
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/phish',
    'chrome://settings',
  ])('makes no « Postuler » link of %j', (applyUrl) => {
    render(<Panel offer={hostile({ applyUrl })} locale="fr" now={NOW} actions={actions()} onClose={() => {}} />);
    expect(screen.queryByRole('link', { name: /Postuler/ })).toBeNull();
  });

  it('still links a plain web address', () => {
    const applyUrl = 'https://airtable.com/embed/shr5005?prefill_Poste=<img>';
    render(<Panel offer={hostile({ applyUrl })} locale="fr" now={NOW} actions={actions()} onClose={() => {}} />);
    expect(screen.getByRole('link', { name: /Postuler/ }).getAttribute('href')).toBe(
      'https://airtable.com/embed/shr5005?prefill_Poste=%3Cimg%3E',
    );
  });

  it('shows our hostile page, read by the extractor, as the text the page shows', () => {
    const html = readOwnFixture('hostile/incubateur-posting.html');
    const { isPosting, offer } = extractHtml(html, OFFER_URL, NOW);
    if (!isPosting || !offer) throw new Error('the hostile page is not read as a posting');
    const root = showInPage(offer);
    expect(liveMarkupIn(root)).toEqual([]);
    expect(root.querySelector('.role')?.textContent).toContain('onerror=');
    expect(root.querySelector('.role')?.textContent).toContain('Développeur·se');
    expect(hrefsIn(root)).toEqual(['mailto:recrutement@example.org']);
  });
});

function hostile(fields: Partial<Offer>): Offer {
  return {
    ...emptyOfferFields('<img src=x onerror=alert(1)>Designer'),
    status: 'open',
    url: OFFER_URL,
    source: 'incubateur.anct.gouv.fr',
    provenance: {},
    ...fields,
  };
}

describe("the panel's save button", () => {
  it('saves nothing when the page clicks it from script (an untrusted event)', async () => {
    const panelActions = actions();
    render(<Panel offer={hostile({})} locale="fr" now={NOW} actions={panelActions} onClose={() => {}} />);
    const save = screen.getByRole('button', { name: "Enregistrer l'offre" });
    dispatchClick(save, false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(panelActions.save).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: "Enregistrer l'offre" })).not.toBeNull();
  });

  it("saves on the candidate's own click (a trusted event)", async () => {
    const panelActions = actions();
    render(<Panel offer={hostile({})} locale="fr" now={NOW} actions={panelActions} onClose={() => {}} />);
    dispatchClick(screen.getByRole('button', { name: "Enregistrer l'offre" }), true);
    await waitFor(() => expect(panelActions.save).toHaveBeenCalledTimes(1));
  });
});
