// @vitest-environment jsdom
// The live page in the reader overlay, from the real extractor on the live fixture: a 直播 label over
// the title, the newest post's time with the note that newer posts need the reader reopened (in the
// UI's language and script), the summary, the key points under the reader's own heading, then every
// post in the page's order, each with its time and headline; the script switch converts the posts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isArticle, type Article } from '../../src/core/article.ts';
import { extract } from '../../src/core/extract.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.ts';
import { convertArticle, createConverter } from '../../src/core/zh/index.ts';
import { nodeDictionaryLoader } from '../../src/node/zh-dicts.ts';
import { parsePage } from '../../src/node/parse-page.ts';
import { ReaderApp, type ReaderAppProps } from '../../src/reader/ui/App.tsx';
import { postTime } from '../../src/reader/ui/format.ts';

const URL = 'https://www.bbc.com/zhongwen/live/c0000000000t/trad';
const LIVE: Article = (() => {
  const html = readFileSync(join(import.meta.dirname, '../fixtures/bbc/derived-trad-live-2023-world-66783048.html'), 'utf8');
  const result = extract(parsePage(html, URL).document, URL);
  if (!isArticle(result) || !result.live) throw new Error('the live fixture is not read as a live page');
  return result;
})();
const live = LIVE.live!;

let host: HTMLElement | undefined;
let shadow: ShadowRoot;

afterEach(() => {
  if (host?.shadowRoot) render(null, host.shadowRoot);
  host?.remove();
});

/** The reader on the live Article, in its own shadow root as the extension mounts it. */
function show(settings: Partial<Settings> = {}, overrides: Partial<ReaderAppProps> = {}): void {
  host = document.createElement('qingdu-reader');
  document.body.append(host);
  shadow = host.attachShadow({ mode: 'open' });
  const props: ReaderAppProps = {
    state: { status: 'ready', article: LIVE },
    settings: { ...DEFAULT_SETTINGS, uiLanguage: 'zh_TW', ...settings },
    loadDictionary: () => Promise.reject(new Error('no dictionaries on open')),
    onClose: vi.fn(),
    ...overrides,
  };
  act(() => render(h(ReaderApp, props), shadow));
}

const text = (selector: string): string | undefined => shadow.querySelector(selector)?.textContent ?? undefined;

describe('a live page in the reader', () => {
  it('says it is live, when the newest post was published, and that newer posts need a reopen', () => {
    show();
    expect(text('.qd-live-badge')).toBe('直播');
    expect(text('h1')).toBe(LIVE.title);
    const newest = shadow.querySelector('.qd-live-newest time');
    expect(newest?.getAttribute('datetime')).toBe('2023-09-12T09:43:37.000Z');
    expect(newest?.textContent).toBe(postTime('2023-09-12T09:43:37.000Z', false));
    expect(text('.qd-live-newest')).toMatch(/^最新更新：2023年9月12日 \d\d:43$/);
    expect(text('.qd-live-reopen')).toContain('重新開啟');
    // An article's header (reading time, published/updated) is not what a live page shows.
    expect(shadow.querySelector('.qd-reading-time')).toBeNull();
  });

  it('follows the UI language: English labels when chosen', () => {
    show({ uiLanguage: 'en' });
    expect(text('.qd-live-badge')).toBe('LIVE');
    expect(text('.qd-live-newest')).toMatch(/^Newest post: 12 Sept? 2023, \d\d:43$/);
    expect(text('.qd-live-reopen')).toMatch(/open it again for newer ones/);
    expect(text('.qd-live-key-points h2')).toBe('Key points');
  });

  it('shows the summary, the key points, then every post in order with its time and headline', () => {
    show();
    expect(text('.qd-live-summary p')).toBe(LIVE.blocks[live.summary!.from]!.text);
    expect(text('.qd-live-key-points h2')).toBe('重點');
    const points = [...shadow.querySelectorAll('.qd-live-key-points li')].map((li) => li.textContent);
    expect(points).toHaveLength(3);
    const posts = [...shadow.querySelectorAll('.qd-live-posts > li > article.qd-post')];
    expect(posts).toHaveLength(live.posts.length);
    posts.forEach((post, i) => {
      const data = live.posts[i]!;
      expect(post.querySelector('.qd-post-time time')?.getAttribute('datetime')).toBe(data.published);
      expect(post.querySelector('h3')?.textContent).toBe(LIVE.blocks[data.from]!.text);
      // Every block of the post, in order, and no other.
      const indexes = [...post.querySelectorAll<HTMLElement>('[data-block]')].map((el) => Number(el.dataset.block));
      expect(indexes).toEqual(Array.from({ length: data.to - data.from }, (_, k) => data.from + k));
    });
    expect(posts[0]?.querySelector('.qd-post-breaking')?.textContent).toBe('突發');
    expect(posts[1]?.querySelector('.qd-post-breaking')).toBeNull();
    expect(posts[1]?.querySelectorAll('figure img')).toHaveLength(1);
    expect(posts[1]?.querySelector('figcaption .qd-credit')?.textContent).toContain('Reuters');
    // Every block of the Article is on screen exactly once.
    const all = [...shadow.querySelectorAll<HTMLElement>('[data-block]')].map((el) => Number(el.dataset.block));
    expect(all).toEqual(LIVE.blocks.map((_, i) => i));
  });

  it('converts the posts, the key points and its labels when switched to 简体', async () => {
    const toSimplified = await createConverter({ from: 'auto', to: 'simp', quotes: DEFAULT_SETTINGS.quotes }, nodeDictionaryLoader());
    const expected = convertArticle(LIVE, toSimplified);
    show({}, { loadDictionary: nodeDictionaryLoader() });
    act(() => shadow.querySelector<HTMLButtonElement>('[data-script="simp"]')?.click());
    await vi.waitFor(() => expect(shadow.querySelector('[role="dialog"]')?.getAttribute('lang')).toBe('zh-Hans'));
    await vi.waitFor(() => expect(shadow.querySelector('.qd-body')?.getAttribute('aria-busy')).toBeNull());
    const firstPost = live.posts[0]!;
    expect(shadow.querySelector('.qd-live-posts h3')?.textContent).toBe(expected.blocks[firstPost.from]!.text);
    expect(shadow.querySelector('.qd-live-posts h3')?.textContent).toBe('金正恩与普京计划会面，或涉及武器谈判');
    expect(text('.qd-live-key-points li')).toBe('韩国国防部较早前证实，金正恩的私人列车已于周二早上进入俄罗斯境内。');
    expect(text('.qd-live-key-points h2')).toBe('要点');
    expect(text('.qd-live-badge')).toBe('直播');
    expect(text('.qd-live-reopen')).toContain('重新打开');
  });
});

describe('postTime', () => {
  it('gives the date and the time of day in the reader’s time zone, a bare date as a date', () => {
    expect(postTime('2023-09-12T09:43:37Z', false, 'Asia/Taipei')).toBe('2023年9月12日 17:43');
    expect(postTime('2023-09-12T09:43:37Z', true, 'Europe/London')).toMatch(/^12 Sept? 2023, 10:43$/);
    expect(postTime('2023-09-12', false, 'UTC')).toBe('2023年9月12日');
    expect(postTime('not a time', false)).toBeUndefined();
  });
});
