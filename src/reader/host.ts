// The reader's place in the page: one `<qingdu-reader>` element with an open shadow root, holding
// the Preact overlay (`ReaderApp`) and its CSS. A `ReaderSession` is one opening: it extracts the
// article from the live document, locks the page's scroll, follows settings and in-place
// navigation, and on close puts everything back — the page's DOM, scroll position and focus — as
// it was. Its whole lifetime is one AbortController: closing aborts it and every listener goes.

import { h, render } from 'preact';
import { isArticle, type ExtractResult } from '../core/article.ts';
import { extract, extractInSteps } from '../core/extract.ts';
import { nextTask } from '../core/extract/steps.ts';
import type { Settings } from '../core/settings.ts';
import type { DictionaryLoader } from '../core/zh/index.ts';
import { loadSettings, updateSettings, watchSettings } from '../storage.ts';
import { READER_CSS, ReaderApp, type ReaderState } from './ui/App.tsx';
import { OVERLAY_HOST_CSS } from './ui/styles.ts';
import { takeDeviceWidthViewport, type ViewportLease } from './viewport.ts';
import { preparePrinting } from './print.ts';

export const HOST_TAG = 'qingdu-reader';

export interface SessionHooks {
  /** Called once the overlay is gone (closed by the reader, the toolbar or navigation). */
  onClosed: () => void;
  loadDictionary: DictionaryLoader;
}

