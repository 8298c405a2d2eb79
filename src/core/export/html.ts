// Article → one self-contained HTML file: the headline, byline, dates and every block in the script
// shown, its styles inline, photos linked to their BBC addresses, the source address and the date
// it was saved at the top. Written from the typed Article as a string, every text escaped and every
// address checked to be a web address, never from the overlay's HTML: nothing of the page's markup
// can reach the file. The file forbids scripts itself too (a Content-Security-Policy meta), so even
// a mistake here could not make it run anything.
import type { Article, Block, Inline } from '../article.ts';
import { safeHref } from '../web-url.ts';
import { dateParts, retrievedDate, type ExportOptions } from './common.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an element's content or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * Scripts, plugins, frames, forms and fonts are refused; only inline styles and web photos load.
 * The referrer is not sent with the photos.
 */
const CONTENT_SECURITY_POLICY = "default-src 'none'; img-src https: http:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** Light, print-friendly, in the reader's spirit: one column of about 36 characters. */
const SAVED_CSS = `
html { background: #fbfaf6; color: #222220; }
body { margin: 0; font-family: "Noto Sans CJK SC", "Noto Sans CJK TC", "PingFang SC", "PingFang TC", "Microsoft YaHei", "Microsoft JhengHei", sans-serif; line-height: 1.8; }
article { max-width: 36em; margin: 0 auto; padding: 2em 1.2em 4em; font-size: 20px; }
.qd-source { font-size: 0.7em; color: #6d6a63; margin: 0 0 2em; padding-bottom: 1em; border-bottom: 1px solid #e7e2d8; overflow-wrap: anywhere; }
h1 { font-size: 1.6em; line-height: 1.4; margin: 0 0 0.6em; }
.qd-byline { list-style: none; margin: 0 0 0.4em; padding: 0; font-size: 0.8em; }
.qd-byline li { display: inline; }
.qd-byline li + li::before { content: "、"; }
.qd-role { color: #6d6a63; margin-left: 0.5em; }
.qd-meta { font-size: 0.72em; color: #6d6a63; margin: 0 0 2em; }
p { margin: 0 0 1.1em; text-align: justify; }
h2, h3 { line-height: 1.5; margin: 2em 0 0.8em; break-after: avoid; }
h2 { font-size: 1.15em; } h3 { font-size: 1.05em; }
figure { margin: 1.8em 0 2em; break-inside: avoid; }
img { display: block; max-width: 100%; height: auto; }
figcaption { margin-top: 0.6em; font-size: 0.72em; color: #6d6a63; line-height: 1.65; }
figcaption small { display: block; }
blockquote { margin: 1.6em 0; padding-left: 1.1em; border-left: 3px solid #9c2a22; color: #6d6a63; }
a { color: #1f5f8b; }
`;

function inlineHtml(runs: readonly Inline[]): string {
  let html = '';
  for (const run of runs) {
    if (typeof run === 'string') {
      html += escapeHtml(run);
      continue;
    }
    const inner = inlineHtml(run.children);
    if (run.kind !== 'link') {
      html += `<${run.kind}>${inner}</${run.kind}>`;
      continue;
    }
    const href = safeHref(run.href);
    html += href ? `<a href="${escapeHtml(href)}">${inner}</a>` : inner;
  }
  return html;
}

function blockHtml(block: Block, article: Article, options: ExportOptions): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${inlineHtml(block.content)}</p>`;
    case 'heading':
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
    case 'quote':
      return `<blockquote><p>${inlineHtml(block.content)}</p></blockquote>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((item) => `<li>${inlineHtml(item)}</li>`).join('')}</${tag}>`;
    }
    case 'figure': {
      const src = safeHref(block.image.src);
      const size = (name: 'width' | 'height'): string => {
        const value = block.image[name];
        return typeof value === 'number' && Number.isFinite(value) && value > 0 ? ` ${name}="${Math.round(value)}"` : '';
      };
      const image = src ? `<img src="${escapeHtml(src)}" alt="${escapeHtml(block.image.alt)}"${size('width')}${size('height')}>` : '';
      const caption = block.caption ? escapeHtml(block.caption) : '';
      const credit = block.credit ? `<small>${escapeHtml(options.labels.credit)}${escapeHtml(block.credit)}</small>` : '';
      if (!image && !caption && !credit) return '';
      return `<figure>${image}${caption || credit ? `<figcaption>${caption}${credit}</figcaption>` : ''}</figure>`;
    }
    case 'media': {
      const kind = options.labels[block.kind];
      const href = safeHref(block.href) ?? safeHref(article.url);
      const text = escapeHtml(block.caption ? `${kind}：${block.caption}` : kind);
      return `<p class="qd-media">${href ? `<a href="${escapeHtml(href)}">${text}</a>` : text}</p>`;
    }
  }
}

/** The whole file, as a string (UTF-8 when saved). */
export function articleToHtml(article: Article, options: ExportOptions): string {
  const { labels } = options;
  const source = safeHref(article.url);
  const sourceLine =
    `${escapeHtml(labels.source)}${source ? `<a href="${escapeHtml(source)}">${escapeHtml(source)}</a>` : escapeHtml(article.url)}` +
    ` · ${escapeHtml(labels.retrieved)}${escapeHtml(retrievedDate(options))}`;
  const byline = article.byline.length
    ? `<ul class="qd-byline">${article.byline
        .map((person) => `<li>${escapeHtml(person.name)}${person.role ? `<span class="qd-role">${escapeHtml(person.role)}</span>` : ''}</li>`)
        .join('')}</ul>`
    : '';
  const dates = dateParts(article, options);
  const meta = dates.length ? `<p class="qd-meta">${dates.map(escapeHtml).join(' · ')}</p>` : '';
  const body = article.blocks.map((block) => blockHtml(block, article, options)).filter((html) => html !== '');
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(options.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(article.title)}</title>`,
    `<style>${SAVED_CSS}</style>`,
    '</head>',
    '<body>',
    '<article>',
    `<p class="qd-source">${sourceLine}</p>`,
    `<header><h1>${escapeHtml(article.title)}</h1>${byline}${meta}</header>`,
    ...body,
    '</article>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
