// Today's BBC 中文 formats (Optimo articles, `.lite` pages, photo galleries) and the extraction rules
// they need: bylines with location and photo, read time, links blocks and the related-content
// section, embeds, decorative images, `<noscript>` credits, and spacing around full-width punctuation.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { inlineText, isArticle, type Article, type Block, type ExtractResult } from '../../src/core/article.ts';
import { extract } from '../../src/core/extract.ts';
import { bylineFrom, isBylineList } from '../../src/core/extract/byline.ts';
import { isDecorativeImage } from '../../src/core/extract/decorative.ts';
import { tightenInlinePunctuation, tightenPunctuation } from '../../src/core/extract/typography.ts';
import { parsePage } from '../../src/node/parse-page.ts';

const html = (name: string): string => readFileSync(join(import.meta.dirname, '../fixtures/bbc', name), 'utf8');
const OPTIMO = 'today-optimo-trad-c9w1e66748qo.html';
const OPTIMO_URL = 'https://www.bbc.com/zhongwen/articles/c9w1e66748qo/trad?at_medium=RSS&at_campaign=rss';
const LITE = 'today-lite-simp-c5l266762882o.html';
const LITE_URL = 'https://www.bbc.com/zhongwen/articles/c5l266762882o/simp.lite';
const GALLERY = 'today-pgl-trad-chinese-news-66762882.html';
const GALLERY_URL = 'https://www.bbc.com/zhongwen/trad/chinese-news-66762882';

function article(result: ExtractResult): Article {
  if (!isArticle(result)) throw new Error(`expected an article, got ${result.pageKind}: ${result.reason}`);
  return result;
}
const extractPage = (name: string, url: string): Article => article(extract(parsePage(html(name), url).document, url));
const extractPage2 = (markup: string, url: string): Article => article(extract(parsePage(markup, url).document, url));
const fragment = (markup: string): Element => {
  const element = new JSDOM(`<body>${markup}</body>`).window.document.body.firstElementChild;
  if (!element) throw new Error('empty markup');
  return element;
};
const figures = (a: Article): Extract<Block, { type: 'figure' }>[] =>
  a.blocks.filter((block): block is Extract<Block, { type: 'figure' }> => block.type === 'figure');

describe('today’s Optimo article', () => {
  const optimo = extractPage(OPTIMO, OPTIMO_URL);

  it('reads the byline as name, role and location, with none of its labels anywhere', () => {
    expect(optimo.byline).toEqual([{ name: '呂嘉鴻', role: 'BBC中文', location: '台北' }]);
    expect(JSON.stringify(optimo)).not.toMatch(/Author|Role,|Reporting from|Article information/);
  });

  it('takes the page’s read time instead of the estimate, and never as text', () => {
    const page = parsePage(html(OPTIMO), OPTIMO_URL).document;
    const shown = /閱讀時間: (\d+) 分鐘/.exec(page.querySelector('main')?.textContent ?? '')?.[1];
    expect(shown).toBeDefined();
    expect(optimo.readingMinutes).toBe(Number(shown));
    expect(JSON.stringify(optimo.blocks)).not.toMatch(/閱讀時間/);
  });

  it('collects the links blocks and then the related-content section, in order, each story once', () => {
    const page = parsePage(html(OPTIMO), OPTIMO_URL).document;
    const inBlocks = Array.from(page.querySelectorAll('main [role="region"] ul a'), (link) => link.getAttribute('href'));
    const afterMain = Array.from(page.querySelectorAll('[aria-labelledby="related-content-heading"] h3 a'), (link) => new URL(link.getAttribute('href') ?? '', OPTIMO_URL).href);
    const expected = [...new Set([...inBlocks, ...afterMain])];
    expect(inBlocks.length).toBeGreaterThan(0);
    expect(afterMain.length).toBe(8);
    expect(optimo.related.map((story) => story.url)).toEqual(expected);
    const texts = optimo.blocks.map((block) => block.text).join('\n');
    for (const story of optimo.related) expect(texts).not.toContain(story.title);
    expect(texts).not.toMatch(/相關報道|更多相關內容|Podcast|Newsweek/);
  });

  it('turns the X post and the YouTube video into media cards linking to them, without skip links or consent text', () => {
    const embeds = optimo.blocks.filter((block) => block.type === 'media');
    expect(embeds).toEqual([
      { type: 'media', kind: 'embed', text: '', href: 'https://twitter.com/bbcnewspidgin/status/1700039661874282772' },
      { type: 'media', kind: 'embed', text: '', href: 'https://www.youtube.com/watch?v=qWmFXR5YFhc' },
    ]);
    expect(JSON.stringify(optimo)).not.toMatch(/帖子|允許|接受並繼續|隱私政策/);
  });

  it('leaves the divider line out of the figures', () => {
    expect(figures(optimo)).toHaveLength(6);
    expect(JSON.stringify(optimo)).not.toMatch(/grey_line|分隔線/);
  });

  it('keeps every paragraph hidden behind "Continue reading" (hidden by a class, not removed)', () => {
    const page = parsePage(html(OPTIMO), OPTIMO_URL).document;
    const hidden = Array.from(page.querySelectorAll('main > :nth-child(n + 8) p[dir]'), (p) => p.textContent ?? '');
    expect(hidden.length).toBeGreaterThan(20);
    const paragraphs = optimo.blocks.filter((block) => block.type === 'paragraph').map((block) => block.text);
    for (const text of hidden) expect(paragraphs).toContain(tightenPunctuation(text));
  });
});

