import { describe, expect, it } from 'vitest';
import {
  findClosingDate,
  findDateIn,
  findPublishedDate,
  parseDateAt,
  resolveDate,
} from '../../../lib/extract/french-dates';

const NOW = new Date('2021-08-15T10:00:00Z');

describe('parseDateAt', () => {
  it.each([
    ['30 septembre 2021', { year: 2021, month: 9, day: 30 }],
    ['1er mars 2022', { year: 2022, month: 3, day: 1 }],
    ['lundi 1er mars 2021 à 12h', { year: 2021, month: 3, day: 1 }],
    ['25 juin', { year: null, month: 6, day: 25 }],
    ['15 aout', { year: null, month: 8, day: 15 }],
    ['3 févr. 2023', { year: 2023, month: 2, day: 3 }],
    ['01/12/2024', { year: 2024, month: 12, day: 1 }],
    ['1.12.2024', { year: 2024, month: 12, day: 1 }],
    ['01-12-24', { year: 2024, month: 12, day: 1 }],
    ['23/11', { year: null, month: 11, day: 23 }],
    ['2024-06-30', { year: 2024, month: 6, day: 30 }],
    ['2024-06-30T23:59:00+02:00', { year: 2024, month: 6, day: 30 }],
    ['September 30, 2021', { year: 2021, month: 9, day: 30 }],
    ['30th of September 2021', { year: 2021, month: 9, day: 30 }],
    ['Sept 30', { year: null, month: 9, day: 30 }],
    ['12/31/2024', { year: 2024, month: 12, day: 31 }],
  ])('reads %j', (text, expected) => {
    expect(parseDateAt(text, 0)).toMatchObject(expected);
  });

  it.each([
    '31/02/2026',
    '31 février 2026',
    '30 février',
    '32 mars',
    '4.5',
    '1-2',
    'mars 2021',
    'septembre 2021',
    '2021',
    'le mardi',
  ])('rejects %j', (text) => {
    expect(parseDateAt(text, 0)).toBeNull();
  });

  it('includes a time of day in the span, so the raw text keeps it', () => {
    const text = 'le 23 novembre 23h59, pas après';
    const mention = findDateIn(text, 0, text.length);
    expect(mention && text.slice(mention.start, mention.end)).toBe('23 novembre 23h59');
  });
});

describe('resolveDate: the year of a date written without one', () => {
  it('is the first occurrence on or after the publication date', () => {
    const mention = { start: 0, end: 0, year: null, month: 1, day: 10 };
    expect(resolveDate(mention, { now: NOW, after: '2021-11-20' })).toBe('2022-01-10');
    expect(resolveDate({ ...mention, month: 12 }, { now: NOW, after: '2021-11-20' })).toBe('2021-12-10');
  });

  it('without a publication date, is the occurrence nearest to now (a deadline just passed, not one 11 months on)', () => {
    const mention = { start: 0, end: 0, year: null, month: 6, day: 25 };
    expect(resolveDate(mention, { now: new Date('2021-07-10T00:00:00Z') })).toBe('2021-06-25');
    expect(resolveDate(mention, { now: new Date('2021-03-01T00:00:00Z') })).toBe('2021-06-25');
    expect(resolveDate({ ...mention, month: 1, day: 5 }, { now: new Date('2021-12-20T00:00:00Z') })).toBe('2022-01-05');
  });

  it('keeps a written year, and refuses 29 February in a common year', () => {
    expect(resolveDate({ start: 0, end: 0, year: 2023, month: 2, day: 29 }, { now: NOW })).toBeNull();
    expect(resolveDate({ start: 0, end: 0, year: 2024, month: 2, day: 29 }, { now: NOW })).toBe('2024-02-29');
  });
});

