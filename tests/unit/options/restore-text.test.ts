import { describe, expect, it } from 'vitest';
import { describePath, describeProblem, describeRestored } from '../../../components/options/restoreText';
import { readBackup } from '../../../lib/backup/read';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { backupText, savedOffer } from '../backup/builders';

const FILE = { offers: [{ page: { title: 'Designer' } }, { page: { title: '  Chef·fe\n de projet  ' } }, {}] };

describe('where a problem is, in the candidate’s words', () => {
  it.each([
    ['offers[1].page.url', 'fr', 'offre n° 2 (« Chef·fe de projet »), champ page.url'],
    ['offers[0]', 'en', 'offer no. 1 (“Designer”)'],
    ['offers[2].application.history[0].at', 'fr', 'offre n° 3, champ application.history[0].at'],
    ['offers[7].id', 'fr', 'offre n° 8, champ id'],
    ['reminders[0].dueAt', 'fr', 'rappel n° 1, champ dueAt'],
    ['settings.quietHours.from', 'en', 'settings, field quietHours.from'],
    ['version', 'fr', 'version'],
  ] as const)('%s (%s) → %s', (path, locale, expected) => {
    expect(describePath(locale, path, FILE)).toBe(expected);
  });

  it('works without the file’s content', () => {
    expect(describePath('fr', 'offers[1].page.url')).toBe('offre n° 2, champ page.url');
  });
});

describe('a refused backup', () => {
  it('says why, where, and keeps the technical detail without repeating the path', () => {
    const other = savedOffer({ url: 'https://beta.gouv.fr/recrutement/2026/03/02/autre' });
    const broken = { ...other, page: { ...other.page, url: 'nope' } };
    const read = readBackup(backupText([savedOffer(), broken]), { settings: DEFAULT_SETTINGS });
    if (read.ok) throw new Error('the broken file was accepted');
    const text = describeProblem('fr', read.problem, JSON.parse(backupText([savedOffer(), broken])));
    expect(text.where).toBe('offre n° 2 (« Développeur·se fullstack »), champ page.url');
    expect(text.why).toBe('une valeur du fichier n’est pas valable (le fichier a sans doute été modifié ou abîmé).');
    expect(text.detail).toBe('invalid URL');
  });

  it('has words for every code the backup engine gives, and for an unknown one', () => {
    const codes = [
      'too-large',
      'not-text',
      'not-json',
      'not-a-backup',
      'newer-version',
      'unknown-version',
      'invalid',
      'conflict',
      'database',
    ];
    const unknown = describeProblem('en', { code: 'surprise', message: 'boom' }).why;
    expect(unknown).toBe('an unexpected error occurred.');
    for (const code of codes) {
      const text = describeProblem('en', { code, message: 'x' });
      expect(text.why, code).not.toBe(unknown);
      expect(text.where).toBeNull();
    }
  });
});

describe('a restore’s summary', () => {
  const answer = { ok: true, offers: { added: 2, updated: 1, unchanged: 0 }, reminders: 1 } as const;
  it('counts a merge in French, with French plurals (0 and 1 singular)', () => {
    expect(describeRestored('fr', 'merge', answer)).toBe(
      'Sauvegarde fusionnée : 2 offres ajoutées, 1 mise à jour, 0 inchangée ; 1 rappel restauré.',
    );
  });
  it('says a replace took the file’s data, in English plurals', () => {
    expect(describeRestored('en', 'replace', { ...answer, reminders: 0 })).toBe(
      'Backup restored: your data is now the file’s (2 offers, 0 reminders).',
    );
  });
});
