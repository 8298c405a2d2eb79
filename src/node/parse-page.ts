// Parse a saved page in Node the way a browser tab sees it. A tab parses with scripting on, so the
// content of every `<noscript>` is raw text, up to the first `</noscript>`; jsdom (scripting off,
// and we never turn page scripts on) parses it as markup instead, and unbalanced markup in there
// (an unclosed `<style>` or `<form>`) would even swallow the rest of the page. So before jsdom sees
// the page, a scripting-on parse (parse5, the parser jsdom itself uses) locates each body
// `<noscript>`'s raw content and it is escaped, which makes jsdom read exactly that text. Head
// `<noscript>`s cannot hold text in a scripting-off parse, so they are parsed as elements and
// turned into one text node of their HTML afterwards.
// Bytes are decoded as a browser would: BOM, then `<meta charset>`, then UTF-8; numeric references
// such as the 2012 archive's `&#0147;` are mapped through Windows-1252 by the HTML parser itself.

import { readFile } from 'node:fs/promises';
import { JSDOM } from 'jsdom';
import { parse as parseScriptingOn, type DefaultTreeAdapterTypes } from 'parse5';

export interface ParsedPage {
  document: Document;
  window: Window;
  /** The URL the document was parsed with (the given one, else the page's canonical URL). */
  url: string;
}

/** Placeholder base when neither the caller nor the page names a URL; never a real BBC address. */
const UNKNOWN_PAGE_URL = 'about:blank';

export function parsePage(html: string | Uint8Array, url?: string): ParsedPage {
  const source = noscriptContentAsText(typeof html === 'string' ? html : decodeHtml(html));
  let dom = new JSDOM(source, { url: url ?? UNKNOWN_PAGE_URL, contentType: 'text/html' });
  let pageUrl = url;
  if (!pageUrl) {
    const canonical = findCanonicalUrl(dom.window.document);
    if (canonical) {
      dom.window.close();
      dom = new JSDOM(source, { url: canonical, contentType: 'text/html' });
      pageUrl = canonical;
    }
  }
  const document = dom.window.document;
  noscriptAsText(document);
  return { document, window: dom.window as unknown as Window, url: pageUrl ?? UNKNOWN_PAGE_URL };
}

export async function parsePageFile(path: string, url?: string): Promise<ParsedPage> {
  return parsePage(await readFile(path), url);
}

/** Replace each `<noscript>`'s parsed children with one text node of their HTML, as in a live tab. */
export function noscriptAsText(document: Document): void {
  for (const noscript of Array.from(document.querySelectorAll('noscript'))) {
    if (noscript.children.length === 0) continue;
    noscript.textContent = noscript.innerHTML;
  }
}

/** The URL a page names for itself: `link[rel=canonical]`, `og:url`, or Dublin Core identifier. */
export function findCanonicalUrl(document: Document): string | undefined {
  const candidates = [
    document.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    document.querySelector('meta[property="og:url"]')?.getAttribute('content'),
    document.querySelector('meta[name="dc.identifier"]')?.getAttribute('content'),
  ];
  for (const candidate of candidates) {
    const trimmed = candidate?.trim();
    if (trimmed && /^https?:\/\//.test(trimmed)) return trimmed;
  }
  return undefined;
}

// ---- <noscript> as a tab parses it ----

type Parse5Node = DefaultTreeAdapterTypes.Node;
type Parse5Element = DefaultTreeAdapterTypes.Element;

/**
 * Escape the raw content of every `<noscript>` inside `<body>` as a scripting-on parser delimits
 * it, so a scripting-off parser produces a single text node with exactly that content.
 */
function noscriptContentAsText(html: string): string {
  if (!/<noscript/i.test(html)) return html;
  const tree = parseScriptingOn(html, { scriptingEnabled: true, sourceCodeLocationInfo: true });
  const ranges: [number, number][] = [];
  const visit = (node: Parse5Node, inBody: boolean): void => {
    if (!('childNodes' in node)) return;
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      const element = child as Parse5Element;
      const location = element.sourceCodeLocation;
      if (element.tagName === 'noscript' && inBody && location?.startTag) {
        ranges.push([location.startTag.endOffset, location.endTag?.startOffset ?? html.length]);
        continue;
      }
      visit(element, inBody || element.tagName === 'body');
    }
  };
  visit(tree, false);
  if (ranges.length === 0) return html;
  let result = '';
  let position = 0;
  for (const [start, end] of ranges) {
    result += html.slice(position, start) + html.slice(start, end).replaceAll('&', '&amp;').replaceAll('<', '&lt;');
    position = end;
  }
  return result + html.slice(position);
}

// ---- Bytes to text, as a browser decodes a saved page ----

function decodeHtml(bytes: Uint8Array): string {
  return new TextDecoder(sniffEncoding(bytes)).decode(bytes);
}

/** BOM, then a `<meta charset>` / `http-equiv` charset in the first 1024 bytes, then UTF-8. */
function sniffEncoding(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const label = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
  if (label) {
    try {
      const encoding = new TextDecoder(label).encoding;
      // A page that claims UTF-16 in ASCII bytes is not UTF-16 (HTML spec: use UTF-8).
      return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
    } catch {
      // Unknown label: fall through to the default.
    }
  }
  return 'utf-8';
}
