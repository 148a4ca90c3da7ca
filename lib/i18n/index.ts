/**
 * French-first translations. Each area (panel, popup, options, notifications, exports) declares
 * its own catalogue with `defineMessages` in its own file, so areas change independently; the
 * type forces English to have exactly the French keys, and tests/unit/i18n.test.ts checks it
 * again at run time for every registered catalogue.
 *
 * Messages are plain text with `{name}` placeholders: never HTML.
 */
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type LocaleSetting = Locale | 'auto';

export type Catalogue<K extends string> = { fr: Record<K, string>; en: Record<K, string> };

const registry: Array<{ name: string; catalogue: Catalogue<string> }> = [];

/** Declares an area's messages; returns its translate function. */
export function defineMessages<K extends string>(
  name: string,
  catalogue: { fr: Record<K, string>; en: NoInfer<Record<K, string>> },
) {
  registry.push({ name, catalogue });
  return (locale: Locale, key: K, params?: Record<string, string | number>): string =>
    interpolate(catalogue[locale][key] ?? catalogue.fr[key], params);
}

/** Every catalogue declared so far (for the key-parity test). */
export function registeredCatalogues(): ReadonlyArray<{ name: string; catalogue: Catalogue<string> }> {
  return registry;
}

function interpolate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** 'auto' → English when the browser speaks English, French otherwise (French first). */
export function resolveLocale(setting: LocaleSetting, browserLanguage: string | undefined): Locale {
  if (setting !== 'auto') return setting;
  return browserLanguage?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

const BCP47: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/**
 * One formatter per locale and style, made on first use: building an Intl.DateTimeFormat costs far
 * more than formatting with it, and a list formats a date on every row it paints.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, kind: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${kind}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(BCP47[locale], options);
    formatters.set(key, format);
  }
  return format;
}

/** A calendar date `YYYY-MM-DD` as the user reads it (12/03/2026, 12 Mar 2026). */
export function formatIsoDate(iso: string, locale: Locale, style: 'short' | 'long' = 'short'): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return formatter(locale, `date ${style}`, {
    timeZone: 'UTC',
    ...(style === 'short'
      ? { day: '2-digit', month: '2-digit', year: 'numeric' }
      : { day: 'numeric', month: 'long', year: 'numeric' }),
  }).format(date);
}

/** An instant in the user's local time (the time zone is read once, when the formatter is made). */
export function formatInstant(instant: string | number | Date, locale: Locale, withTime = false): string {
  return formatter(locale, withTime ? 'instant time' : 'instant', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  }).format(new Date(instant));
}
