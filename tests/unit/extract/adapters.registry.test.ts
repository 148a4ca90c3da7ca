/**
 * Keeps the site-adapter registry honest (after refined-github's features meta-test): every file
 * in lib/extract/adapters/ is registered, owns its host, and has a test file of its own.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAdapter, SITE_ADAPTERS } from '../../../lib/extract/adapters';

const ADAPTERS_DIR = join(import.meta.dirname, '../../../lib/extract/adapters');
const adapterFiles = readdirSync(ADAPTERS_DIR)
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
  .map((file) => file.replace(/\.ts$/, ''));

describe('site adapter registry', () => {
  it('registers as many adapters as there are adapter files', () => {
    expect(SITE_ADAPTERS).toHaveLength(adapterFiles.length);
  });

  it.each(adapterFiles)('%s has its own test file', (name) => {
    expect(existsSync(join(import.meta.dirname, `${name}.test.ts`))).toBe(true);
  });

  it.each(SITE_ADAPTERS.map((adapter) => [adapter.id, adapter] as const))('%s owns its own host', (id, adapter) => {
    const home = new URL(`https://${id}/`);
    expect(adapter.matches(home)).toBe(true);
    expect(findAdapter(home)).toBe(adapter);
  });

  it('claims no other site', () => {
    expect(findAdapter(new URL('https://www.welcometothejungle.com/fr/companies/x/jobs/y'))).toBeNull();
    expect(findAdapter(new URL('https://example.org/recrutements/x'))).toBeNull();
    // A look-alike host must not be taken for the real one.
    expect(findAdapter(new URL('https://beta.gouv.fr.evil.example/recrutement/'))).toBeNull();
  });
});
