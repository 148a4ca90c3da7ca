import { describe, expect, it } from 'vitest';
import { canonicalUrl, isWebUrl } from '../../../lib/url';

describe('canonicalUrl', () => {
  it.each([
    [
      'lower-cases the scheme and host',
      'HTTPS://Beta.Gouv.FR/recrutement/x.html',
      'https://beta.gouv.fr/recrutement/x.html',
    ],
    [
      'drops the fragment',
      'https://beta.gouv.fr/recrutement/x.html#postuler',
      'https://beta.gouv.fr/recrutement/x.html',
    ],
    [
      'drops utm_* parameters',
      'https://beta.gouv.fr/recrutement/x.html?utm_source=lettre&utm_medium=email',
      'https://beta.gouv.fr/recrutement/x.html',
    ],
    ['drops mtm_* parameters', 'https://beta.gouv.fr/a?mtm_campaign=x&mtm_kwd=y', 'https://beta.gouv.fr/a'],
    ['drops xtor', 'https://beta.gouv.fr/a?xtor=RSS-1', 'https://beta.gouv.fr/a'],
    ['drops fbclid', 'https://beta.gouv.fr/a?fbclid=IwAR0abc', 'https://beta.gouv.fr/a'],
    ['drops gclid', 'https://beta.gouv.fr/a?gclid=Cj0', 'https://beta.gouv.fr/a'],
    ['keeps other parameters', 'https://example.org/job?id=42&utm_source=x', 'https://example.org/job?id=42'],
    ['orders the kept parameters', 'https://example.org/job?b=2&a=1', 'https://example.org/job?a=1&b=2'],
    [
      'removes a trailing slash',
      'https://incubateur.anct.gouv.fr/recrutements/sicoval-pm-0123/',
      'https://incubateur.anct.gouv.fr/recrutements/sicoval-pm-0123',
    ],
    ['removes repeated trailing slashes', 'https://example.org/jobs//', 'https://example.org/jobs'],
    ['keeps the root path', 'https://example.org/', 'https://example.org/'],
    ['drops the default port', 'https://example.org:443/job', 'https://example.org/job'],
    ['keeps another port', 'http://localhost:8080/job', 'http://localhost:8080/job'],
    ['drops an empty query', 'https://example.org/job?', 'https://example.org/job'],
    ['keeps the path case (paths are case-sensitive)', 'https://example.org/Jobs/Dev', 'https://example.org/Jobs/Dev'],
  ])('%s', (_what, input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const url of [
      'https://example.org/job?b=2&a=1&utm_source=x#top',
      'https://incubateur.anct.gouv.fr/recrutements/x/',
      'https://example.org/a%20b?q=caf%C3%A9',
    ]) {
      expect(canonicalUrl(canonicalUrl(url))).toBe(canonicalUrl(url));
    }
  });

  it('keeps the successive incubateur URL schemes of one posting distinct', () => {
    const schemes = [
      'https://incubateur.anct.gouv.fr/recrutement/sicoval/pm/',
      'https://incubateur.anct.gouv.fr/recrutements/pm/',
      'https://incubateur.anct.gouv.fr/recrutements/sicoval-pm/',
      'https://incubateur.anct.gouv.fr/recrutements/sicoval-pm-5f2b1c9a/',
    ].map(canonicalUrl);
    expect(new Set(schemes).size).toBe(schemes.length);
  });

  it('throws on something that is not a URL', () => {
    expect(() => canonicalUrl('not a url')).toThrow();
  });
});

describe('isWebUrl', () => {
  it.each([
    ['https://beta.gouv.fr/', true],
    ['http://example.org/x', true],
    ['chrome://extensions', false],
    ['javascript:alert(1)', false],
    ['mailto:a@b.fr', false],
    ['nonsense', false],
  ])('%s → %s', (url, expected) => {
    expect(isWebUrl(url)).toBe(expected);
  });
});
