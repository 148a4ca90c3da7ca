/**
 * Everything the popup asks of the background, as one injectable object: the popup reads the
 * database itself (liveQuery) but every write goes through the background, which validates it.
 * Unit tests pass a fake that writes to an in-memory database; the extension passes
 * `messagingApi()`.
 */
import type { MessageData, ProtocolMap } from '../../lib/messaging';

export const POPUP_MESSAGES = [
  'readActiveTab',
  'saveActiveTab',
  'editOffer',
  'setStage',
  'editStageDate',
  'updateNotes',
  'deleteOffer',
  'restoreOffer',
  'addReminder',
  'removeReminder',
] as const;
export type PopupMessage = (typeof POPUP_MESSAGES)[number];

export type PopupApi = {
  [K in PopupMessage]: (data: MessageData<K>) => Promise<Awaited<ReturnType<ProtocolMap[K]>>>;
};

/** The background did not answer in time (asleep, crashed, or busy with a frozen tab). */
export class NoAnswerError extends Error {
  override name = 'NoAnswerError';
}

/** How long a message may wait for the background before the popup says so. */
export const ANSWER_TIMEOUT_MS = 15_000;

/** `promise`, or a NoAnswerError after `ms`: a write that never ends must not look like one in progress. */
export function withAnswerTimeout<T>(promise: Promise<T>, ms = ANSWER_TIMEOUT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NoAnswerError(`no answer after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** What a refused write says, for the alert the candidate reads. */
export function errorReason(error: unknown): string | null {
  if (error instanceof Error && error.message.trim()) return error.message;
  if (typeof error === 'string' && error.trim()) return error;
  return null;
}
