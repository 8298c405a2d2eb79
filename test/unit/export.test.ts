// Save as HTML and copy as Markdown, from real saved BBC articles and the hostile pages: the saved
// file parsed back gives the same headline, paragraphs, headings, captions, credits and links; the
// Markdown read back gives the same; nothing of a hostile page becomes script, an event handler, a
// non-web address, or raw HTML in either.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { inlineText, isArticle, normalizeWhitespace, type Article, type Block, type Inline } from '../../src/core/article.ts';
import { fileNameFor, type ExportOptions } from '../../src/core/export/common.ts';
import { articleToHtml } from '../../src/core/export/html.ts';
import { articleToMarkdown, escapeMarkdown } from '../../src/core/export/markdown.ts';
import { extract } from '../../src/core/extract.ts';
import { parsePage } from '../../src/node/parse-page.ts';
import { auditTree } from '../fixtures/hostile/audit.ts';
import { brokenPages, clobberPages, hostilePayloadPages } from '../fixtures/hostile/pages.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/bbc');
const REAL = [
  { file: 'trad-2023-chinese-news-66762882.html', url: 'https://www.bbc.com/zhongwen/trad/chinese-news-66762882' },
  { file: 'derived-simp-2022-world-62912357.html', url: 'https://www.bbc.com/zhongwen/simp/world-62912357' },
  { file: 'trad-2023-world-66783048.html', url: 'https://www.bbc.com/zhongwen/trad/world-66783048' },
  { file: 'simp-2012-chinese_news-121210_hongkong_politics.html', url: 'https://www.bbc.co.uk/zhongwen/simp/chinese_news/2012/12/121210_hongkong_politics.shtml' },
];

const OPTIONS: ExportOptions = {
  labels: { source: '原文：', retrieved: '保存日期：', credit: '图片来源：', published: '发布于', updated: '更新于', video: '视频', audio: '音频', embed: '多媒体' },
  retrieved: new Date('2026-12-03T17:00:00Z'),
  formatDate: (iso) => (Number.isNaN(Date.parse(iso)) ? undefined : iso.slice(0, 10)),
  lang: 'zh-Hant',
};

function articleFrom(html: string, url: string): Article {
  const result = extract(parsePage(html, url).document, url);
  if (!isArticle(result)) throw new Error(`${url}: not an article (${result.reason})`);
  return result;
}

const realArticles = REAL.map(({ file, url }) => ({ file, article: articleFrom(readFileSync(join(FIXTURES, file), 'utf8'), url) }));

const text = (value: string | null | undefined): string => normalizeWhitespace(value ?? '');

/** The links of inline runs, in order, as [text, address]. */
function links(runs: readonly Inline[], out: [string, string][] = []): [string, string][] {
  for (const run of runs) {
    if (typeof run === 'string') continue;
    if (run.kind === 'link' && /^https?:/.test(run.href)) out.push([text(inlineText(run.children)), new URL(run.href).href]);
    else links(run.children, out);
  }
  return out;
}

type Figure = Extract<Block, { type: 'figure' }>;

