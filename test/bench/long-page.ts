// The long page: a real Simorgh article grown to 2,000 paragraphs and about 5 MB, made the same way
// every run. Its article body (paragraphs, subheadings, photos with lazy `<noscript>` images, ad
// slots, related-link lists) is repeated in order, and so is the page's embedded data
// (`window.SIMORGH_DATA`), which is half of a real page's weight. Each added paragraph carries the
// text of two consecutive real paragraphs, and every 20th one is followed by one more of the page's
// photos: that is what it takes to reach 5 MB at 2,000 paragraphs.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { FIXTURE_DIR } from '../e2e/support/pages.ts';
import type { BenchPage } from './pages.ts';

const SOURCE = 'trad-2023-chinese-news-66762882.html';
/** Its own URL (an article path, so it is detected as one), distinct from the saved page's. */
const LONG_PAGE_URL = 'https://www.bbc.com/zhongwen/trad/chinese-news-66762882?qingdu-bench=long-page';
export const LONG_PAGE_PARAGRAPHS = 2000;

const DATA_MARKER = 'window.SIMORGH_DATA=';

interface SimorghData {
  pageData: { content: { model: { blocks: unknown[] } } };
}

function isSimorghData(value: unknown): value is SimorghData {
  const pageData: unknown = (value as { pageData?: unknown } | null)?.pageData;
  const content: unknown = (pageData as { content?: unknown } | undefined)?.content;
  const model: unknown = (content as { model?: unknown } | undefined)?.model;
  return Array.isArray((model as { blocks?: unknown } | undefined)?.blocks);
}

export function makeLongPage(paragraphs = LONG_PAGE_PARAGRAPHS): BenchPage {
  const dom = new JSDOM(readFileSync(join(FIXTURE_DIR, SOURCE), 'utf8'));
  const { document } = dom.window;
  const main = document.querySelector('main');
  if (!main) throw new Error(`${SOURCE}: no <main>`);

  // The article body: every block of `main` after the dateline.
  const children = [...main.children];
  const datelineIndex = children.findIndex((child) => child.querySelector('time') !== null);
  const body = children.slice(datelineIndex + 1);
  const isParagraph = (block: Element): boolean => block.tagName === 'DIV' && block.firstElementChild?.tagName === 'P';
  const bodyParagraphs = body.filter(isParagraph);
  const bodyFigures = body.filter((block) => block.querySelector('figure') !== null);

  let count = children.filter(isParagraph).length;
  let added = 0;
  let appended = 0;
  while (count < paragraphs) {
    const block = body[appended % body.length];
    if (!block) throw new Error(`${SOURCE}: empty article body`);
    const copy = block.cloneNode(true) as Element;
    if (isParagraph(block)) {
      const partner = bodyParagraphs[(added + 1) % bodyParagraphs.length]?.firstElementChild;
      if (partner) copy.firstElementChild?.append(...[...partner.childNodes].map((node) => node.cloneNode(true)));
      count += 1;
      added += 1;
    }
    main.append(copy);
    // One more photo every 20 added paragraphs: long BBC features are photo-heavy (≈ 300 in all).
    const extraFigure = bodyFigures[Math.floor(added / 20) % Math.max(1, bodyFigures.length)];
    if (isParagraph(block) && added % 20 === 0 && extraFigure) main.append(extraFigure.cloneNode(true));
    appended += 1;
  }

  const dataScript = [...document.querySelectorAll('script')].find((script) => script.textContent.startsWith(DATA_MARKER));
  if (dataScript) {
    const data: unknown = JSON.parse(dataScript.textContent.slice(DATA_MARKER.length).replace(/;\s*$/, ''));
    if (isSimorghData(data)) {
      growSimorghBlocks(data.pageData.content.model.blocks, added);
      dataScript.textContent = DATA_MARKER + JSON.stringify(data);
    }
  }

  return { name: `long page (${paragraphs} paragraphs)`, url: LONG_PAGE_URL, html: dom.serialize(), kind: 'article' };
}

interface SimorghTextBlock {
  type?: string;
  model?: { blocks?: { type?: string; model?: { text?: string; blocks?: unknown[] } }[] };
}

/** Appends the body's data blocks in order, merged like the markup, until `paragraphs` text blocks are added. */
function growSimorghBlocks(blocks: unknown[], paragraphs: number): void {
  const body = blocks.slice(3) as SimorghTextBlock[]; // after headline, byline, timestamp
  const textBlocks = body.filter((block) => block.type === 'text');
  let added = 0;
  for (let index = 0; added < paragraphs; index += 1) {
    const block = structuredClone(body[index % body.length]);
    if (!block) return;
    if (block.type === 'text') {
      const paragraph = block.model?.blocks?.[0]?.model;
      const partner = textBlocks[(added + 1) % textBlocks.length]?.model?.blocks?.[0]?.model;
      if (paragraph && partner) {
        paragraph.text = (paragraph.text ?? '') + (partner.text ?? '');
        paragraph.blocks = [...(paragraph.blocks ?? []), ...structuredClone(partner.blocks ?? [])];
      }
      added += 1;
    }
    blocks.push(block);
  }
}
