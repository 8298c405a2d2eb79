// The text the differential test converts, from every saved fixture page parsed as a tab sees it:
// exactly the strings the reader converts (every string `convertArticle` hands to the converter
// for the page's extracted Article), plus, for wider coverage, the text of every title, heading,
// paragraph, caption, list item and alt text in the whole page (including pages that are not
// articles and the chrome around the article).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isArticle, type Article } from '../../src/core/article.ts';
import { extract } from '../../src/core/extract.ts';
import { convertArticle } from '../../src/core/zh/index.ts';
import { parsePage } from '../../src/node/parse-page.ts';

export const BBC_FIXTURES = join(import.meta.dirname, '../fixtures/bbc');

export interface CorpusPage {
  file: string;
  /** The extracted Article, when the page is one. */
  article?: Article;
  /** The strings the reader converts for this page. */
  articleTexts: string[];
  /** Those, then every other text of the page, without repeats. */
  texts: string[];
}

/** Every string `convertArticle` passes to the converter, in order. */
export function readerTexts(article: Article): string[] {
  const texts: string[] = [];
  convertArticle(article, (text) => {
    texts.push(text);
    return text;
  });
  return texts;
}

const TEXT_ELEMENTS = 'title, h1, h2, h3, h4, p, figcaption, li, blockquote';

/**
 * Where a saved page was published, from its file name (`derived-simp-2022-world-62912357.html` →
 * /zhongwen/simp/world-62912357); undefined lets the page name its own canonical URL.
 */
function publishedUrl(file: string): string | undefined {
  const match = /^(?:derived-)?(simp|trad)-\d{4}-((?:chinese-news|world)-\d+)\.html$/.exec(file);
  return match ? `https://www.bbc.com/zhongwen/${match[1]}/${match[2]}` : undefined;
}

export function loadCorpus(): CorpusPage[] {
  return readdirSync(BBC_FIXTURES)
    .filter((file) => file.endsWith('.html') && !file.endsWith('.post.html'))
    .sort()
    .map((file) => {
      const { document, window, url } = parsePage(readFileSync(join(BBC_FIXTURES, file)), publishedUrl(file));
      const result = extract(document, url);
      const article = isArticle(result) ? result : undefined;
      const articleTexts = article ? readerTexts(article) : [];
      const texts = new Set<string>(articleTexts.filter((text) => text !== ''));
      for (const element of Array.from(document.querySelectorAll(TEXT_ELEMENTS))) {
        const text = element.textContent?.trim();
        if (text) texts.add(text);
      }
      for (const image of Array.from(document.querySelectorAll('img[alt]'))) {
        const alt = image.getAttribute('alt')?.trim();
        if (alt) texts.add(alt);
      }
      window.close();
      return article ? { file, article, articleTexts, texts: [...texts] } : { file, articleTexts, texts: [...texts] };
    });
}
