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

/** What a refused write says, for the alert the candidate reads. */
export function errorReason(error: unknown): string | null {
  if (error instanceof Error && error.message.trim()) return error.message;
  if (typeof error === 'string' && error.trim()) return error;
  return null;
}