/** The part of a URL that names a page: an in-page anchor (#…) is not a different article. */
function pageAddress(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

/** The page state the reader changes while it is open, recorded to be put back exactly. */
interface PageState {
  scrollX: number;
  scrollY: number;
  focused: Element | null;
  /** `<html>`'s `style` attribute as it was (null: there was none). */
  rootStyle: string | null;
}

function recordPage(): PageState {
  return {
    scrollX: window.scrollX,
    scrollY: window.scrollY,
    focused: document.activeElement,
    rootStyle: document.documentElement.getAttribute('style'),
  };
}

/**
 * Stops the page behind the overlay from scrolling (wheel, keys, scrollbar drag) by hiding the
 * root's overflow — with the viewport (viewport.ts) the only changes the reader makes to the page's
 * own elements, both undone on close.
 * Written as the attribute, not through `element.style`: Chromium serializes CSSOM edits lazily,
 * and a later `removeAttribute('style')` would then leave `style=""` behind.
 */
function lockPageScroll(saved: PageState): void {
  const lock = 'overflow: hidden !important';
  document.documentElement.setAttribute('style', saved.rootStyle ? `${saved.rootStyle}; ${lock}` : lock);
}

function restorePage(saved: PageState): void {
  const root = document.documentElement;
  if (saved.rootStyle === null) root.removeAttribute('style');
  else root.setAttribute('style', saved.rootStyle);
  window.scrollTo(saved.scrollX, saved.scrollY);
  const focused = saved.focused;
  if (focused instanceof HTMLElement && focused.isConnected && focused !== document.body) {
    focused.focus({ preventScroll: true });
  }
}

function resultState(url: string, result: ExtractResult): ReaderState {
  if (isArticle(result)) return { status: 'ready', article: result };
  return { status: 'error', pageKind: result.pageKind, url, detail: result.reason };
}

function failedState(url: string, error: unknown): ReaderState {
  return { status: 'error', pageKind: 'failed', url, detail: error instanceof Error ? error.message : String(error) };
}

/** The article as the page shows it now, in one go (a typical page takes 5–10 ms). */
function readArticle(): ReaderState {
  const url = location.href;
  try {
    return resultState(url, extract(document, url));
  } catch (error) {
    return failedState(url, error);
  }
}

/** The same for a very long page, in slices with the tab free in between (no long task). */
async function readArticleInSteps(): Promise<ReaderState> {
  const url = location.href;
  try {
    return resultState(url, await extractInSteps(document, url));
  } catch (error) {
    return failedState(url, error);
  }
}

/**
 * A typical BBC article has 20–60 paragraphs and extracts in 5–10 ms, where showing a loading state
 * first would only flicker; a page with hundreds of paragraphs takes long enough to need it.
 */
const LONG_PAGE_PARAGRAPHS = 400;

function isVeryLongPage(): boolean {
  return document.getElementsByTagName('p').length > LONG_PAGE_PARAGRAPHS;
}

/** Resolves after the browser has painted the next frame. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

export class ReaderSession {
  private readonly lifetime = new AbortController();
  private readonly host: HTMLElement;
  private readonly mount: HTMLElement;
  private readonly saved: PageState;
  private readonly openedAt: string;
  private viewport: ViewportLease | undefined;
  private state: ReaderState = { status: 'loading' };
  private settings: Settings | undefined;
  private closed = false;
  /** Reads of the page started so far: a slower, older read never replaces a newer one. */
  private reads = 0;

  constructor(private readonly hooks: SessionHooks) {
    this.saved = recordPage();
    this.openedAt = pageAddress(location.href);
    this.host = document.createElement(HOST_TAG);
    const shadow = this.host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = OVERLAY_HOST_CSS + READER_CSS;
    this.mount = document.createElement('div');
    shadow.append(style, this.mount);
  }

  /** Shows the overlay: settings first (no flash of the wrong theme), then the article. */
  async open(): Promise<void> {
    const signal = this.lifetime.signal;
    document.documentElement.append(this.host);
    lockPageScroll(this.saved);
    this.viewport = takeDeviceWidthViewport();
    preparePrinting(this.host.shadowRoot!, signal);

    const loaded = await loadSettings();
    if (signal.aborted) return;
    this.settings = loaded.settings;
    watchSettings((next) => {
      this.settings = next.settings;
      this.draw();
    }, signal);

    // The detector lets a click made during page load wait until the page is parsed, within a
    // grace period. A page still loading after it (a stuck parser) is read as it is now, and
    // read again once it has arrived, so the reader never waits forever nor keeps half an article.
    if (document.readyState === 'loading') {
      document.addEventListener(
        'DOMContentLoaded',
        () => {
          this.reads += 1;
          this.state = readArticle();
          this.draw();
        },
        { once: true, signal },
      );
    }
    const veryLong = isVeryLongPage();
    if (veryLong) {
      // Extraction takes a long time here: show the overlay (loading) at once and let the tab
      // paint it before the long work starts, rather than look frozen after the click. Then the
      // extraction in slices, and the first rendering pass in a task of its own: nothing holds
      // the tab for long.
      this.draw();
      await afterNextPaint();
      if (signal.aborted) return;
      const read = ++this.reads;
      const state = await readArticleInSteps();
      // Closed, navigated in place, or the page finished loading and was read whole meanwhile.
      if (signal.aborted || pageAddress(location.href) !== this.openedAt || read !== this.reads) return;
      this.state = state;
      await nextTask();
      if (signal.aborted) return;
    } else {
      this.state = readArticle();
    }
    this.draw();
  }

  /**
   * The tab's URL changed without a new document. A different page means this article is no
   * longer what the reader shows: close rather than ever show the previous article.
   */
  followLocation(url: string): void {
    if (pageAddress(url) !== this.openedAt) this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.lifetime.abort();
    render(null, this.mount);
    this.host.remove();
    // The page's own viewport first, so its scroll position is put back in its own layout.
    this.viewport?.restore();
    restorePage(this.saved);
    this.hooks.onClosed();
  }

  private draw(): void {
    if (this.closed || !this.settings) return;
    render(
      h(ReaderApp, {
        state: this.state,
        settings: this.settings,
        loadDictionary: this.hooks.loadDictionary,
        onClose: () => this.close(),
        onSettingsChange: (patch: Partial<Settings>) => {
          // Storage answers through watchSettings, so every open reader (this one too) follows.
          void updateSettings(patch);
        },
      }),
      this.mount,
    );
  }
}
