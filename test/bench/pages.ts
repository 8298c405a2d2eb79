// The pages the bench runs on: every saved page the browser suites serve (test/e2e/support/pages.ts,
// each at its production URL), plus the generated long page.

import { basename } from 'node:path';
import { readFixture, SAVED_PAGES, type SavedPage } from '../e2e/support/pages.ts';

export interface BenchPage {
  /** Short name for table rows: the fixture file name without `.html` and section words. */
  name: string;
  url: string;
  html: string;
  kind: SavedPage['kind'];
}

export function loadSavedPages(): BenchPage[] {
  return SAVED_PAGES.map((page) => ({
    name: basename(page.file, '.html').replace(/(?:chinese[-_]news|world)-/, ''),
    url: page.url,
    html: readFixture(page).toString('utf8'),
    kind: page.kind,
  }));
}
