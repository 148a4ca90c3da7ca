/** The pipeline's forward step, for the detail view's « Passer à … » button. */
import { FINAL_STAGES, STAGES, type Stage } from '../../lib/application';

/** The ordinary pipeline; « Refusée » and « Abandonnée » can follow any stage but are no "next step". */
const PIPELINE: readonly Stage[] = ['to-apply', 'applied', 'followed-up', 'interview', 'offer', 'accepted'];

/** The next step of the pipeline, or null once the application is over. */
export function nextStage(stage: Stage): Stage | null {
  if (FINAL_STAGES.includes(stage)) return null;
  const index = PIPELINE.indexOf(stage);
  return PIPELINE[index + 1] ?? null;
}

/** Every stage the candidate can move to from `stage` (any of them: people correct mistakes). */
export function otherStages(stage: Stage): Stage[] {
  return STAGES.filter((candidate) => candidate !== stage);
}
