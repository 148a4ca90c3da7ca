/** Placeholder: being written. */
import type { SiteAdapter } from '../types';

export const betaGouv: SiteAdapter = {
  id: 'beta.gouv.fr',
  matches: (url) => url.hostname === 'beta.gouv.fr',
  read: () => ({ detection: 'not-posting', found: {} }),
};
