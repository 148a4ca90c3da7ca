import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readOpenPage } from '../../../lib/background/page-reader';
import { completeReading, READ_PAGE_SCRIPT, readTab, UnreadableTabError } from '../../../lib/background/read-tab';
import { makeOffer } from '../storage/offer-factory';

const JOB_URL = 'https://jobs.example.org/offres/42?utm_source=x#apply';

function page(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('readOpenPage (what read-page runs in the tab)', () => {
  it('reads a schema.org JobPosting as a posting', () => {
    const doc = page(`<html><head><title>Offres</title>
      <script type="application/ld+json">${JSON.stringify({
        '@context': 'https://schema.org',
        '@type': 'JobPosting',
        title: 'Product manager',
        hiringOrganization: { '@type': 'Organization', name: 'Agence Exemple' },
        datePosted: '2026-03-01',
        validThrough: '2026-04-15',
        employmentType: 'FULL_TIME',
      })}</script></head><body><h1>Product manager</h1></body></html>`);

    const reading = readOpenPage(doc, JOB_URL, new Date('2026-03-12T10:00:00Z'));

    expect(reading.isPosting).toBe(true);
    expect(reading.offer).toMatchObject({
      title: 'Product manager',
      organization: 'Agence Exemple',
      closesAt: '2026-04-15',
      url: 'https://jobs.example.org/offres/42',
    });
  });

  it('still reads a page that does not look like a posting, since the user asked', () => {
    const doc = page('<html><head><title>Rejoignez-nous — Exemple</title></head><body><p>Bonjour</p></body></html>');

    const reading = readOpenPage(doc, 'https://www.example.org/carrieres', new Date());

    expect(reading.isPosting).toBe(false);
    expect(reading.offer?.url).toBe('https://www.example.org/carrieres');
    expect(reading.offer?.title).toBeTruthy();
  });

  it('ignores a capture hand-off that is malformed or from another address', () => {
    const doc = page('<html><head><title>X</title></head><body></body></html>');
    for (const handoff of [42, { url: 'https://other.example/', scripts: ['window.__X__={}'] }, { scripts: 'nope' }]) {
      expect(() => readOpenPage(doc, JOB_URL, new Date(), handoff)).not.toThrow();
    }
  });
});

describe('completeReading', () => {
  const tab = { url: JOB_URL, title: '  Product manager  |  Jobs Exemple ' };

  it('keeps a valid reading as it is', () => {
    const offer = makeOffer({ url: 'https://jobs.example.org/offres/42' });
    expect(completeReading({ isPosting: true, offer }, tab)).toEqual({ isPosting: true, offer });
  });

  it('takes the tab title when the page gave no title', () => {
    const offer = makeOffer({ title: 'jobs.example.org', provenance: {} });
    expect(completeReading({ isPosting: false, offer }, tab).offer?.title).toBe('Product manager | Jobs Exemple');
  });

  it.each([
    ['nothing', undefined],
    ['an invalid offer', { isPosting: true, offer: { title: 42 } }],
    ['a wrong shape', 'hello'],
  ])('falls back to the tab address and title when the script returned %s', (_what, result) => {
    const reading = completeReading(result, tab);
    expect(reading.offer).toMatchObject({
      url: 'https://jobs.example.org/offres/42',
      title: 'Product manager | Jobs Exemple',
      status: 'unknown',
      source: 'generic',
      provenance: {},
    });
  });

  it('uses the host name when the tab has no title either', () => {
    expect(completeReading(undefined, { url: JOB_URL }).offer?.title).toBe('jobs.example.org');
  });

  it('refuses a tab without a web address', () => {
    expect(() => completeReading(undefined, { url: 'chrome://extensions/' })).toThrow(UnreadableTabError);
  });
});

describe('readTab', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** The fake's `executeScript` overloads defeat `mockResolvedValue`'s typing. */
  function injectionReturns(result: unknown) {
    const execute = async () => [{ frameId: 0, documentId: 'd', result }];
    return vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockImplementation(execute as unknown as typeof fakeBrowser.scripting.executeScript);
  }

  async function openTab(url: string): Promise<number> {
    const tab = await fakeBrowser.tabs.create({ url, active: true });
    if (tab.id === undefined) throw new Error('no tab id');
    return tab.id;
  }

  it('injects read-page into that tab and returns its reading', async () => {
    const tabId = await openTab(JOB_URL);
    const offer = makeOffer({ url: 'https://jobs.example.org/offres/42' });
    const execute = injectionReturns({ isPosting: true, offer });

    const reading = await readTab(tabId);

    expect(execute).toHaveBeenCalledWith({ target: { tabId }, files: [READ_PAGE_SCRIPT] });
    expect(READ_PAGE_SCRIPT).toBe('/read-page.js');
    expect(reading).toEqual({ isPosting: true, offer });
  });

  it('says the tab is unreadable when the browser refuses the injection', async () => {
    const tabId = await openTab('https://chromewebstore.google.com/detail/x');
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access this page'));
    await expect(readTab(tabId)).rejects.toThrow(UnreadableTabError);
  });

  it('does not even try on a browser page or a missing tab', async () => {
    const execute = vi.spyOn(fakeBrowser.scripting, 'executeScript');
    await expect(readTab(await openTab('chrome://settings/'))).rejects.toThrow(UnreadableTabError);
    await expect(readTab(999)).rejects.toThrow(UnreadableTabError);
    expect(execute).not.toHaveBeenCalled();
  });
});
