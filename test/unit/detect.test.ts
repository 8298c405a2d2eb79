// detect: page kind and script from stable signals, on the real saved pages and on small pages
// derived from them (see test/fixtures/PROVENANCE.md).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { detect, detectVariant, isBbcChineseUrl } from '../../src/core/detect.ts';
import { parsePageFile } from '../../src/node/parse-page.ts';

const fixture = (name: string): string => join(import.meta.dirname, '../fixtures/bbc', name);

describe('isBbcChineseUrl', () => {
  it.each([
    'https://www.bbc.com/zhongwen/simp/world-62912357',
    'https://www.bbc.com/zhongwen/trad',
    'https://www.bbc.com/zhongwen',
    'https://www.bbc.com/zhongwen/articles/c4n0xj7ep4wo/simp',
    'http://www.bbc.co.uk/zhongwen/simp/chinese_news/2012/12/121210_hongkong_politics.shtml',
    'https://bbc.com/zhongwen/trad/world-66783048?at_medium=RSS#content',
  ])('accepts %s', (url) => expect(isBbcChineseUrl(url)).toBe(true));

  it.each([
    'https://www.bbc.com/news/world-66783048',
    'https://www.bbc.com/zhongwenx/simp',
    'https://evil.example/zhongwen/simp/world-62912357',
    'https://www.bbc.com.evil.example/zhongwen/simp',
    'ftp://www.bbc.com/zhongwen/simp',
    'not a url',
    '',
  ])('rejects %s', (url) => expect(isBbcChineseUrl(url)).toBe(false));
});

describe('detect on real pages', () => {
  it.each([
    ['trad-2023-chinese-news-66748432.html', 'https://www.bbc.com/zhongwen/trad/chinese-news-66748432', 'trad'],
    ['trad-2023-chinese-news-66762882.html', 'https://www.bbc.com/zhongwen/trad/chinese-news-66762882', 'trad'],
    ['trad-2023-world-66783048.html', 'https://www.bbc.com/zhongwen/trad/world-66783048', 'trad'],
    ['derived-simp-2023-chinese-news-66762882.html', 'https://www.bbc.com/zhongwen/simp/chinese-news-66762882', 'simp'],
    ['derived-simp-2022-world-62912357.html', 'https://www.bbc.com/zhongwen/simp/world-62912357', 'simp'],
    [
      'simp-2012-chinese_news-121210_hongkong_politics.html',
      'http://www.bbc.co.uk/zhongwen/simp/chinese_news/2012/12/121210_hongkong_politics.shtml',
      'simp',
    ],
  ] as const)('%s is an article in %s', async (file, url, variant) => {
    const { document } = await parsePageFile(fixture(file), url);
    expect(detect(document, url)).toEqual({ kind: 'article', variant });
  });

  it('recognises an article by its markup alone when the page carries no metadata', async () => {
    const url = 'https://www.bbc.com/zhongwen/trad/world-66783048';
    const { document } = await parsePageFile(fixture('trad-2023-world-66783048.html'), url);
    for (const element of Array.from(document.querySelectorAll('script, meta[property="og:type"]'))) element.remove();
    expect(detect(document, url)).toEqual({ kind: 'article', variant: 'trad' });
  });

  it('says "other" for a BBC article page outside the Chinese service', async () => {
    const { document } = await parsePageFile(fixture('trad-2023-world-66783048.html'));
    expect(detect(document, 'https://www.bbc.com/news/world-66783048').kind).toBe('other');
  });
});

