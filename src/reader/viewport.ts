// The page's viewport while the reader is open. A page may declare a desktop layout width
// (`<meta name=viewport content="width=996">` on the 2012 archive): on a phone the overlay would then
// be laid out 996 px wide and its 20-px text shown at a third of that. While the reader is open the
// viewport is the device's width; on close the page's own declaration is put back exactly — the
// same element with the same attribute value, or no element when the page had none.
//
// Browsers use the last `meta[name=viewport]` in the document; that one is the one changed. This and
// the scroll lock (host.ts) are the only changes the reader makes to the page's own elements.

/**
 * What the reader asks for: the device's width, unscaled, drawn under notches (the CSS keeps to the
 * safe area with `env(safe-area-inset-*)`). `minimum-scale=1`: without it a mobile browser widens
 * the layout viewport to the page's own content under the overlay (1,103 px on the 2022 page, which
 * declares no viewport), and the overlay, fixed to that viewport, with it. Zooming in stays allowed.
 */
export const READER_VIEWPORT = 'width=device-width, initial-scale=1, minimum-scale=1, viewport-fit=cover';

export interface ViewportLease {
  /** Puts the page's viewport back as it was. Safe to call twice. */
  restore(): void;
}

function lastViewportMeta(doc: Document): HTMLMetaElement | undefined {
  const metas = doc.querySelectorAll<HTMLMetaElement>('meta[name="viewport" i]');
  return metas[metas.length - 1];
}

/**
 * Sets the reader's viewport in `doc` and returns how to undo it. The page's element keeps its
 * place and its other attributes: only `content` changes and comes back (or is removed again when
 * the page's element had none); a page without one gets one at the end of `<head>`, removed on
 * restore.
 */
export function takeDeviceWidthViewport(doc: Document = document): ViewportLease {
  const existing = lastViewportMeta(doc);
  let restore: () => void;
  if (existing) {
    const content = existing.getAttribute('content');
    existing.setAttribute('content', READER_VIEWPORT);
    restore = () => {
      if (content === null) existing.removeAttribute('content');
      else existing.setAttribute('content', content);
    };
  } else {
    const added = doc.createElement('meta');
    added.setAttribute('name', 'viewport');
    added.setAttribute('content', READER_VIEWPORT);
    (doc.head ?? doc.documentElement).append(added);
    restore = () => added.remove();
  }
  let restored = false;
  return {
    restore() {
      if (restored) return;
      restored = true;
      restore();
    },
  };
}
