// Parse a saved page in Node the way a browser tab sees it. A tab runs with scripting on, so the
// HTML parser keeps `<noscript>` content as raw text; jsdom (scripting off, and we never turn page
// scripts on) parses it into elements instead. After parsing, every `<noscript>`'s children are
// replaced by one text node holding their HTML, so the extractor meets exactly what a tab gives it.
// Bytes are decoded as a browser would: BOM, then `<meta charset>`, then UTF-8; numeric references
// such as the 2012 archive's `&#0147;` are mapped through Windows-1252 by the HTML parser itself.

import { readFile } from 'node:fs/promises';
import { JSDOM } from 'jsdom';

export interface ParsedPage {
  document: Document;
  window: Window;
  /** The URL the document was parsed with (the given one, else the page's canonical URL). */
  url: string;
}

/** Placeholder base when neither the caller nor the page names a URL; never a real BBC address. */
const UNKNOWN_PAGE_URL = 'about:blank';

export function parsePage(html: string | Uint8Array, url?: string): ParsedPage {
  const input = typeof html === 'string' ? html : Buffer.from(html.buffer, html.byteOffset, html.byteLength);
  let dom = new JSDOM(input, { url: url ?? UNKNOWN_PAGE_URL, contentType: 'text/html' });
  let pageUrl = url;
  if (!pageUrl) {
    const canonical = findCanonicalUrl(dom.window.document);
    if (canonical) {
      dom.window.close();
      dom = new JSDOM(input, { url: canonical, contentType: 'text/html' });
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
