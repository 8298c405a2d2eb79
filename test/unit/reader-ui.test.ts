// @vitest-environment jsdom
// The reader overlay rendered with Preact into jsdom, on a real BBC article (the page's own
// published data, see test/fixtures/PROVENANCE.md): what a reader sees, the states, the keys,
// focus, and settings applied live.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Article, Block } from '../../src/core/article.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.ts';
import { HOVER_INTENT_MS } from '../../src/reader/ui/ScriptControl.tsx';
import { READER_CSS, ReaderApp, type ReaderAppProps, type ReaderState } from '../../src/reader/ui/App.tsx';
import { chineseDate } from '../../src/reader/ui/format.ts';
import { nodeDictionaryLoader } from '../../src/node/zh-dicts.ts';
import { convertArticle, type DictionaryLoader } from '../../src/core/zh/index.ts';

// The real conversion, counted: a switch back to a script shown before must not convert again.
vi.mock('../../src/core/zh/index.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/core/zh/index.ts')>();
  return { ...real, convertArticle: vi.fn(real.convertArticle) };
});

const ARTICLE: Article = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fixtures/articles/trad-2023-chinese-news-66762882.json'), 'utf8'),
) as Article;

const SETTINGS: Settings = { ...DEFAULT_SETTINGS, uiLanguage: 'zh_TW' };

let host: HTMLElement;
let shadow: ShadowRoot;

beforeEach(() => {
  host = document.createElement('qingdu-reader');
  document.body.append(host);
  shadow = host.attachShadow({ mode: 'open' });
});

afterEach(() => {
  render(null, shadow);
  host.remove();
});

function noDictionary(): Promise<unknown> {
  return Promise.reject(new Error('the reader must not load dictionaries here'));
}

function show(overrides: Partial<ReaderAppProps> = {}): ReaderAppProps {
  const props: ReaderAppProps = {
    state: { status: 'ready', article: ARTICLE },
    settings: SETTINGS,
    loadDictionary: vi.fn(noDictionary),
    onClose: vi.fn(),
    onSettingsChange: vi.fn(),
    ...overrides,
  };
  act(() => render(h(ReaderApp, props), shadow));
  return props;
}

const dialog = (): HTMLElement => {
  const el = shadow.querySelector<HTMLElement>('[role="dialog"]');
  if (!el) throw new Error('no dialog');
  return el;
};

function press(key: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const target = (shadow.activeElement as HTMLElement | null) ?? dialog();
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true, ...init });
  act(() => {
    target.dispatchEvent(event);
  });
  return event;
}

const inBody = (selector: string): Element | null => shadow.querySelector(`.qd-body ${selector}, .qd-page ${selector}`);

const blocksOf = <T extends Block['type']>(type: T): Extract<Block, { type: T }>[] =>
  ARTICLE.blocks.filter((b): b is Extract<Block, { type: T }> => b.type === type);

