// Moving through the article with the keys, wherever focus is in the overlay. The article scrolls in
// its own element under the toolbar, so keys pressed on a toolbar control would otherwise scroll
// nothing; and End must reach the real end: blocks off screen are not laid out (content-visibility)
// and count only their estimated height until they come near, so the first jump to the bottom of
// the estimate lands short of the related stories (by 1,600–2,700 px on real pages). `scrollToEnd`
// has every block laid out for one frame (`WHOLE_CLASS`), which is when the browser remembers each
// block's real size (`contain-intrinsic-block-size: auto …`), then follows the end frame by frame
// until it holds still (a photo arriving late may still change it).

/** On the scroller: every block laid out, whether on screen or not (styles.ts). */
export const WHOLE_CLASS = 'qd-whole';
/** Frames a jump to the end may take to settle. */
const END_SETTLE_FRAMES = 60;
/** Frames at the bottom with an unchanged height before the jump counts as done. */
const END_STABLE_FRAMES = 2;

export interface ScrollKeyPress {
  key: string;
  shiftKey: boolean;
}

/** How far a key moves the article, in pixels; undefined for a key that does not scroll. */
export function scrollDistance(press: ScrollKeyPress, viewportHeight: number, onControl: boolean): number | 'start' | 'end' | undefined {
  const page = Math.max(40, viewportHeight * 0.9);
  switch (press.key) {
    case 'Home':
      return 'start';
    case 'End':
      return 'end';
    case 'PageDown':
      return page;
    case 'PageUp':
      return -page;
    case 'ArrowDown':
      return onControl ? 40 : undefined;
    case 'ArrowUp':
      return onControl ? -40 : undefined;
    case ' ':
      // On a button the space bar presses it; elsewhere in the article the browser pages itself.
      return undefined;
    default:
      return undefined;
  }
}

/**
 * Scrolls `scroller` to its very end and keeps it there while blocks on the way are laid out and
 * the height grows. Stops when the end holds still, after END_SETTLE_FRAMES, when the reader scrolls
 * elsewhere (wheel, touch, another key) or when `signal` aborts. Returns a function that stops it.
 */
export function scrollToEnd(scroller: HTMLElement, signal?: AbortSignal): () => void {
  let frame = 0;
  let stable = 0;
  let lastHeight = -1;
  let stopped = false;
  let request = 0;
  const view = scroller.ownerDocument.defaultView ?? globalThis;
  const stop = (): void => {
    stopped = true;
    scroller.classList.remove(WHOLE_CLASS);
    view.cancelAnimationFrame(request);
    scroller.removeEventListener('wheel', stop);
    scroller.removeEventListener('touchstart', stop);
    scroller.removeEventListener('keydown', stop);
  };
  const step = (): void => {
    if (stopped || signal?.aborted) return stop();
    const height = scroller.scrollHeight;
    scroller.scrollTop = height;
    const atEnd = scroller.scrollTop + scroller.clientHeight >= height - 1;
    stable = atEnd && height === lastHeight ? stable + 1 : 0;
    lastHeight = height;
    frame += 1;
    // Laid out whole for two frames: the sizes are remembered by then (at the frame's resize-observer
    // step), and the blocks far from the end can be skipped again without the end moving.
    if (frame === 3) scroller.classList.remove(WHOLE_CLASS);
    if (frame > 3 && (stable >= END_STABLE_FRAMES || frame >= END_SETTLE_FRAMES)) return stop();
    request = view.requestAnimationFrame(step);
  };
  scroller.addEventListener('wheel', stop, { passive: true });
  scroller.addEventListener('touchstart', stop, { passive: true });
  scroller.addEventListener('keydown', stop);
  scroller.classList.add(WHOLE_CLASS);
  step();
  return stop;
}

/**
 * Handles a scrolling key for the article: returns true when it moved (or began moving) the
 * article, so the caller stops the browser's own handling. `onControl`: focus is on a toolbar
 * control, outside the scroller, where the browser would scroll nothing.
 */
export function scrollByKey(scroller: HTMLElement, press: ScrollKeyPress, onControl: boolean, running: { stop: () => void }): boolean {
  const distance = scrollDistance(press, scroller.clientHeight, onControl);
  if (distance === undefined) return false;
  running.stop();
  if (distance === 'end') {
    running.stop = scrollToEnd(scroller);
  } else if (distance === 'start') {
    scroller.scrollTop = 0;
  } else if (onControl) {
    scroller.scrollTop += distance;
  } else {
    // In the article the browser pages and scrolls by arrow itself (smoothly, as the reader set it).
    return false;
  }
  return true;
}
