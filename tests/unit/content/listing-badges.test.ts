import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { markSavedPostings } from '../../../entrypoints/posting-reader/listing-badges';
import { findPostingLinks } from '../../../lib/listing-marks';
import type { OfferMark } from '../../../lib/messaging';

const html = readFileSync(join(import.meta.dirname, '../../fixtures/listing/incubateur-pourvues.html'), 'utf8');
const pageUrl = new URL('https://incubateur.anct.gouv.fr/recrutements/pourvues/');

function badgeTexts(): string[] {
  return Array.from(document.querySelectorAll('postulo-mark')).map((host) => host.shadowRoot?.textContent ?? '');
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('markSavedPostings', () => {
  it('marks only the saved postings, with their stage, inside their title', () => {
    document.body.innerHTML = html;
    const links = findPostingLinks(document, pageUrl);
    const designer = links[1];
    if (!designer) throw new Error('fixture changed: no second posting');
    const mark: OfferMark = { id: designer.url, stage: 'interview', stageAt: '2026-03-09T10:00:00.000Z' };

    markSavedPostings(links, new Map([[designer.url, mark]]), 'fr');

    expect(badgeTexts()).toHaveLength(1);
    expect(badgeTexts()[0]).toContain('Postulo : Entretien');
    expect(designer.slot.querySelector('postulo-mark')).toBeTruthy();
    expect(designer.slot.querySelector('postulo-mark')?.getAttribute('lang')).toBe('fr');
  });

  it('adds nothing twice and removes what it added', () => {
    document.body.innerHTML = html;
    const links = findPostingLinks(document, pageUrl);
    const marks = new Map(
      links.map((link) => [link.url, { id: link.url, stage: 'applied', stageAt: '2026-03-09T10:00:00.000Z' } as const]),
    );
    const removeFirst = markSavedPostings(links, marks, 'en');
    markSavedPostings(links, marks, 'en');
    expect(badgeTexts()).toEqual(Array(3).fill(expect.stringContaining('Postulo: Application sent')));
    removeFirst();
    expect(badgeTexts()).toEqual([]);
  });
});