describe('the article as a reader sees it', () => {
  it('is a labelled modal dialog in the page’s own script', () => {
    show();
    const d = dialog();
    expect(d.getAttribute('aria-modal')).toBe('true');
    expect(d.getAttribute('lang')).toBe('zh-Hant');
    const title = shadow.getElementById(d.getAttribute('aria-labelledby') ?? '');
    expect(title?.tagName).toBe('H1');
    expect(title?.textContent).toBe('「一帶一路」倡議十週年 改變世界的成敗與未來');
    const close = shadow.querySelector<HTMLButtonElement>('button[data-action="close"]');
    expect(close?.getAttribute('aria-label')).toBe('關閉閱讀模式');
    expect(shadow.querySelector('.qd-toolbar')?.hasAttribute('lang')).toBe(false);
  });

  it('shows the byline with its role, the date in Chinese form and the reading time', () => {
    show();
    const header = shadow.querySelector('header');
    expect(header?.querySelector('.qd-byline-name')?.textContent).toBe('陳岩');
    expect(header?.querySelector('.qd-byline-role')?.textContent).toBe('BBC中文記者');
    const time = header?.querySelector('time');
    expect(time?.getAttribute('datetime')).toBe('2023-09-10T05:42:14.000Z');
    expect(time?.textContent).toBe(chineseDate('2023-09-10T05:42:14.000Z'));
    expect(header?.textContent).toContain('發布於');
    expect(header?.textContent).toContain('約 10 分鐘');
  });

  it('shows where the byline reported from, when the page says', () => {
    show({ state: { status: 'ready', article: { ...ARTICLE, byline: [{ name: '陳岩', role: 'BBC中文記者', location: '台北' }] } } });
    const header = shadow.querySelector('header');
    expect(header?.querySelector('.qd-byline-location')?.textContent).toBe('台北');
    expect(header?.querySelector('.qd-byline li')?.textContent).toBe('陳岩BBC中文記者台北');
  });

    it('formats dates the Chinese way, in a given time zone', () => {
    expect(chineseDate('2023-09-12T03:00:00Z', 'Asia/Taipei')).toBe('2023年9月12日');
    expect(chineseDate('2023-09-11T20:00:00Z', 'Asia/Hong_Kong')).toBe('2023年9月12日');
    expect(chineseDate('2023-09-11T20:00:00Z', 'Europe/London')).toBe('2023年9月11日');
    expect(chineseDate('not a date')).toBeUndefined();
  });

  it('shows an updated time only when it differs from the published one', () => {
    show({ state: { status: 'ready', article: { ...ARTICLE, updated: '2023-09-12T09:00:00Z' } } });
    const times = [...shadow.querySelectorAll('header time')].map((t) => t.getAttribute('datetime'));
    expect(times).toEqual(['2023-09-10T05:42:14.000Z', '2023-09-12T09:00:00Z']);
    expect(shadow.querySelector('header')?.textContent).toContain('更新於');
  });

  it('has every paragraph and subheading, in order, and nothing else in the body', () => {
    show();
    const shown = [...shadow.querySelectorAll('.qd-body > p, .qd-body > h2')].map((el) => el.textContent);
    const expected = ARTICLE.blocks.filter((b) => b.type === 'paragraph' || b.type === 'heading').map((b) => b.text);
    expect(shown).toEqual(expected);
    expect(shown.length).toBe(52); // 48 paragraphs and 4 subheadings, as the page publishes them
  });

  it('has every photo as figure > img + figcaption with caption, small credit, srcset and size', () => {
    show();
    const figures = [...shadow.querySelectorAll('figure')];
    const photos = blocksOf('figure');
    expect(figures).toHaveLength(photos.length);
    figures.forEach((figure, i) => {
      const photo = photos[i];
      if (!photo) throw new Error('more figures than photos');
      // (jsdom's `:scope` does not work inside shadow trees, so the nesting is checked by parent.)
      const img = figure.querySelector('img');
      expect(img?.parentElement).toBe(figure);
      expect(img?.getAttribute('src')).toBe(photo.image.src);
      expect(img?.getAttribute('srcset')).toBe(photo.image.srcset);
      expect(img?.getAttribute('sizes')).toBeTruthy();
      expect(img?.getAttribute('width')).toBe(String(photo.image.width));
      expect(img?.getAttribute('height')).toBe(String(photo.image.height));
      expect(img?.getAttribute('loading')).toBe('lazy');
      expect(img?.getAttribute('alt')).toBe(photo.image.alt);
      const caption = figure.querySelector('figcaption');
      expect(caption?.parentElement).toBe(figure);
      expect(caption?.querySelector('.qd-caption')?.textContent).toBe(photo.caption);
      expect(caption?.querySelector('small.qd-credit')?.textContent).toBe(`圖片來源：${photo.credit}`);
    });
    expect(figures[2]?.querySelector('small')?.textContent).toBe('圖片來源：CCTV');
  });

  it('collapses a photo that fails to load to its caption, with no broken image left', () => {
    show();
    const first = shadow.querySelector('figure');
    const img = first?.querySelector('img');
    act(() => {
      img?.dispatchEvent(new Event('error'));
    });
    const figure = shadow.querySelector('figure');
    expect(figure?.querySelector('img')).toBeNull();
    expect(figure?.querySelector('figcaption')?.textContent).toContain('「一帶一路」成為習近平雄心勃勃的「大國外交」戰略的核心支柱。');
    expect(shadow.querySelectorAll('figure img')).toHaveLength(blocksOf('figure').length - 1);
  });

  it('shows the video as a captioned card that opens the BBC page in a new tab', () => {
    show();
    const card = shadow.querySelector('.qd-media a');
    expect(card?.getAttribute('href')).toBe(ARTICLE.url);
    expect(card?.getAttribute('target')).toBe('_blank');
    expect(card?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(card?.textContent).toContain('視頻');
    expect(card?.textContent).toContain('中國向窮國批出高利息貸款 美國研究：「情況令人擔憂」');
  });

  it('ends with the related stories and a way back to the original page', () => {
    const props = show();
    const related = [...shadow.querySelectorAll('.qd-related a')];
    expect(related.map((a) => [a.textContent, a.getAttribute('href')])).toEqual(
      ARTICLE.related.map((r) => [r.title, r.url]),
    );
    expect(related.every((a) => a.getAttribute('rel') === 'noopener noreferrer')).toBe(true);
    expect(shadow.querySelector('.qd-related h2')?.textContent).toBe('相關報道');
    const back = shadow.querySelector<HTMLAnchorElement>('.qd-footer a[data-action="original"]');
    expect(back?.getAttribute('href')).toBe(ARTICLE.url);
    // A plain click closes the overlay, uncovering the original page; the page is not reloaded.
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    act(() => {
      back?.dispatchEvent(click);
    });
    expect(click.defaultPrevented).toBe(true);
    expect(props.onClose).toHaveBeenCalledTimes(1);
    expect(shadow.querySelector('.qd-keys')?.textContent).toContain('Esc');
  });

  it('renders inline links, bold and italic runs as elements; unsafe links as plain text', () => {
    const related = ARTICLE.related[0];
    if (!related) throw new Error('fixture has related stories');
    const paragraph: Block = {
      type: 'paragraph',
      text: `延伸閱讀：${related.title}。`,
      content: [
        '延伸閱讀：',
        { kind: 'link', href: related.url, children: [{ kind: 'strong', children: [related.title] }] },
        { kind: 'em', children: ['。'] },
        { kind: 'link', href: 'javascript:alert(1)', children: ['不是連結'] },
      ],
    };
    show({ state: { status: 'ready', article: { ...ARTICLE, blocks: [paragraph] } } });
    const p = shadow.querySelector('.qd-body p');
    const links = p?.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links?.[0]?.getAttribute('href')).toBe(related.url);
    expect(links?.[0]?.getAttribute('target')).toBe('_blank');
    expect(links?.[0]?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(links?.[0]?.querySelector('strong')?.textContent).toBe(related.title);
    expect(p?.querySelector('em')?.textContent).toBe('。');
    expect(p?.textContent).toBe(`延伸閱讀：${related.title}。不是連結`);
  });

  it('renders lists and quotes', () => {
    const blocks: Block[] = [
      { type: 'list', text: '甲乙', ordered: true, items: [['甲'], ['乙']] },
      { type: 'quote', text: '丙', content: ['丙'] },
    ];
    show({ state: { status: 'ready', article: { ...ARTICLE, blocks } } });
    expect([...shadow.querySelectorAll('.qd-body ol > li')].map((li) => li.textContent)).toEqual(['甲', '乙']);
    expect(shadow.querySelector('.qd-body blockquote')?.textContent).toBe('丙');
  });
});

describe('settings', () => {
  it('applies theme, font, size, line height and width live, without re-opening', () => {
    const props = show();
    expect(dialog().dataset.theme).toBe('system');
    const next: Settings = { ...SETTINGS, theme: 'sepia', font: 'kai', fontSize: 24, lineHeight: 2, contentWidth: 30 };
    act(() => render(h(ReaderApp, { ...props, settings: next }), shadow));
    const d = dialog();
    expect(d.dataset.theme).toBe('sepia');
    expect(d.dataset.font).toBe('kai');
    expect(d.style.getPropertyValue('--qd-font-size')).toBe('24px');
    expect(d.style.getPropertyValue('--qd-line-height')).toBe('2');
    expect(d.style.getPropertyValue('--qd-measure')).toBe('30em');
  });

  it('hides photos but keeps their captions in captions mode, and drops them when off', () => {
    show({ settings: { ...SETTINGS, images: 'captions' } });
    expect(shadow.querySelectorAll('figure')).toHaveLength(blocksOf('figure').length);
    expect(shadow.querySelectorAll('img')).toHaveLength(0);
    expect(shadow.querySelector('figure figcaption')?.textContent).toContain('核心支柱');
    show({ settings: { ...SETTINGS, images: 'off' } });
    expect(shadow.querySelectorAll('figure')).toHaveLength(0);
  });

  it('labels a Chinese article in Chinese and the toolbar in the browser’s language (here English) by default', () => {
    expect(navigator.language).toMatch(/^en/);
    show({ settings: { ...SETTINGS, uiLanguage: 'browser' } });
    expect(shadow.querySelector('header')?.textContent).toContain('發布於');
    expect(shadow.querySelector('header')?.textContent).toContain('約 10 分鐘');
    expect(shadow.querySelector('.qd-related h2')?.textContent).toBe('相關報道');
    expect(shadow.querySelector('small.qd-credit')?.textContent).toMatch(/^圖片來源：/);
    expect(shadow.querySelector('button[data-action="close"]')?.getAttribute('aria-label')).toBe('Close reader');
    expect(shadow.querySelector('button[data-action="settings"]')?.getAttribute('aria-label')).toBe('Reading settings');
    expect(shadow.querySelector('.qd-toolbar')?.getAttribute('lang')).toBe('en');
  });

  it('speaks English when the UI language is English', () => {
    show({ settings: { ...SETTINGS, uiLanguage: 'en' } });
    expect(shadow.querySelector('button[data-action="close"]')?.getAttribute('aria-label')).toBe('Close reader');
    expect(shadow.querySelector('header')?.textContent).toContain('10 min read');
    expect(shadow.querySelector('.qd-related h2')?.textContent).toBe('Related stories');
    // The article stays Chinese; elements holding only English labels say so, for screen readers.
    expect(dialog().getAttribute('lang')).toBe('zh-Hant');
    expect(shadow.querySelector('.qd-meta')?.getAttribute('lang')).toBe('en');
    expect(shadow.querySelector('.qd-body p')?.closest('[lang]')).toBe(dialog());
  });
});

describe('keys and focus', () => {
  it('moves focus into the dialog when it opens: onto the article, which the keys then scroll', () => {
    show();
    const scroller = shadow.querySelector('.qd-scroll');
    expect(scroller?.parentElement).toBe(dialog());
    expect(shadow.activeElement).toBe(scroller);
    // The toolbar is not inside the scroller: focusing its controls cannot scroll the article.
    expect(scroller?.contains(shadow.querySelector('.qd-toolbar'))).toBe(false);
  });

  it('starts Tab at the toolbar from the article', () => {
    show();
    const forward = press('Tab');
    expect(forward.defaultPrevented).toBe(true);
    expect((shadow.activeElement as HTMLElement | null)?.dataset.script).toBe('original');
  });

  it('closes on Esc', () => {
    const props = show();
    const event = press('Escape');
    expect(props.onClose).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(true);
  });

  it('changes the text size with + and −, within the allowed range, and persists it', () => {
    const props = show({ settings: { ...SETTINGS, fontSize: 31 } });
    press('+');
    expect(props.onSettingsChange).toHaveBeenLastCalledWith({ fontSize: 32 });
    expect(dialog().style.getPropertyValue('--qd-font-size')).toBe('32px');
    press('=');
    expect(props.onSettingsChange).toHaveBeenCalledTimes(1);
    press('-');
    expect(props.onSettingsChange).toHaveBeenLastCalledWith({ fontSize: 31 });
  });

  it('leaves keys with Ctrl, Alt or Meta to the browser', () => {
    const props = show();
    const event = press('+', { ctrlKey: true });
    expect(event.defaultPrevented).toBe(false);
    expect(props.onSettingsChange).not.toHaveBeenCalled();
    press('2', { altKey: true });
    expect(shadow.querySelector('[data-script="original"]')?.getAttribute('aria-pressed')).toBe('true');
  });

  it('keeps Tab inside the dialog, both ways', () => {
    show();
    const focusable = [...dialog().querySelectorAll<HTMLElement>('a[href], button')];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    expect(first?.dataset.script).toBe('original');
    last?.focus();
    const forward = press('Tab');
    expect(forward.defaultPrevented).toBe(true);
    expect(shadow.activeElement).toBe(first);
    const backward = press('Tab', { shiftKey: true });
    expect(backward.defaultPrevented).toBe(true);
    expect(shadow.activeElement).toBe(last);
  });
});

describe('the script control', () => {
  const pressed = (): string[] =>
    [...shadow.querySelectorAll('[data-script][aria-pressed="true"]')].map((b) => b.getAttribute('data-script') ?? '');

  async function choose(script: string): Promise<void> {
    act(() => {
      shadow.querySelector<HTMLButtonElement>(`[data-script="${script}"]`)?.click();
    });
    await vi.waitFor(() => {
      expect(shadow.querySelector(`[data-script="${script}"]`)?.getAttribute('aria-busy')).toBeNull();
    });
  }

  it('offers 原文 / 简体 / 繁體·台灣 / 繁體·香港, the page’s own script pressed', () => {
    show();
    const buttons = [...shadow.querySelectorAll('[data-script]')];
    expect(buttons.map((b) => [b.getAttribute('data-script'), b.textContent])).toEqual([
      ['original', '原文'],
      ['simp', '简体'],
      ['tw', '繁體·台灣'],
      ['hk', '繁體·香港'],
    ]);
    expect(pressed()).toEqual(['original']);
  });

  it('converts the whole article and the labels to 简体 in place, loading dictionaries only then', async () => {
    const load = vi.fn(nodeDictionaryLoader());
    show({ loadDictionary: load });
    expect(load).not.toHaveBeenCalled();
    await choose('simp');
    await vi.waitFor(() => expect(dialog().getAttribute('lang')).toBe('zh-Hans'));
    expect(pressed()).toEqual(['simp']);
    expect(load).toHaveBeenCalled();
    expect(shadow.querySelector('h1')?.textContent).toBe('“一带一路”倡议十周年 改变世界的成败与未来');
    expect(shadow.querySelector('.qd-byline-name')?.textContent).toBe('陈岩');
    expect(shadow.querySelector('.qd-byline-role')?.textContent).toBe('BBC中文记者');
    const figure = shadow.querySelectorAll('figure')[2];
    expect(figure?.querySelector('.qd-caption')?.textContent).toBe('这个已建设5年的项目耗资59亿美元。');
    expect(figure?.querySelector('img')?.getAttribute('src')).toBe(blocksOf('figure')[2]?.image.src);
    expect(shadow.querySelector('.qd-media')?.textContent).toContain('视频');
    const related = shadow.querySelector('.qd-related a');
    expect(related?.textContent).toBe('中国老挝跨国铁路通车 泛亚铁路计划艰难起步');
    expect(related?.getAttribute('href')).toBe(ARTICLE.related[0]?.url);
    // The article's labels follow the script too; the toolbar stays in the chosen UI language.
    expect(shadow.querySelector('header')?.textContent).toContain('约 10 分钟');
    expect(shadow.querySelector('.qd-related h2')?.textContent).toBe('相关报道');
    expect(shadow.querySelector('[data-action="close"]')?.getAttribute('aria-label')).toBe('關閉閱讀模式');
  });

  it('switches to 繁體·台灣 and 繁體·香港 with their lang, and back to 原文', async () => {
    show({ loadDictionary: nodeDictionaryLoader() });
    await choose('tw');
    await vi.waitFor(() => expect(dialog().getAttribute('lang')).toBe('zh-Hant-TW'));
    expect(shadow.querySelector('h1')?.textContent).toBe('「一帶一路」倡議十週年 改變世界的成敗與未來');
    await choose('hk');
    await vi.waitFor(() => expect(dialog().getAttribute('lang')).toBe('zh-Hant-HK'));
    expect(pressed()).toEqual(['hk']);
    await choose('original');
    expect(dialog().getAttribute('lang')).toBe('zh-Hant');
    expect(shadow.querySelector('.qd-related h2')?.textContent).toBe('相關報道');
  });

  it('writes Taiwan’s words in 繁體·台灣 when 台灣用語 is on, and follows the setting live', async () => {
    const props = show({ loadDictionary: nodeDictionaryLoader(), settings: { ...SETTINGS, taiwanPhrases: true } });
    await choose('tw');
    const caption = () => shadow.querySelectorAll('figure')[2]?.querySelector('.qd-caption')?.textContent;
    await vi.waitFor(() => expect(caption()).toBe('這個已建設5年的專案耗資59億美元。'));
    expect(dialog().getAttribute('lang')).toBe('zh-Hant-TW');
    act(() => render(h(ReaderApp, { ...props, settings: { ...SETTINGS, taiwanPhrases: false } }), shadow));
    await vi.waitFor(() => expect(caption()).toBe('這個已建設5年的項目耗資59億美元。'));
    expect(pressed()).toEqual(['tw']);
    act(() => render(h(ReaderApp, { ...props, settings: { ...SETTINGS, taiwanPhrases: true } }), shadow));
    await vi.waitFor(() => expect(caption()).toBe('這個已建設5年的專案耗資59億美元。'));
  });

  it('shows 简体 of a Taiwanese-style page with the simplified 着: 随着, never 随著', async () => {
    show({ loadDictionary: nodeDictionaryLoader() });
    await choose('simp');
    await vi.waitFor(() => expect(dialog().getAttribute('lang')).toBe('zh-Hans'));
    const body = shadow.querySelector('.qd-body')?.textContent ?? '';
    expect(body).toContain('随着');
    expect(body).not.toMatch(/[随隨]著|意味著|看著/);
  });

  it('switches with the keys 1–4 and keeps one converter per script', async () => {
    const load = vi.fn(nodeDictionaryLoader());
    show({ loadDictionary: load });
    press('2');
    await vi.waitFor(() => expect(dialog().getAttribute('lang')).toBe('zh-Hans'));
    const loads = load.mock.calls.length;
    press('1');
    expect(dialog().getAttribute('lang')).toBe('zh-Hant');
    press('2');
    await vi.waitFor(() => expect(dialog().getAttribute('lang')).toBe('zh-Hans'));
    expect(load.mock.calls.length).toBe(loads);
  });

  it('applies a switch to a script already loaded in the click itself: no “converting” step in between', async () => {
    show({ loadDictionary: nodeDictionaryLoader() });
    await choose('tw');
    await vi.waitFor(() => expect(dialog().getAttribute('lang')).toBe('zh-Hant-TW'));
    await choose('original');
    act(() => {
      shadow.querySelector<HTMLButtonElement>('[data-script="tw"]')?.click();
    });
    // Synchronously after the click (act flushes Preact's render, no promise has run).
    expect(dialog().getAttribute('lang')).toBe('zh-Hant-TW');
    expect(shadow.querySelector('[aria-busy="true"]')).toBeNull();
    expect(shadow.querySelector('h1')?.textContent).toBe('「一帶一路」倡議十週年 改變世界的成敗與未來');
  });

  it('starts loading a script’s dictionaries when its button is pressed, and switches only on the click', async () => {
    const load = vi.fn(nodeDictionaryLoader());
    show({ loadDictionary: load });
    const tw = shadow.querySelector<HTMLButtonElement>('[data-script="tw"]');
    act(() => void tw?.dispatchEvent(new Event('pointerdown', { bubbles: true })));
    expect(load).toHaveBeenCalled();
    expect(pressed()).toEqual(['original']);
    expect(dialog().getAttribute('lang')).toBe('zh-Hant');
    const loads = load.mock.calls.length;
    await choose('tw');
    await vi.waitFor(() => expect(dialog().getAttribute('lang')).toBe('zh-Hant-TW'));
    expect(load.mock.calls.length).toBe(loads);
  });

  it('starts loading when the pointer rests on a script button or it gets keyboard focus, not when the pointer only passes', () => {
    vi.useFakeTimers();
    try {
      const load = vi.fn(nodeDictionaryLoader());
      show({ loadDictionary: load });
      const button = (script: string): HTMLButtonElement => shadow.querySelector<HTMLButtonElement>(`[data-script="${script}"]`)!;
      // Passing over 简体 on the way to another button: less than the rest that counts as intent.
      act(() => void button('simp').dispatchEvent(new Event('pointerenter')));
      act(() => void vi.advanceTimersByTime(HOVER_INTENT_MS - 1));
      act(() => void button('simp').dispatchEvent(new Event('pointerleave')));
      act(() => void vi.advanceTimersByTime(1000));
      expect(load).not.toHaveBeenCalled();
      // Resting on 繁體·台灣.
      act(() => void button('tw').dispatchEvent(new Event('pointerenter')));
      act(() => void vi.advanceTimersByTime(HOVER_INTENT_MS));
      expect(load).toHaveBeenCalled();
      // Nothing switched: intent only loads.
      expect(pressed()).toEqual(['original']);
      expect(dialog().getAttribute('lang')).toBe('zh-Hant');

      const focusLoad = vi.fn(nodeDictionaryLoader());
      show({ loadDictionary: focusLoad });
      act(() => button('hk').focus());
      expect(focusLoad).toHaveBeenCalled();
      expect(pressed()).toEqual(['original']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('converts an article once per script: switching back shows the same conversion again', async () => {
    show({ loadDictionary: nodeDictionaryLoader() });
    vi.mocked(convertArticle).mockClear();
    await choose('simp');
    await vi.waitFor(() => expect(dialog().getAttribute('lang')).toBe('zh-Hans'));
    const simplified = shadow.querySelector('.qd-body')?.textContent;
    await choose('original');
    await choose('simp');
    expect(dialog().getAttribute('lang')).toBe('zh-Hans');
    expect(shadow.querySelector('.qd-body')?.textContent).toBe(simplified);
    expect(convertArticle).toHaveBeenCalledTimes(1);
  });

  it('converts the blocks on screen first and the rest after the next frame, with the body busy until then', async () => {
    // Every pack in memory, so the switch waits only on promises, not on files or timers.
    const files = nodeDictionaryLoader();
    const packs = new Map<string, unknown>();
    for (const pack of ['base', 'st']) packs.set(pack, await files(pack));
    const fromMemory: DictionaryLoader = (pack) => Promise.resolve(packs.get(pack) as Awaited<ReturnType<DictionaryLoader>>);
    // A layout: the article's scroller shows 600 px, block n spans 100n − 1000 .. 100n − 900,
    // so blocks 10 to 15 are on screen.
    const box = (top: number, height: number): DOMRect =>
      ({ top, bottom: top + height, height, left: 0, right: 800, width: 800, x: 0, y: top, toJSON: () => ({}) }) as DOMRect;
    const layout = vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      if (this.matches('.qd-scroll')) return box(0, 600);
      const block = (this as HTMLElement).dataset['block'];
      return block === undefined ? box(0, 0) : box(Number(block) * 100 - 1000, 100);
    });
    vi.useFakeTimers();
    try {
      show({ loadDictionary: fromMemory });
      const block = (index: number): string => inBody(`[data-block="${index}"]`)?.textContent ?? '';
      const original = (index: number): string => ARTICLE.blocks[index]?.text ?? '';
      act(() => shadow.querySelector<HTMLButtonElement>('[data-script="simp"]')?.click());
      await act(async () => {
        for (let i = 0; i < 50; i += 1) await Promise.resolve();
      });
      expect(dialog().getAttribute('lang')).toBe('zh-Hans');
      expect(shadow.querySelector('h1')?.textContent).toBe('“一带一路”倡议十周年 改变世界的成败与未来');
      // On screen (10–15) and two blocks either side: converted. Far off screen: not yet.
      for (const index of [8, 10, 15, 17]) expect(block(index), `block ${index}`).not.toBe(original(index));
      for (const index of [1, 7, 18, 40]) expect(block(index).replace(/\s+/g, ' ').trim(), `block ${index}`).toBe(original(index));
      expect(shadow.querySelector('.qd-body')?.getAttribute('aria-busy')).toBe('true');
      // The button is already pressed and not busy: the switch is shown.
      expect(pressed()).toEqual(['simp']);
      expect(shadow.querySelector('[data-script][aria-busy="true"]')).toBeNull();

      act(() => void vi.runAllTimers());
      for (const index of [1, 7, 18, 40]) expect(block(index), `block ${index}`).not.toBe(original(index));
      expect(shadow.querySelector('.qd-body')?.hasAttribute('aria-busy')).toBe(false);
      expect(inBody('.qd-related a')?.textContent).toBe('中国老挝跨国铁路通车 泛亚铁路计划艰难起步');

      // A switch away before the rest arrives: the rest of the earlier switch is not applied.
      act(() => shadow.querySelector<HTMLButtonElement>('[data-script="tw"]')?.click());
      await act(async () => {
        for (let i = 0; i < 50; i += 1) await Promise.resolve();
      });
      expect(dialog().getAttribute('lang')).toBe('zh-Hant-TW');
      expect(shadow.querySelector('.qd-body')?.getAttribute('aria-busy')).toBe('true');
      act(() => shadow.querySelector<HTMLButtonElement>('[data-script="original"]')?.click());
      act(() => void vi.runAllTimers());
      expect(dialog().getAttribute('lang')).toBe('zh-Hant');
      for (const index of [1, 12, 40]) expect(block(index).replace(/\s+/g, ' ').trim(), `block ${index}`).toBe(original(index));
      expect(shadow.querySelector('.qd-body')?.hasAttribute('aria-busy')).toBe(false);
    } finally {
      vi.useRealTimers();
      layout.mockRestore();
    }
  });

  it('says it is converting only when the dictionaries take a while, and then switches button and text together', async () => {
    vi.useFakeTimers();
    try {
      const waiting: (() => void)[] = [];
      const files = nodeDictionaryLoader();
      const slow: DictionaryLoader = (pack) => new Promise((resolve) => waiting.push(() => resolve(files(pack))));
      show({ loadDictionary: slow, settings: { ...SETTINGS, uiLanguage: 'zh_TW' } });
      act(() => shadow.querySelector<HTMLButtonElement>('[data-script="tw"]')?.click());
      // Right after the click: nothing has changed yet, nothing says "converting".
      expect(pressed()).toEqual(['original']);
      expect(shadow.querySelector('[aria-busy="true"]')).toBeNull();
      expect(shadow.querySelector('.qd-status')?.textContent).toBe('');
      act(() => void vi.advanceTimersByTime(149));
      expect(shadow.querySelector('[aria-busy="true"]')).toBeNull();
      act(() => void vi.advanceTimersByTime(1));
      // Still loading after 150 ms: the chosen button is pressed and busy, and the status says so.
      expect(pressed()).toEqual(['tw']);
      expect(shadow.querySelector('[data-script="tw"]')?.getAttribute('aria-busy')).toBe('true');
      expect(shadow.querySelector('.qd-status')?.textContent).not.toBe('');
      expect(dialog().getAttribute('lang')).toBe('zh-Hant');
      vi.useRealTimers();
      for (const release of waiting) release();
      await vi.waitFor(() => expect(dialog().getAttribute('lang')).toBe('zh-Hant-TW'));
      expect(shadow.querySelector('[aria-busy="true"]')).toBeNull();
      expect(shadow.querySelector('.qd-status')?.textContent).toBe('');
    } finally {
      vi.useRealTimers();
    }
  });

  it('opens in the default script from the settings', async () => {
    show({ loadDictionary: nodeDictionaryLoader(), settings: { ...SETTINGS, defaultScript: 'simp' } });
    await vi.waitFor(() => expect(dialog().getAttribute('lang')).toBe('zh-Hans'));
    expect(pressed()).toEqual(['simp']);
    expect(shadow.querySelector('h1')?.textContent).toBe('“一带一路”倡议十周年 改变世界的成败与未来');
  });

  it('says so and keeps the original when the dictionaries cannot be loaded', async () => {
    show();
    await choose('tw');
    await vi.waitFor(() => expect(shadow.querySelector('.qd-status')?.textContent).toBe('轉換失敗，仍顯示原文。'));
    expect(pressed()).toEqual(['original']);
    expect(dialog().getAttribute('lang')).toBe('zh-Hant');
    expect(shadow.querySelector('h1')?.textContent).toBe(ARTICLE.title);
  });

  it('says so and keeps the original when a conversion fails on a damaged dictionary', async () => {
    // Damage found only when a lookup reaches it throws from inside the conversion, not the load.
    show({ loadDictionary: nodeDictionaryLoader() });
    vi.mocked(convertArticle).mockImplementationOnce(() => {
      throw new Error('zh dictionary "st": the first-code-unit buckets do not match the keys');
    });
    await choose('tw');
    await vi.waitFor(() => expect(shadow.querySelector('.qd-status')?.textContent).toBe('轉換失敗，仍顯示原文。'));
    expect(pressed()).toEqual(['original']);
    expect(dialog().getAttribute('lang')).toBe('zh-Hant');
    expect(shadow.querySelector('h1')?.textContent).toBe(ARTICLE.title);
    // The next switch tries again, and succeeds.
    await choose('tw');
    await vi.waitFor(() => expect(dialog().getAttribute('lang')).toBe('zh-Hant-TW'));
    expect(shadow.querySelector('.qd-status')?.textContent).toBe('');
  });
});

describe('a very long article', () => {
  const paragraphs = 1000;
  const long: Article = {
    ...ARTICLE,
    blocks: Array.from({ length: paragraphs }, (_, i): Block => ({ type: 'paragraph', text: `第${i}段。`, content: [`第${i}段。`] })),
  };

  afterEach(() => vi.useRealTimers());

  it('shows the top at once and the rest in later passes, in order, then the related stories', () => {
    vi.useFakeTimers();
    show({ state: { status: 'ready', article: long } });
    const shown = (): number => shadow.querySelectorAll('.qd-body [data-block]').length;
    const first = shown();
    expect(first).toBeGreaterThan(50);
    expect(first).toBeLessThan(paragraphs);
    expect(shadow.querySelector('.qd-body')?.getAttribute('aria-busy')).toBe('true');
    expect(shadow.querySelector('.qd-related')).toBeNull();
    const passes: number[] = [first];
    while (shown() < paragraphs && passes.length < 50) {
      act(() => void vi.advanceTimersByTime(1));
      passes.push(shown());
    }
    expect(shown()).toBe(paragraphs);
    // Every pass added blocks (none was empty, none rendered everything at once after the first).
    for (let i = 1; i < passes.length; i += 1) expect(passes[i]! - passes[i - 1]!).toBeGreaterThan(0);
    expect(passes.length).toBeGreaterThan(2);
    const order = [...shadow.querySelectorAll('.qd-body [data-block]')].map((el) => el.textContent);
    expect(order).toEqual(long.blocks.map((block) => block.text));
    expect(shadow.querySelector('.qd-body')?.hasAttribute('aria-busy')).toBe(false);
    expect(shadow.querySelector('.qd-related a')?.textContent).toBe(ARTICLE.related[0]?.title);
  });
});

describe('loading and error states', () => {
  it('says it is preparing the article while loading', () => {
    show({ state: { status: 'loading' }, settings: { ...SETTINGS, uiLanguage: 'zh_CN' } });
    expect(dialog().getAttribute('aria-busy')).toBe('true');
    expect(dialog().textContent).toContain('正在整理文章');
    expect(shadow.querySelector('button[data-action="close"]')).not.toBeNull();
  });

  it.each([
    ['https://www.bbc.com/zhongwen/trad/live/world-66783048', 'live', '找不到這個直播頁面的內容', 'zh-Hant'],
    ['https://www.bbc.com/zhongwen/simp/chinese-news-66748432', 'index', '这是栏目或首页，不是一篇文章。', 'zh-Hans'],
    ['https://www.bbc.com/zhongwen/simp/world-62912357', 'failed', '没能读出这篇文章的内容。', 'zh-Hans'],
  ] as const)('explains %s (%s) in the page’s script, with a link to the original', (url, pageKind, message, lang) => {
    const state: ReaderState = { status: 'error', pageKind, url };
    show({ state });
    const d = dialog();
    expect(d.getAttribute('lang')).toBe(lang);
    expect(d.textContent).toContain(message);
    expect(shadow.querySelector('a[data-action="original"]')?.getAttribute('href')).toBe(url);
    expect(shadow.querySelector('[data-script]')).toBeNull();
  });
});

describe('the stylesheet', () => {
  it('only styles the overlay’s own elements (every rule is scoped to :host or .qd-)', () => {
    const style = document.createElement('style');
    style.textContent = READER_CSS;
    document.head.append(style);
    const selectors: string[] = [];
    const collect = (rules: CSSRuleList): void => {
      for (const rule of rules) {
        if (rule instanceof CSSStyleRule) selectors.push(...rule.selectorText.split(','));
        else if (rule instanceof CSSMediaRule) collect(rule.cssRules);
      }
    };
    collect(style.sheet?.cssRules ?? ([] as unknown as CSSRuleList));
    style.remove();
    expect(selectors.length).toBeGreaterThan(50);
    for (const selector of selectors) expect(selector.trim()).toMatch(/^(:host|\.qd-)/);
  });
});

describe('the Aa panel', () => {
  /** Only Noto Sans and Serif CJK installed, as on the test machines: no Kai font. */
  const noKai = (family: string): boolean => /^Noto (Sans|Serif) CJK/.test(family);
  const openPanel = (): HTMLElement => {
    const button = shadow.querySelector<HTMLButtonElement>('[data-action="settings"]');
    expect(button?.getAttribute('aria-expanded')).toBe('false');
    act(() => button?.click());
    expect(button?.getAttribute('aria-expanded')).toBe('true');
    const panel = shadow.getElementById(button?.getAttribute('aria-controls') ?? '');
    if (!panel) throw new Error('no panel');
    return panel;
  };
  const labelOf = (input: Element): string =>
    (input.closest('label')?.textContent ?? shadow.querySelector(`label[for="${input.id}"]`)?.textContent ?? '').trim();

  it('opens from [data-action=settings] with a labelled control for every setting it holds', () => {
    show({ fontInstalled: noKai });
    const panel = openPanel();
    const inputs = [...panel.querySelectorAll('input')];
    for (const input of inputs) expect(labelOf(input), input.outerHTML).not.toBe('');
    const groups = [...panel.querySelectorAll('fieldset legend')].map((legend) => legend.textContent);
    expect(groups).toEqual(['主題', '字型', '圖片']);
    expect(panel.querySelectorAll('input[type="radio"]')).toHaveLength(5 + 3 + 3);
    expect(panel.querySelectorAll('input[type="range"]')).toHaveLength(3);
    expect(panel.querySelectorAll('input[type="checkbox"]')).toHaveLength(2);
  });

  it('applies a change at once and saves it through onSettingsChange', () => {
    const props = show({ fontInstalled: noKai });
    const panel = openPanel();
    const radio = (setting: string, value: string): HTMLInputElement =>
      panel.querySelector<HTMLInputElement>(`[data-setting="${setting}"] input[value="${value}"]`)!;
    act(() => radio('theme', 'contrast').click());
    expect(dialog().dataset.theme).toBe('contrast');
    expect(props.onSettingsChange).toHaveBeenLastCalledWith({ theme: 'contrast' });
    const indent = panel.querySelector<HTMLInputElement>('[data-setting="indent"] input')!;
    act(() => indent.click());
    expect(dialog().dataset.indent).toBe('true');
    expect(props.onSettingsChange).toHaveBeenLastCalledWith({ indent: true });
    const justify = panel.querySelector<HTMLInputElement>('[data-setting="justify"] input')!;
    expect(justify.checked).toBe(true);
    act(() => justify.click());
    expect(dialog().dataset.align).toBe('start');
    expect(props.onSettingsChange).toHaveBeenLastCalledWith({ textAlign: 'start' });
    act(() => radio('images', 'off').click());
    expect(shadow.querySelectorAll('figure')).toHaveLength(0);
    // A slider shows each step as it moves and saves when let go.
    const size = panel.querySelector<HTMLInputElement>('[data-setting="fontSize"] input')!;
    const calls = vi.mocked(props.onSettingsChange!).mock.calls.length;
    act(() => {
      size.value = '26';
      size.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(dialog().style.getPropertyValue('--qd-font-size')).toBe('26px');
    expect(vi.mocked(props.onSettingsChange!).mock.calls.length).toBe(calls);
    act(() => void size.dispatchEvent(new Event('change', { bubbles: true })));
    expect(props.onSettingsChange).toHaveBeenLastCalledWith({ fontSize: 26 });
  });

  it('offers only fonts this device has, and says when the saved one falls back', () => {
    show({ fontInstalled: noKai, settings: { ...SETTINGS, font: 'serif' } });
    let panel = openPanel();
    const kai = panel.querySelector<HTMLInputElement>('[data-setting="font"] input[value="kai"]')!;
    expect(kai.disabled).toBe(true);
    expect(labelOf(kai)).toContain('本機沒有');
    expect(panel.querySelector<HTMLInputElement>('[data-setting="font"] input[value="serif"]')?.disabled).toBe(false);
    expect(panel.querySelector('[role="note"]')).toBeNull();
    // Settings synced from a machine with a Kai font.
    render(null, shadow);
    show({ fontInstalled: noKai, settings: { ...SETTINGS, font: 'kai' } });
    panel = openPanel();
    expect(panel.querySelector<HTMLInputElement>('[data-setting="font"] input[value="kai"]')?.checked).toBe(true);
    expect(panel.querySelector('[role="note"]')?.textContent).toBe('所選字型本機沒有，內文以明體顯示。');
  });

  it('closes on Esc without closing the reader, and gives focus back to its button', () => {
    const props = show({ fontInstalled: noKai });
    const panel = openPanel();
    panel.querySelector<HTMLInputElement>('input')?.focus();
    press('Escape');
    expect(props.onClose).not.toHaveBeenCalled();
    expect(shadow.querySelector('.qd-panel')).toBeNull();
    expect(shadow.activeElement).toBe(shadow.querySelector('[data-action="settings"]'));
  });
});
