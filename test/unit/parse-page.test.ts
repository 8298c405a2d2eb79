// parsePage: a saved page as a browser tab sees it (noscript as text, bytes decoded like a browser).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parsePage, parsePageFile } from '../../src/node/parse-page.ts';

describe('parsePage', () => {
  it('turns <noscript> content into one text node, as in a tab with scripting on', () => {
    const { document } = parsePage('<p>a</p><noscript><img src="https://ichef.bbci.co.uk/a.jpg" alt="x"></noscript>');
    const noscript = document.querySelector('noscript');
    expect(noscript?.children).toHaveLength(0);
    expect(noscript?.childNodes).toHaveLength(1);
    expect(noscript?.textContent).toBe('<img src="https://ichef.bbci.co.uk/a.jpg" alt="x">');
    expect(document.querySelectorAll('img')).toHaveLength(0);
  });

  it('ends <noscript> content at the first </noscript>, as a tab does, so unbalanced markup in it swallows nothing', () => {
    const { document } = parsePage(
      '<html><head><noscript><link rel="stylesheet" href="x.css"></noscript><title>t</title></head>' +
        '<body><main><noscript><form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)></noscript>' +
        '<p>after &amp; still here</p></main></body></html>',
    );
    expect(document.title).toBe('t');
    expect(document.querySelector('main > p')?.textContent).toBe('after & still here');
    expect(document.querySelectorAll('form, math, style, img')).toHaveLength(0);
    const [head, body] = Array.from(document.querySelectorAll('noscript'));
    expect(head?.textContent).toBe('<link rel="stylesheet" href="x.css">');
    expect(body?.textContent).toBe('<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>');
  });

  it('maps Windows-1252 numeric references (the 2012 archive’s &#0147;) to the characters browsers show', async () => {
    const url = 'http://www.bbc.co.uk/zhongwen/simp/chinese_news/2012/12/121210_hongkong_politics.shtml';
    const { document } = await parsePageFile(join(import.meta.dirname, '../fixtures/bbc/simp-2012-chinese_news-121210_hongkong_politics.html'), url);
    expect(document.querySelector('.bodytext h2')?.textContent).toBe('\u201c郑重道歉\u201d');
    expect(parsePage('<p>&#0150;&#0151;&#0145;&#0146;</p>').document.body.textContent).toBe('\u2013\u2014\u2018\u2019');
  });

  it('decodes bytes by the page’s own <meta charset>, like a browser', () => {
    const head = new TextEncoder().encode('<!DOCTYPE html><html><head><meta charset="gbk"></head><body><p>');
    const gbkChineseWord = [0xd6, 0xd0, 0xce, 0xc4]; // 中文 in GBK
    const tail = new TextEncoder().encode('</p></body></html>');
    const bytes = new Uint8Array([...head, ...gbkChineseWord, ...tail]);
    expect(parsePage(bytes).document.querySelector('p')?.textContent).toBe('中文');
  });

  it('uses the given URL, else the page’s canonical URL, else about:blank', () => {
    const page = '<html><head><link rel="canonical" href="https://www.bbc.com/zhongwen/trad/world-66783048"></head><body></body></html>';
    expect(parsePage(page, 'https://www.bbc.com/zhongwen/simp/world-66783048').url).toBe('https://www.bbc.com/zhongwen/simp/world-66783048');
    expect(parsePage(page).url).toBe('https://www.bbc.com/zhongwen/trad/world-66783048');
    expect(parsePage(page).document.URL).toBe('https://www.bbc.com/zhongwen/trad/world-66783048');
    expect(parsePage('<p>x</p>').url).toBe('about:blank');
  });
});
