/** The popup's api over the extension's messaging: one `sendMessage` per operation, each with a deadline. */
import { sendMessage } from '../../lib/messaging';
import { type PopupApi, withAnswerTimeout } from './api';

export function messagingApi(): PopupApi {
  return {
    readActiveTab: (data) => withAnswerTimeout(sendMessage('readActiveTab', data)),
    saveActiveTab: (data) => withAnswerTimeout(sendMessage('saveActiveTab', data)),
    editOffer: (data) => withAnswerTimeout(sendMessage('editOffer', data)),
    setStage: (data) => withAnswerTimeout(sendMessage('setStage', data)),
    editStageDate: (data) => withAnswerTimeout(sendMessage('editStageDate', data)),
    updateNotes: (data) => withAnswerTimeout(sendMessage('updateNotes', data)),
    deleteOffer: (data) => withAnswerTimeout(sendMessage('deleteOffer', data)),
    restoreOffer: (data) => withAnswerTimeout(sendMessage('restoreOffer', data)),
    addReminder: (data) => withAnswerTimeout(sendMessage('addReminder', data)),
    removeReminder: (data) => withAnswerTimeout(sendMessage('removeReminder', data)),
  };
}
