// The Firefox bench's eyes in Reader View: the child half of a JSWindowActor that firefox-rows.ts
// registers for about:reader documents (through Marionette, in Firefox's own window). Built by
// bundle.ts as an ES module; Firefox loads it in the content process of each about:reader page.
// Reader View renders its article and then dispatches `AboutReaderContentReady` on the document;
// the frame after that is the one that paints it, timed as the paint probe times ours (probe.ts):
// a requestAnimationFrame callback, then a task queued from it, after that frame's rendering.

import { clockDrift } from './clock.ts';

/** What the child sends its parent for each about:reader page painted (times on the page's clock, ms). */
export interface ReaderPainted {
  url: string;
  timeOrigin: number;
  /** `Date.now()` − (timeOrigin + performance.now()) in that page, as `clockDrift` measures it. */
  drift: number;
  /** DOMContentLoaded of the about:reader document: the navigation to Reader View is done. */
  loadedAt: number;
  /** The article is in the DOM (`AboutReaderContentReady`). */
  readyAt: number;
  paintedAt: number;
  /** Characters of text in the rendered article: 0 means Reader View showed no article. */
  textLength: number;
}

/** Firefox's JSWindowActorChild, a global of privileged module scopes in content processes. */
declare class JSWindowActorChild {
  readonly contentWindow: Window;
  readonly document: Document;
  sendAsyncMessage(name: string, data: unknown): void;
}

export class QingduBenchReaderChild extends JSWindowActorChild {
  private loadedAt = Number.NaN;

  handleEvent(event: Event): void {
    const win = this.contentWindow;
    if (event.type === 'DOMContentLoaded') {
      this.loadedAt = win.performance.now();
      return;
    }
    if (event.type !== 'AboutReaderContentReady') return;
    const readyAt = win.performance.now();
    win.requestAnimationFrame(() => {
      win.setTimeout(() => {
        const paintedAt = win.performance.now();
        const painted: ReaderPainted = {
          url: this.document.URL,
          timeOrigin: win.performance.timeOrigin,
          drift: clockDrift(24, win as unknown as Window & typeof globalThis),
          loadedAt: this.loadedAt,
          readyAt,
          paintedAt,
          textLength: this.document.querySelector('.moz-reader-content')?.textContent?.length ?? 0,
        };
        this.sendAsyncMessage('painted', painted);
      }, 0);
    });
  }
}
