/** Small hand-made offers for the storage and background tests. */
import { PostuloDb } from '../../../lib/db';
import { emptyOfferFields, type Offer } from '../../../lib/offer';

export const POSTING_URL = 'https://beta.gouv.fr/recrutement/2023/03/01/developpeur-euse-fullstack.html';

/** An offer as the extractor would give it, every read field with its provenance. */
export function makeOffer(overrides: Partial<Offer> = {}): Offer {
  const base: Offer = {
    ...emptyOfferFields('Développeur·euse fullstack'),
    organization: 'DINUM',
    contract: 'CDD',
    contractRaw: 'CDD de 3 ans',
    publishedAt: '2023-03-01',
    closesAt: '2023-04-15',
    status: 'open',
    url: POSTING_URL,
    source: 'beta.gouv.fr',
    provenance: {
      title: 'site',
      organization: 'site',
      contract: 'site',
      contractRaw: 'site',
      publishedAt: 'site',
      closesAt: 'text',
      status: 'text',
    },
  };
  return { ...base, ...overrides };
}

/** A fresh in-memory database per test (fake-indexeddb). */
export function freshDb(): PostuloDb {
  return new PostuloDb(`postulo-test-${crypto.randomUUID()}`);
}
