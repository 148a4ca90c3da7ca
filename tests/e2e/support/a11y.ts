/**
 * Accessibility checks in the real browser: axe-core's serious and critical violations, and the
 * keyboard focus as a user sees it (the focused element, inside open shadow roots too, and the
 * outline or shadow that shows it).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeAudit {
  /** `rule (impact): target` for each serious or critical violation. */
  serious: string[];
  /** How many elements the audit checked and passed: proof it looked at something. */
  passedNodes: number;
}

/**
 * Audits the document, or only the element `scope` selects (with its open shadow tree). The
 * script is evaluated through the debugging protocol: the extension pages' CSP does not apply.
 */
export async function axeAudit(page: Page, scope?: string): Promise<AxeAudit> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (selector) => {
    interface Result {
      id: string;
      impact?: string | null;
      nodes: Array<{ target: unknown[] }>;
    }
    const axe = (
      window as unknown as {
        axe: { run(context: Element | Document): Promise<{ violations: Result[]; passes: Result[] }> };
      }
    ).axe;
    const context = selector ? document.querySelector(selector) : document;
    if (!context) throw new Error(`nothing matches ${selector}`);
    const results = await axe.run(context);
    return {
      serious: results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .flatMap((violation) =>
          violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${JSON.stringify(node.target)}`),
        ),
      passedNodes: results.passes.reduce((sum, rule) => sum + rule.nodes.length, 0),
    };
  }, scope ?? null);
}

export interface FocusStop {
  /** Tag, class and text, to name the element in a failure message. */
  element: string;
  /** The outline or box-shadow drawn around it, or null when nothing shows the focus. */
  indicator: string | null;
  /** Whether the element is inside the element `within` selects (through shadow roots). */
  inside: boolean;
}

/** The element that has the keyboard focus, looked for inside shadow roots. */
export function focusStop(page: Page, within?: string): Promise<FocusStop | null> {
  return page.evaluate((selector) => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active || active === document.body) return null;
    const style = getComputedStyle(active);
    const outline =
      style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0
        ? `outline ${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`
        : null;
    const shadow = style.boxShadow !== 'none' ? `box-shadow ${style.boxShadow}` : null;
    const container = selector ? document.querySelector(selector) : null;
    const root = active.getRootNode();
    const inside =
      container !== null &&
      (container.contains(active) || (root instanceof ShadowRoot && container.contains(root.host)));
    const text = (active.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    const labelled = active instanceof HTMLInputElement ? (active.labels?.[0]?.textContent ?? '').trim() : '';
    const label = active.getAttribute('aria-label') ?? (labelled || text);
    const type = active instanceof HTMLInputElement ? ` type="${active.type}"` : '';
    return {
      element: `<${active.localName}${type}${active.className ? ` class="${active.className}"` : ''}> ${label}`,
      indicator: outline ?? shadow,
      inside,
    };
  }, within ?? null);
}

/**
 * Presses Tab until `until` holds for the focused element (at most `maxStops` times) and
 * returns every stop on the way, the last one included.
 */
export async function tabUntil(
  page: Page,
  until: (stop: FocusStop) => boolean,
  maxStops = 60,
  within?: string,
): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  for (let count = 0; count < maxStops; count++) {
    await page.keyboard.press('Tab');
    const stop = await focusStop(page, within);
    if (!stop) continue;
    stops.push(stop);
    if (until(stop)) return stops;
  }
  throw new Error(`not reached in ${maxStops} Tab presses; stops: ${stops.map((stop) => stop.element).join(' | ')}`);
}

/** The stops where nothing shows the focus, for a readable failure. */
export function invisibleFocus(stops: readonly FocusStop[]): string[] {
  return stops.filter((stop) => stop.indicator === null).map((stop) => stop.element);
}
