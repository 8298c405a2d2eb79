// From sanitized article markup to typed blocks. The input has already been through DOMPurify's
// allow-list; this walk turns it into paragraphs of inline runs (text, links, bold, italics),
// headings, lists, quotes, figures and media, so no HTML string ever leaves extraction. Containers
// (div, section, and paragraphs that Readability made out of wrapper divs) are walked through.

import type { Block, Inline, RelatedStory } from '../article.ts';
import { inlineText, normalizeWhitespace } from '../article.ts';
import { MARKER_ATTRIBUTES } from '../sanitize.ts';
import { isPlaybackFallback, isScreenReaderPrefix, stripCaptionPrefix } from './bbc-text.ts';
import { absoluteWebUrl, relatedLinks } from './links.ts';
import { runSteps, type Steps } from './steps.ts';
import { tightenInlinePunctuation, tightenPunctuation } from './typography.ts';

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

const BLOCK_TAGS = new Set(['div', 'section', 'p', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'figure', 'figcaption', 'img']);
const BLOCK_SELECTOR = 'div, section, p, h2, h3, h4, ul, ol, blockquote, figure, img';

export interface BodyContent {
  blocks: Block[];
  related: RelatedStory[];
}

/** The blocks under `root`, as steps (extract/steps.ts): a pause after each top-level block. */
export function* blocksFromSteps(root: Element, pageUrl: string): Steps<BodyContent> {
  const walker = new BlockWalker(pageUrl);
  yield* walker.containerSteps(root);
  return { blocks: walker.blocks, related: walker.related };
}

/**
 * An element's children in order: each block child (a block element, or any element holding one)
 * alone, and each run of text and inline elements between them together, as an array.
 */
function childGroups(element: Element): (Element | Node[])[] {
  const groups: (Element | Node[])[] = [];
  let loose: Node[] = [];
  for (const child of Array.from(element.childNodes)) {
    if (child.nodeType === TEXT_NODE) {
      loose.push(child);
      continue;
    }
    if (child.nodeType !== ELEMENT_NODE) continue;
    const childElement = child as Element;
    if (!BLOCK_TAGS.has(childElement.localName) && !childElement.querySelector(BLOCK_SELECTOR)) {
      loose.push(childElement);
      continue;
    }
    if (loose.length > 0) groups.push(loose);
    loose = [];
    groups.push(childElement);
  }
  if (loose.length > 0) groups.push(loose);
  return groups;
}

class BlockWalker {
  readonly blocks: Block[] = [];
  readonly related: RelatedStory[] = [];

  constructor(private readonly pageUrl: string) {}

  container(element: Element): void {
    runSteps(this.containerSteps(element));
  }

  *containerSteps(element: Element): Steps<void> {
    for (const group of childGroups(element)) {
      if (Array.isArray(group)) {
        this.paragraphFrom(group);
      } else {
        this.block(group);
        yield;
      }
    }
  }

  private block(element: Element): void {
    switch (element.localName) {
      case 'p':
        if (element.querySelector(BLOCK_SELECTOR)) this.container(element);
        else this.paragraphFrom(Array.from(element.childNodes));
        return;
      case 'h2':
      case 'h3':
      case 'h4': {
        const text = tightenPunctuation(normalizeWhitespace(element.textContent ?? ''));
        if (text) this.blocks.push({ type: 'heading', text, level: element.localName === 'h2' ? 2 : 3 });
        return;
      }
      case 'ul':
      case 'ol':
        this.list(element);
        return;
      case 'blockquote': {
        // Paragraphs inside a quote stay apart as lines of one quote; text between them (a
        // signature, an attribution, a line without its own <p>) is a line of its own.
        const parts = element.querySelector('p')
          ? childGroups(element).map((group) => this.inlines(Array.isArray(group) ? group : [group]))
          : [this.inlines(Array.from(element.childNodes))];
        const content = mergeStrings(parts.filter((part) => part.length > 0).flatMap((part, index) => (index === 0 ? part : ['\n', ...part])));
        const text = normalizeWhitespace(inlineText(content));
        if (text) this.blocks.push({ type: 'quote', text, content });
        return;
      }
      case 'figure':
        this.figure(element);
        return;
      case 'img':
        this.image(element, undefined, undefined);
        return;
      default:
        this.container(element);
    }
  }

  private paragraphFrom(nodes: Node[]): void {
    const content = this.inlines(nodes);
    const text = normalizeWhitespace(inlineText(content));
    if (!text || isPlaybackFallback(text) || isScreenReaderPrefix(text)) return;
    this.blocks.push({ type: 'paragraph', text, content });
  }

  private list(list: Element): void {
    const stories = relatedLinks(list, this.pageUrl);
    if (stories) {
      this.related.push(...stories);
      return;
    }
    const items: Inline[][] = [];
    for (const item of Array.from(list.children)) {
      if (item.localName !== 'li') continue;
      const content = this.inlines(Array.from(item.childNodes));
      if (normalizeWhitespace(inlineText(content))) items.push(content);
    }
    if (items.length === 0) return;
    const text = items.map((item) => normalizeWhitespace(inlineText(item))).join('\n');
    this.blocks.push({ type: 'list', text, ordered: list.localName === 'ol', items });
  }

