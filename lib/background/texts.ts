/** The background's own words: the context menu, the notifications after a save, a refused write. */
import { defineMessages } from '../i18n';

export const backgroundText = defineMessages('background', {
  fr: {
    menuSave: 'Enregistrer cette offre dans Postulo',
    savedTitle: 'Offre enregistrée dans Postulo',
    alreadySavedTitle: 'Offre déjà enregistrée, mise à jour',
    savedMessage: '{title} — {stage}',
    nowClosed: "L'offre est maintenant clôturée.",
    nowFilled: "L'offre est maintenant pourvue.",
    closingMoved: 'Nouvelle date de clôture : {date}.',
    failedTitle: "Impossible d'enregistrer cette page",
    failedMessage:
      "Postulo ne peut pas lire cette page (page du navigateur, boutique d'extensions, PDF…). Enregistrez l'offre depuis sa page web.",
    storageFullTitle: 'Espace de stockage plein',
    storageFull:
      "Espace de stockage plein : rien n'a été enregistré et vos données n'ont pas changé. Libérez de l'espace sur le disque, puis réessayez.",
  },
  en: {
    menuSave: 'Save this offer in Postulo',
    savedTitle: 'Offer saved in Postulo',
    alreadySavedTitle: 'Offer already saved, updated',
    savedMessage: '{title} — {stage}',
    nowClosed: 'The offer is now closed.',
    nowFilled: 'The offer is now filled.',
    closingMoved: 'New closing date: {date}.',
    failedTitle: 'This page cannot be saved',
    failedMessage:
      'Postulo cannot read this page (a browser page, the extension store, a PDF…). Save the offer from its web page.',
    storageFullTitle: 'Storage full',
    storageFull: 'Storage full: nothing was saved and your data is unchanged. Free some disk space, then try again.',
  },
});
