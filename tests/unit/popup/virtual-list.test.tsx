/**
 * The virtual list's window: the rows in view first, the margin below them once they are painted,
 * so that the popup's first paint does not wait for rows nobody sees yet.
 */
import { waitFor } from '@testing-library/preact';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualList } from '../../../components/popup/VirtualList';

const ROW_REM = 7;
const OVERSCAN = 8;
let host: HTMLElement | null = null;

afterEach(() => {
  if (host) render(null, host);
  host?.remove();
  host = null;
});

function renderedRows(): number {
  return host?.querySelectorAll('li').length ?? 0;
}

describe('the virtual list', () => {
  it('renders the rows in view first, then adds the margin once they are painted', async () => {
    host = document.createElement('div');
    document.body.append(host);
    const items = Array.from({ length: 500 }, (_, index) => `offer-${index}`);
    // Preact's own render, not the testing library's act(), which would run the effects at once.
    render(
      <VirtualList
        items={items}
        getKey={(item) => item}
        renderRow={(item) => <button type="button">{item}</button>}
        rowRem={ROW_REM}
        overscan={OVERSCAN}
        label="Offres"
      />,
      host,
    );
    const inView = Math.ceil(window.innerHeight / (ROW_REM * 16));
    expect(inView).toBeGreaterThan(0);
    expect(renderedRows()).toBe(inView);
    await waitFor(() => expect(renderedRows()).toBe(inView + OVERSCAN));
    expect(host.querySelector('li:last-child')?.getAttribute('aria-posinset')).toBe(String(inView + OVERSCAN));
  });
});
