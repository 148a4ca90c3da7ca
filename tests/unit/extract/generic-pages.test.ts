/**
 * The whole extractor on the project's own small generic pages (tests/fixtures/generic): schema.org
 * data first, the text fallback for what it lacks, nothing at all for a page without a posting.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../support/load-page';

const FIXTURES = join(import.meta.dirname, '../../fixtures/generic');
const NOW = new Date('2024-04-01T08:00:00Z');

function extractFixture(name: string, url: string, force = false) {
  return extractHtml(readFileSync(join(FIXTURES, name), 'utf8'), url, NOW, { force });
}

describe('generic pages', () => {
  it('a Welcome-to-the-Jungle-like page: JSON-LD in @graph, entities, an @id organization', () => {
    const { isPosting, offer } = extractFixture(
      'wttj-like.html',
      'https://jobs.example.org/fr/companies/atelier/jobs/dev-full-stack',
    );
    expect(isPosting).toBe(true);
    expect(offer).toMatchObject({
      title: 'Développeur·se full-stack',
      organization: 'Atelier Numérique',
      contract: 'CDI',
      contractRaw: 'FULL_TIME, CDI',
      publishedAt: '2024-03-01',
      closesAt: '2024-05-01',
      status: 'open',
      location: 'Lyon, Auvergne-Rhône-Alpes, FR',
      remote: 'partial',
      contact: null,
      source: 'schema.org',
    });
    expect(offer?.description).toBe('Rejoignez l’équipe produit. TypeScript & Preact Tests');
    expect(offer?.provenance.title).toBe('json-ld');
  });

  it('a Choisir-le-service-public-like page: partial JSON-LD, the rest from its labelled text', () => {
    const { isPosting, offer } = extractFixture('csp-like.html', 'https://emplois-publics.example.fr/offre/2024-123');
    expect(isPosting).toBe(true);
    expect(offer).toMatchObject({
      title: 'Chef de projet numérique (H/F)',
      organization: 'Direction départementale des territoires',
      publishedAt: '2024-03-12',
      closesAt: '2024-04-15',
      status: 'open',
      contractRaw: 'Emploi ouvert aux titulaires et aux contractuels',
      contract: 'fonctionnaire/détachement',
      contact: { email: 'recrutement.ddt@exemple.gouv.fr', name: null, phone: '02 99 00 00 00' },
      location: 'Rennes (35)',
    });
    expect(offer?.provenance).toMatchObject({ title: 'json-ld', closesAt: 'text', contract: 'text', contact: 'text' });
  });

  it('a company career page with microdata', () => {
    const { isPosting, offer } = extractFixture(
      'career-microdata.html',
      'https://coop.example.fr/carrieres/stage-data',
    );
    expect(isPosting).toBe(true);
    expect(offer).toMatchObject({
      title: 'Stagiaire data analyst',
      organization: 'Coopérative Exemple',
      contract: 'stage',
      contractRaw: 'Stage de 6 mois',
      publishedAt: '2025-01-06',
      closesAt: '2025-02-28',
      location: 'Nantes, FR',
      contact: { email: 'stages@coop.example.fr', name: null, phone: null },
    });
    expect(offer?.provenance).toMatchObject({ title: 'microdata', closesAt: 'microdata', contact: 'text' });
  });

  it('a plain page with only text is not recognised as a posting', () => {
    expect(extractFixture('plain-text.html', 'https://asso.example.fr/recrutement')).toEqual({
      isPosting: false,
      offer: null,
    });
  });

  it('a plain page read on demand gives what its text says, and not the footer', () => {
    const { offer } = extractFixture('plain-text.html', 'https://asso.example.fr/recrutement', true);
    expect(offer).toMatchObject({
      title: 'Nous recrutons un·e chargé·e de mission',
      contract: 'CDI',
      contractRaw: 'CDI',
      closesAt: '2024-06-30',
      closesAtRaw: "Envoyez CV et lettre de motivation jusqu'au 30 juin 2024 à 12h",
      status: 'open',
      contact: { email: 'jeanne.martin@asso-exemple.fr', name: null, phone: null },
      source: 'generic',
    });
  });

  it('a page whose JSON-LD describes no posting is no posting', () => {
    const html = `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Nous recrutons !"}</script></head>
      <body><main><p>Candidatures jusqu'au 30 juin 2024.</p></main></body></html>`;
    expect(extractHtml(html, 'https://exemple.fr/actualites/recrutement', NOW).isPosting).toBe(false);
  });
});
