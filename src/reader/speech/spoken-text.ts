// Where read-aloud meets the overlay's DOM: which elements are read (headline, then paragraphs,
// subheadings, list items, quotes and photo captions in order — not credits, media cards, related
// stories or the footer), their sentences as offsets into each element's text, and the highlight.
//
// The highlight changes no text node and no element the script switch renders: the sentence is a
// CSS Custom Highlight (`CSS.highlights`, a Range over the existing text nodes), and the element
// holding the sentence (the `<h1>`, `<p>`, `<h2>`/`<h3>`, `<li>`, `<blockquote>` or the caption's
// `<span class="qd-caption">`) carries `data-speaking` — the automation contract's marker, and the
// fallback style where a browser has no Highlight API.
import { splitSentences } from '../../core/sentences.ts';
import type { SpeechItem } from './player.ts';

export const READABLE = [
  '.qd-header h1',
  '.qd-body > p',
  '.qd-body > h2',
  '.qd-body > h3',
  '.qd-body > ul > li',
  '.qd-body > ol > li',
  '.qd-body > blockquote',
  '.qd-body .qd-caption',
].join(', ');

export const HIGHLIGHT_NAME = 'qingdu-speaking';

export interface SpokenSentence extends SpeechItem {
  element: HTMLElement;
  /** Offsets into the element's text content. */
  start: number;
  end: number;
}

/** Every sentence the reader would hear, in reading order; keys are `<element #>:<sentence #>`. */
export function readableSentences(dialog: HTMLElement): SpokenSentence[] {
  const sentences: SpokenSentence[] = [];
  dialog.querySelectorAll<HTMLElement>(READABLE).forEach((element, elementIndex) => {
    const text = element.textContent ?? '';
    splitSentences(text).forEach(({ start, end }, n) => {
      sentences.push({ element, start, end, text: text.slice(start, end), key: `${elementIndex}:${n}` });
    });
  });
  return sentences;
}

/** A Range over characters [start, end) of `element`'s text, across its text nodes (links, bold). */
export function sentenceRange(sentence: Pick<SpokenSentence, 'element' | 'start' | 'end'>): Range | undefined {
  const { element, start, end } = sentence;
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const range = element.ownerDocument.createRange();
  let offset = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.nodeValue?.length ?? 0;
    if (!started && start < offset + length) {
      range.setStart(node, start - offset);
      started = true;
    }
    if (started && end <= offset + length) {
      range.setEnd(node, end - offset);
      return range;
    }
    offset += length;
  }
  return undefined;
}

/** Whether this browser gives a content script the CSS Custom Highlight API. */
function highlightRegistry(): HighlightRegistry | undefined {
  try {
    return typeof Highlight === 'function' && typeof CSS !== 'undefined' && CSS.highlights ? CSS.highlights : undefined;
  } catch {
    return undefined;
  }
}

/** Marks `sentence` (or nothing) as the one being read; returns the range shown, if any. */
export function showSpeaking(dialog: HTMLElement, sentence: SpokenSentence | undefined): Range | undefined {
  for (const marked of dialog.querySelectorAll('[data-speaking]')) {
    if (marked !== sentence?.element) marked.removeAttribute('data-speaking');
  }
  const registry = highlightRegistry();
  if (!sentence) {
    registry?.delete(HIGHLIGHT_NAME);
    return undefined;
  }
  sentence.element.setAttribute('data-speaking', '');
  const range = sentenceRange(sentence);
  if (registry && range) {
    try {
      registry.set(HIGHLIGHT_NAME, new Highlight(range));
    } catch {
      // A registry that refuses this realm's objects: the element's marker still shows the sentence.
    }
  }
  return range;
}

/** The part of the dialog a reader sees: below the toolbar, above the bottom edge. */
function visibleBand(dialog: HTMLElement): { top: number; bottom: number } {
  const box = dialog.getBoundingClientRect();
  const toolbar = dialog.querySelector('.qd-toolbar')?.getBoundingClientRect();
  return { top: Math.max(box.top, toolbar?.bottom ?? box.top), bottom: box.bottom };
}

/** Scrolls the sentence into view only when it has left the screen (to a quarter from the top). */
export function keepInView(dialog: HTMLElement, range: Range | undefined): void {
  if (!range) return;
  const rect = range.getBoundingClientRect();
  if (rect.height === 0 && rect.width === 0) return;
  const band = visibleBand(dialog);
  if (rect.top >= band.top && rect.bottom <= band.bottom) return;
  dialog.scrollTop += rect.top - (band.top + (band.bottom - band.top) / 4);
}

/** The first sentence on screen: where reading starts (the headline when the top is in view). */
export function firstSentenceOnScreen(dialog: HTMLElement, sentences: readonly SpokenSentence[]): number {
  const band = visibleBand(dialog);
  const index = sentences.findIndex((sentence) => {
    const rect = sentenceRange(sentence)?.getBoundingClientRect();
    return rect !== undefined && rect.bottom > band.top && rect.height > 0;
  });
  return Math.max(0, index);
}

/** The sentence under a point (a click), if the point is on one. */
export function sentenceAt(sentences: readonly SpokenSentence[], target: Element, x: number, y: number): number {
  const element = target.closest<HTMLElement>(READABLE);
  if (!element) return -1;
  return sentences.findIndex((sentence) => {
    if (sentence.element !== element) return false;
    const rects = sentenceRange(sentence)?.getClientRects() ?? [];
    return Array.from(rects).some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
  });
}
