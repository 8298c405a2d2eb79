// @vitest-environment jsdom
// The pieces that make the reader comfortable on every screen, each on its own: the page's viewport
// taken and given back exactly, which fonts count as available, settings changed in the reader held
// until storage has them, the keys that scroll, the "updated" line, and which language labels speak.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { READER_VIEWPORT, takeDeviceWidthViewport } from '../../src/reader/viewport.ts';
import { CJK_FAMILIES, fontAvailability, fontScriptOf, fontStack, shownFont } from '../../src/reader/ui/fonts.ts';
import { withoutCaughtUp } from '../../src/reader/ui/live-settings.ts';
import { scrollDistance } from '../../src/reader/ui/scrolling.ts';
import { updateToShow } from '../../src/reader/ui/format.ts';
import { labelLocale, toolbarLocale } from '../../src/reader/ui/labels.ts';

describe('the viewport while the reader is open', () => {
  afterEach(() => {
    document.head.innerHTML = '';
  });

  it('sets the device width on the page’s own declaration and puts its exact value back', () => {
    document.head.innerHTML = '<meta charset="utf-8"><meta content="width=996" name="viewport" data-x="1">';
    const before = document.documentElement.outerHTML;
    const lease = takeDeviceWidthViewport(document);
    expect(document.querySelector('meta[name=viewport]')?.getAttribute('content')).toBe(READER_VIEWPORT);
    expect(document.querySelectorAll('meta[name=viewport]')).toHaveLength(1);
    lease.restore();
    lease.restore();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('changes the last declaration (the one browsers use) and leaves the others alone', () => {
    document.head.innerHTML = '<meta name="viewport" content="width=1024"><meta name="VIEWPORT" content="width=996">';
    const before = document.documentElement.outerHTML;
    const lease = takeDeviceWidthViewport(document);
    const metas = [...document.querySelectorAll('meta')].map((meta) => meta.getAttribute('content'));
    expect(metas).toEqual(['width=1024', READER_VIEWPORT]);
    lease.restore();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('adds one to a page without any and removes it again; a declaration without content stays without', () => {
    document.head.innerHTML = '<title>t</title>';
    const before = document.documentElement.outerHTML;
    const lease = takeDeviceWidthViewport(document);
    expect(document.head.lastElementChild?.getAttribute('content')).toBe(READER_VIEWPORT);
    lease.restore();
    expect(document.documentElement.outerHTML).toBe(before);

    document.head.innerHTML = '<meta name="viewport">';
    const bare = document.documentElement.outerHTML;
    const second = takeDeviceWidthViewport(document);
    second.restore();
    expect(document.documentElement.outerHTML).toBe(bare);
  });
});

describe('fonts', () => {
  const only = (...families: string[]) => (family: string): boolean => families.includes(family);

  it('puts the Chinese families before the Latin ones, so shared punctuation (“ ” — …) is drawn full-width', () => {
    const stack = fontStack('sans', 'hans');
    expect(stack.indexOf('"Noto Sans CJK SC"')).toBeLessThan(stack.indexOf('Arial'));
    expect(stack.startsWith('"Noto Sans CJK SC"')).toBe(true);
    expect(fontStack('kai', 'hant').indexOf('"Noto Serif CJK TC"')).toBeGreaterThan(fontStack('kai', 'hant').indexOf('"BiauKai"'));
    expect(fontStack('serif', 'hk')).toMatch(/^"Noto Serif CJK HK"/);
    expect(fontStack('sans', 'hans')).toMatch(/, sans-serif$/);
  });

  it('counts a choice available when one of its Chinese families for the script is installed', () => {
    const machine = only('Noto Sans CJK SC', 'Noto Sans CJK TC', 'Noto Serif CJK SC');
    expect(fontAvailability('hans', machine)).toEqual({ sans: true, serif: true, kai: false });
    expect(fontAvailability('hant', machine)).toEqual({ sans: true, serif: false, kai: false });
    expect(fontAvailability('hant', only('BiauKai'))).toEqual({ sans: false, serif: false, kai: true });
    for (const font of ['sans', 'serif', 'kai'] as const) expect(CJK_FAMILIES[font].hk.length).toBeGreaterThan(0);
  });

  it('names the face shown in place of a missing one: 楷体 → 宋体 → 黑体', () => {
    expect(shownFont('kai', { sans: true, serif: true, kai: false })).toBe('serif');
    expect(shownFont('kai', { sans: true, serif: false, kai: false })).toBe('sans');
    expect(shownFont('serif', { sans: true, serif: false, kai: true })).toBe('sans');
    expect(shownFont('kai', { sans: true, serif: true, kai: true })).toBe('kai');
  });

  it('reads the script from the text’s lang', () => {
    expect(fontScriptOf('zh-Hant-HK')).toBe('hk');
    expect(fontScriptOf('zh-Hant-TW')).toBe('hant');
    expect(fontScriptOf('zh-Hant')).toBe('hant');
    expect(fontScriptOf('zh-Hans')).toBe('hans');
  });
});

describe('settings changed in the reader', () => {
  it('are held until the stored settings carry them', () => {
    const stored = { ...DEFAULT_SETTINGS, theme: 'dark' as const };
    const held = { theme: 'dark' as const, fontSize: 24 };
    expect(withoutCaughtUp(held, stored)).toEqual({ fontSize: 24 });
    const waiting = { fontSize: 24 };
    expect(withoutCaughtUp(waiting, stored)).toBe(waiting);
    expect(withoutCaughtUp({ fontSize: 24 }, { ...stored, fontSize: 24 })).toEqual({});
  });
});

describe('keys that move the article', () => {
  it('Home and End always; Page Up/Down by most of a screen; arrows only from a toolbar control', () => {
    const press = (key: string, shiftKey = false) => ({ key, shiftKey });
    expect(scrollDistance(press('End'), 800, false)).toBe('end');
    expect(scrollDistance(press('Home'), 800, true)).toBe('start');
    expect(scrollDistance(press('PageDown'), 800, true)).toBe(720);
    expect(scrollDistance(press('PageUp'), 800, false)).toBe(-720);
    expect(scrollDistance(press('ArrowDown'), 800, true)).toBe(40);
    expect(scrollDistance(press('ArrowDown'), 800, false)).toBeUndefined();
    // The space bar presses a button; it never scrolls from one.
    expect(scrollDistance(press(' '), 800, true)).toBeUndefined();
    expect(scrollDistance(press('a'), 800, true)).toBeUndefined();
  });
});

describe('the updated line', () => {
  const published = '2023-09-10T05:42:14Z';
  it('is left out when there is no update or it is the publication itself', () => {
    expect(updateToShow(published, undefined)).toBeUndefined();
    expect(updateToShow(published, published)).toBeUndefined();
    expect(updateToShow(published, '2023-09-10T05:42:50Z')).toBeUndefined();
    expect(updateToShow(published, 'not a date')).toBeUndefined();
  });

  it('shows the time when the update is the same day, the date alone otherwise', () => {
    expect(updateToShow(published, '2023-09-10T09:15:00Z', 'UTC')).toEqual({ iso: '2023-09-10T09:15:00Z', withTime: true });
    expect(updateToShow(published, '2023-09-12T09:00:00Z', 'UTC')).toEqual({ iso: '2023-09-12T09:00:00Z', withTime: false });
    expect(updateToShow(undefined, '2023-09-12T09:00:00Z')).toEqual({ iso: '2023-09-12T09:00:00Z', withTime: false });
  });
});

describe('which language the labels speak', () => {
  it('labels the article in its script whatever the browser speaks; the toolbar in the browser’s language', () => {
    expect(labelLocale('original', 'trad', 'browser', 'en-GB')).toBe('zh_TW');
    expect(labelLocale('simp', 'trad', 'browser', 'en-GB')).toBe('zh_CN');
    expect(labelLocale('hk', 'simp', 'browser', 'fr')).toBe('zh_TW');
    expect(toolbarLocale('browser', 'en-GB')).toBe('en');
    expect(toolbarLocale('browser', 'zh-HK')).toBe('zh_TW');
  });

  it('lets the UI-language setting override both', () => {
    expect(labelLocale('original', 'trad', 'en', 'zh-TW')).toBe('en');
    expect(toolbarLocale('en', 'zh-TW')).toBe('en');
    expect(toolbarLocale('zh_CN', 'en-US')).toBe('zh_CN');
    // A Chinese choice keeps the article's labels in the script on screen.
    expect(labelLocale('tw', 'simp', 'zh_CN', 'en-US')).toBe('zh_TW');
  });
});
