/** Placeholder: being written. */
import type { SiteAdapter } from '../types';

export const incubateurAnct: SiteAdapter = {
  id: 'incubateur.anct.gouv.fr',
  matches: (url) => url.hostname === 'incubateur.anct.gouv.fr',
  read: () => ({ detection: 'not-posting', found: {} }),
};
