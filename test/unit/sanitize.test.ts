// sanitize: whatever page markup comes in, no script, event handler, style or non-web URL comes out.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import type { WindowLike } from 'dompurify';
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS, sanitizeHtml, sanitizeInPlace } from '../../src/core/sanitize.ts';

const dom = new JSDOM('<!DOCTYPE html><html><body></body></html>');
const window = dom.window as unknown as WindowLike;
const document = dom.window.document;

const tagNames = [
  'p', 'a', 'b', 'i', 'em', 'strong', 'div', 'span', 'img', 'figure', 'figcaption', 'h2', 'ul', 'li',
  'script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'input', 'button', 'link',
  'meta', 'base', 'template', 'noscript', 'video', 'audio', 'source', 'textarea', 'select', 'frame',
];
const dangerousSchemes = [
  'javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)',
  '&#106;avascript:alert(1)', 'jav&#x09;ascript:alert(1)', 'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>', 'data:image/svg+xml;base64,PHN2Zz4=',
  '\u0001javascript:alert(1)', 'javascript&colon;alert(1)',
];
const safeValues = ['https://www.bbc.com/zhongwen/simp', '/zhongwen/trad/world-1', 'world-2', '#content', '976', 'Getty Images'];
const attributeNames = [
  'href', 'src', 'srcset', 'style', 'onclick', 'onerror', 'onload', 'onmouseover', 'formaction',
  'xlink:href', 'action', 'poster', 'background', 'class', 'id', 'alt', 'width', 'data-x',
  'data-qingdu-kind', 'data-qingdu-href', 'data-qingdu-credit', 'srcdoc', 'is',
];

const attributeValue = fc.oneof(
  fc.constantFrom(...dangerousSchemes),
  fc.constantFrom(...safeValues),
  fc.constantFrom(...dangerousSchemes).map((url) => `https://x/a.jpg 1x, ${url} 2x`),
  fc.string({ maxLength: 12 }),
);
const attribute = fc
  .tuple(fc.constantFrom(...attributeNames), attributeValue, fc.constantFrom('"', "'"))
  .map(([name, value, quote]) => ` ${name}=${quote}${value.replaceAll(quote, '')}${quote}`);

const markup: fc.Arbitrary<string> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ maxLength: 10 }).map((text) => text.replace(/[<>&]/g, '')),
    fc.constantFrom('<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '<!--<img src=x onerror=alert(1)>-->', '</p><script>', '<a href="javascript:alert(1)">x</a>', '<style>*{}</style>'),
    fc
      .tuple(fc.constantFrom(...tagNames), fc.array(attribute, { maxLength: 4 }), fc.array(tie('node'), { maxLength: 3 }))
      .map(([tag, attributes, children]) => `<${tag}${attributes.join('')}>${children.join('')}</${tag}>`),
  ),
})).node;

const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'data-qingdu-href']);

function violations(root: ParentNode): string[] {
  const found: string[] = [];
  for (const element of Array.from(root.querySelectorAll('*'))) {
    const tag = element.localName;
    if (!ALLOWED_TAGS.includes(tag)) found.push(`tag <${tag}>`);
    for (const { name, value } of Array.from(element.attributes)) {
      // DOMPurify cannot remove `is` from an element in place (customized built-ins keep it), so it
      // empties it instead; an empty `is` does nothing.
      const emptiedIs = name === 'is' && value === '';
      if (!ALLOWED_ATTRIBUTES.includes(name) && !emptiedIs) found.push(`attribute ${name} on <${tag}>`);
      if (/^on/i.test(name) || name === 'style') found.push(`attribute ${name}`);
      // URL-bearing attributes carry web URLs only; text attributes (alt, the credit) are shown as text.
      if (URL_ATTRIBUTES.has(name)) {
        const compact = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (/(?:javascript|vbscript|data):/.test(compact)) found.push(`${name}="${value}"`);
      }
    }
  }
  return found;
}

describe('sanitize', () => {
  it('never lets a script, an event handler, a style or a javascript:/data: URL through (strings)', () => {
    fc.assert(
      fc.property(fc.array(markup, { minLength: 1, maxLength: 4 }), (parts) => {
        const fragment = sanitizeHtml(parts.join(''), window);
        expect(violations(fragment)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('never lets them through when sanitizing an element in place', () => {
    fc.assert(
      fc.property(fc.array(markup, { minLength: 1, maxLength: 4 }), (parts) => {
        const root = document.createElement('div');
        root.innerHTML = parts.join('');
        sanitizeInPlace(root, window);
        expect(violations(root)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps what the reader needs: paragraphs, links, emphasis, figures with their images', () => {
    const fragment = sanitizeHtml(
      '<figure data-qingdu-kind="image" data-qingdu-credit="Getty Images"><img src="https://ichef.bbci.co.uk/a.jpg" srcset="https://ichef.bbci.co.uk/a.jpg 240w" width="976" height="549" alt="照片"><figcaption>說明</figcaption></figure>' +
        '<p>文字<a href="/zhongwen/trad/world-1" onclick="x()">連結</a><b>粗</b><i>斜</i></p>',
      window,
    );
    const image = fragment.querySelector('img');
    expect(image?.getAttribute('srcset')).toBe('https://ichef.bbci.co.uk/a.jpg 240w');
    expect(image?.getAttribute('width')).toBe('976');
    expect(fragment.querySelector('figure')?.getAttribute('data-qingdu-credit')).toBe('Getty Images');
    expect(fragment.querySelector('a')?.getAttribute('href')).toBe('/zhongwen/trad/world-1');
    expect(fragment.querySelector('a')?.hasAttribute('onclick')).toBe(false);
    expect(fragment.querySelector('p')?.textContent).toBe('文字連結粗斜');
  });
});
