import { describe, expect, it } from 'vitest';
import { backgroundText } from '../../../lib/background/texts';
import { registeredCatalogues } from '../../../lib/i18n';

describe("the background's words", () => {
  it('has every French message in English too, none empty', () => {
    const entry = registeredCatalogues().find(({ name }) => name === 'background');
    expect(entry).toBeDefined();
    const { fr, en } = entry?.catalogue ?? { fr: {}, en: {} };
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const text of [...Object.values(fr), ...Object.values(en)]) expect(text.trim()).not.toBe('');
  });

  it('names the context menu item as the issue asks', () => {
    expect(backgroundText('fr', 'menuSave')).toBe('Enregistrer cette offre dans Postulo');
    expect(backgroundText('en', 'menuSave')).toBe('Save this offer in Postulo');
  });
});
