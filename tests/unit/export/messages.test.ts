import { describe, expect, it } from 'vitest';
import { registeredCatalogues } from '../../../lib/i18n';
import '../../../lib/export/messages';

// lib/i18n's own parity test loads the catalogues of lib/i18n/*.ts; the exports' one lives here.
describe('export wording', () => {
  it('has every key, non-empty, in French and in English', () => {
    const entry = registeredCatalogues().find((item) => item.name === 'exports');
    expect(entry).toBeDefined();
    if (!entry) return;
    expect(Object.keys(entry.catalogue.en).sort()).toEqual(Object.keys(entry.catalogue.fr).sort());
    for (const locale of ['fr', 'en'] as const) {
      for (const [key, text] of Object.entries(entry.catalogue[locale]))
        expect(text.trim(), `${locale}.${key}`).not.toBe('');
    }
  });
});
