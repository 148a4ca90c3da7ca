/** A fresh database per case, and a snapshot of everything in it to compare before and after. */

import { type OfferRow, PostuloDb } from '../../../lib/db';
import { toOfferRow } from '../../../lib/offers-repo';
import type { Reminder } from '../../../lib/reminder';
import type { SavedOffer } from '../../../lib/saved-offer';

export async function openTestDb(offers: readonly SavedOffer[] = [], reminders: readonly Reminder[] = []) {
  const db = new PostuloDb(`test-${crypto.randomUUID()}`);
  await db.offers.bulkAdd(offers.map(toOfferRow));
  await db.reminders.bulkAdd([...reminders]);
  return db;
}

export async function snapshot(db: PostuloDb): Promise<{ offers: OfferRow[]; reminders: Reminder[] }> {
  return { offers: await db.offers.toArray(), reminders: await db.reminders.toArray() };
}

export async function dropTestDb(db: PostuloDb): Promise<void> {
  db.close();
  await db.delete();
}

export function byId<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
