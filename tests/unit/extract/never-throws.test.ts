/**
 * Whatever the HTML, the extractor answers: random and adversarial pages never make it throw,
 * and whatever it returns is a valid offer whose text holds no live markup.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Offer } from '../../../lib/offer';
import { extractHtml } from '../../support/load-page';

const HOSTS = [
  'https://incubateur.anct.gouv.fr/recrutements/equipe-role-0123abcd/',
  'https://beta.gouv.fr/recrutement/2022/01/02/role.html',
  'https://jobs.example.org/offre/42',
];

const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '\u202eevil\u202c',
    'zero\u200bwidth\u200d',
    '31/02/2026',
    'avant le 31 février 2026',
    '{"@context":"https://schema.org","@type":"JobPosting"',
    ']]>',
    '&lt;b&gt;',
    'mailto:%%%',
  ),
);

const element: fc.Arbitrary<string> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileText,
    fc
      .tuple(
        fc.constantFrom('div', 'h1', 'h2', 'p', 'a', 'time', 'main', 'article', 'span'),
        fc.array(tie('node'), { maxLength: 4 }),
      )
      .map(
        ([tag, children]) =>
          `<${tag} class="job page-title page-content notice-pourvu hero">${children.join('')}</${tag}>`,
      ),
    fc
      .oneof(
        fc.jsonValue().map((value) => JSON.stringify(value)),
        fc
          .record({
            '@type': fc.constantFrom('JobPosting', ['JobPosting'], 'Thing'),
            title: hostileText,
            validThrough: hostileText,
          })
          .map((value) => JSON.stringify(value)),
        hostileText,
      )
      .map((json) => `<script type="application/ld+json">${json}</script>`),
    hostileText.map((text) => `<script>window.__INITIAL_STATE__=${text}</script>`),
  ),
})).node;

describe('the extractor on hostile HTML', () => {
  it('never throws and only returns schema-valid offers', () => {
    fc.assert(
      fc.property(
        fc.array(element, { maxLength: 12 }),
        fc.constantFrom(...HOSTS),
        fc.boolean(),
        (parts, url, force) => {
          const html = `<!doctype html><html><head><title>${parts[0] ?? ''}</title></head><body>${parts.join('')}</body></html>`;
          const { offer } = extractHtml(html, url, new Date('2026-01-15T10:00:00Z'), { force });
          if (offer) expect(Offer.safeParse(offer).success).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
