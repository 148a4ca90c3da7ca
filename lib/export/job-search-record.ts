/**
 * The record of job search (« suivi de mes recherches d'emploi ») an unemployment office such as
 * France Travail asks candidates to keep: for a period, each application with the employer, the
 * role, the day it was sent, its steps with their dates, and the outcome. Pure: the printable
 * page that shows these rows is built elsewhere.
 *
 * Rules:
 * - An application counts once it was sent: it has a step from « Candidature envoyée » on
 *   (abandoning an offer before applying is not a job-search action).
 * - It belongs to the period if it was sent in it, or if any of its steps happened in it (a
 *   follow-up or an interview is an action to report too).
 * - It is shown as it stood at the end of the period: later steps are left out, so a record
 *   printed today for last month says what happened last month.
 */
import type { Stage } from '../application';
import type { IsoDate } from '../offer';
import { effectiveFields, type SavedOffer } from '../saved-offer';
import { localDate } from './local-date';

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

export const OUTCOMES = ['in-progress', 'offer', 'accepted', 'rejected', 'abandoned'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface JobSearchStep {
  stage: Stage;
  date: IsoDate;
}

export interface JobSearchRow {
  offerId: string;
  organization: string | null;
  role: string;
  contract: string | null;
  location: string | null;
  url: string;
  dateSent: IsoDate;
  /** Every step but « À postuler », in the order logged, up to the end of the period. */
  steps: JobSearchStep[];
  outcome: Outcome;
  /** The day the outcome was known; null while in progress. */
  outcomeDate: IsoDate | null;
}

export interface RecordOptions {
  /** Time zone the steps' days are read in; the browser's by default. */
  timeZone?: string;
}

/** Stages that mean the application left the candidate's hands. */
const SENT_STAGES: readonly Stage[] = ['applied', 'followed-up', 'interview', 'offer', 'accepted', 'rejected'];

const OUTCOME_OF: Partial<Record<Stage, Outcome>> = {
  offer: 'offer',
  accepted: 'accepted',
  rejected: 'rejected',
  abandoned: 'abandoned',
};

export function jobSearchRecord(
  offers: readonly SavedOffer[],
  period: Period,
  options: RecordOptions = {},
): JobSearchRow[] {
  if (period.from > period.to) return [];
  return offers
    .flatMap((saved) => rowOf(saved, period, options.timeZone))
    .sort(
      (a, b) =>
        compare(a.dateSent, b.dateSent) ||
        compare(a.organization ?? '', b.organization ?? '') ||
        compare(a.role, b.role),
    );
}

function rowOf(saved: SavedOffer, period: Period, timeZone: string | undefined): JobSearchRow[] {
  const dated = saved.application.history
    .map((event) => ({ stage: event.stage, date: localDate(event.at, timeZone) }))
    .filter((step) => step.date <= period.to);
  const sentSteps = dated.filter((step) => SENT_STAGES.includes(step.stage));
  const sending = sentSteps.find((step) => step.stage === 'applied') ?? earliest(sentSteps);
  if (!sending) return [];
  const steps = dated.filter((step) => step.stage !== 'to-apply');
  const inPeriod = (date: IsoDate) => date >= period.from && date <= period.to;
  if (!inPeriod(sending.date) && !steps.some((step) => inPeriod(step.date))) return [];

  const last = steps[steps.length - 1];
  const outcome = (last && OUTCOME_OF[last.stage]) ?? 'in-progress';
  const fields = effectiveFields(saved);
  return [
    {
      offerId: saved.id,
      organization: fields.organization,
      role: fields.title,
      contract: fields.contract ?? fields.contractRaw,
      location: fields.location,
      url: saved.page.url,
      dateSent: sending.date,
      steps,
      outcome,
      outcomeDate: outcome === 'in-progress' ? null : (last?.date ?? null),
    },
  ];
}

function earliest(steps: readonly JobSearchStep[]): JobSearchStep | undefined {
  return steps.reduce<JobSearchStep | undefined>(
    (first, step) => (!first || step.date < first.date ? step : first),
    undefined,
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
