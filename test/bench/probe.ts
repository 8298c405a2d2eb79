// The paint probe: a small script the bench injects into the page's main world before it clicks,
// to see when the reader overlay (and each script switch) reaches the screen. Built by bundle.ts
// as an IIFE; exposes `window.qingduProbe`. It only reads the page and the overlay's open shadow
// root; it never changes either — except `switchWorkAgainstPlainDom`, the last thing the bench does
// with a page before loading it afresh, which writes a switch's DOM change into the overlay itself.
//
// What "painted" means here: the overlay's DOM is checked at the start of every frame (in a
// requestAnimationFrame callback, which runs just before that frame's style, layout and paint);
// the first frame in which the wanted state is there is the frame that paints it, and a task
// queued from that callback runs right after the frame's rendering work is done. Its time is
// "painted". The DOM time (a MutationObserver, the moment the render committed) is kept too, so
// the work can be told apart from the wait for the next frame.

import { clockDrift } from './clock.ts';
import { PEER_HOST } from './peer-host.ts';

export type ReaderScript = 'original' | 'simp' | 'tw' | 'hk';

export interface PaintTimes {
  /** When the overlay's host element was first seen in the document (the reader is running). */
  hostAt: number;
  /** When the wanted DOM state first existed (page clock, ms). */
  domAt: number;
  /** Start of the frame that paints it. */
  frameAt: number;
  /** After that frame's rendering work. */
  paintedAt: number;
}

export interface SwitchTimes extends PaintTimes {
  /** The click event's own timestamp (when the browser received the input). */
  clickAt: number;
  /** When the whole article was converted (a switch: nothing busy any more; else = domAt). */
  completeAt: number;
}

export interface LongTask {
  startTime: number;
  duration: number;
}

const HOST = 'qingdu-reader';

function dialog(): Element | null {
  return document.querySelector(HOST)?.shadowRoot?.querySelector('[role="dialog"]') ?? null;
}

/** The overlay shows an article: a headline with text and the script control, not the loading state. */
function overlayShowsArticle(): boolean {
  const box = dialog();
  if (!box || box.getAttribute('aria-busy') === 'true') return false;
  return (box.querySelector('h1')?.textContent?.trim() ?? '') !== '' && box.querySelector('[data-script]') !== null;
}

/**
 * The script control shows `script` as chosen and not busy (its dictionaries are loaded): the
 * switch is shown. On a first switch the body may still be busy converting blocks off screen; see
 * `scriptComplete`.
 */
function scriptShown(script: ReaderScript): boolean {
  const box = dialog();
  if (!box || box.querySelector('[data-script][aria-busy="true"]')) return false;
  return box.querySelector(`[data-script="${script}"]`)?.getAttribute('aria-pressed') === 'true';
}

/** `scriptShown`, and nothing in the overlay is busy any more: the whole article is converted. */
function scriptComplete(script: ReaderScript): boolean {
  return scriptShown(script) && dialog()?.querySelector('[aria-busy="true"]') === null;
}

