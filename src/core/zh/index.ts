// Simplified ↔ traditional Chinese for the reader's script control and `qingdu convert`:
// OpenCC's phrase-aware conversion (its dictionaries, from opencc-js, precompiled at build time),
// the BBC's quotation marks per script, and mixed-script normalisation. Pure TypeScript: the
// environment supplies the dictionary bytes through a `DictionaryLoader`, and nothing is loaded
// until the first converter is created (the reader's first script switch).

import type { Article, Block, Inline } from '../article.ts';
import { createConverterWith, conversionNeeds, type Converter, type ConverterOptions, type DictionaryLoader } from './converter.ts';

export type { ZhTarget, ZhSource } from './routes.ts';
export type { QuoteStyle, Converter, DictionaryLoader, ConverterOptions } from './converter.ts';
export { ZH_PACK_FILES } from './routes.ts';
export { DICTIONARY_FORMAT } from './dictionary.ts';

/**
 * A synchronous converter. Loads (once per loader, then cached) the dictionary files the
 * conversion needs: `base` and `st` for `auto → tw`, `base` alone for `auto → simp`.
 */
export function createConverter(opts: ConverterOptions, load: DictionaryLoader): Promise<Converter> {
  return createConverterWith(opts, load);
}

/** The dictionary files (`<pack>.bin`) a conversion loads. */
export function packsFor(opts: Pick<ConverterOptions, 'from' | 'to'>): string[] {
  return conversionNeeds(opts).packs;
}

function convertInlines(inlines: Inline[], convert: Converter): Inline[] {
  return inlines.map((inline) => {
    if (typeof inline === 'string') return convert(inline);
    // Links keep their href exactly as extracted; only the words inside change.
    return { ...inline, children: convertInlines(inline.children, convert) };
  });
}

function plainText(inlines: readonly Inline[]): string {
  let text = '';
  for (const inline of inlines) text += typeof inline === 'string' ? inline : plainText(inline.children);
  return text;
}

/**
 * A block's `text` is usually exactly its runs joined; then it is rebuilt from the converted runs
 * (half the work, and the two can never disagree at a run boundary). Otherwise it is converted.
 */
function convertedText(text: string, runs: readonly Inline[], convertedRuns: readonly Inline[], convert: Converter): string {
  return plainText(runs) === text ? plainText(convertedRuns) : convert(text);
}

function convertBlock(block: Block, convert: Converter): Block {
  switch (block.type) {
    case 'paragraph':
    case 'quote': {
      const content = convertInlines(block.content, convert);
      return { ...block, text: convertedText(block.text, block.content, content, convert), content };
    }
    case 'heading':
      return { ...block, text: convert(block.text) };
    case 'list':
      return { ...block, text: convert(block.text), items: block.items.map((item) => convertInlines(item, convert)) };
    case 'figure': {
      // src and srcset are URLs: copied, never converted. alt is words.
      const figure: Block = { ...block, text: convert(block.text), image: { ...block.image, alt: convert(block.image.alt) } };
      if (block.caption !== undefined) figure.caption = convert(block.caption);
      if (block.credit !== undefined) figure.credit = convert(block.credit);
      return figure;
    }
    case 'media': {
      const media: Block = { ...block, text: convert(block.text) };
      if (block.caption !== undefined) media.caption = convert(block.caption);
      return media;
    }
  }
}

/** Blocks `from` up to (not including) `to`. */
export interface BlockRange {
  from: number;
  to: number;
}

/**
 * The article with every piece of text converted — title, byline, blocks (runs, captions,
 * credits, alt text), related titles — and every URL, date and number field as it was.
 *
 * With `only`, just the title, the byline and the blocks in that range are converted; the other
 * blocks and the related titles are the article's own objects, unconverted. The reader converts
 * what is on screen first, so that a first switch shows sooner, and the rest right after.
 */
export function convertArticle(article: Article, convert: Converter, only?: BlockRange): Article {
  const converts = (index: number): boolean => only === undefined || (index >= only.from && index < only.to);
  return {
    ...article,
    title: convert(article.title),
    byline: article.byline.map((entry) => {
      const converted = { ...entry, name: convert(entry.name) };
      if (entry.role !== undefined) converted.role = convert(entry.role);
      if (entry.location !== undefined) converted.location = convert(entry.location);
      return converted;
    }),
    blocks: article.blocks.map((block, index) => (converts(index) ? convertBlock(block, convert) : block)),
    related: only === undefined ? article.related.map((story) => ({ ...story, title: convert(story.title) })) : article.related,
  };
}
