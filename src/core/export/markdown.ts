// Article → Markdown (CommonMark): the headline, the source address and the date it was copied, the
// byline and dates, then every block in the script shown. Written from the typed Article, never from
// the overlay's HTML. Every piece of text is escaped so that it stays text in any Markdown reader:
// each ASCII character Markdown gives a meaning to (HTML `<`, entities `&`, emphasis, links, code,
// tables, headings and list markers at a line's start) is backslash-escaped, so nothing in an
// article can become HTML, a link or an image of its own. Addresses are written only when they are
// web addresses, inside `<…>` where the URL parser has already percent-encoded `<`, `>` and spaces.
import type { Article, Block, Inline } from '../article.ts';
import { safeHref } from '../web-url.ts';
import { dateParts, retrievedDate, type ExportOptions } from './common.ts';

/** CommonMark's backslash escapes that matter anywhere in a line. */
const INLINE_SPECIAL = /[\\`*_[\]<>&!|~#]/g;

/** Text as Markdown text: special characters escaped, line breaks and runs of white space one space. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(INLINE_SPECIAL, (c) => `\\${c}`);
}

/**
 * A line of text that must not start a block: `-`, `+`, `=` (list item, setext underline), `1.` or
 * `1)` (ordered list), leading spaces (code). `#`, `>`, `*` and `_` are already escaped everywhere.
 */
function escapeLineStart(line: string): string {
  return line.trim().replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** An address for `(<…>)`: only a web address, as the URL parser writes it. */
function destination(href: string | undefined): string | undefined {
  const web = safeHref(href);
  // The parser percent-encodes `<`, `>`, spaces and line breaks in every part but the host, where
  // they are refused; `\` is the one character left that a Markdown reader would still interpret.
  return web?.replace(/\\/g, '%5C');
}

function inlineMarkdown(runs: readonly Inline[]): string {
  let text = '';
  for (const run of runs) {
    if (typeof run === 'string') {
      text += escapeMarkdown(run);
      continue;
    }
    const inner = inlineMarkdown(run.children);
    if (inner.trim() === '') continue;
    if (run.kind !== 'link') {
      text += run.kind === 'strong' ? `**${inner}**` : `*${inner}*`;
      continue;
    }
    const href = destination(run.href);
    text += href ? `[${inner}](<${href}>)` : inner;
  }
  return text;
}

function blockMarkdown(block: Block, article: Article, options: ExportOptions): string {
  switch (block.type) {
    case 'paragraph':
      return escapeLineStart(inlineMarkdown(block.content));
    case 'heading':
      return `${'#'.repeat(block.level)} ${escapeMarkdown(block.text).trim()}`;
    case 'quote':
      return `> ${escapeLineStart(inlineMarkdown(block.content))}`;
    case 'list':
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${escapeLineStart(inlineMarkdown(item))}`).join('\n');
    case 'figure': {
      const src = destination(block.image.src);
      const lines: string[] = [];
      if (src) lines.push(`![${escapeMarkdown(block.image.alt)}](<${src}>)`);
      const caption = [
        block.caption ? `*${escapeMarkdown(block.caption).trim()}*` : '',
        block.credit ? escapeMarkdown(`${options.labels.credit}${block.credit}`) : '',
      ].filter((part) => part !== '');
      if (caption.length) lines.push(caption.join(' '));
      return lines.join('\n\n');
    }
    case 'media': {
      const kind = options.labels[block.kind];
      const text = escapeMarkdown(block.caption ? `${kind}：${block.caption}` : kind);
      const href = destination(block.href) ?? destination(article.url);
      return href ? `[${text}](<${href}>)` : escapeLineStart(text);
    }
  }
}

export function articleToMarkdown(article: Article, options: ExportOptions): string {
  const { labels } = options;
  const source = destination(article.url);
  const sourceLine =
    `${escapeMarkdown(labels.source)}${source ? `[${escapeMarkdown(source)}](<${source}>)` : escapeMarkdown(article.url)}` +
    ` · ${escapeMarkdown(labels.retrieved)}${escapeMarkdown(retrievedDate(options))}`;
  const parts = [`# ${escapeMarkdown(article.title).trim()}`, escapeLineStart(sourceLine)];
  if (article.byline.length) {
    parts.push(escapeLineStart(article.byline.map((p) => escapeMarkdown(p.role ? `${p.name}（${p.role}）` : p.name)).join('、')));
  }
  const dates = dateParts(article, options);
  if (dates.length) parts.push(escapeLineStart(escapeMarkdown(dates.join(' · '))));
  for (const block of article.blocks) {
    const markdown = blockMarkdown(block, article, options);
    if (markdown.trim() !== '') parts.push(markdown);
  }
  return `${parts.join('\n\n')}\n`;
}
