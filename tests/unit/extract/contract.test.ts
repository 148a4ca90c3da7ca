import { describe, expect, it } from 'vitest';
import { classifyContract } from '../../../lib/extract/contract';
import { contractKind, employmentTypeKind, findContractWords } from '../../../lib/extract/contract-words';

describe('classifyContract (the labels’ keyword rules)', () => {
  it.each([
    ['indépendant', 'freelance'],
    ['indépendent', 'freelance'],
    ['independant', 'freelance'],
    ['indépendant·e', 'freelance'],
    ['préstataire', 'freelance'],
    ['free lance', 'freelance'],
    ['Freelance / prestataire', 'freelance'],
    ['en portage', 'freelance'],
    ['stage', 'stage'],
    ['Stagiaire', 'stage'],
    ['alternance', 'alternance'],
    ['alternante', 'alternance'],
    ['apprentie', 'alternance'],
    ['CDI', 'CDI'],
    ['CDD 3 ans', 'CDD'],
    ['contractuel (CDD 3 ans)', 'CDD'],
    ['Fonctionaire A/A+ ou CDD 3 ans', 'fonctionnaire/détachement'],
    ['Emploi ouvert aux titulaires et aux contractuels', 'fonctionnaire/détachement'],
    ['détachement', 'fonctionnaire/détachement'],
    ['mise à disposition', 'fonctionnaire/détachement'],
    ['temps plein', 'autre'],
    ['', null],
    [null, null],
  ])('%j → %j', (raw, kind) => {
    expect(classifyContract(raw)).toBe(kind);
  });
});

describe('findContractWords', () => {
  it.each([
    ['Modalités\nPoste ouvert pour un·e indépendant·e qui a l’habitude de guider une équipe', 'indépendant'],
    ['Poste ouvert pour un indépendant ou une indépendante pour un premier contrat de 6 mois', 'indépendant'],
    ['Poste ouvert aux indépendant·e·s sur une durée de 3 à 4 mois', 'indépendant'],
    ['Poste réservé aux indépendant(e)s ; mission de 10 jours', 'indépendant'],
    ['Poste ouvert aux travailleurs en statut indépendant.', 'indépendant'],
    ['Poste ouvert en CDD. Le télétravail est possible.', 'CDD'],
    ['Vous aurez un statut de freelance ou d’auto-entrepreneur‧se.', 'freelance'],
    ['📝 Contrat de prestataire au 4/5ème avec télétravail', 'prestataire'],
    ['Un contrat en CDD de trois ans au sein de la direction.', 'CDD'],
    ['Type de contrat : CDD 3 ans', 'CDD 3 ans'],
    ['Contrat : CDD de 6 mois\nDébut de la mission : dès que possible', 'CDD de 6 mois'],
    ['Statut — Freelance / prestataire. Travail à distance', 'Freelance / prestataire'],
    ['Type de contrat\nCDI', 'CDI'],
    [
      "Nature de l'emploi\nEmploi ouvert aux titulaires et aux contractuels",
      'Emploi ouvert aux titulaires et aux contractuels',
    ],
    ['Statut\nVous aurez un statut de freelance ou d’auto-entrepreneur‧se', 'freelance'],
    ['Modalités\nStage de 4 à 6 mois, 35 heures hebdomadaires', 'Stage'],
    ['Les modalités\nFreelance 4 jours / semaine pendant 6 mois', 'Freelance'],
    ['CDI\nLyon\nTélétravail fréquent', 'CDI'],
    ['L’équipe SignalConso recrute un·e stagiaire chargé·e de développement', 'stagiaire'],
    ['Démarrage en freelance avec possibilité de passer en salarié', 'freelance'],
    ['Employment type: Full-time', 'Full-time'],
    ['We offer a 6-month internship in our data team.', 'internship'],
  ])('%j → %j', (text, raw) => {
    expect(findContractWords(text)?.raw).toBe(raw);
  });

  it.each([
    ['L’équipe se compose d’une cheffe de produit freelance et d’une chargée de déploiement.'],
    ['Un prestataire pour l’AMO possédant une forte expertise.'],
    ['Le/la titulaire est placé·e sous la responsabilité de la direction.'],
    ['Titulaire d’un master en informatique'],
    ['A l’occasion de votre stage, vos missions seront variées.'],
    ['Contrat : temps partiel à 80 % minimum'],
    ['Contrat de 6 mois, à minima 3 jours par semaine'],
    ['Une expérience de portage d’un service numérique'],
    ['Statut : ouvert'],
  ])('%j names no contract', (text) => {
    expect(findContractWords(text)).toBeNull();
  });

  it.each([
    [['Dédale recrute un ou une stagiaire pour du déploiement — beta.gouv.fr'], 'stagiaire'],
    [['Chargé(e) de déploiement (Stage)'], 'Stage'],
    [['Développeur·se full-stack - CDI à Lyon'], 'CDI'],
    [['Alternant·e développeur web'], 'Alternant'],
  ])('takes the contract a title names first: %j → %j', (titles, raw) => {
    expect(findContractWords('Type de contrat : Stage dans la fonction publique', titles)?.raw).toBe(raw);
  });

  it.each([[['Responsable des stages et de l’alternance']], [['Titulaire du permis B']], [['Chef·fe de projet']]])(
    'takes no contract from the title %j',
    (titles) => {
      expect(findContractWords('Poste ouvert en CDD.', titles)?.raw).toBe('CDD');
    },
  );

  it('gives the kind the words name', () => {
    expect(findContractWords('Poste ouvert pour un·e indépendant·e')?.kind).toBe('freelance');
    expect(findContractWords('Type de contrat : Stage dans la fonction publique')?.kind).toBe('stage');
  });

  it('prefers a label over a sentence, and a sentence over a line that starts with the word', () => {
    expect(findContractWords('Stage de 3 mois possible\nPoste ouvert en CDD\nType de contrat : CDI')?.raw).toBe('CDI');
    expect(findContractWords('Stage de 3 mois possible\nPoste ouvert en CDD')?.raw).toBe('CDD');
  });
});

describe('contractKind and employmentTypeKind', () => {
  it.each([
    ['Internship', 'stage'],
    ['Apprenticeship', 'alternance'],
    ['Permanent', 'CDI'],
    ['Fixed-term', 'CDD'],
    ['Contractor', 'freelance'],
    ['Full-time', 'autre'],
  ])('contractKind(%j) → %j', (raw, kind) => {
    expect(contractKind(raw)).toBe(kind);
  });

  it.each([
    ['FULL_TIME', null],
    ['PART_TIME', null],
    ['CONTRACTOR', 'freelance'],
    ['TEMPORARY', 'CDD'],
    ['INTERN', 'stage'],
    ['VOLUNTEER', 'autre'],
    ['OTHER', 'autre'],
    ['CDI', 'CDI'],
    ['Stage', 'stage'],
    ['', null],
  ])('employmentTypeKind(%j) → %j', (value, kind) => {
    expect(employmentTypeKind(value)).toBe(kind);
  });
});