describe('findClosingDate', () => {
  it.each([
    ['avant le 30 septembre 2021', '2021-09-30'],
    ['Envoyez votre candidature avant le 30 septembre 2021.', '2021-09-30'],
    ['Date limite de candidature : 25 juin', '2021-06-25'],
    ['Date limite de dépôt des candidatures : 15/10/2021', '2021-10-15'],
    ['Date limite de candidature\n15 octobre 2021', '2021-10-15'],
    ["Vous pouvez candidater jusqu'au 23 novembre 23h59.", '2021-11-23'],
    ["Jusqu'au 23 novembre 23h59", '2021-11-23'],
    ["Candidatures jusqu'au 01/12/2024", '2024-12-01'],
    ['Postulez jusqu’au 1er octobre 2021 inclus.', '2021-10-01'],
    ['Clôture des candidatures : 12 septembre 2021', '2021-09-12'],
    ['Candidatures du 1er au 30 juin 2024', '2024-06-30'],
    ['Comment postuler ?\nAvant le 1er octobre, par courriel.', '2021-10-01'],
    ['Merci de nous adresser votre CV au plus tard le 20/09/2021.', '2021-09-20'],
    ['Apply by September 30, 2021', '2021-09-30'],
    ['Deadline: 2021-10-01', '2021-10-01'],
    ['Application deadline: 12 March 2022', '2022-03-12'],
    ['Applications close on 12 March 2022', '2022-03-12'],
    ['Please send your resume before October 1, 2021.', '2021-10-01'],
  ])('%j closes on %s', (text, date) => {
    expect(findClosingDate(text, { now: NOW })?.date).toBe(date);
  });

  it.each([
    ["Poste en CDD jusqu'au 31 décembre 2023, candidatures bienvenues."],
    ["CDD jusqu'au 31 décembre 2023"],
    ["Candidatez ! CDD jusqu'au 31 décembre 2023"],
    ['Mission du 1er mars au 30 juin'],
    ['Mission du 1er mars au 30 juin, envoyez votre CV.'],
    ['Disponible à partir du 1er septembre'],
    ['Démarrage avant le 1er mars, candidatures ouvertes.'],
    ["L'équipe sera en vacances jusqu'au 15 août : nous lirons ta candidature à notre retour."],
    ['Date limite dépassée sur un produit…'],
    ['Date limite : 31/02/2026'],
    ['Poste ouvert le 30/08/2021'],
    ['Travail à temps partiel au 4/5.'],
    ["Le contrat court jusqu'au 30 juin 2022."],
    ['The contract runs until June 30, 2022.'],
  ])('%j is no closing date', (text) => {
    expect(findClosingDate(text, { now: NOW })).toBeNull();
  });

  it('keeps the words that gave the date', () => {
    expect(findClosingDate('Profil : junior. Candidatures jusqu’au 01/12/2024 à 12h00.', { now: NOW })).toEqual({
      date: '2024-12-01',
      raw: 'Candidatures jusqu’au 01/12/2024 à 12h00',
    });
    expect(findClosingDate('Date limite de candidature : 25 juin', { now: NOW })?.raw).toBe(
      'Date limite de candidature : 25 juin',
    );
  });

  it('prefers a labelled deadline over one in prose', () => {
    const text = 'Envoyez votre CV avant le 1er septembre 2021.\nDate limite : 10 septembre 2021';
    expect(findClosingDate(text, { now: NOW })?.date).toBe('2021-09-10');
  });

  it('anchors a date without a year on the publication date', () => {
    const text = 'Date limite de candidature : 10 mars';
    expect(findClosingDate(text, { now: NOW, publishedAt: '2021-11-20' })?.date).toBe('2022-03-10');
    expect(findClosingDate(text, { now: NOW })?.date).toBe('2021-03-10');
  });

  it('stays fast on a long text made of date-like words', () => {
    const hostile = 'au 1/2 du 3/4 '.repeat(15_000);
    const started = performance.now();
    findClosingDate(hostile, { now: NOW });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('findPublishedDate', () => {
  it.each([
    ['Poste ouvert le 30/08/2021', '2021-08-30'],
    ['Publiée le 3 mai 2021', '2021-05-03'],
    ['Date de publication : 12/03/2021', '2021-03-12'],
    ['Date de publication\n12/03/2021', '2021-03-12'],
    ['Mis en ligne le 1er juillet', '2021-07-01'],
    ['Posted on Jan 5, 2021', '2021-01-05'],
  ])('%j was published on %s', (text, date) => {
    expect(findPublishedDate(text, NOW)?.date).toBe(date);
  });

  it('puts a date without a year before now: a posting is published before it is read', () => {
    expect(findPublishedDate('Publié le 20 décembre', NOW)?.date).toBe('2020-12-20');
  });

  it('finds none in prose without a publication label', () => {
    expect(findPublishedDate('Démarrage le 1er septembre 2021', NOW)).toBeNull();
  });
});
