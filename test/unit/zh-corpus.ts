// The text the differential test converts: every paragraph, caption, heading, list item and title
// of every saved fixture page, as a reader's tab sees it (parsed with the tab-like helper).
// `src/core/extract.ts` did not exist when this was written; the element-level text below is a
// superset of what extraction keeps (it includes the chrome around the article too).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePage } from '../../src/node/parse-page.ts';

export const BBC_FIXTURES = join(import.meta.dirname, '../fixtures/bbc');

export interface CorpusPage {
  file: string;
  texts: string[];
}

const TEXT_ELEMENTS = 'title, h1, h2, h3, h4, p, figcaption, li, blockquote';

export function loadCorpus(): CorpusPage[] {
  return readdirSync(BBC_FIXTURES)
    .filter((file) => file.endsWith('.html') && !file.endsWith('.post.html'))
    .sort()
    .map((file) => {
      const { document, window } = parsePage(readFileSync(join(BBC_FIXTURES, file)));
      const texts = new Set<string>();
      for (const element of Array.from(document.querySelectorAll(TEXT_ELEMENTS))) {
        const text = element.textContent?.trim();
        if (text) texts.add(text);
      }
      for (const image of Array.from(document.querySelectorAll('img[alt]'))) {
        const alt = image.getAttribute('alt')?.trim();
        if (alt) texts.add(alt);
      }
      window.close();
      return { file, texts: [...texts] };
    });
}