/** Resolves with the time (page clock) `ready()` first holds, checked after every change to the overlay. */
function whenInDom(ready: () => boolean): Promise<number> {
  return new Promise((resolve) => {
    const root = document.querySelector(HOST)?.shadowRoot;
    if (!root) throw new Error('no overlay to watch');
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      observer.disconnect();
      resolve(performance.now());
    });
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

function afterFrame(): Promise<number> {
  return new Promise((resolve) => setTimeout(() => resolve(performance.now()), 0));
}

/** The peer shows its article: its shadow root holds the rendered `<article>` (appended in one piece). */
function peerShowsArticle(): boolean {
  return document.querySelector(PEER_HOST)?.shadowRoot?.querySelector('article') != null;
}

/**
 * Resolves when `ready()` first holds, with the times it reached the DOM and the screen. The
 * MutationObserver watches the document and, once the host (`hostName`) exists, its shadow root.
 */
function whenPainted(ready: () => boolean, hostName = HOST): Promise<PaintTimes> {
  return new Promise((resolve) => {
    let domAt: number | undefined;
    let hostAt: number | undefined;
    const observed = new Set<Node>();
    /** Notes when the host first exists, and starts watching its shadow root once there is one. */
    const watchHost = (): void => {
      const host = document.querySelector(hostName);
      if (!host) return;
      hostAt ??= performance.now();
      const root = host.shadowRoot;
      if (root && !observed.has(root)) {
        observed.add(root);
        observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
      }
    };
    const observer = new MutationObserver(() => {
      watchHost();
      if (domAt === undefined && ready()) domAt = performance.now();
    });
    observer.observe(document.documentElement, { childList: true });
    watchHost();
    const onFrame = (frameAt: number): void => {
      if (!ready()) {
        requestAnimationFrame(onFrame);
        return;
      }
      // rAF's own argument is the frame's start; performance.now() here is when this callback runs.
      const frameStart = Math.min(frameAt, performance.now());
      void afterFrame().then((paintedAt) => {
        observer.disconnect();
        resolve({ hostAt: hostAt ?? frameStart, domAt: domAt ?? frameStart, frameAt: frameStart, paintedAt });
      });
    };
    requestAnimationFrame(onFrame);
  });
}

let overlay: Promise<PaintTimes> | undefined;
let armedClick: Promise<SwitchTimes> | undefined;

/**
 * Watches for the next click (its event's timestamp), for `ready()` to be painted after it and, if
 * given, for `complete()` to hold in the DOM.
 */
function armClick(ready: () => boolean, complete?: () => boolean): void {
  const clicked = new Promise<number>((resolve) => {
    window.addEventListener('click', (event) => resolve(event.timeStamp), { capture: true, once: true });
  });
  const painted = whenPainted(ready);
  const completed = complete ? whenInDom(complete) : undefined;
  armedClick = Promise.all([clicked, painted, completed]).then(([clickAt, times, completeAt]) => ({
    clickAt,
    ...times,
    completeAt: completeAt ?? times.domAt,
  }));
}

/** A switch's work in the page, the reader's against the same DOM change written directly. */
export interface SwitchWork {
  reader: number[];
  plain: number[];
}

/** Resolves after the next frame has been rendered (a task queued from its rAF callback). */
async function nextFrame(): Promise<void> {
  await new Promise(requestAnimationFrame);
  await afterFrame();
}

/** Every text node in the overlay, and every element with the attributes a switch changes. */
function overlayState(box: Element): { texts: Text[]; data: string[]; elements: Element[]; attributes: (string | null)[][] } {
  const texts: Text[] = [];
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  const elements = [box, ...box.querySelectorAll('*')];
  return {
    texts,
    data: texts.map((text) => text.data),
    elements,
    attributes: elements.map((element) => SWITCHED_ATTRIBUTES.map((name) => element.getAttribute(name))),
  };
}

/** What a script switch changes besides text: the script, the pressed button, converted alt text and labels. */
const SWITCHED_ATTRIBUTES = ['lang', 'aria-pressed', 'alt', 'title', 'aria-label'];

const longTasks: LongTask[] = [];
let longTaskObserver: PerformanceObserver | undefined;

export const qingduProbe = {
  /**
   * Starts watching for the overlay (ours, or the plain Readability peer's); call before the
   * toolbar click. `overlayPainted` then gives its times.
   */
  armOverlay(reader: 'qingdu' | 'peer' = 'qingdu'): void {
    overlay = reader === 'qingdu' ? whenPainted(overlayShowsArticle) : whenPainted(peerShowsArticle, PEER_HOST);
  },
  overlayPainted(): Promise<PaintTimes> {
    if (!overlay) throw new Error('armOverlay() first');
    return overlay;
  },
  /** Starts watching for the next click and for `script` to be shown; call before the click. */
  armSwitch(script: ReaderScript): void {
    armClick(
      () => scriptShown(script),
      () => scriptComplete(script),
    );
  },
  /**
   * The frame-floor page (extension-rows.ts): starts watching for the next click and for its
   * button to have counted one more click; call before the click.
   */
  armFloorClick(): void {
    const counted = (): number => Number(document.querySelector('#target')?.getAttribute('data-clicks') ?? 0);
    const wanted = counted() + 1;
    armClick(() => counted() >= wanted);
  },
  /** The times of the click armed last (`armSwitch` or `armFloorClick`). */
  clickPainted(): Promise<SwitchTimes> {
    if (!armedClick) throw new Error('armSwitch() or armFloorClick() first');
    return armedClick;
  },
  /**
   * With the overlay open and `script` loaded: a later switch's work measured in the page, in
   * `rounds` alternating pairs. "reader": from the script button's click() to the switch committed
   * and laid out (its own microtasks run, then a forced layout). "plain": the very same DOM change —
   * the converted text written into the same text nodes, the same attributes set — with no
   * framework, then the same forced layout: the least any implementation showing the converted
   * text pays before painting. Neither includes input delivery, painting or the wait for a frame.
   * Leaves the overlay showing 原文, its DOM as the reader made it.
   */
  async switchWorkAgainstPlainDom(script: ReaderScript, rounds: number): Promise<SwitchWork> {
    const box = dialog();
    if (!box) throw new Error('no overlay');
    const button = (wanted: ReaderScript): HTMLElement => {
      const found = box.querySelector<HTMLElement>(`[data-script="${wanted}"]`);
      if (!found) throw new Error(`no ${wanted} button in the overlay`);
      return found;
    };
    button('original').click();
    await nextFrame();
    const original = overlayState(box);
    button(script).click();
    await nextFrame();
    if (!scriptComplete(script)) throw new Error(`${script} is not loaded: switch to it once first`);
    const converted = overlayState(box);
    const same = <T>(a: T[], b: T[]): boolean => a.length === b.length && a.every((item, index) => item === b[index]);
    if (!same(converted.texts, original.texts) || !same(converted.elements, original.elements)) {
      throw new Error('a switch replaced nodes: the plain change would not be the same change');
    }
    const write = (state: typeof original): void => {
      original.elements.forEach((element, index) => {
        SWITCHED_ATTRIBUTES.forEach((name, at) => {
          const value = state.attributes[index]?.[at] ?? null;
          if (element.getAttribute(name) === value) return;
          if (value === null) element.removeAttribute(name);
          else element.setAttribute(name, value);
        });
      });
      original.texts.forEach((text, index) => {
        const data = state.data[index] as string;
        if (text.data !== data) text.data = data;
      });
    };
    button('original').click();
    await nextFrame();
    const work: SwitchWork = { reader: [], plain: [] };
    for (let round = 0; round < rounds; round++) {
      await nextFrame();
      let start = performance.now();
      button(script).click();
      await Promise.resolve();
      await Promise.resolve();
      box.getBoundingClientRect();
      work.reader.push(performance.now() - start);
      if (!scriptShown(script)) throw new Error('the switch had not been committed when it was timed');
      await nextFrame();
      button('original').click();
      await nextFrame();
      await nextFrame();
      start = performance.now();
      write(converted);
      box.getBoundingClientRect();
      work.plain.push(performance.now() - start);
      await nextFrame();
      write(original);
      await nextFrame();
    }
    return work;
  },
  /** Collects every task of 50 ms or more from now on (the Long Tasks API's threshold). */
  watchLongTasks(): void {
    longTasks.length = 0;
    longTaskObserver?.disconnect();
    longTaskObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push({ startTime: entry.startTime, duration: entry.duration });
    });
    longTaskObserver.observe({ type: 'longtask' });
  },
  longTasks(): LongTask[] {
    return [...longTasks];
  },
  /** See `clockDrift`. */
  clockDrift(): number {
    return clockDrift();
  },
  timeOrigin(): number {
    return performance.timeOrigin;
  },
};

declare global {
  interface Window {
    /** Present once the probe is injected; the bench only evaluates code in pages that have it. */
    qingduProbe: typeof qingduProbe;
  }
}

window.qingduProbe = qingduProbe;
