import { describe, expect, it } from 'vitest';
import { readMicrodata } from '../../../lib/extract/microdata';
import type { Found, Page } from '../../../lib/extract/types';
import { parseHtml } from '../../support/load-page';

const URL_OF_PAGE = 'https://carrieres.example.fr/offres/7';
const NOW = new Date('2025-02-01T08:00:00Z');

function read(body: string, url = URL_OF_PAGE): Found {
  const page: Page = {
    document: parseHtml(`<!doctype html><html><body>${body}</body></html>`, url),
    url: new URL(url),
    now: NOW,
  };
  return readMicrodata(page);
}

const values = (found: Found) =>
  Object.fromEntries(Object.entries(found).map(([field, entry]) => [field, entry?.value]));

describe('readMicrodata', () => {
  it('reads a JobPosting item with nested organization, place and dates', () => {
    const found = read(`
      <div itemscope itemtype="https://schema.org/JobPosting">
        <h1 itemprop="title">Chargée de mission</h1>
        <div itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization">
          <span itemprop="name">Région Exemple</span>
        </div>
        <div itemprop="jobLocation" itemscope itemtype="https://schema.org/Place">
          <div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">
            <span itemprop="addressLocality">Rennes</span>
            <meta itemprop="addressRegion" content="Bretagne">
          </div>
        </div>
        <meta itemprop="datePosted" content="2025-01-10">
        <time itemprop="validThrough" datetime="2025-02-15">15 février</time>
        <span itemprop="employmentType">CDD de 18 mois</span>
        <div itemprop="description"><p>Animer le réseau.</p><p>Suivre les &lt;projets&gt;.</p></div>
      </div>`);
    expect(values(found)).toEqual({
      title: 'Chargée de mission',
      organization: 'Région Exemple',
      location: 'Rennes, Bretagne',
      publishedAt: '2025-01-10',
      publishedAtRaw: '2025-01-10',
      closesAt: '2025-02-15',
      closesAtRaw: '2025-02-15',
      status: 'open',
      contractRaw: 'CDD de 18 mois',
      contract: 'CDD',
      description: 'Animer le réseau. Suivre les <projets>.',
    });
    expect(Object.values(found).every((entry) => entry?.via === 'microdata')).toBe(true);
  });

  it('keeps a nested item’s properties to itself', () => {
    const found = read(`
      <div itemscope itemtype="http://schema.org/JobPosting">
        <div itemprop="hiringOrganization" itemscope itemtype="http://schema.org/Organization">
          <span itemprop="title">Not the job title</span><span itemprop="name">Coopérative</span>
        </div>
        <span itemprop="title">Comptable</span>
      </div>`);
    expect(found.title?.value).toBe('Comptable');
    expect(found.organization?.value).toBe('Coopérative');
  });

  it('takes the organization as text when it is not an item, and full property URLs as names', () => {
    const found = read(`
      <section itemscope itemtype="https://schema.org/JobPosting">
        <h2 itemprop="https://schema.org/title">Juriste</h2>
        <p itemprop="hiringOrganization">Mairie d’Exemple</p>
      </section>`);
    expect([found.title?.value, found.organization?.value]).toEqual(['Juriste', 'Mairie d’Exemple']);
  });

  it.each([
    ['no item', '<h1>Offre</h1>'],
    ['another type', '<div itemscope itemtype="https://schema.org/Event"><span itemprop="name">Salon</span></div>'],
    [
      'a JobPosting-like type',
      '<div itemscope itemtype="https://schema.org/JobPostingList"><span itemprop="title">x</span></div>',
    ],
  ])('returns nothing for %s', (_case, body) => {
    expect(read(body)).toEqual({});
  });

  it('treats several different postings as a listing', () => {
    const item = (title: string) =>
      `<li itemscope itemtype="https://schema.org/JobPosting"><span itemprop="title">${title}</span></li>`;
    expect(read(`<ul>${item('Comptable')}${item('Juriste')}</ul>`)).toEqual({});
  });
});