describe('save as HTML', () => {
  for (const { file, article } of realArticles) {
    it(`${file}: the saved file parsed back is the same article`, () => {
      const saved = articleToHtml(article, OPTIONS);
      const { document } = new JSDOM(saved).window;
      expect(text(document.querySelector('h1')?.textContent)).toBe(text(article.title));
      expect(document.title).toBe(article.title);
      expect(document.documentElement.lang).toBe('zh-Hant');
      // The source address and the date saved, before the headline.
      const source = document.querySelector('.qd-source');
      expect(source?.querySelector('a')?.getAttribute('href')).toBe(article.url);
      expect(source?.textContent).toContain('保存日期：2026-12-03');
      expect(source!.compareDocumentPosition(document.querySelector('h1')!) & 4 /* FOLLOWING */).toBeTruthy();

      const paragraphs = article.blocks.filter((b) => b.type === 'paragraph').map((b) => text(b.text));
      const savedParagraphs = [...document.querySelectorAll('article > p:not(.qd-source):not(.qd-meta):not(.qd-media)')].map((p) => text(p.textContent));
      expect(savedParagraphs).toEqual(paragraphs);
      const headings = article.blocks.filter((b) => b.type === 'heading').map((b) => text(b.text));
      expect([...document.querySelectorAll('article h2, article h3')].map((h) => text(h.textContent))).toEqual(headings);

      const figures = article.blocks.filter((b): b is Figure => b.type === 'figure');
      const savedFigures = [...document.querySelectorAll('figure')];
      expect(savedFigures).toHaveLength(figures.length);
      figures.forEach((figure, i) => {
        const saved = savedFigures[i]!;
        expect(saved.querySelector('img')?.getAttribute('src')).toBe(new URL(figure.image.src).href);
        if (figure.caption) expect(text(saved.querySelector('figcaption')?.textContent)).toContain(text(figure.caption));
        if (figure.credit) expect(text(saved.querySelector('small')?.textContent)).toBe(text(`图片来源：${figure.credit}`));
      });
      const articleLinks = article.blocks.flatMap((b) => (b.type === 'paragraph' ? links(b.content) : []));
      const savedLinks = [...document.querySelectorAll('article > p:not(.qd-source):not(.qd-media) a')].map((a) => [text(a.textContent), a.getAttribute('href')]);
      expect(savedLinks).toEqual(articleLinks);
    });
  }

  it('a file name is the headline, safe on every file system', () => {
    expect(fileNameFor('「一帶一路」十年：中國的全球基建 "計劃" 走到哪一步？', 'html')).toBe('「一帶一路」十年：中國的全球基建 計劃 走到哪一步？.html');
    expect(fileNameFor('a/b\\c:d*e?f"g<h>i|j\u0000k', 'md')).toBe('a b c d e f g h i j k.md');
    expect(fileNameFor('...', 'html')).toBe('article.html');
    expect(fileNameFor('', 'md')).toBe('article.md');
    expect([...fileNameFor('長'.repeat(100), 'html')]).toHaveLength(65);
    // Never half a surrogate pair.
    expect(fileNameFor('𠀋'.repeat(100), 'html')).toBe(`${'𠀋'.repeat(60)}.html`);
  });
});

/**
 * Reads back the Markdown this module writes (CommonMark's rules for the constructs it uses): blocks
 * between blank lines; `#`/`##`/`###` headings, `![alt](<src>)` photos, `[text](<href>)` links,
 * `*…*` captions; backslash escapes undone. A construct it does not know fails the test.
 */
function readMarkdown(markdown: string) {
  const unescape = (value: string): string => value.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  const linkPattern = /(?<!\\)(!?)\[((?:\\.|[^\\\]])*)\]\(<([^<>\s]*)>\)/g;
  const blocks = markdown.trimEnd().split(/\n\n/);
  return blocks.map((block) => {
    const heading = /^(#{1,3}) (.*)$/.exec(block);
    if (heading) return { kind: `h${heading[1]!.length}`, text: unescape(heading[2]!) };
    const found = [...block.matchAll(linkPattern)].map((m) => ({ image: m[1] === '!', text: unescape(m[2]!), href: m[3]! }));
    const plain = unescape(block.replace(linkPattern, (_m, _bang, inner: string) => inner).replace(/(?<!\\)\*\*?/g, ''));
    if (found.length === 1 && found[0]!.image && block.startsWith('![')) return { kind: 'image', text: found[0]!.text, href: found[0]!.href };
    return { kind: block.startsWith('*') && block.match(/^\*(?:\\.|[^\\*])+\*/) ? 'caption' : 'p', text: plain, links: found };
  });
}

