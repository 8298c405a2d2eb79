// Printing with the reader open (the 列印/打印 button, or the browser's own Ctrl+P / ⌘P): the article
// alone, black on white — headline, byline, dates, text, photos with captions and credits, and the
// source address and date at the end (ReadingTools' print-only line) — no toolbar, no related
// stories, no page underneath, and no page break inside a caption or right after a heading.
//
// The page's DOM is not touched: the page is hidden by a constructed stylesheet adopted into
// `document.adoptedStyleSheets` (not part of the DOM), removed again when the reader closes; the
// overlay's print rules are adopted into the reader's own shadow root.

/** For the page: in print, only the reader's host element is shown. */
const PAGE_PRINT_CSS = `
@media print {
  body { display: none !important; }
}
`;

/**
 * For the overlay's shadow root. The host stops being a fixed, clipped layer (inner `!important`
 * rules beat the host rules of OVERLAY_HOST_CSS declared before them), the dialog stops scrolling,
 * the palette is black on white whatever the theme, and the toolbar's boxes are dissolved
 * (`display: contents`) so that its print-only source line can be ordered after the article.
 */
const READER_PRINT_CSS = `
@media print {
  :host {
    position: static !important;
    inset: auto !important;
    contain: none !important;
    overflow: visible !important;
    height: auto !important;
  }
  .qd-dialog, .qd-dialog[data-theme] {
    --qd-bg: #fff; --qd-text: #000; --qd-muted: #333; --qd-faint: #444; --qd-rule: #999;
    --qd-link: #000; --qd-card: #fff; --qd-accent: #000; --qd-photo-filter: none;
    color-scheme: light;
    position: static;
    overflow: visible;
    display: flex;
    flex-direction: column;
    background: #fff;
    color: #000;
  }
  .qd-toolbar, .qd-tools { display: contents; }
  .qd-toolbar > :not(.qd-tools), .qd-tools > :not(.qd-print-source),
  .qd-status, .qd-related, .qd-footer { display: none !important; }
  .qd-print-source {
    display: block;
    order: 1;
    width: 100%;
    max-width: calc(var(--qd-measure, 36em) + 48px);
    margin: 0 auto;
    padding: 1em 24px 0;
    border-top: 1px solid #999;
    font-size: 11pt;
    overflow-wrap: anywhere;
  }
  .qd-page { padding: 0 24px; }
  /* Everything is laid out for print: nothing is skipped as off screen. */
  .qd-body > *, .qd-dialog figcaption { content-visibility: visible; }
  .qd-header h1, .qd-body h2, .qd-body h3 { break-after: avoid; break-inside: avoid; }
  .qd-dialog figure, .qd-dialog figcaption, .qd-media { break-inside: avoid; }
  .qd-body p { orphans: 3; widows: 3; }
  .qd-dialog a { color: inherit; }
}
`;

function sheet(css: string): CSSStyleSheet {
  const made = new CSSStyleSheet();
  made.replaceSync(css);
  return made;
}

/**
 * Adopts the print rules into the page and into the reader's shadow root until `signal` aborts
 * (the reader closing); then the page's `adoptedStyleSheets` are exactly what they were (any the
 * page itself adopted meanwhile are kept).
 */
export function preparePrinting(shadow: ShadowRoot, signal: AbortSignal): void {
  const doc = shadow.ownerDocument;
  const page = sheet(PAGE_PRINT_CSS);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, page];
  shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet(READER_PRINT_CSS)];
  signal.addEventListener(
    'abort',
    () => {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((adopted) => adopted !== page);
    },
    { once: true },
  );
}