describe('a .lite page', () => {
  const lite = extractPage(LITE, LITE_URL);

  it('is simplified by its URL and recovers every photo and its credit from <noscript>', () => {
    expect(lite.variant).toBe('simp');
    const page = parsePage(html(LITE), LITE_URL).document;
    const credits = Array.from(page.querySelectorAll('main figure noscript'), (noscript) => /<span lang="en-GB">([^<]+)<\/span>/.exec(noscript.textContent ?? '')?.[1]);
    expect(credits.length).toBe(5);
    expect(figures(lite).map((figure) => figure.credit)).toEqual(credits);
    expect(JSON.stringify(lite)).not.toMatch(/Load Image/);
  });
});

describe('a photo gallery', () => {
  it('keeps every photo with its caption and credit in order, and the text between them', () => {
    const gallery = extractPage(GALLERY, GALLERY_URL);
    const page = parsePage(html(GALLERY), GALLERY_URL).document;
    const expected = Array.from(page.querySelectorAll('main figure, main p[dir]'), (element) =>
      element.localName === 'figure' ? `figure:${element.querySelector('figcaption p')?.textContent}` : `p:${element.textContent}`,
    );
    const got = gallery.blocks.map((block) => (block.type === 'figure' ? `figure:${block.caption}` : `p:${block.text}`));
    expect(got).toEqual(expected);
    expect(figures(gallery).every((figure) => figure.credit)).toBe(true);
  });
});

describe('byline lists', () => {
  it('skip the author photo and a social handle, and read "Reporting from" as the location', () => {
    const list = fragment(
      '<ul><li><img src="https://ichef.bbci.co.uk/ace/ws/160/cpsprodpb/a.png.webp" alt=""></li><li><span>Author, </span><span>林森</span></li>' +
        '<li><span>Role, </span> <span>BBC中文記者</span></li><li><a href="https://x.com/a"><span>Twitter, </span><span>@lin</span></a></li>' +
        '<li><span>Reporting from  </span><span>香港</span></li></ul>',
    );
    expect(isBylineList(list)).toBe(true);
    expect(bylineFrom(list)).toEqual({ name: '林森', role: 'BBC中文記者', location: '香港' });
  });

  it('are not lists of sentences or of empty items', () => {
    expect(isBylineList(fragment('<ul><li></li><li></li></ul>'))).toBe(false);
    expect(isBylineList(fragment(`<ul><li>${'很長的句子'.repeat(10)}</li></ul>`))).toBe(false);
  });
});

