// The sample article the preview shows (`assets/sample-article.json`, a real BBC 中文 article run
// through our extractor; provenance in `assets/README.md`). It is packaged with the extension and
// read at run time, and still checked on the way in like any other JSON.
import type { Article } from '../core/article.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Accepts the JSON if it has the shape of an `Article`'s top level; the blocks are the extractor's own output. */
export function asArticle(json: unknown): Article | undefined {
  if (!isRecord(json)) return undefined;
  const { url, title, lang, variant, byline, blocks, related, textLength, readingMinutes } = json;
  const ok =
    typeof url === 'string' &&
    typeof title === 'string' &&
    typeof lang === 'string' &&
    (variant === 'simp' || variant === 'trad') &&
    Array.isArray(byline) &&
    Array.isArray(blocks) &&
    blocks.every((block) => isRecord(block) && typeof block.type === 'string' && typeof block.text === 'string') &&
    Array.isArray(related) &&
    typeof textLength === 'number' &&
    typeof readingMinutes === 'number';
  return ok ? (json as unknown as Article) : undefined;
}

export const SAMPLE_ARTICLE_PATH = 'sample-article.json';
export const SAMPLE_PHOTO_PATH = 'sample-photo.svg';

/**
 * The sample keeps the BBC's photo addresses as extracted, but the preview must make no network
 * request of its own: every photo is shown as the packaged stand-in picture, at the photo's own size.
 */
export function withPackagedPhotos(article: Article, photoUrl: string): Article {
  return {
    ...article,
    blocks: article.blocks.map((block) =>
      block.type === 'figure'
        ? { ...block, image: { src: photoUrl, width: block.image.width, height: block.image.height, alt: block.image.alt } }
        : block,
    ),
  };
}
