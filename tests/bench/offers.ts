/**
 * Saved offers in number for the popup benchmark, built with the project's own schemas and
 * helpers (validated `SavedOffer`, rows by `toOfferRow`) so the popup reads exactly what the
 * background would have stored. The mix looks like a long-time user's: a third still open with a
 * closing date, a third without one, a third whose posting is over, at every stage.
 */
import { STAGES, type StageEvent } from '../../lib/application';
import type { OfferRow } from '../../lib/db';
import { CONTRACT_KINDS, emptyOfferFields, type Offer } from '../../lib/offer';
import { toOfferRow } from '../../lib/offers-repo';
import { SavedOffer } from '../../lib/saved-offer';
import { canonicalUrl } from '../../lib/url';

const ROLES = [
  'Développeur·se full-stack',
  'Product manager',
  'Designer UX/UI',
  'Coach produit',
  'Chargé·e de déploiement',
  'Data scientist',
  'Intrapreneur·e',
  'Business developer',
];
const TEAMS = ['Aides-territoires', 'Mon Suivi Social', 'Trackdéchets', 'Conseiller numérique', 'Signalement'];
const DAY_MS = 86_400_000;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function makeOfferRows(count: number, now: Date): OfferRow[] {
  const rows: OfferRow[] = [];
  for (let index = 0; index < count; index++) {
    const role = ROLES[index % ROLES.length] ?? 'Poste';
    const team = TEAMS[index % TEAMS.length] ?? null;
    const savedMs = now.getTime() - ((index * 7) % 400) * DAY_MS;
    const kind = index % 3;
    const closesAt =
      kind === 0 ? isoDay(now.getTime() + (1 + (index % 90)) * DAY_MS) : kind === 2 ? isoDay(savedMs - DAY_MS) : null;
    const url = canonicalUrl(`https://beta.gouv.fr/recrutement/2024/01/01/offre-${index}.html`);
    const page: Offer = {
      ...emptyOfferFields(`${role} n° ${index}`),
      organization: team,
      contract: CONTRACT_KINDS[index % CONTRACT_KINDS.length] ?? null,
      contractRaw: 'CDD 3 ans',
      closesAt,
      status: kind === 2 ? (index % 2 === 0 ? 'closed' : 'filled') : 'open',
      contact: { email: `recrutement${index}@example.org`, name: null, phone: null },
      applyUrl: `https://example.org/candidater/${index}`,
      url,
      source: 'beta.gouv.fr',
      provenance: { title: 'site', organization: 'site', closesAt: 'site' },
    };
    const stages = STAGES.slice(0, 1 + (index % 4));
    const history: StageEvent[] = stages.map((stage, step) => ({
      stage,
      at: new Date(savedMs + step * DAY_MS).toISOString(),
    }));
    const saved = SavedOffer.parse({
      id: url,
      page,
      application: {
        stage: stages[stages.length - 1] ?? 'to-apply',
        history,
        notes: index % 5 === 0 ? 'Relancer après le premier entretien.' : '',
        contactPerson: null,
        edits: {},
        reminders: [],
      },
      changes: [],
      savedAt: new Date(savedMs).toISOString(),
      updatedAt: new Date(savedMs).toISOString(),
    });
    rows.push(toOfferRow(saved));
  }
  return rows;
}
