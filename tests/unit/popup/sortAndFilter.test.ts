import { describe, expect, it } from 'vitest';
import {
  filterItems,
  type ListItem,
  normaliseForSearch,
  sortForList,
  toListItem,
} from '../../../components/popup/sortAndFilter';
import { newApplication } from '../../../lib/application';
import type { OfferRow } from '../../../lib/db';
import { NO_CLOSING_DATE } from '../../../lib/db';
import type { OfferFields } from '../../../lib/offer';
import { makeOffer } from './support';

const TODAY = '2026-03-12';

function item(id: string, fields: Partial<ListItem> = {}): ListItem {
  return {
    id,
    title: id,
    organization: null,
    contract: null,
    contractRaw: null,
    closesAt: null,
    status: 'open',
    stage: 'to-apply',
    savedAt: '2026-03-01T10:00:00.000Z',
    searchText: id,
    ...fields,
  };
}

function row(slug: string, fields: Partial<OfferFields>, application: Partial<OfferRow['application']> = {}): OfferRow {
  const page = makeOffer(slug, fields);
  return {
    id: page.url,
    page,
    application: { ...newApplication(new Date('2026-03-01T10:00:00Z')), ...application },
    changes: [],
    savedAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    closesAt: page.closesAt ?? NO_CLOSING_DATE,
    stage: application.stage ?? 'to-apply',
  };
}

describe('sortForList', () => {
  it('open offers by nearest closing date, then undated ones, then those that are over', () => {
    const items = [
      item('undated-old', { savedAt: '2026-01-01T00:00:00.000Z' }),
      item('filled-future', { status: 'filled', closesAt: '2026-04-01' }),
      item('in-ten-days', { closesAt: '2026-03-22' }),
      item('closed-long-ago', { closesAt: '2025-11-30' }),
      item('today', { closesAt: TODAY }),
      item('undated-new', { savedAt: '2026-03-10T00:00:00.000Z' }),
      item('closed-yesterday', { closesAt: '2026-03-11' }),
      item('tomorrow', { closesAt: '2026-03-13' }),
    ];
    expect(sortForList(items, TODAY).map((entry) => entry.id)).toEqual([
      'today',
      'tomorrow',
      'in-ten-days',
      'undated-new',
      'undated-old',
      'filled-future',
      'closed-yesterday',
      'closed-long-ago',
    ]);
  });

  it('breaks ties by id, the order the closesAt index gives, and does not touch its input', () => {
    const items = [item('b', { closesAt: '2026-03-20' }), item('a', { closesAt: '2026-03-20' })];
    expect(sortForList(items, TODAY).map((entry) => entry.id)).toEqual(['a', 'b']);
    expect(items.map((entry) => entry.id)).toEqual(['b', 'a']);
  });
});

describe('search', () => {
  it('ignores accents, case, ligatures and extra spaces', () => {
    expect(normaliseForSearch('  Développeuse   CŒUR  d’Équipe ')).toBe("developpeuse coeur d'equipe");
  });

  const rows = [
    row('dev', { title: 'Développeur·se Full-Stack', organization: 'Agence nationale de la cohésion des territoires' }),
    row('pm', {
      title: 'Chargée de déploiement',
      contact: { email: 'recrutement@beta.gouv.fr', name: 'Élodie Martin', phone: null },
    }),
    row('ux', { title: 'Designer UX' }, { notes: 'Relancer Hélène après le forum', contactPerson: 'Hélène Dupont' }),
  ].map(toListItem);
  const search = (query: string) => filterItems(rows, { stage: 'all', query }).map((entry) => entry.title);

  it('finds role, organisation, contact and notes without accents or case', () => {
    expect(search('developpeur')).toEqual(['Développeur·se Full-Stack']);
    expect(search('COHESION territoires')).toEqual(['Développeur·se Full-Stack']);
    expect(search('elodie')).toEqual(['Chargée de déploiement']);
    expect(search('recrutement@beta')).toEqual(['Chargée de déploiement']);
    expect(search('helene')).toEqual(['Designer UX']);
    expect(search('déploiement')).toEqual(['Chargée de déploiement']);
  });

  it('needs every word, and an empty query keeps everything', () => {
    expect(search('designer forum')).toEqual(['Designer UX']);
    expect(search('designer cohesion')).toEqual([]);
    expect(search('   ')).toHaveLength(3);
  });

  it('filters by stage, combined with the search', () => {
    const staged = [
      item('a', { stage: 'applied', searchText: 'alpha' }),
      item('b', { stage: 'to-apply', searchText: 'alpha' }),
    ];
    expect(filterItems(staged, { stage: 'applied', query: '' }).map((entry) => entry.id)).toEqual(['a']);
    expect(filterItems(staged, { stage: 'applied', query: 'beta' })).toEqual([]);
  });
});

describe('toListItem', () => {
  it('shows the candidate’s corrections over the page', () => {
    const corrected = row(
      'fix',
      { title: 'Titre lu', closesAt: '2026-03-20' },
      {
        edits: { title: 'Titre corrigé', closesAt: '2026-03-25' },
      },
    );
    expect(toListItem(corrected)).toMatchObject({ title: 'Titre corrigé', closesAt: '2026-03-25' });
  });
});
