// extract: behaviour a reader would notice, on the real pages (and small edits of them).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { inlineText, isArticle, normalizeWhitespace, readingMinutes, textLength, type Article, type Block, type ExtractResult } from '../../src/core/article.ts';
import { extract } from '../../src/core/extract.ts';
import { parsePage } from '../../src/node/parse-page.ts';

const html = (name: string): string => readFileSync(join(import.meta.dirname, '../fixtures/bbc', name), 'utf8');
const URL_66762882 = 'https://www.bbc.com/zhongwen/trad/chinese-news-66762882';
const URL_2022 = 'https://www.bbc.com/zhongwen/simp/world-62912357';
const PAGE_2022 = html('derived-simp-2022-world-62912357.html');

/** The tab-like parse of page 66762882 and its Article, made once (extract never mutates it). */
let shared: { document: Document; article: Article } | undefined;
function page66762882(): { document: Document; article: Article } {
  if (!shared) {
    const { document } = parsePage(html('trad-2023-chinese-news-66762882.html'), URL_66762882);
    shared = { document, article: article(extract(document, URL_66762882)) };
  }
  return shared;
}

function article(result: ExtractResult): Article {
  if (!isArticle(result)) throw new Error(`expected an article, got ${result.pageKind}: ${result.reason}`);
  return result;
}
const figures = (a: Article): Extract<Block, { type: 'figure' }>[] =>
  a.blocks.filter((block): block is Extract<Block, { type: 'figure' }> => block.type === 'figure');
const paragraphs = (a: Article): Extract<Block, { type: 'paragraph' }>[] =>
  a.blocks.filter((block): block is Extract<Block, { type: 'paragraph' }> => block.type === 'paragraph');
/** The page's `<p>` whose text starts with `start`: where a test edits the page. */
const pageParagraph = (document: Document, start: string): HTMLParagraphElement | undefined =>
  Array.from(document.querySelectorAll('p')).find((p) => p.textContent?.startsWith(start));

