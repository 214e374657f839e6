/**
 * The overlay lives in a closed shadow root, so the host page's scripts cannot read the supervisor's
 * lists, and neither can Playwright's selectors. The DevTools protocol still can (pierce: true): the test
 * reaches in the way a debugger does, not the way a page could.
 */
import type { CDPSession, Page } from 'playwright-core';

interface DomNode {
  nodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

export interface ClosedShadow {
  /** textContent of the first match, or null while there is none. */
  text(selector: string): Promise<string | null>;
  count(selector: string): Promise<number>;
  /** Waits until the selector matches. */
  waitFor(selector: string, timeoutMs?: number): Promise<void>;
  /** The centre of the first match, in page coordinates. */
  centre(selector: string): Promise<{ x: number; y: number }>;
  click(selector: string): Promise<void>;
  color(selector: string): Promise<string>;
}

function findHost(node: DomNode, id: string): DomNode | null {
  const attrs = node.attributes ?? [];
  for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === 'id' && attrs[i + 1] === id) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findHost(child, id);
    if (found) return found;
  }
  return null;
}

export function closedShadow(page: Page, hostId: string): ClosedShadow {
  let cdp: CDPSession | null = null;
  const call = async <T>(fn: string, selector: string): Promise<T | null> => {
    cdp ??= await page.context().newCDPSession(page);
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const shadow = findHost(root, hostId)?.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { nodeId: shadow.nodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: fn,
      arguments: [{ value: selector }],
      returnByValue: true,
    });
    return (result.value ?? null) as T | null;
  };
  const api: ClosedShadow = {
    text: (selector) => call<string>('function (s) { const el = this.querySelector(s); return el ? el.textContent : null; }', selector),
    count: async (selector) => (await call<number>('function (s) { return this.querySelectorAll(s).length; }', selector)) ?? 0,
    async waitFor(selector, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while ((await api.count(selector)) === 0) {
        if (Date.now() > until) throw new Error(`${selector} did not appear in #${hostId}'s closed shadow root`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async centre(selector) {
      const c = await call<{ x: number; y: number }>(
        'function (s) { const r = this.querySelector(s).getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; }',
        selector,
      );
      if (!c) throw new Error(`no ${selector} in #${hostId}`);
      return c;
    },
    async click(selector) {
      const { x, y } = await api.centre(selector);
      await page.mouse.click(x, y);
    },
    color: async (selector) =>
      (await call<string>('function (s) { return getComputedStyle(this.querySelector(s)).color; }', selector)) ?? '',
  };
  return api;
}
