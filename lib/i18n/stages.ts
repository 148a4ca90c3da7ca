/** Names of the application stages, shared by the panel, the popup, notifications and exports. */
import type { Stage } from '../application';
import { defineMessages } from '.';

export const stageName = defineMessages<Stage>('stages', {
  fr: {
    'to-apply': 'À postuler',
    applied: 'Candidature envoyée',
    'followed-up': 'Relance faite',
    interview: 'Entretien',
    offer: 'Offre reçue',
    accepted: 'Acceptée',
    rejected: 'Refusée',
    abandoned: 'Abandonnée',
  },
  en: {
    'to-apply': 'To apply',
    applied: 'Application sent',
    'followed-up': 'Followed up',
    interview: 'Interview',
    offer: 'Offer received',
    accepted: 'Accepted',
    rejected: 'Rejected',
    abandoned: 'Abandoned',
  },
});