describe('detect on derived non-article pages', () => {
  it('the edition front page is an index', async () => {
    const { document, url } = await parsePageFile(fixture('derived-trad-index.html'));
    expect(url).toBe('https://www.bbc.com/zhongwen/trad');
    expect(detect(document, url)).toEqual({ kind: 'index', variant: 'trad' });
  });

  it('an index page is recognised from its markup when the URL does not say so', async () => {
    const { document } = await parsePageFile(fixture('derived-trad-index.html'));
    expect(detect(document, 'https://www.bbc.com/zhongwen/trad/world-66783048').kind).toBe('index');
  });

  it('a topic page is an index by its URL', async () => {
    const { document } = await parsePageFile(fixture('derived-trad-index.html'));
    expect(detect(document, 'https://www.bbc.com/zhongwen/trad/topics/c1ez1k4r33nt').kind).toBe('index');
  });

  it('a page that leads with a VideoObject is a media page', async () => {
    const url = 'https://www.bbc.com/zhongwen/trad/world-66783048';
    const { document } = await parsePageFile(fixture('derived-trad-media.html'), url);
    expect(detect(document, url)).toEqual({ kind: 'media', variant: 'trad' });
  });

  it('a media-NNN or av URL is a media page', async () => {
    const { document } = await parsePageFile(fixture('derived-trad-media.html'));
    expect(detect(document, 'https://www.bbc.com/zhongwen/simp/media-66783048')).toEqual({ kind: 'media', variant: 'simp' });
    expect(detect(document, 'https://www.bbc.com/zhongwen/trad/av/world-66783048').kind).toBe('media');
  });

  it('a live page is recognised by its URL and, separately, by its LiveBlogPosting JSON-LD', async () => {
    const { document, url } = await parsePageFile(fixture('derived-trad-live.html'));
    expect(detect(document, url)).toEqual({ kind: 'live', variant: 'trad' });
    expect(detect(document, 'https://www.bbc.com/zhongwen/trad/world-66783048').kind).toBe('live');
  });
});

describe('detectVariant', () => {
  it('prefers the URL over html[lang]', async () => {
    const { document } = await parsePageFile(fixture('trad-2023-world-66783048.html'));
    expect(detectVariant(document, 'https://www.bbc.com/zhongwen/simp/world-66783048')).toBe('simp');
    expect(detectVariant(document, 'https://www.bbc.com/zhongwen/articles/c4n0xj7ep4wo/simp')).toBe('simp');
  });

  it('reads the script of the data-saving and AMP renderings (simp.lite, trad.amp), query and fragment ignored', async () => {
    const { document } = await parsePageFile(fixture('trad-2023-world-66783048.html'));
    expect(detectVariant(document, 'https://www.bbc.com/zhongwen/articles/c5l266762882o/simp.lite')).toBe('simp');
    expect(detectVariant(document, 'https://www.bbc.com/zhongwen/simp/world-66783048.amp')).toBe('simp');
    expect(detectVariant(document, 'https://www.bbc.com/zhongwen/articles/c9w1e66748qo/simp.amp?at_medium=RSS&at_campaign=rss#end')).toBe('simp');
    const lite = await parsePageFile(fixture('today-lite-simp-c5l266762882o.html'));
    expect(detect(lite.document, 'https://www.bbc.com/zhongwen/articles/c5l266762882o/simp.lite?at_medium=RSS')).toEqual({ kind: 'article', variant: 'simp' });
    const optimo = await parsePageFile(fixture('today-optimo-trad-c9w1e66748qo.html'));
    expect(detect(optimo.document, 'https://www.bbc.com/zhongwen/articles/c9w1e66748qo/trad.amp?at_medium=RSS&at_campaign=rss')).toEqual({ kind: 'article', variant: 'trad' });
  });

  it('falls back to html[lang] when the URL has no script segment', async () => {
    const { document } = await parsePageFile(fixture('trad-2023-world-66783048.html'));
    expect(detectVariant(document, 'https://www.bbc.com/zhongwen')).toBe('trad');
    document.documentElement.setAttribute('lang', 'zh-Hans-CN');
    expect(detectVariant(document, 'https://www.bbc.com/zhongwen')).toBe('simp');
    document.documentElement.setAttribute('lang', 'zh-HK');
    expect(detectVariant(document, 'https://www.bbc.com/zhongwen')).toBe('trad');
  });
});
