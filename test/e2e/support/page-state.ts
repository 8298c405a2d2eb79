// What "the page is exactly as before" means, measured in the tab: the serialized DOM, the scroll
// position and the focused element. Shared by the Chromium suites and the hostile-input suite.

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

/**
 * Where two snapshots differ, in a few readable lines (the first differing stretch of the DOM, then
 * scroll and focus), or undefined when they are the same. Whole-page HTML is too long for a diff.
 */
export function snapshotDifference(before: PageSnapshot, after: PageSnapshot): string | undefined {
  const differences: string[] = [];
  if (before.html !== after.html) {
    let start = 0;
    while (start < before.html.length && before.html[start] === after.html[start]) start++;
    const context = (html: string): string => JSON.stringify(html.slice(Math.max(0, start - 80), start + 160));
    differences.push(`DOM differs at character ${start}:\n  before: ${context(before.html)}\n  after:  ${context(after.html)}`);
  }
  if (before.scrollX !== after.scrollX || before.scrollY !== after.scrollY) {
    differences.push(`scroll: before (${before.scrollX}, ${before.scrollY}), after (${after.scrollX}, ${after.scrollY})`);
  }
  if (before.focus !== after.focus) differences.push(`focus: before ${before.focus}, after ${after.focus}`);
  return differences.length > 0 ? differences.join('\n') : undefined;
}
