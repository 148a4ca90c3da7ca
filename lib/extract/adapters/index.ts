/**
 * The registry of site adapters: one file per site. `tests/unit/extract/adapters.registry.test.ts`
 * fails when an adapter file is not registered here or has no test of its own.
 */
import type { SiteAdapter } from '../types';
import { betaGouv } from './beta-gouv';
import { incubateurAnct } from './incubateur-anct';

export const SITE_ADAPTERS: readonly SiteAdapter[] = [incubateurAnct, betaGouv];

export function findAdapter(url: URL): SiteAdapter | null {
  return SITE_ADAPTERS.find((adapter) => adapter.matches(url)) ?? null;
}
