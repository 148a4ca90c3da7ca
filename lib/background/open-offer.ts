/**
 * Opening the popup's view of one offer. It opens in a tab: `action.openPopup()` cannot say
 * which offer to show, and it is refused without a fresh user gesture in several browsers,
 * whereas a tab always opens and its address carries the offer.
 */
import { browser } from 'wxt/browser';

/** `popup.html?offer=<id>`: the popup reads that parameter and shows the offer's detail. */
export function offerViewUrl(extensionOrigin: string, id: string): string {
  return new URL(`popup.html?offer=${encodeURIComponent(id)}`, extensionOrigin).href;
}

export async function openOfferView(id: string): Promise<void> {
  await browser.tabs.create({ url: offerViewUrl(browser.runtime.getURL('/'), id) });
}
