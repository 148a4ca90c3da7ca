import { describe, expect, it } from 'vitest';
import { formatIsoDate, registeredCatalogues, resolveLocale } from '../../lib/i18n';

// Every catalogue lives in lib/i18n/<area>.ts: load them all so none escapes the parity check.
import.meta.glob('../../lib/i18n/*.ts', { eager: true });

describe('translations', () => {
  it('has catalogues to check', () => {
    expect(registeredCatalogues().length).toBeGreaterThan(0);
  });

  it.each(registeredCatalogues().map((entry) => [entry.name, entry.catalogue] as const))(
    '%s: every key exists, non-empty, in French and in English',
    (_name, catalogue) => {
      const fr = Object.keys(catalogue.fr).sort();
      const en = Object.keys(catalogue.en).sort();
      expect(en).toEqual(fr);
      for (const locale of ['fr', 'en'] as const) {
        for (const [key, text] of Object.entries(catalogue[locale]))
          expect(text.trim(), `${locale}.${key}`).not.toBe('');
      }
    },
  );

  it('follows the browser language when set to auto, French first', () => {
    expect(resolveLocale('auto', 'en-US')).toBe('en');
    expect(resolveLocale('auto', 'de-DE')).toBe('fr');
    expect(resolveLocale('auto', undefined)).toBe('fr');
    expect(resolveLocale('en', 'fr-FR')).toBe('en');
  });

  it('formats calendar dates per locale without shifting the day', () => {
    expect(formatIsoDate('2026-03-12', 'fr')).toBe('12/03/2026');
    expect(formatIsoDate('2026-03-12', 'en', 'long')).toBe('12 March 2026');
  });
});
