/** The options page's api over the extension's messaging. */
import { sendMessage } from '../../lib/messaging';
import { forgetFirstScreen } from '../popup/rememberedFirstScreen';
import type { OptionsApi } from './context';

export function messagingApi(): OptionsApi {
  return {
    restoreBackup: (data) => forgettingFirstScreen(() => sendMessage('restoreBackup', data)),
    deleteAllData: (data) => forgettingFirstScreen(() => sendMessage('deleteAllData', data)),
  };
}

/**
 * For the requests that change every offer: the popup's remembered first screen (its copy of the
 * top of the list) is forgotten first, so that nothing of the old data is left in it, even for an
 * instant.
 */
function forgettingFirstScreen<T>(send: () => Promise<T>): Promise<T> {
  forgetFirstScreen(localStorage);
  return send();
}