  private figure(figure: Element): void {
    const kind = figure.getAttribute(MARKER_ATTRIBUTES.kind);
    const caption = tightenPunctuation(stripCaptionPrefix(normalizeWhitespace(figure.querySelector('figcaption')?.textContent ?? '')));
    if (kind === 'video' || kind === 'audio' || kind === 'embed') {
      const media: Extract<Block, { type: 'media' }> = { type: 'media', text: caption, kind };
      if (caption) media.caption = caption;
      const href = absoluteWebUrl(figure.getAttribute(MARKER_ATTRIBUTES.href) ?? '', this.pageUrl);
      if (href) media.href = href;
      this.blocks.push(media);
      return;
    }
    const image = figure.querySelector('img');
    if (image) {
      this.image(image, caption || undefined, normalizeWhitespace(figure.getAttribute(MARKER_ATTRIBUTES.credit) ?? '') || undefined);
    } else {
      this.container(figure);
    }
  }

  private image(image: Element, caption: string | undefined, credit: string | undefined): void {
    const src = absoluteWebUrl(image.getAttribute('src') ?? '', this.pageUrl);
    if (!src) return;
    const block: Extract<Block, { type: 'figure' }> = {
      type: 'figure',
      text: caption ?? '',
      image: { src, alt: normalizeWhitespace(image.getAttribute('alt') ?? '') },
    };
    const srcset = webSrcset(image.getAttribute('srcset'), this.pageUrl);
    if (srcset) block.image.srcset = srcset;
    const width = positiveInteger(image.getAttribute('width'));
    const height = positiveInteger(image.getAttribute('height'));
    if (width) block.image.width = width;
    if (height) block.image.height = height;
    if (caption) block.caption = caption;
    if (credit) block.credit = credit;
    this.blocks.push(block);
  }

  /** Typed inline runs, whitespace collapsed, no space around full-width punctuation, trimmed at the edges. */
  private inlines(nodes: Node[]): Inline[] {
    return trimEdges(tightenInlinePunctuation(mergeStrings(nodes.flatMap((node) => this.inline(node)))));
  }

  private inline(node: Node): Inline[] {
    if (node.nodeType === TEXT_NODE) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ');
      return text ? [text] : [];
    }
    if (node.nodeType !== ELEMENT_NODE) return [];
    const element = node as Element;
    const children = (): Inline[] => mergeStrings(Array.from(element.childNodes).flatMap((child) => this.inline(child)));
    switch (element.localName) {
      case 'br':
        return ['\n'];
      case 'a': {
        const content = children();
        const href = absoluteWebUrl(element.getAttribute('href') ?? '', this.pageUrl);
        if (!href || !inlineText(content).trim()) return content;
        return [{ kind: 'link', href, children: content }];
      }
      case 'b':
      case 'strong': {
        const content = children();
        return inlineText(content).trim() ? [{ kind: 'strong', children: content }] : content;
      }
      case 'i':
      case 'em': {
        const content = children();
        return inlineText(content).trim() ? [{ kind: 'em', children: content }] : content;
      }
      case 'img':
        return [];
      default:
        return children();
    }
  }
}

function mergeStrings(runs: Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (typeof run === 'string' && typeof last === 'string') merged[merged.length - 1] = (last + run).replace(/ {2,}/g, ' ');
    else merged.push(run);
  }
  return merged;
}

/** Drop leading/trailing whitespace of a run list, descending into the first and last runs. */
function trimEdges(runs: Inline[]): Inline[] {
  const result = runs.slice();
  trimSide(result, 'start');
  trimSide(result, 'end');
  return result;
}

function trimSide(runs: Inline[], side: 'start' | 'end'): void {
  while (runs.length > 0) {
    const index = side === 'start' ? 0 : runs.length - 1;
    const run = runs[index];
    if (run === undefined) return;
    if (typeof run === 'string') {
      const trimmed = side === 'start' ? run.trimStart() : run.trimEnd();
      if (trimmed) {
        runs[index] = trimmed;
        return;
      }
      runs.splice(index, 1);
      continue;
    }
    const children = run.children.slice();
    trimSide(children, side);
    if (children.length === 0) {
      runs.splice(index, 1);
      continue;
    }
    runs[index] = { ...run, children };
    return;
  }
}

function positiveInteger(value: string | null): number | undefined {
  if (!value || !/^\d+(?:\.\d+)?$/.test(value.trim())) return undefined;
  const number = Math.round(Number(value));
  return number > 0 ? number : undefined;
}

/** Keep a srcset only if every candidate URL is a web URL; resolve them against the page. */
function webSrcset(srcset: string | null, pageUrl: string): string | undefined {
  if (!srcset) return undefined;
  const candidates: string[] = [];
  for (const candidate of srcset.split(',')) {
    const [url, descriptor] = candidate.trim().split(/\s+/, 2);
    if (!url) continue;
    const absolute = absoluteWebUrl(url, pageUrl);
    if (!absolute) return undefined;
    candidates.push(descriptor ? `${absolute} ${descriptor}` : absolute);
  }
  return candidates.length > 0 ? candidates.join(', ') : undefined;
}
