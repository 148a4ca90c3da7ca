/**
 * Clicks as the browser makes them for the user (`isTrusted` true) or as a page script does
 * (`isTrusted` false). happy-dom leaves `isTrusted` undefined, so it is set here explicitly.
 */
export function dispatchClick(target: Element, isTrusted: boolean): void {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: isTrusted });
  target.dispatchEvent(event);
}

export function userClick(target: Element): void {
  dispatchClick(target, true);
}
