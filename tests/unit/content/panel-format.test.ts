import { describe, expect, it } from 'vitest';
import {
  closingText,
  contractText,
  daysUntil,
  isValidEmail,
  safeHref,
  savedText,
  statusText,
} from '../../../components/panel/format';

// Local noon, so the local calendar day is the one written whatever the machine's time zone.
const today = new Date(2026, 2, 9, 12, 0);

describe('daysUntil', () => {
  it.each([
    ['2026-03-09', 0],
    ['2026-03-12', 3],
    ['2026-03-08', -1],
    ['2026-04-01', 23],
    ['2027-03-09', 365],
  ])('%s is %i days away', (date, days) => {
    expect(daysUntil(date, today)).toBe(days);
  });
});

describe('closingText', () => {
  it('counts down to the closing date', () => {
    expect(closingText({ closesAt: '2026-03-12', status: 'open' }, 'fr', today)).toBe('12/03/2026 · clôture dans 3 j');
    expect(closingText({ closesAt: '2026-03-12', status: 'open' }, 'en', today)).toBe('12/03/2026 · closes in 3 d');
    expect(closingText({ closesAt: '2026-03-10', status: 'open' }, 'fr', today)).toBe('10/03/2026 · clôture demain');
    expect(closingText({ closesAt: '2026-03-09', status: 'open' }, 'fr', today)).toBe(
      "09/03/2026 · clôture aujourd'hui",
    );
  });

  it('says closed once the date has passed or the page says so, and filled before anything', () => {
    expect(closingText({ closesAt: '2020-11-04', status: 'open' }, 'fr', today)).toBe('04/11/2020 · clôturée');
    expect(closingText({ closesAt: '2026-04-01', status: 'closed' }, 'fr', today)).toBe('01/04/2026 · clôturée');
    expect(closingText({ closesAt: '2020-11-04', status: 'filled' }, 'fr', today)).toBe('04/11/2020 · pourvue');
  });

  it('is null without a closing date', () => {
    expect(closingText({ closesAt: null, status: 'open' }, 'fr', today)).toBeNull();
  });
});

describe('contractText', () => {
  it("shows the page's words, then the kind understood", () => {
    expect(contractText({ contractRaw: 'indépendant/freelance', contract: 'freelance' }, 'fr')).toBe(
      'indépendant/freelance (indépendant)',
    );
    expect(contractText({ contractRaw: 'contractuel (CDD 3 ans)', contract: 'CDD' }, 'en')).toBe(
      'contractuel (CDD 3 ans) (fixed-term (CDD))',
    );
  });

  it('does not repeat a word that is already the kind', () => {
    expect(contractText({ contractRaw: 'CDI', contract: 'CDI' }, 'fr')).toBe('CDI');
  });

  it('falls back on whichever is known', () => {
    expect(contractText({ contractRaw: null, contract: 'stage' }, 'fr')).toBe('stage');
    expect(contractText({ contractRaw: 'mission', contract: null }, 'fr')).toBe('mission');
    expect(contractText({ contractRaw: null, contract: null }, 'fr')).toBeNull();
  });
});

describe('statusText', () => {
  it.each([
    ['open', 'Ouverte', 'Open'],
    ['closed', 'Clôturée', 'Closed'],
    ['filled', 'Pourvue', 'Filled'],
    ['unknown', 'Inconnu', 'Unknown'],
  ] as const)('%s', (status, fr, en) => {
    expect(statusText(status, 'fr')).toBe(fr);
    expect(statusText(status, 'en')).toBe(en);
  });
});

describe('links the panel may render', () => {
  it.each([
    ['https://airtable.com/embed/shr?prefill_Poste=Dev - Équipe', true],
    ['http://example.org/postuler', true],
    ['mailto:jobs@example.org?subject=Candidature', true],
    ['javascript:alert(1)', false],
    ['JAVASCRIPT:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['/relative/path', false],
    ['', false],
  ])('%s → %s', (href, allowed) => {
    expect(safeHref(href) !== null).toBe(allowed);
  });

  it.each([
    ['incubateur@anct.gouv.fr', true],
    ['prenom.nom+candidature@beta.gouv.fr', true],
    ['not an email', false],
    ['a@b', false],
    ['x@y.fr"><img src=x>', false],
    ['a b@c.fr', false],
  ])('e-mail %s → %s', (value, valid) => {
    expect(isValidEmail(value)).toBe(valid);
  });
});

describe('savedText', () => {
  it('says « Enregistrée » while the candidate has still to apply', () => {
    expect(savedText({ id: 'https://x.fr/a', stage: 'to-apply', stageAt: '2026-03-12T10:00:00.000Z' }, 'fr')).toBe(
      'Enregistrée',
    );
  });

  it('names a later stage with its date', () => {
    const mark = { id: 'https://x.fr/a', stage: 'applied', stageAt: new Date(2026, 2, 12, 10).toISOString() } as const;
    expect(savedText(mark, 'fr')).toBe('Candidature envoyée le 12/03/2026');
    expect(savedText(mark, 'en')).toBe('Application sent on 12/03/2026');
  });
});
