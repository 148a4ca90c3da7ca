import { describe, expect, it } from 'vitest';
import { emailFromMailto, findEmails, findPhone, firstEmail } from '../../../lib/extract/emails';

describe('findEmails', () => {
  it.each([
    ['Écrivez à contact@exemple.fr.', ['contact@exemple.fr']],
    ['prenom.nom+jobs@sous.domaine.gouv.fr', ['prenom.nom+jobs@sous.domaine.gouv.fr']],
    ['jeanne.martin [at] exemple.fr', ['jeanne.martin@exemple.fr']],
    ['jeanne.martin(at)exemple(dot)fr', ['jeanne.martin@exemple.fr']],
    ['jeanne.martin [arobase] exemple [point] fr', ['jeanne.martin@exemple.fr']],
    ['jeanne.martin arobase exemple.fr', ['jeanne.martin@exemple.fr']],
    ['A@Exemple.fr puis a@exemple.fr puis b@exemple.fr', ['A@Exemple.fr', 'b@exemple.fr']],
    ['(contact@exemple.fr), <rh@exemple.org>', ['contact@exemple.fr', 'rh@exemple.org']],
    ['Apply at example.com or see us at the office', []],
    ['no address @ here, nor user@localhost', []],
  ])('%j → %j', (text, expected) => {
    expect(findEmails(text)).toEqual(expected);
  });
});

describe('emailFromMailto', () => {
  it.each([
    ['mailto:contact@exemple.fr', 'contact@exemple.fr'],
    ['MAILTO:contact@exemple.fr?subject=Candidature%20d%C3%A9veloppeur', 'contact@exemple.fr'],
    ['mailto:stages%40exemple.fr', 'stages@exemple.fr'],
    ['mailto:a@exemple.fr,b@exemple.fr', 'a@exemple.fr'],
    ['mailto:?subject=rien', null],
    ['mailto:%%%', null],
    ['https://exemple.fr/contact', null],
    [null, null],
  ])('%j → %j', (href, expected) => {
    expect(emailFromMailto(href)).toBe(expected);
  });
});

describe('firstEmail', () => {
  it('prefers the mailto link the page asks people to use over the spelling of its text', () => {
    expect(firstEmail(['tel:0102030405', 'mailto:aidants@exemple.fr'], 'écrire à aidants.connect@exemple.fr')).toBe(
      'aidants@exemple.fr',
    );
  });

  it('falls back on the first address of the text', () => {
    expect(firstEmail([], 'RH : rh@exemple.fr ou direction@exemple.fr')).toBe('rh@exemple.fr');
    expect(firstEmail([], 'Pas d’adresse ici')).toBeNull();
  });
});

describe('findPhone', () => {
  it.each([
    [[], 'Tél. : 01 23 45 67 89', '01 23 45 67 89'],
    [[], 'Téléphone : 01.23.45.67.89', '01.23.45.67.89'],
    [[], 'Phone: +33 1 23 45 67 89', '+33 1 23 45 67 89'],
    [[], 'tel 0123456789 (standard)', '0123456789'],
    [['tel:+33%20123456789'], 'Appelez-nous', '+33 123456789'],
    [[], 'SIRET 123 456 789 00012', null],
    [[], 'Référence 01 23 45 67 89 du dossier', null],
  ])('%j %j → %j', (links, text, expected) => {
    expect(findPhone(links, text)).toBe(expected);
  });
});
