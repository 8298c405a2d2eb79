// What a live page published, read from its own `script#__NEXT_DATA__` (Simorgh's live pageData:
// title, description, summaryPoints, liveTextStream.content.data.results), never from an extractor:
// the oracle for the live-page corpus tests. Each part is given as the sequence of simple blocks a
// reader should see (headline, subheadline, paragraphs, list items, photos with caption and credit).

export type PublishedLiveBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'figure'; file: string; caption: string; credit: string };

export interface PublishedLivePost {
  /** ISO instant (the post's curated time). */
  published: string;
  breaking: boolean;
  blocks: PublishedLiveBlock[];
}

export interface PublishedLive {
  title: string;
  summary: PublishedLiveBlock[];
  keyPoints: string[];
  posts: PublishedLivePost[];
}

interface DataBlock {
  type?: string;
  model?: { text?: string; blocks?: DataBlock[]; locator?: string; copyrightHolder?: string };
  [key: string]: unknown;
}

const children = (block: DataBlock | undefined): DataBlock[] => block?.model?.blocks ?? [];
const paragraphsText = (block: DataBlock | undefined): string[] => {
  const texts: string[] = [];
  const walk = (inner: DataBlock): void => {
    if (inner.type === 'paragraph' && typeof inner.model?.text === 'string') texts.push(inner.model.text);
    else children(inner).forEach(walk);
  };
  if (block) walk(block);
  return texts;
};

function contentBlock(block: DataBlock): PublishedLiveBlock {
  switch (block.type) {
    case 'paragraph':
      return { type: 'paragraph', text: block.model?.text ?? '' };
    case 'unorderedList':
    case 'orderedList':
      return { type: 'list', items: children(block).map((item) => paragraphsText(item).join('')) };
    case 'image': {
      const raw = children(block).find((inner) => inner.type === 'rawImage')?.model;
      const caption = children(block).find((inner) => inner.type === 'caption')?.model?.text ?? '';
      return { type: 'figure', file: (raw?.locator ?? '').split('/').pop() ?? '', caption, credit: raw?.copyrightHolder ?? '' };
    }
    default:
      throw new Error(`the oracle does not know post blocks of type ${block.type}`);
  }
}

export function publishedFromLivePage(html: string): PublishedLive {
  const match = /<script id="__NEXT_DATA__" type="application\/json">(.*?)<\/script>/s.exec(html);
  if (!match?.[1]) throw new Error('page has no __NEXT_DATA__');
  const pageData = (JSON.parse(match[1]) as { props: { pageProps: { pageData: Record<string, unknown> } } }).props.pageProps.pageData as {
    title: string;
    description?: string;
    summaryPoints: { content: DataBlock | null };
    liveTextStream: { content: { data: { results: DataBlock[] } } };
  };
  const keyPointBlocks = children(pageData.summaryPoints.content ?? undefined);
  const keyPoints = keyPointBlocks.flatMap((text) => children(text)).flatMap((list) => children(list).map((item) => paragraphsText(item).join('')));
  const posts = pageData.liveTextStream.content.data.results.map((post): PublishedLivePost => {
    const header = ((post.header as DataBlock | undefined)?.model?.blocks ?? []).map((heading) => ({ type: heading.type, text: paragraphsText(heading).join('') }));
    const blocks: PublishedLiveBlock[] = [];
    for (const heading of header) {
      blocks.push(heading.type === 'headline' ? { type: 'heading', text: heading.text } : { type: 'paragraph', text: heading.text });
    }
    blocks.push(...((post.content as DataBlock | undefined)?.model?.blocks ?? []).map(contentBlock));
    const dates = post.dates as { curated: string };
    const options = post.options as { isBreakingNews?: boolean } | undefined;
    return { published: new Date(dates.curated).toISOString(), breaking: options?.isBreakingNews === true, blocks };
  });
  return {
    title: pageData.title,
    summary: pageData.description ? [{ type: 'paragraph', text: pageData.description }] : [],
    keyPoints,
    posts,
  };
}
