/**
 * The posting reader's, the panel's and the listing marks' line to the background: the page
 * messages a script in a page may send (lib/messaging.ts), through ./send.ts. A background that does not answer (not started
 * yet, the extension reloaded under the page) must not leave the panel waiting, hence the time
 * limit.
 */
import type { PanelActions } from '../../components/panel/Panel';
import type { OfferMark } from '../../lib/messaging';
import { sendPageMessage } from './send';

const ANSWER_WITHIN_MS = 5000;

function withinTime<T>(promise: Promise<T>, ms = ANSWER_WITHIN_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('No answer from the background')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Saved offers among `urls`, keyed by canonical URL; empty when the background cannot tell. */
export async function lookupMarks(urls: readonly string[]): Promise<ReadonlyMap<string, OfferMark>> {
  if (urls.length === 0) return new Map();
  try {
    const answer = await withinTime(sendPageMessage('lookupOffers', { urls: [...urls] }));
    const marks = new Map<string, OfferMark>();
    for (const [url, mark] of Object.entries(answer ?? {})) {
      marks.set(url, mark);
      marks.set(mark.id, mark);
    }
    return marks;
  } catch {
    return new Map();
  }
}

export const panelActions: PanelActions = {
  async lookup(url) {
    return (await lookupMarks([url])).get(url) ?? null;
  },
  async save(offer) {
    const outcome = await withinTime(sendPageMessage('saveOffer', { offer }));
    return outcome.mark;
  },
  async refresh(offer) {
    const { mark, changes } = await withinTime(sendPageMessage('saveOffer', { offer }));
    return { mark, changes };
  },
  async open(id) {
    await withinTime(sendPageMessage('openOffer', { id }));
  },
};

/**
 * The page's app-state texts (lib/app-state.ts), which the background reads in the page's own
 * world; [] when it cannot, refuses or does not answer in time.
 */
export async function readPageState(): Promise<string[]> {
  try {
    const texts: unknown = await withinTime(sendPageMessage('readPageState', {}));
    return Array.isArray(texts) ? texts.filter((text): text is string => typeof text === 'string') : [];
  } catch {
    return [];
  }
}

/** Asks the background to inject the panel into this frame; false when it did not. */
export async function requestPanel(): Promise<boolean> {
  try {
    await withinTime(sendPageMessage('showPanel', {}));
    return true;
  } catch {
    return false;
  }
}
