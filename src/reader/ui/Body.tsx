// The article body: typed blocks and inline runs rendered as Preact elements (never innerHTML),
// photos that collapse to their caption when they fail to load, media as a card to the BBC page.
import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { ArticleImage, Block, Inline } from '../../core/article.ts';
import type { Labels } from './labels.ts';
import { safeHref } from '../../core/web-url.ts';

export { safeHref };

export type ImageMode = 'on' | 'off' | 'captions';

/** Links open in a new tab and give the opened page no handle back to the reader's tab. */
const NEW_TAB = { target: '_blank', rel: 'noopener noreferrer' } as const;

export function InlineRuns({ runs }: { runs: Inline[] }): JSX.Element {
  return (
    <>
      {runs.map((run) => {
        if (typeof run === 'string') return run;
        const inner = <InlineRuns runs={run.children} />;
        if (run.kind !== 'link') return run.kind === 'strong' ? <strong>{inner}</strong> : <em>{inner}</em>;
        const href = safeHref(run.href);
        return href ? (
          <a href={href} {...NEW_TAB}>
            {inner}
          </a>
        ) : (
          inner
        );
      })}
    </>
  );
}

/**
 * Photos come from the web; the one exception is a photo packaged with the extension itself (the
 * options page's preview shows packaged pictures so that it makes no network request of its own).
 */
function safeImageSrc(src: string): string | undefined {
  const web = safeHref(src);
  if (web) return web;
  try {
    const url = new URL(src);
    const packaged = url.protocol === 'chrome-extension:' || url.protocol === 'moz-extension:';
    return packaged && url.origin === globalThis.location?.origin ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Most BBC photos are 976 wide; the column is at most ~45em, so the browser picks ~640–800w. */
const IMAGE_SIZES = '(min-width: 50em) 45em, 100vw';

function Photo({ image, onBroken }: { image: ArticleImage; onBroken: () => void }): JSX.Element {
  const src = safeImageSrc(image.src);
  return (
    <img
      src={src}
      srcset={image.srcset}
      sizes={image.srcset ? IMAGE_SIZES : undefined}
      width={image.width}
      height={image.height}
      alt={image.alt}
      loading="lazy"
      decoding="async"
      onError={onBroken}
    />
  );
}

function Figure({
  block,
  mode,
  labels,
}: {
  block: Extract<Block, { type: 'figure' }>;
  mode: ImageMode;
  labels: Labels;
}): JSX.Element | null {
  const [broken, setBroken] = useState(false);
  const showImage = mode === 'on' && !broken && safeImageSrc(block.image.src) !== undefined;
  if (!showImage && !block.caption && !block.credit) return null;
  return (
    <figure class={showImage ? 'qd-figure' : 'qd-figure qd-figure--text'}>
      {showImage && <Photo image={block.image} onBroken={() => setBroken(true)} />}
      {(block.caption || block.credit) && (
        <figcaption>
          {block.caption && <span class="qd-caption">{block.caption}</span>}
          {block.credit && (
            <small class="qd-credit">
              <span lang={labels.lang}>{labels.reader_credit}</span>
              {block.credit}
            </small>
          )}
        </figcaption>
      )}
    </figure>
  );
}

function MediaCard({
  block,
  fallbackHref,
  labels,
}: {
  block: Extract<Block, { type: 'media' }>;
  fallbackHref: string;
  labels: Labels;
}): JSX.Element {
  const kindLabel =
    block.kind === 'video' ? labels.reader_media_video : block.kind === 'audio' ? labels.reader_media_audio : labels.reader_media_embed;
  const href = safeHref(block.href) ?? safeHref(fallbackHref);
  return (
    <aside class="qd-media" data-kind={block.kind}>
      <a href={href} {...NEW_TAB}>
        <span class="qd-media-icon" aria-hidden="true">
          {block.kind === 'audio' ? '♪' : '▶'}
        </span>
        <span class="qd-media-text">
          <span class="qd-media-kind" lang={labels.lang}>
            {kindLabel}
          </span>
          {block.caption && <span class="qd-media-caption">{block.caption}</span>}
          <span class="qd-media-hint" lang={labels.lang}>
            {labels.reader_media_hint}
          </span>
        </span>
      </a>
    </aside>
  );
}

export function ArticleBlock({
  block,
  index,
  images,
  articleUrl,
  labels,
}: {
  block: Block;
  index: number;
  images: ImageMode;
  articleUrl: string;
  labels: Labels;
}): JSX.Element | null {
  switch (block.type) {
    case 'paragraph':
      return (
        <p data-block={index}>
          <InlineRuns runs={block.content} />
        </p>
      );
    case 'heading':
      return block.level === 2 ? <h2 data-block={index}>{block.text}</h2> : <h3 data-block={index}>{block.text}</h3>;
    case 'figure':
      if (images === 'off') return null;
      return (
        <div data-block={index} class="qd-block">
          <Figure block={block} mode={images} labels={labels} />
        </div>
      );
    case 'list': {
      const items = block.items.map((item, i) => (
        <li key={i}>
          <InlineRuns runs={item} />
        </li>
      ));
      return block.ordered ? <ol data-block={index}>{items}</ol> : <ul data-block={index}>{items}</ul>;
    }
    case 'quote':
      return (
        <blockquote data-block={index}>
          <InlineRuns runs={block.content} />
        </blockquote>
      );
    case 'media':
      return (
        <div data-block={index} class="qd-block">
          <MediaCard block={block} fallbackHref={articleUrl} labels={labels} />
        </div>
      );
  }
}
