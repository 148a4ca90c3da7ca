import { describe, expect, it } from 'vitest';
import { mainContent, readVisible, readVisibleText } from '../../../lib/extract/fallback';
import type { Found, Page } from '../../../lib/extract/types';
import { parseHtml } from '../../support/load-page';

const URL_OF_PAGE = 'https://emplois.example.fr/offre/12';
const NOW = new Date('2024-05-10T08:00:00Z');

function pageOf(body: string, now = NOW): Page {
  const html = `<!doctype html><html><head><title>Offre</title></head><body>${body}</body></html>`;
  return { document: parseHtml(html, URL_OF_PAGE), url: new URL(URL_OF_PAGE), now };
}

const values = (found: Found) =>
  Object.fromEntries(Object.entries(found).map(([field, entry]) => [field, entry?.value]));

describe('readVisible', () => {
  it('gives one line per block and leaves out hidden parts, scripts and site chrome', () => {
    const page = pageOf(`
      <main>
        <h1>Titre</h1><p>Un <b>mot</b> en gras</p>
        <ul><li>un</li><li>deux</li></ul>
        <p hidden>caché</p><p style="display: none">caché aussi</p>
        <script>var x = "script";</script><style>p { color: red }</style>
        <nav>menu</nav><aside>encart</aside><div class="site-footer">pied</div>
        <p>Écrire à <a href="mailto:rh@exemple.fr">RH</a> ou <a href="tel:+33102030405">appeler</a></p>
      </main>`);
    const main = page.document.querySelector('main');
    expect(main).not.toBeNull();
    if (!main) return;
    expect(readVisible(main)).toEqual({
      text: 'Titre\nUn mot en gras\nun\ndeux\nÉcrire à RH ou appeler',
      links: ['mailto:rh@exemple.fr', 'tel:+33102030405'],
    });
  });

  it('keeps the header and footer of an article, not those of the site', () => {
    const page = pageOf(`
      <header>Site</header>
      <article><header>CDI · Lyon</header><p>Le poste</p><footer>Publié le 2 mai 2024</footer></article>
      <footer>Mentions légales</footer>`);
    expect(readVisible(page.document.body).text).toBe('CDI · Lyon\nLe poste\nPublié le 2 mai 2024');
  });

  it('stops at its bounds on a huge page, quickly', () => {
    const page = pageOf(
      `<main>${'<p>Paragraphe de remplissage sans date. '.repeat(5000)}</p>${'<div>x</div>'.repeat(60_000)}</main>`,
    );
    const main = page.document.querySelector('main');
    if (!main) throw new Error('no main');
    const started = performance.now();
    const { text } = readVisible(main);
    expect(text.length).toBeLessThanOrEqual(200_000);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('mainContent', () => {
  it.each([
    ['<nav>n</nav><main id="m">x</main>', 'm'],
    ['<div role="main" id="r">x</div><article id="a">y</article>', 'r'],
    ['<article id="a">x</article>', 'a'],
  ])('%j → #%s', (body, id) => {
    expect(mainContent(pageOf(body).document)?.id).toBe(id);
  });

  it('falls back on the body when there are several articles', () => {
    const document = pageOf('<article>a</article><article>b</article>').document;
    expect(mainContent(document)?.localName).toBe('body');
  });
});

describe('readVisibleText', () => {
  it('reads a closing date, its status, the contract and the contact from the posting text', () => {
    const found = readVisibleText(
      pageOf(`
        <header><a href="mailto:webmaster@emplois.example.fr">Contact du site</a></header>
        <main>
          <h1>Chargé·e de mission</h1>
          <p>Poste ouvert en CDD de 18 mois.</p>
          <p>Date limite de candidature : 30 juin 2024</p>
          <p>Questions : jeanne.martin [at] exemple.fr, tél. 01 23 45 67 89</p>
        </main>
        <footer>contact@emplois.example.fr</footer>`),
      null,
    );
    expect(values(found)).toEqual({
      closesAt: '2024-06-30',
      closesAtRaw: 'Date limite de candidature : 30 juin 2024',
      status: 'open',
      contractRaw: 'CDD',
      contract: 'CDD',
      contact: { email: 'jeanne.martin@exemple.fr', name: null, phone: '01 23 45 67 89' },
    });
    expect(Object.values(found).every((entry) => entry?.via === 'text')).toBe(true);
  });

  it('reads only the content a site adapter hands it', () => {
    const page = pageOf(`
      <div class="sidebar"><p>Candidatures jusqu'au 1er juin 2024 pour l'autre offre</p><a href="mailto:autre@exemple.fr">x</a></div>
      <div class="body"><p>Poste ouvert pour un·e indépendant·e.</p></div>`);
    const content = page.document.querySelector('.body');
    expect(values(readVisibleText(page, content))).toEqual({ contractRaw: 'indépendant', contract: 'freelance' });
  });

  it('prefers the mailto link to the address spelled in its text, and ignores the footer’s', () => {
    const found = readVisibleText(
      pageOf(`<main><p>Écrire à <a href="mailto:aidants@exemple.fr">aidants.connect@exemple.fr</a></p></main>
        <footer><a href="mailto:site@exemple.fr">site</a></footer>`),
      null,
    );
    expect(found.contact?.value.email).toBe('aidants@exemple.fr');
  });

  it.each([
    ['<p>Ce poste a été pourvu.</p>', 'filled'],
    ["<p>⚠️ Ce poste n'accepte plus de candidatures</p>", 'closed'],
    ["<p>Cette offre n'est plus disponible.</p>", 'closed'],
    ['<p>This position has been filled.</p>', 'filled'],
    ['<p>Candidatures jusqu’au 1er mai 2024.</p>', 'closed'],
    ['<p>Candidatures jusqu’au 1er juin 2024.</p>', 'open'],
  ])('status from %j → %s', (body, status) => {
    expect(readVisibleText(pageOf(`<main>${body}</main>`), null).status?.value).toBe(status);
  });

  it('says nothing of a page without any of it', () => {
    const found = readVisibleText(
      pageOf(
        '<main><p>Le poste sera pourvu dès que possible, en équipe avec une cheffe de produit freelance.</p><p>Mission jusqu’au 31 décembre 2024, disponible à partir du 1er septembre.</p></main>',
      ),
      null,
    );
    expect(found).toEqual({});
  });

  it('anchors a closing date without a year on the publication date it reads', () => {
    const found = readVisibleText(
      pageOf('<main><p>Publié le 2 novembre 2023</p><p>Date limite de candidature : 15 janvier</p></main>'),
      null,
    );
    expect(values(found)).toMatchObject({ publishedAt: '2023-11-02', closesAt: '2024-01-15', status: 'closed' });
  });
});