describe('extract', () => {
  it('does not change the document it is given', () => {
    const { document } = page66762882();
    const before = document.documentElement.outerHTML;
    article(extract(document, URL_66762882));
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('materialises lazy photos from <noscript> text (a tab) exactly as from <noscript> elements', () => {
    const source = html('trad-2023-chinese-news-66762882.html');
    const asTab = page66762882().article;
    const asElements = article(extract(new JSDOM(source, { url: URL_66762882 }).window.document, URL_66762882));
    expect(asElements).toEqual(asTab);
    const lazy = figures(asTab)[1];
    expect(lazy?.image).toEqual({
      src: 'https://ichef.bbci.co.uk/news/640/cpsprodpb/12E7A/production/_131043477_66762882.jpg',
      srcset: expect.stringContaining('/news/800/cpsprodpb/12E7A/production/_131043477_66762882.jpg 800w'),
      width: 1024,
      height: 576,
      alt: '專家稱，對於中國而言，「一帶一路」可以釋放中國過剩的基建產能。',
    });
    expect(lazy?.caption).toBe('專家稱，對於中國而言，「一帶一路」可以釋放中國過剩的基建產能。');
    expect(lazy?.credit).toBe('Getty Image');
  });

  it('gives the same photos after the page has loaded its lazy images (a scrolled, hydrated tab)', () => {
    const { document } = parsePage(html('trad-2023-chinese-news-66762882.html'), URL_66762882);
    let loaded = 0;
    for (const noscript of Array.from(document.querySelectorAll('main figure noscript'))) {
      const placeholder = noscript.previousElementSibling;
      if (!placeholder || noscript.closest('[data-e2e="media-player"]')) continue;
      loaded += 1;
      // What the page's lazy loader does: the placeholder gives way to the real <img>.
      const template = document.createElement('template');
      template.innerHTML = noscript.textContent ?? '';
      placeholder.replaceWith(template.content);
    }
    expect(loaded).toBe(4);
    expect(document.querySelectorAll('main figure img')).toHaveLength(5);
    expect(article(extract(document, URL_66762882))).toEqual(page66762882().article);
  });

  it('reads byline with role, and the published time from the page meta', () => {
    const result = page66762882().article;
    expect(result.title).toBe('「一帶一路」倡議十週年 改變世界的成敗與未來');
    expect(result.byline).toEqual([{ name: '陳岩', role: 'BBC中文記者' }]);
    expect(result.published).toBe('2023-09-10T05:42:14.000Z');
    expect(result.updated).toBeUndefined();
    expect(result.lang).toBe('zh-Hant');
    expect(result.variant).toBe('trad');
  });

  it('turns the video into a media block with its caption and a BBC link, without the fallback sentence or the ad', () => {
    const result = page66762882().article;
    const media = result.blocks.filter((block) => block.type === 'media');
    expect(media).toEqual([
      {
        type: 'media',
        kind: 'video',
        text: '中國向窮國批出高利息貸款 美國研究：「情況令人擔憂」',
        caption: '中國向窮國批出高利息貸款 美國研究：「情況令人擔憂」',
        href: 'https://www.bbc.com/ws/av-embeds/cps/zhongwen/trad/chinese-news-66762882/p09xc900/zh-hant',
      },
    ]);
    const allText = JSON.stringify(result);
    expect(allText).not.toMatch(/不支持播放|廣告|广告/);
  });

  it('keeps bold, italics and links in paragraphs as typed runs, with links made absolute', () => {
    const { document } = parsePage(PAGE_2022, URL_2022);
    const target = pageParagraph(document, '孙韵认为');
    if (!target) throw new Error('fixture changed: paragraph not found');
    target.insertAdjacentHTML('beforeend', '参见<a href="/zhongwen/simp/world-62913551">普京与习近平会谈</a>和<i>斜体</i>。');
    const result = article(extract(document, URL_2022));
    const first = paragraphs(result)[0];
    expect(first?.content[0]).toMatchObject({ kind: 'strong' });
    const edited = paragraphs(result).find((p) => p.text.startsWith('孙韵认为'));
    const runs = edited?.content ?? [];
    expect(runs[runs.length - 5]).toMatch(/参见$/);
    expect(runs.slice(-4)).toEqual([
      { kind: 'link', href: 'https://www.bbc.com/zhongwen/simp/world-62913551', children: ['普京与习近平会谈'] },
      '和',
      { kind: 'em', children: ['斜体'] },
      '。',
    ]);
    expect(edited?.text.endsWith('参见普京与习近平会谈和斜体。')).toBe(true);
  });

  it('strips screen-reader labels in front of byline entries (newer pages; assumed wording 作者， / 職務，)', () => {
    const { document } = parsePage(PAGE_2022, URL_2022);
    const [name, role] = Array.from(document.querySelectorAll('ul[role="list"]')[0]?.querySelectorAll('li') ?? []);
    name?.insertAdjacentHTML('afterbegin', '<span>作者，</span>');
    role?.insertAdjacentHTML('afterbegin', '<span>職務，</span>');
    expect(article(extract(document, URL_2022)).byline).toEqual([{ name: '斯影', role: 'BBC中文' }]);
  });

  it('turns a quotation into a quote block whose paragraphs stay apart', () => {
    const { document } = parsePage(PAGE_2022, URL_2022);
    const target = pageParagraph(document, '孙韵认为');
    target?.parentElement?.insertAdjacentHTML('afterend', '<blockquote><p>第一句<b>重点</b>。</p><p>第二句。</p></blockquote>');
    const quote = article(extract(document, URL_2022)).blocks.find((block) => block.type === 'quote');
    expect(quote).toEqual({ type: 'quote', text: '第一句重点。 第二句。', content: ['第一句', { kind: 'strong', children: ['重点'] }, '。\n第二句。'] });
  });

  it('keeps the text a quotation holds between and after its paragraphs, each as a line of its own', () => {
    const { document } = parsePage(PAGE_2022, URL_2022);
    const target = pageParagraph(document, '孙韵认为');
    target?.parentElement?.insertAdjacentHTML('afterend', '<blockquote><p>第一句。</p>\n  中间一句<b>重点</b>。\n<p>第二句。</p>— 某人，<i>某报</i></blockquote>');
    const quote = article(extract(document, URL_2022)).blocks.find((block) => block.type === 'quote');
    expect(quote?.text).toBe('第一句。 中间一句重点。 第二句。 — 某人，某报');
    expect(quote?.type === 'quote' && inlineText(quote.content).split('\n').map(normalizeWhitespace)).toEqual(['第一句。', '中间一句重点。', '第二句。', '— 某人，某报']);
  });

  it('keeps paragraphs that unbalanced markup left inside MathML (as a tab shows them), without the MathML', () => {
    const { document } = parsePage(PAGE_2022, URL_2022);
    const target = pageParagraph(document, '孙韵认为');
    const holder = target?.parentElement;
    if (!target || !holder) throw new Error('fixture changed');
    const mathml = 'http://www.w3.org/1998/Math/MathML';
    const math = document.createElementNS(mathml, 'math');
    const mtext = document.createElementNS(mathml, 'mtext');
    const mi = document.createElementNS(mathml, 'mi');
    mi.textContent = 'x²';
    math.append(mi, mtext);
    holder.before(math);
    mtext.append(holder);
    const result = article(extract(document, URL_2022));
    expect(paragraphs(result).some((p) => p.text.startsWith('孙韵认为'))).toBe(true);
    expect(JSON.stringify(result)).not.toContain('x²');
  });

  it('makes no link or photo of the page itself from a script URL, a blank href or an image without a source', () => {
    const { document } = parsePage(PAGE_2022, URL_2022);
    const target = pageParagraph(document, '孙韵认为');
    target?.insertAdjacentHTML('afterbegin', '<a href="javascript:alert(1)">脚本链接</a><a href="  ">空白链接</a>，');
    target?.parentElement?.insertAdjacentHTML('afterend', '<img alt="没有来源的图片">');
    const result = article(extract(document, URL_2022));
    expect(JSON.stringify(result)).not.toContain('没有来源的图片');
    const paragraph = paragraphs(result).find((p) => p.text.startsWith('脚本链接空白链接，孙韵认为'));
    expect(paragraph?.content[0]).toMatch(/^脚本链接空白链接，孙韵认为/);
  });

  it('keeps a date written inside a sentence, and leaves hidden wrappers hidden', () => {
    const { document } = parsePage(PAGE_2022, URL_2022);
    const target = pageParagraph(document, '孙韵认为');
    target?.insertAdjacentHTML('afterbegin', '<time datetime="2022-09-15">9月15日</time>，');
    target?.parentElement?.insertAdjacentHTML('afterend', '<div aria-hidden="true"><p>只给屏幕阅读器以外的隐藏文字。</p></div>');
    const result = article(extract(document, URL_2022));
    expect(paragraphs(result).some((p) => p.text.startsWith('9月15日，孙韵认为'))).toBe(true);
    expect(JSON.stringify(result)).not.toContain('隐藏文字');
    expect(result.published).toBe('2022-09-16');
  });

  it('strips the older ASCII-comma screen-reader prefixes too', () => {
    const { document } = parsePage(PAGE_2022, URL_2022);
    const reference = article(extract(parsePage(PAGE_2022, URL_2022).document, URL_2022));
    for (const span of Array.from(document.querySelectorAll('figure span'))) {
      if (span.textContent === '图像来源，') span.textContent = '图像来源, ';
      if (span.textContent === '图像加注文字，') span.textContent = '图像加注文字, ';
    }
    // And a prefix written inline in the caption's own paragraph rather than in its own span.
    const caption = document.querySelector('figcaption');
    caption?.querySelector('span')?.remove();
    const captionParagraph = caption?.querySelector('p');
    if (captionParagraph) captionParagraph.textContent = `图像加注文字, ${captionParagraph.textContent ?? ''}`;
    const result = article(extract(document, URL_2022));
    expect(figures(result).map((f) => [f.caption, f.credit])).toEqual(figures(reference).map((f) => [f.caption, f.credit]));
    expect(figures(result)[0]?.credit).toBe('EPA');
  });

  it('gives the same Article for a minified page and the same page with newlines inside its tags', () => {
    const source = html('trad-2023-world-66783048.html');
    const url = 'https://www.bbc.com/zhongwen/trad/world-66783048';
    const pretty = source.replace(/<([a-z][a-z0-9]*) ([^<>]*?)>/g, (_tag, name: string, attributes: string) =>
      `<${name}\n      ${attributes.replace(/" (?=[a-zA-Z-]+=)/g, '"\n      ')}>`,
    );
    expect(pretty).not.toBe(source);
    expect(article(extract(parsePage(pretty, url).document, url))).toEqual(article(extract(parsePage(source, url).document, url)));
  });

  it('keeps a video without a caption, and turns an embedded post into an embed block without its skip links', () => {
    const url = 'https://www.bbc.com/zhongwen/trad/world-66783048';
    const { document } = parsePage(html('trad-2023-world-66783048.html'), url);
    const players = Array.from(document.querySelectorAll('main [data-e2e="media-player"]')).map((player) => player.closest('figure'));
    players[1]?.querySelector('figcaption')?.remove();
    // An embedded post as a figure with skip links around a quoted post (assumed shape).
    players[0]?.replaceChildren(
      JSDOM.fragment('<a href="#end-of-twitter-content-1">跳過 Twitter 帖文</a><blockquote><p>貼文</p><a href="https://twitter.com/bbcchinese/status/1">連結</a></blockquote><p id="end-of-twitter-content-1">Twitter 帖文完</p>'),
    );
    const result = article(extract(document, url));
    expect(result.blocks.filter((block) => block.type === 'media')).toEqual([
      { type: 'media', kind: 'embed', text: '', href: 'https://twitter.com/bbcchinese/status/1' },
      { type: 'media', kind: 'video', text: '', href: 'https://www.bbc.com/ws/av-embeds/cps/zhongwen/trad/world-66783048/p077djsr/zh-hant' },
    ]);
    expect(JSON.stringify(result)).not.toMatch(/Twitter 帖文/);
  });

  it('ignores a promotions section rendered inside main (story promos are not the story)', () => {
    const url = 'https://www.bbc.com/zhongwen/trad/world-66783048';
    const reference = article(extract(parsePage(html('trad-2023-world-66783048.html'), url).document, url));
    const { document } = parsePage(html('trad-2023-world-66783048.html'), url);
    const promos = document.querySelector('section[data-e2e="related-content-heading"]');
    const middle = document.querySelectorAll('main p')[10];
    if (!promos || !middle?.parentElement) throw new Error('fixture changed');
    middle.parentElement.after(promos);
    expect(article(extract(document, url))).toEqual(reference);
  });

  it('reports live, media and index pages as what they are', () => {
    const kinds = ['derived-trad-live.html', 'derived-trad-media.html', 'derived-trad-index.html'].map((name) => {
      const { document, url } = parsePage(html(name));
      const result = extract(document, url);
      return isArticle(result) ? 'article' : result.pageKind;
    });
    expect(kinds).toEqual(['live', 'media', 'index']);
  });

  it('says a page outside BBC News 中文 is "other"', () => {
    const { document } = parsePage(html('trad-2023-world-66783048.html'));
    const result = extract(document, 'https://example.com/zhongwen/trad/world-66783048');
    expect(result).toMatchObject({ kind: 'not-an-article', pageKind: 'other' });
  });

  it('never lets script, handlers or javascript: URLs from the page into the Article', () => {
    const hostile = fc.constantFrom(
      '<script>alert(1)</script>', '<img src=x onerror="alert(1)">', '<a href="javascript:alert(1)">點我</a>',
      '<a href=" JaVaScRiPt:alert(1)">點</a>', '<span style="color:red" onclick="x()">紅</span>', '<svg onload=alert(1)></svg>',
      '<iframe src="javascript:alert(1)"></iframe>', '<a href="data:text/html,<script>alert(1)</script>">資料</a>',
      '<img src="https://ichef.bbci.co.uk/a.jpg" srcset="javascript:alert(1) 2x">',
    );
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 1, maxLength: 4 }), fc.nat(30), (injected, index) => {
        const { document } = parsePage(PAGE_2022, URL_2022);
        const targets = Array.from(document.querySelectorAll('p[dir="ltr"]'));
        targets[index % targets.length]?.insertAdjacentHTML('beforeend', injected.join(''));
        const json = JSON.stringify(extract(document, URL_2022));
        expect(json).not.toMatch(/javascript:|data:text|<script|onerror|onload|onclick|style=/i);
      }),
      { numRuns: 15 },
    );
  });
});

describe('textLength and readingMinutes', () => {
  it('counts each Chinese character as one and each Latin word or number as one, punctuation as nothing', () => {
    expect(textLength('「一帶一路」倡議十週年')).toBe(9);
    expect(textLength('特林·艾亞拉（Trin Aiyara）')).toBe(7);
    expect(textLength('2023年9月10日')).toBe(6);
    expect(textLength('，。！？「」 \n')).toBe(0);
  });

  it('reads 300 units a minute, at least one minute for any text', () => {
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(1)).toBe(1);
    expect(readingMinutes(3000)).toBe(10);
    expect(readingMinutes(3305)).toBe(11);
  });

  it("an article's textLength is the sum over its blocks", () => {
    const result = article(extract(parsePage(PAGE_2022, URL_2022).document, URL_2022));
    expect(result.textLength).toBe(result.blocks.reduce((sum, block) => sum + textLength(block.text), 0));
    expect(result.readingMinutes).toBe(readingMinutes(result.textLength));
  });
});
