/**
 * The application pipeline's stages, without zod: the popup's first screen lists them before the
 * schemas (lib/application.ts) are loaded.
 */

/** The pipeline, in order; `rejected` and `abandoned` may follow any stage. */
export const STAGES = [
  'to-apply', // « À postuler »
  'applied', // « Candidature envoyée »
  'followed-up', // « Relance faite »
  'interview', // « Entretien »
  'offer', // « Offre reçue »
  'accepted', // « Acceptée »
  'rejected', // « Refusée »
  'abandoned', // « Abandonnée »
] as const;

export type Stage = (typeof STAGES)[number];

export const FINAL_STAGES: readonly Stage[] = ['accepted', 'rejected', 'abandoned'];
