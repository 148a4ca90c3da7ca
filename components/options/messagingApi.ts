/** The options page's api over the extension's messaging. */
import { sendMessage } from '../../lib/messaging';
import { forgetFirstScreen } from '../popup/rememberedFirstScreen';
import type { OptionsApi } from './context';

export function messagingApi(): OptionsApi {
  return {
    // Both change every offer: the popup's remembered first screen (its copy of the top of the
    // list) is forgotten first, so that nothing of the old data is left in it, even for an instant.
    restoreBackup: (data) => {
      forgetFirstScreen(localStorage);
      return sendMessage('restoreBackup', data);
    },
    deleteAllData: (data) => {
      forgetFirstScreen(localStorage);
      return sendMessage('deleteAllData', data);
    },
  };
}
