import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StageEvent } from '../../../lib/application';
import { jobSearchRecord, type Period } from '../../../lib/export/job-search-record';
import { savedOffer as savedOfferArbitrary } from '../backup/arbitraries';
import { event, savedOffer } from '../backup/builders';

const PARIS = 'Europe/Paris';
const MARCH: Period = { from: '2026-03-01', to: '2026-03-31' };

let count = 0;
function offerWith(history: StageEvent[], parts: { title?: string; organization?: string } = {}) {
  count += 1;
  return savedOffer({ url: `https://example.org/offres/${count}`, ...parts, application: { history } });
}

describe('record of job search', () => {
  it.each([
    {
      name: 'an application sent in the period, still open',
      history: [event('to-apply', '2026-02-20T10:00:00Z'), event('applied', '2026-03-04T10:00:00Z')],
      row: {
        dateSent: '2026-03-04',
        outcome: 'in-progress',
        outcomeDate: null,
        steps: [{ stage: 'applied', date: '2026-03-04' }],
      },
    },
    {
      name: 'sent before the period, with an interview in it',
      history: [event('applied', '2026-02-10T10:00:00Z'), event('interview', '2026-03-12T14:00:00Z')],
      row: { dateSent: '2026-02-10', outcome: 'in-progress' },
    },
    {
      name: 'refused in the period: the outcome and its day',
      history: [event('applied', '2026-03-02T10:00:00Z'), event('rejected', '2026-03-20T10:00:00Z')],
      row: { outcome: 'rejected', outcomeDate: '2026-03-20' },
    },
    {
      name: 'shown as it stood at the end of the period: a later answer is left out',
      history: [event('applied', '2026-03-02T10:00:00Z'), event('offer', '2026-04-03T10:00:00Z')],
      row: { outcome: 'in-progress', steps: [{ stage: 'applied', date: '2026-03-02' }] },
    },
    {
      name: 'an offer received, then accepted',
      history: [
        event('applied', '2026-03-02T10:00:00Z'),
        event('offer', '2026-03-25T10:00:00Z'),
        event('accepted', '2026-03-27T10:00:00Z'),
      ],
      row: { outcome: 'accepted', outcomeDate: '2026-03-27' },
    },
    {
      name: 'abandoned after applying',
      history: [event('applied', '2026-03-02T10:00:00Z'), event('abandoned', '2026-03-10T10:00:00Z')],
      row: { outcome: 'abandoned', outcomeDate: '2026-03-10' },
    },
    {
      name: 'the day is the candidate’s: 23:30 UTC on the 31st is April in Paris',
      history: [event('applied', '2026-02-27T10:00:00Z'), event('followed-up', '2026-03-31T23:30:00Z')],
      row: null,
    },
    { name: 'never sent: not a job-search action', history: [event('to-apply', '2026-03-04T10:00:00Z')], row: null },
    {
      name: 'abandoned before applying: not a job-search action',
      history: [event('to-apply', '2026-03-01T10:00:00Z'), event('abandoned', '2026-03-05T10:00:00Z')],
      row: null,
    },
    {
      name: 'nothing happened in the period',
      history: [event('applied', '2026-01-05T10:00:00Z'), event('rejected', '2026-02-01T10:00:00Z')],
      row: null,
    },
    { name: 'sent after the period', history: [event('applied', '2026-04-01T08:00:00Z')], row: null },
    {
      name: 'an interview logged without the sending: the earliest step counts as sent',
      history: [event('to-apply', '2026-03-01T10:00:00Z'), event('interview', '2026-03-15T10:00:00Z')],
      row: { dateSent: '2026-03-15', outcome: 'in-progress' },
    },
  ])('$name', ({ history, row }) => {
    const rows = jobSearchRecord([offerWith(history)], MARCH, { timeZone: PARIS });
    if (row === null) expect(rows).toEqual([]);
    else expect(rows).toEqual([expect.objectContaining(row)]);
  });

  it('gives the employer, the role (with corrections) and the link, sorted by the day sent', () => {
    const later = offerWith([event('applied', '2026-03-20T10:00:00Z')], { title: 'Designer', organization: 'ANCT' });
    const earlier = savedOffer({
      url: 'https://example.org/offres/dev',
      title: 'Titre de la page',
      organization: 'DINUM',
      application: { history: [event('applied', '2026-03-03T10:00:00Z')], edits: { title: 'Développeur·se' } },
    });
    const rows = jobSearchRecord([later, earlier], MARCH, { timeZone: PARIS });
    expect(rows.map(({ organization, role, url }) => ({ organization, role, url }))).toEqual([
      { organization: 'DINUM', role: 'Développeur·se', url: 'https://example.org/offres/dev' },
      { organization: 'ANCT', role: 'Designer', url: later.page.url },
    ]);
  });

  it('an empty or reversed period lists nothing', () => {
    const sent = offerWith([event('applied', '2026-03-04T10:00:00Z')]);
    expect(jobSearchRecord([sent], { from: '2026-03-10', to: '2026-03-01' })).toEqual([]);
    expect(jobSearchRecord([], MARCH)).toEqual([]);
  });

  it('every listed application was sent by the end of the period and had a step in it', () => {
    fc.assert(
      fc.property(fc.array(savedOfferArbitrary(), { maxLength: 6 }), (offers) => {
        const period: Period = { from: '2030-01-01', to: '2060-12-31' };
        for (const row of jobSearchRecord(offers, period, { timeZone: 'UTC' })) {
          expect(row.dateSent <= period.to).toBe(true);
          expect(row.steps.some((step) => step.date >= period.from && step.date <= period.to)).toBe(true);
          expect(row.steps.every((step) => step.date <= period.to && step.stage !== 'to-apply')).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