describe('bylines and embeds in a page', () => {
  it('a second contributor is a second entry, but a list of story links before the story is not a byline', () => {
    const url = 'https://www.bbc.com/zhongwen/articles/c1/trad';
    const page = (extra: string): Article =>
      extractPage2(
        `<!DOCTYPE html><html lang="zh-hant"><head><title>t</title></head><body><main role="main"><h1 id="content">標題</h1>` +
          `<ul><li>林森</li><li>BBC中文記者</li></ul>${extra}<time datetime="2024-05-01">2024年5月1日</time>` +
          `${'<p>這是一段足夠長的新聞內容，讀者應該能在閱讀模式中看到它的全部文字。</p>'.repeat(4)}</main></body></html>`,
        url,
      );
    expect(page('<ul><li>王二</li><li>BBC中文</li></ul>').byline).toEqual([{ name: '林森', role: 'BBC中文記者' }, { name: '王二', role: 'BBC中文' }]);
    const withLinks = page('<ul><li><a href="/zhongwen/trad/world-1">第一篇</a></li><li><a href="/zhongwen/trad/world-2">第二篇</a></li></ul>');
    expect(withLinks.byline).toEqual([{ name: '林森', role: 'BBC中文記者' }]);
    expect(withLinks.related.map((story) => story.title)).toEqual(['第一篇', '第二篇']);
  });

  it('an embed marker without an absolute web URL, or around more than an embed, is not an embed', () => {
    const url = 'https://www.bbc.com/zhongwen/articles/c1/trad';
    const story = '<p>這是一段足夠長的新聞內容，讀者應該能在閱讀模式中看到它的全部文字，一字不漏。</p>'.repeat(30);
    const page = (wrapper: string): Article =>
      extractPage2(`<!DOCTYPE html><html lang="zh-hant"><head><title>t</title></head><body><main role="main"><h1 id="content">標題</h1><time datetime="2024-05-01">2024年5月1日</time>${wrapper}</main></body></html>`, url);
    const relative = page(`<div data-e2e="twitter-embed-javascript:alert(1)"><a href="#end">跳過</a></div>${story}`);
    expect(relative.blocks.some((block) => block.type === 'media')).toBe(false);
    const swallowing = page(`<div data-e2e="twitter-embed-https://x.com/a/status/1">${story}`);
    expect(swallowing.blocks.filter((block) => block.type === 'paragraph')).toHaveLength(30);
  });
});

describe('decorative images', () => {
  const image = (attributes: string): Element => fragment(`<img ${attributes}>`);
  it('are spacers, lines and thin banners, by size, alt text or file name', () => {
    expect(isDecorativeImage(image('src="https://ichef.bbci.co.uk/news/640/cpsprodpb/1/_1_grey_line-nc.png" width="640" height="2" alt=""'))).toBe(true);
    expect(isDecorativeImage(image('src="https://ichef.bbci.co.uk/a/spacer.gif" alt=""'))).toBe(true);
    expect(isDecorativeImage(image('src="https://ichef.bbci.co.uk/a/b.png" alt="灰色分隔線"'))).toBe(true);
    expect(isDecorativeImage(image('src="https://ichef.bbci.co.uk/a/banner.png" width="976" height="60" alt="BBC"'))).toBe(true);
  });
  it('are never photos of the story', () => {
    expect(isDecorativeImage(image('src="https://ichef.bbci.co.uk/news/640/cpsprodpb/BB81/production/_121910084_china-laosrailway2.jpg" width="1400" height="788" alt="鐵路"'))).toBe(false);
    expect(isDecorativeImage(image('src="https://ichef.bbci.co.uk/a/_1_airline-pilots.jpg" width="976" height="549" alt="機師"'))).toBe(false);
    expect(isDecorativeImage(image('src="https://ichef.bbci.co.uk/a/panorama.jpg" width="2000" height="400" alt="長城全景"'))).toBe(false);
  });
});

describe('spacing around full-width punctuation', () => {
  it('is removed in text and across inline runs', () => {
    expect(tightenPunctuation('Mate 60 Pro ，在全球')).toBe('Mate 60 Pro，在全球');
    expect(tightenPunctuation('二十大结果“尘埃落定” ？')).toBe('二十大结果“尘埃落定”？');
    expect(tightenPunctuation('他說 「好」 然後')).toBe('他說「好」然後');
    expect(tightenPunctuation('BBC News 中文 2023')).toBe('BBC News 中文 2023');
    expect(tightenInlinePunctuation(['看 ', { kind: 'link', href: 'https://www.bbc.com/', children: ['「報道」'] }, ' ，好'])).toEqual([
      '看', { kind: 'link', href: 'https://www.bbc.com/', children: ['「報道」'] }, '，好',
    ]);
  });

  it('is gone from the real page that has "Mate 60 Pro ，在"', () => {
    const url = 'https://www.bbc.com/zhongwen/trad/chinese-news-66748432';
    expect(html('trad-2023-chinese-news-66748432.html')).toContain('Mate 60 Pro ，在');
    const real = extractPage('trad-2023-chinese-news-66748432.html', url);
    const text = real.blocks.map((block) => (block.type === 'paragraph' ? inlineText(block.content) : block.text)).join('\n');
    expect(text).toContain('Mate 60 Pro，在全球半導體高科技界');
    expect(text).not.toMatch(/[ \u00a0][，。；：？！、「」（）]|[，。；：？！、「」（）][ \u00a0]/);
  });
});