describe('copy as Markdown', () => {
  for (const { file, article } of realArticles) {
    it(`${file}: the Markdown read back has the same headline, headings, paragraphs, photos, captions and links`, () => {
      const read = readMarkdown(articleToMarkdown(article, OPTIONS));
      expect(read[0]).toEqual({ kind: 'h1', text: article.title });
      expect(read[1]!.text).toBe(`原文：${article.url} · 保存日期：2026-12-03`);
      const headings = article.blocks.filter((b) => b.type === 'heading').map((b) => text(b.text));
      expect(read.filter((b) => b.kind === 'h2' || b.kind === 'h3').map((b) => b.text)).toEqual(headings);
      for (const block of article.blocks) {
        if (block.type === 'paragraph') {
          const found = read.find((b) => b.kind === 'p' && b.text === text(inlineText(block.content)));
          expect(found, `paragraph ${block.text.slice(0, 20)}`).toBeDefined();
          expect(found!.links!.map((l) => [l.text, l.href])).toEqual(links(block.content));
        }
        if (block.type === 'figure') {
          expect(read.find((b) => b.kind === 'image' && b.href === new URL(block.image.src).href)?.text).toBe(text(block.image.alt));
          if (block.caption) {
            const caption = read.find((b) => b.kind === 'caption' && b.text.startsWith(text(block.caption)));
            expect(caption, `caption ${block.caption}`).toBeDefined();
            if (block.credit) expect(caption!.text).toContain(`图片来源：${text(block.credit)}`);
          }
        }
      }
    });
  }

  it('escapes everything Markdown would read as markup, and the reader above reads it back', () => {
    const hostile = '<img src=x onerror=alert(1)> &amp; **bold** [x](javascript:alert(1)) `code` | a | # not a heading ![i](data:x) _u_ ~~s~~';
    const escaped = escapeMarkdown(hostile);
    expect(escaped).not.toMatch(/(?<!\\)[<>&*[\]`|#!_~]/);
    expect(readMarkdown(escaped)[0]!.text).toBe(hostile);
    const lineStarts: Article = { ...realArticles[0]!.article, blocks: ['- item', '+ item', '1. item', '2) item', '=== ', '    code'].map((t) => ({ type: 'paragraph', text: t, content: [t] })) };
    const lines = articleToMarkdown(lineStarts, OPTIONS).trimEnd().split('\n\n').slice(-6);
    expect(lines).toEqual(['\\- item', '\\+ item', '1\\. item', '2\\) item', '\\===', 'code']);
  });
});

/** Every raw `<` in Markdown is escaped, or opens an address we wrote (`](<https://…>)`). */
function unescapedAngles(markdown: string): string[] {
  return [...markdown.matchAll(/(?<!\\)</g)]
    .filter((m) => !(markdown.slice(m.index - 2, m.index) === '](' && /^<https?:\/\/[^<>\s]*>\)/.test(markdown.slice(m.index))))
    .map((m) => markdown.slice(Math.max(0, m.index - 20), m.index + 40));
}

describe('the hostile pages, saved and copied', () => {
  // The five-megabyte page only repeats what the others hold, at a cost of minutes in jsdom.
  const pages = [...hostilePayloadPages(), ...clobberPages(), ...brokenPages().filter((p) => p.name !== 'five-megabytes')];
  for (const page of pages) {
    it(`${page.name}: no script, no handler, no non-web address in the file; no raw HTML or non-web link in the Markdown`, () => {
      const result = extract(parsePage(page.html, page.url).document, page.url);
      if (!isArticle(result)) {
        // Only a page whose right outcome may be a message has nothing to save.
        expect('expect' in page ? page.expect : 'article', page.name).not.toBe('article');
        return;
      }
      const saved = articleToHtml(result, OPTIONS);
      const { document } = new JSDOM(saved).window;
      // The head is exactly ours: charset, policy, referrer, viewport, title, one style.
      expect([...document.head.children].map((e) => e.localName), page.name).toEqual(['meta', 'meta', 'meta', 'meta', 'title', 'style']);
      expect(document.querySelector('meta[http-equiv]')?.getAttribute('content')).toMatch(/^default-src 'none'/);
      expect(auditTree(document.body, page.url), page.name).toEqual([]);
      expect(document.querySelectorAll('*').length, page.name).toBe(document.querySelectorAll('html, head, body, meta, title, style, article, header, h1, h2, h3, p, a, ul, ol, li, span, figure, img, figcaption, small, blockquote, strong, em').length);
      for (const element of document.querySelectorAll('[href], [src]')) expect(element.getAttribute('href') ?? element.getAttribute('src'), page.name).toMatch(/^https?:\/\//);

      const markdown = articleToMarkdown(result, OPTIONS);
      expect(unescapedAngles(markdown), page.name).toEqual([]);
      for (const [, href] of markdown.matchAll(/\]\(<([^>]*)>\)/g)) expect(href, page.name).toMatch(/^https?:\/\//);
      expect(markdown).not.toMatch(/(?<!\\)&[#a-z0-9]+;/i);
    });
  }
});
