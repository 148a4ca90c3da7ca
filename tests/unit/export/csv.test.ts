import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvFileName, offersToCsv } from '../../../lib/export/csv';
import { effectiveFields } from '../../../lib/saved-offer';
import { savedOffer as savedOfferArbitrary } from '../backup/arbitraries';
import { event, savedOffer } from '../backup/builders';

/** A strict RFC 4180 reader, written for the test, independent of the writer. */
function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text.charAt(index);
    if (quoted) {
      if (character === '"' && text.charAt(index + 1) === '"') {
        cell += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"' && cell === '') quoted = true;
    else if (character === '"') throw new Error(`stray quote at ${index}`);
    else if (character === separator) {
      row.push(cell);
      cell = '';
    } else if (character === '\r' && text.charAt(index + 1) === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index += 1;
    } else if (character === '\n' || character === '\r') throw new Error(`bare line break at ${index}`);
    else cell += character;
  }
  if (quoted) throw new Error('unterminated quote');
  if (cell !== '' || row.length > 0) throw new Error('last record has no CRLF');
  return rows;
}

const PARIS = 'Europe/Paris';
const withoutBom = (text: string) => (text.startsWith('\uFEFF') ? text.slice(1) : text);

function table(csv: string, separator = ';') {
  const [header = [], ...rows] = parseCsv(withoutBom(csv), separator);
  const cell = (row: number, column: string) => rows[row]?.[header.indexOf(column)];
  return { header, rows, cell };
}

const applied = savedOffer({
  title: 'Chargé·e de mission « inclusion numérique »',
  organization: 'Agence nationale de la cohésion des territoires',
  closesAt: '2026-03-20',
  application: {
    history: [
      event('to-apply', '2026-03-02T09:00:00.000Z'),
      // 23:30 UTC is already the next day in Paris.
      event('applied', '2026-03-04T23:30:00.000Z'),
      event('interview', '2026-03-12T13:00:00.000Z'),
    ],
    notes: 'Entretien avec Élodie ; prévoir un exemple "concret"\navec des chiffres',
  },
});

describe('CSV export', () => {
  it('starts with a UTF-8 byte-order mark so French Excel reads the accents', () => {
    const bytes = new TextEncoder().encode(offersToCsv([applied]));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(offersToCsv([applied], { bom: false }).startsWith('\uFEFF')).toBe(false);
  });

  it('writes one row per offer, French headers and ; by default, CRLF line ends', () => {
    const csv = offersToCsv([applied, savedOffer({ url: 'https://example.org/job/2', title: 'Designer' })], {
      timeZone: PARIS,
    });
    const { header, rows, cell } = table(csv);
    expect(rows).toHaveLength(2);
    expect(header).toContain('Intitulé du poste');
    expect(header).toContain('Date : Candidature envoyée');
    expect(rows.every((row) => row.length === header.length)).toBe(true);
    expect(cell(0, 'Intitulé du poste')).toBe('Chargé·e de mission « inclusion numérique »');
    expect(cell(1, 'Intitulé du poste')).toBe('Designer');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('gives each stage the day it was reached, in the chosen time zone', () => {
    const { cell } = table(offersToCsv([applied], { timeZone: PARIS }));
    expect(cell(0, 'Date : À postuler')).toBe('2026-03-02');
    expect(cell(0, 'Date : Candidature envoyée')).toBe('2026-03-05');
    expect(cell(0, 'Date : Entretien')).toBe('2026-03-12');
    expect(cell(0, 'Date : Refusée')).toBe('');
    expect(cell(0, 'Étape actuelle')).toBe('Entretien');
    expect(cell(0, 'Historique')).toBe('2026-03-02 À postuler\n2026-03-05 Candidature envoyée\n2026-03-12 Entretien');
    expect(cell(0, 'Date limite de candidature')).toBe('2026-03-20');
  });

  it('quotes fields holding the separator, quotes or line breaks (RFC 4180)', () => {
    const csv = offersToCsv([applied], { timeZone: PARIS });
    expect(csv).toContain('"Entretien avec Élodie ; prévoir un exemple ""concret""\navec des chiffres"');
    expect(table(csv).cell(0, 'Notes')).toBe(applied.application.notes);
  });

  it('uses commas when asked, and English headers', () => {
    const csv = offersToCsv([applied], { separator: ',', locale: 'en', timeZone: PARIS });
    const { header, cell } = table(csv, ',');
    expect(header[0]).toBe('Job title');
    expect(cell(0, 'Date: Application sent')).toBe('2026-03-05');
    expect(cell(0, 'Employer')).toBe('Agence nationale de la cohésion des territoires');
    expect(cell(0, 'Current stage')).toBe('Interview');
  });

  it('shows the candidate’s corrections rather than what the page said', () => {
    const corrected = savedOffer({ title: 'Titre de la page', application: { edits: { title: 'Mon titre' } } });
    expect(table(offersToCsv([corrected])).cell(0, 'Intitulé du poste')).toBe('Mon titre');
  });

  it.each([
    ['=HYPERLINK("https://evil.example","clic")', `"'=HYPERLINK(""https://evil.example"",""clic"")"`],
    ['+33 6 12 34 56 78', "'+33 6 12 34 56 78"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['Développeur', 'Développeur'],
    ['a;b', '"a;b"'],
  ])('neutralises spreadsheet formulas: %j → %s', (value, written) => {
    expect(csvCell(value, ';')).toBe(written);
  });

  it('neutralises a formula that came from a page', () => {
    const hostile = savedOffer({ title: '=cmd|"/c calc"!A1' });
    expect(table(offersToCsv([hostile])).cell(0, 'Intitulé du poste')).toBe(`'=cmd|"/c calc"!A1`);
  });

  it('any offer gives a well-formed table whose cells read back as written', () => {
    fc.assert(
      fc.property(
        fc.array(savedOfferArbitrary(), { maxLength: 5 }),
        fc.constantFrom(';' as const, ',' as const),
        (offers, separator) => {
          const { header, rows, cell } = table(offersToCsv(offers, { separator, timeZone: PARIS }), separator);
          expect(rows).toHaveLength(offers.length);
          for (const row of rows) expect(row).toHaveLength(header.length);
          offers.forEach((saved, index) => {
            const title = effectiveFields(saved).title;
            const expected = /^[=+\-@\t\r]/.test(title) ? `'${title}` : title;
            expect(cell(index, 'Intitulé du poste')).toBe(expected);
            expect(cell(index, 'Notes')).toBe(
              /^[=+\-@\t\r]/.test(saved.application.notes) ? `'${saved.application.notes}` : saved.application.notes,
            );
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('names the file with the day', () => {
    expect(csvFileName(new Date('2026-03-04T23:30:00.000Z'), PARIS)).toBe('postulo-candidatures-2026-03-05.csv');
  });
});
