// axe-core in a page, for the accessibility checks of the e2e suites (options page, reader UI).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; nodes: { target: unknown }[] }[];
}

/**
 * What axe-core finds in `page`, one line per rule ("rule: targets"); empty when nothing. `include`
 * checks only the elements it selects (e.g. the overlay's host) instead of the whole document. axe
 * is evaluated over CDP, so an extension page's CSP does not stop it.
 */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (selector) => {
    const { axe } = window as unknown as { axe: { run: (context: unknown) => Promise<AxeResult> } };
    const result = await axe.run(selector === undefined ? document : { include: [[selector]] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
  }, include);
}
