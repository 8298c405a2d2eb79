// What "the page is exactly as before" means, measured in the tab: the serialized DOM, the scroll
// position and the focused element. Shared by the Chromium suites, the hostile-input suites and the
// bench; the Firefox suite evaluates the same function body through puppeteer.

import type { Page } from 'playwright-core';

export interface PageSnapshot {
  /** `document.documentElement.outerHTML`: every element, attribute and text node of the page. */
  html: string;
  scrollX: number;
  scrollY: number;
  /** A description of `document.activeElement` (tag, id, name, text start). */
  focus: string;
}

/** Runs in the page. Kept self-contained so it can be passed to any driver's `evaluate`. */
export function snapshotInPage(): PageSnapshot {
  const active = document.activeElement;
  const focus = active
    ? `${active.tagName.toLowerCase()}#${active.id}[name=${active.getAttribute('name') ?? ''}]` +
      `:${(active.textContent ?? '').trim().slice(0, 20)}`
    : 'none';
  return { html: document.documentElement.outerHTML, scrollX: window.scrollX, scrollY: window.scrollY, focus };
}

export function pageSnapshot(page: Page): Promise<PageSnapshot> {
  return page.evaluate(snapshotInPage);
}
