// A live page in the reader: a 直播/LIVE label over the title, when the newest post was published and
// that newer posts need the reader reopened, then the summary, the key points and the posts, each
// with its time. The words are the Article's blocks, rendered by the same block components as an
// article's (so the script switch, the progressive rendering and the reading position work as they
// do there); `article.live` only says where each part starts and ends.
import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import type { Article, BlockSpan, LiveCoverage, LivePost } from '../../core/article.ts';
import { postTime, type LabelLocale } from './format.ts';
import type { Labels } from './labels.ts';

/** A time as the reader reads it, formatted once per overlay (the same in every script). */
function PostTime({ iso, locale }: { iso: string; locale: LabelLocale }): JSX.Element | null {
  const english = locale === 'en';
  // A date without a time is the date the page showed, not a UTC midnight to move into this zone.
  const shown = useMemo(() => postTime(iso, english, /^\d{4}-\d{2}-\d{2}$/.test(iso) ? 'UTC' : undefined), [iso, english]);
  return shown ? <time dateTime={iso}>{shown}</time> : null;
}

export function LiveHeader({
  article,
  live,
  labels,
  locale,
  titleId,
}: {
  article: Article;
  live: LiveCoverage;
  labels: Labels;
  locale: LabelLocale;
  titleId: string;
}): JSX.Element {
  const [before, after] = labels.reader_live_newest.split('$1');
  return (
    <header class="qd-header qd-live-header">
      <p class="qd-live-badge" lang={labels.lang}>
        <span class="qd-live-dot" aria-hidden="true" />
        {labels.reader_live_badge}
      </p>
      <h1 id={titleId}>{article.title}</h1>
      <div class="qd-meta qd-live-meta" lang={labels.lang}>
        {live.newest && (
          <p class="qd-live-newest">
            {before}
            <PostTime iso={live.newest} locale={locale} />
            {after}
          </p>
        )}
        <p class="qd-live-reopen">{labels.reader_live_reopen}</p>
      </div>
    </header>
  );
}

/** The blocks of a span that are rendered so far (see ArticleView's progressive rendering). */
function spanElements(span: BlockSpan, rendered: number, blockElement: (index: number) => JSX.Element): JSX.Element[] {
  const elements: JSX.Element[] = [];
  for (let index = span.from; index < Math.min(span.to, rendered); index += 1) elements.push(blockElement(index));
  return elements;
}

function Post({
  post,
  rendered,
  blockElement,
  labels,
  locale,
}: {
  post: LivePost;
  rendered: number;
  blockElement: (index: number) => JSX.Element;
  labels: Labels;
  locale: LabelLocale;
}): JSX.Element {
  return (
    <li>
      <article class="qd-post">
        {(post.published || post.breaking) && (
          <p class="qd-post-time" lang={labels.lang}>
            {post.published && <PostTime iso={post.published} locale={locale} />}
            {post.breaking && <span class="qd-post-breaking">{labels.reader_live_breaking}</span>}
          </p>
        )}
        {spanElements(post, rendered, blockElement)}
      </article>
    </li>
  );
}

/**
 * The summary, the key points and the posts. `rendered` is how many of the Article's blocks are
 * rendered yet; `blockElement(index)` renders one (kept by ArticleView between renders).
 */
export function LiveBody({
  live,
  rendered,
  busy,
  blockElement,
  labels,
  locale,
  titleId,
}: {
  live: LiveCoverage;
  rendered: number;
  busy: boolean;
  blockElement: (index: number) => JSX.Element;
  labels: Labels;
  locale: LabelLocale;
  titleId: string;
}): JSX.Element {
  return (
    <div class="qd-body qd-live" aria-busy={busy ? 'true' : undefined}>
      {live.summary && <div class="qd-live-summary">{spanElements(live.summary, rendered, blockElement)}</div>}
      {live.keyPoints && (
        <section class="qd-live-key-points" aria-labelledby={`${titleId}-key-points`}>
          <h2 id={`${titleId}-key-points`} lang={labels.lang}>
            {labels.reader_live_key_points}
          </h2>
          {spanElements(live.keyPoints, rendered, blockElement)}
        </section>
      )}
      <h2 id={`${titleId}-posts`} class="qd-visually-hidden" lang={labels.lang}>
        {labels.reader_live_posts}
      </h2>
      <ol class="qd-live-posts" aria-labelledby={`${titleId}-posts`}>
        {live.posts
          .filter((post) => post.from < rendered)
          .map((post) => (
            <Post key={post.from} post={post} rendered={rendered} blockElement={blockElement} labels={labels} locale={locale} />
          ))}
      </ol>
    </div>
  );
}
