/**
 * The list's order and filters, as pure functions over light list items (a 10,000-offer list is
 * projected once per database change, then sorted and filtered in memory).
 *
 * Order, chosen for someone deciding what to do next:
 * 1. offers still open with a closing date, nearest first (today's before tomorrow's);
 * 2. offers still open with no closing date, most recently saved first;
 * 3. offers whose posting is over (status closed or filled, or closing date past), most recently
 *    closed first — an application sent before the deadline may still be alive, so they stay
 *    listed, below what can still be acted on.
 * Ties keep the id order, which is the database's own order on the closesAt index: the first
 * screen read straight from that index (see useOfferItems) matches the full sort.
 */
import type { Stage } from '../../lib/application';
import type { OfferRow } from '../../lib/db';
import { effectiveFields } from '../../lib/effective-fields';
import type { Contract, OfferStatus } from '../../lib/offer';
import { closingState, isFinished } from './closingLabel';

export interface ListItem {
  id: string;
  title: string;
  organization: string | null;
  contract: Contract | null;
  contractRaw: string | null;
  /** The effective closing date, null when there is none. */
  closesAt: string | null;
  status: OfferStatus;
  stage: Stage;
  savedAt: string;
  /** Role, organisation, contact, notes: normalised for accent- and case-insensitive search. */
  searchText: string;
}

export type StageFilter = Stage | 'all';

export interface ListFilter {
  stage: StageFilter;
  query: string;
}

export const NO_FILTER: ListFilter = { stage: 'all', query: '' };

/** Lower-case, without accents or ligatures, single-spaced: « Développeuse  Cœur » → « developpeuse coeur ». */
export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

export function toListItem(row: OfferRow): ListItem {
  const fields = effectiveFields(row);
  const contact = fields.contact;
  const searchable = [
    fields.title,
    fields.organization,
    contact?.name,
    contact?.email,
    contact?.phone,
    row.application.contactPerson,
    row.application.notes,
  ];
  return {
    id: row.id,
    title: fields.title,
    organization: fields.organization,
    contract: fields.contract,
    contractRaw: fields.contractRaw,
    closesAt: fields.closesAt,
    status: fields.status,
    stage: row.application.stage,
    savedAt: row.savedAt,
    searchText: normaliseForSearch(searchable.filter((part): part is string => Boolean(part)).join(' \n ')),
  };
}

type Group = 0 | 1 | 2;

function groupOf(item: ListItem, today: string): Group {
  if (isFinished(closingState(item.status, item.closesAt, today))) return 2;
  return item.closesAt === null ? 1 : 0;
}

function byId(a: ListItem, b: ListItem): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function compareWithin(group: Group, a: ListItem, b: ListItem): number {
  if (group === 0) return (a.closesAt ?? '').localeCompare(b.closesAt ?? '') || byId(a, b);
  if (group === 1) return b.savedAt.localeCompare(a.savedAt) || byId(a, b);
  // Most recently closed first; closed posts without a date after those with one.
  return (b.closesAt ?? '').localeCompare(a.closesAt ?? '') || byId(a, b);
}

/** A new array in list order (see the module comment). `today` is the local `YYYY-MM-DD`. */
export function sortForList(items: readonly ListItem[], today: string): ListItem[] {
  const keyed = items.map((item) => ({ item, group: groupOf(item, today) }));
  keyed.sort((a, b) => a.group - b.group || compareWithin(a.group, a.item, b.item));
  return keyed.map(({ item }) => item);
}

/** Items of the chosen stage whose searchable text holds every word of the query. */
export function filterItems(items: readonly ListItem[], filter: ListFilter): readonly ListItem[] {
  const words = normaliseForSearch(filter.query).split(' ').filter(Boolean);
  if (filter.stage === 'all' && words.length === 0) return items;
  return items.filter(
    (item) =>
      (filter.stage === 'all' || item.stage === filter.stage) && words.every((word) => item.searchText.includes(word)),
  );
}

/** How many items are at each stage (for the filter's « Candidature envoyée (3) »). */
export function countByStage(items: readonly ListItem[]): Map<Stage, number> {
  const counts = new Map<Stage, number>();
  for (const item of items) counts.set(item.stage, (counts.get(item.stage) ?? 0) + 1);
  return counts;
}
