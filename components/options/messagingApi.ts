/** The options page's api over the extension's messaging. */
import { sendMessage } from '../../lib/messaging';
import type { OptionsApi } from './context';

export function messagingApi(): OptionsApi {
  return {
    restoreBackup: (data) => sendMessage('restoreBackup', data),
    deleteAllData: (data) => sendMessage('deleteAllData', data),
  };
}
