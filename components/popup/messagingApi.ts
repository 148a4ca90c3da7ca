/** The popup's api over the extension's messaging: one `sendMessage` per operation. */
import { sendMessage } from '../../lib/messaging';
import type { PopupApi } from './api';

export function messagingApi(): PopupApi {
  return {
    readActiveTab: (data) => sendMessage('readActiveTab', data),
    saveActiveTab: (data) => sendMessage('saveActiveTab', data),
    editOffer: (data) => sendMessage('editOffer', data),
    setStage: (data) => sendMessage('setStage', data),
    editStageDate: (data) => sendMessage('editStageDate', data),
    updateNotes: (data) => sendMessage('updateNotes', data),
    deleteOffer: (data) => sendMessage('deleteOffer', data),
    restoreOffer: (data) => sendMessage('restoreOffer', data),
    addReminder: (data) => sendMessage('addReminder', data),
    removeReminder: (data) => sendMessage('removeReminder', data),
  };
}
