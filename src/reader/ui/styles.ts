// The overlay's stylesheet, injected into its shadow root by the host (and by the options preview).
// `:host { all: initial }` cuts every inherited page style (`direction` and `unicode-bidi`, which
// `all` leaves alone, are set apart); nothing here can match outside the shadow root. In a tab the
// host also gets `OVERLAY_HOST_CSS`, which holds its place against the page's own rules.
// Lengths are px or em, never rem: rem follows the page's root font size (a page with
// `html { font-size: 40px }` would blow the toolbar up). Settings arrive as custom properties and
// data attributes on `.qd-dialog`, so a change restyles the open overlay at once without
// re-rendering the article.

import { fontStack, type FontScript } from './fonts.ts';

/** The three font custom properties for a script (their order is explained in fonts.ts). */
function fontVariables(script: FontScript): string {
  return `--qd-sans: ${fontStack('sans', script)}; --qd-serif: ${fontStack('serif', script)}; --qd-kai: ${fontStack('kai', script)};`;
}

/** The dark palette, for the dark theme and for the system theme when the system is dark. */
const DARK = `
  --qd-bg: #1c1d1f;
  --qd-text: #deddd8;
  --qd-muted: #a09e97;
  --qd-faint: #8e8c86;
  --qd-rule: #34363a;
  --qd-accent: #e08d7f;
  --qd-link: #8cc1e8;
  --qd-card: #26282b;
  --qd-toolbar: rgba(28, 29, 31, 0.97);
  --qd-pressed-bg: #deddd8;
  --qd-pressed-text: #1c1d1f;
  --qd-focus: #8cc1e8;
  --qd-photo-filter: brightness(0.88);
  color-scheme: dark;
`;

/**
 * The host element's place in a tab: a full-viewport layer above everything, whatever the page's
 * CSS says. Page rules that match the host (`qingdu-reader { position: static !important }`,
 * `* { display: none !important }`) beat the shadow root's normal `:host` rules, but for
 * `!important` declarations the cascade lets the inner (shadow) context win over the outer one,
 * even over the host's own `style` attribute (checked in Chromium and Firefox). Not part of
 * `READER_CSS`: the options preview places the same host in a box with its page's rules.
 */
export const OVERLAY_HOST_CSS = `
:host {
  all: initial !important;
  direction: ltr !important;
  unicode-bidi: isolate !important;
  display: block !important;
  position: fixed !important;
  inset: 0 !important;
  z-index: 2147483647 !important;
  contain: strict !important;
}
:host::before, :host::after { content: none !important; }
`;

export const READER_CSS = `
:host {
  all: initial;
  direction: ltr;
  unicode-bidi: isolate;
  display: block;
  position: fixed;
  inset: 0;
  z-index: 2147483647;
  contain: strict;
}

.qd-dialog {
  /* The host inherits from the page (page rules on the host element beat :host), so start afresh. */
  all: initial;
  display: block;
  ${fontVariables('hans')}
  --qd-body-font: var(--qd-sans);

  --qd-bg: #fbfaf6;
  --qd-text: #222220;
  --qd-muted: #6d6a63;
  --qd-faint: #747169;
  --qd-rule: #e7e2d8;
  --qd-accent: #9c2a22;
  --qd-link: #1f5f8b;
  --qd-card: #f2efe7;
  --qd-toolbar: rgba(251, 250, 246, 0.97);
  --qd-pressed-bg: #222220;
  --qd-pressed-text: #fbfaf6;
  --qd-focus: #1f6fb2;
  color-scheme: light;

  /* Fills the host: the host is fixed to the viewport in a tab; the options preview sizes it. The
     toolbar and the scrolling article are its two rows: focusing a toolbar control never scrolls
     the article (a toolbar inside the scroller made the browser "reveal" each focused button). */
  position: absolute;
  inset: 0;
  display: flex;
  flex-direction: column;
  overflow: hidden;
  background: var(--qd-bg);
  color: var(--qd-text);
  font-family: var(--qd-sans);
  font-size: 16px;
  line-height: 1.5;
  -webkit-font-smoothing: antialiased;
  text-rendering: optimizeLegibility;
  font-kerning: normal;
  outline: none;
}
.qd-scroll {
  flex: 1 1 auto;
  min-height: 0;
  overflow-y: auto;
  overflow-x: hidden;
  overscroll-behavior: contain;
  outline: none;
  scroll-padding-top: 16px;
  /* Phones with a notch or a home indicator: the article keeps clear of them (viewport-fit=cover). */
  padding: 0 env(safe-area-inset-right, 0px) env(safe-area-inset-bottom, 0px) env(safe-area-inset-left, 0px);
}
.qd-dialog:lang(zh-Hant) { ${fontVariables('hant')} }
.qd-dialog:lang(zh-Hant-HK) { ${fontVariables('hk')} }
.qd-dialog[data-font="serif"] { --qd-body-font: var(--qd-serif); }
.qd-dialog[data-font="kai"] { --qd-body-font: var(--qd-kai); }

.qd-dialog[data-theme="sepia"] {
  --qd-bg: #f5ecd9;
  --qd-text: #3a2e1f;
  --qd-muted: #716149;
  --qd-faint: #766855;
  --qd-rule: #e2d4b6;
  --qd-accent: #8b3a1a;
  --qd-link: #6a4517;
  --qd-card: #ede1c6;
  --qd-toolbar: rgba(245, 236, 217, 0.97);
  --qd-pressed-bg: #3a2e1f;
  --qd-pressed-text: #f5ecd9;
  --qd-focus: #8b3a1a;
}
.qd-dialog[data-theme="dark"] {${DARK}}
.qd-dialog[data-theme="contrast"] {
  --qd-bg: #000000;
  --qd-text: #ffffff;
  --qd-muted: #e6e6e6;
  --qd-faint: #d9d9d9;
  --qd-rule: #ffffff;
  --qd-accent: #ffd60a;
  --qd-link: #8fd3ff;
  --qd-card: #141414;
  --qd-toolbar: #000000;
  --qd-pressed-bg: #ffd60a;
  --qd-pressed-text: #000000;
  --qd-focus: #ffd60a;
  color-scheme: dark;
}
.qd-dialog[data-theme="contrast"] a { text-decoration-thickness: 2px; }
@media (prefers-color-scheme: dark) {
  .qd-dialog[data-theme="system"] {${DARK}}
}

.qd-dialog *, .qd-dialog *::before, .qd-dialog *::after { box-sizing: border-box; }
.qd-dialog :focus-visible { outline: 2px solid var(--qd-focus); outline-offset: 2px; border-radius: 3px; }
.qd-dialog a { color: var(--qd-link); text-decoration: underline; text-decoration-thickness: 1px; text-underline-offset: 0.2em; }
.qd-dialog a:hover { text-decoration-thickness: 2px; }
.qd-visually-hidden {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}

/* Toolbar: one quiet line above the article. Every control is at least 44 × 44 px with 8 px between
   controls, a finger's size (WCAG 2.5.5), and the line fits a 320-px phone (see the phone rules). */
.qd-toolbar {
  flex: none;
  position: relative;
  z-index: 2;
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 8px;
  padding: max(6px, env(safe-area-inset-top, 0px)) max(16px, calc((100% - 960px) / 2), env(safe-area-inset-right, 0px)) 6px
    max(16px, calc((100% - 960px) / 2), env(safe-area-inset-left, 0px));
  background: var(--qd-toolbar);
  border-bottom: 1px solid var(--qd-rule);
  font-size: 14px;
}
.qd-brand { font-weight: 600; letter-spacing: 0.08em; color: var(--qd-accent); margin-right: 4px; }
.qd-spacer { flex: 1 1 auto; }
.qd-toolbar button {
  font: inherit;
  color: inherit;
  background: transparent;
  border: 1px solid var(--qd-rule);
  border-radius: 999px;
  padding: 0 12px;
  cursor: pointer;
  line-height: 1.2;
  min-width: 44px;
  min-height: 44px;
}
.qd-toolbar button:hover { border-color: var(--qd-muted); }
.qd-scripts { display: inline-flex; gap: 8px; }
.qd-scripts button[aria-pressed="true"] { background: var(--qd-pressed-bg); color: var(--qd-pressed-text); border-color: var(--qd-pressed-bg); }
.qd-scripts button[aria-busy="true"] { opacity: 0.7; cursor: progress; }
.qd-size { display: inline-flex; gap: 8px; }
.qd-size button[data-action="smaller"] { font-size: 12px; }
.qd-toolbar button[aria-expanded="true"] { background: var(--qd-card); border-color: var(--qd-muted); }
.qd-close { font-size: 22px !important; line-height: 1 !important; padding: 0 !important; }
.qd-aa { font-family: var(--qd-serif); font-size: 17px; letter-spacing: 0.02em; }

/* The Aa panel: drops from the toolbar over the article, on phones across the whole width. */
.qd-panel {
  position: absolute;
  top: calc(100% + 1px);
  right: max(8px, calc((100% - 960px) / 2));
  width: min(380px, calc(100% - 16px));
  max-height: 75vh;
  overflow-y: auto;
  overscroll-behavior: contain;
  padding: 14px 16px 4px;
  background: var(--qd-bg);
  color: var(--qd-text);
  border: 1px solid var(--qd-rule);
  border-radius: 12px;
  box-shadow: 0 10px 30px rgba(0, 0, 0, 0.2);
  font-size: 14px;
  line-height: 1.4;
  text-align: start;
}
.qd-field { border: 0; margin: 0 0 14px; padding: 0; min-width: 0; }
.qd-field legend, .qd-range label { display: block; padding: 0; margin: 0 0 6px; font-weight: 600; color: var(--qd-muted); }
.qd-choices { display: flex; flex-wrap: wrap; gap: 8px; }
.qd-chip {
  position: relative;
  display: inline-flex;
  align-items: center;
  min-width: 44px;
  min-height: 44px;
  padding: 0 14px;
  border: 1px solid var(--qd-rule);
  border-radius: 999px;
  cursor: pointer;
}
.qd-chip input { position: absolute; inset: 0; width: 100%; height: 100%; margin: 0; opacity: 0; cursor: inherit; }
.qd-chip:has(input:checked) { background: var(--qd-pressed-bg); color: var(--qd-pressed-text); border-color: var(--qd-pressed-bg); }
.qd-chip:has(input:focus-visible) { outline: 2px solid var(--qd-focus); outline-offset: 2px; }
.qd-chip[data-disabled] { opacity: 0.6; cursor: not-allowed; }
.qd-chip-note { font-size: 0.85em; }
.qd-panel-note { margin: -6px 0 14px; color: var(--qd-muted); font-size: 13px; }
.qd-range { display: grid; grid-template-columns: 1fr auto; align-items: center; column-gap: 12px; }
.qd-range label { grid-column: 1 / -1; }
.qd-range input { width: 100%; min-height: 44px; margin: 0; accent-color: var(--qd-accent); }
.qd-range output { min-width: 5.5em; text-align: end; font-variant-numeric: tabular-nums; }
.qd-check { display: flex; align-items: center; gap: 12px; min-height: 44px; cursor: pointer; }
.qd-check input { flex: none; width: 22px; height: 22px; margin: 0; accent-color: var(--qd-accent); }

.qd-status { margin: 0; min-height: 0; text-align: center; font-size: 13px; color: var(--qd-muted); }
.qd-status:not(:empty) { padding: 8px 16px 0; }

/* The page: one column, measure set in em of the body text so it holds ~N characters a line. */
.qd-page {
  width: 100%;
  max-width: calc(var(--qd-measure, 36em) + 48px);
  margin: 0 auto;
  padding: 44px 24px 64px;
  font-size: var(--qd-font-size, 20px);
}
.qd-header { margin-bottom: 2em; }
.qd-header h1 {
  font-family: var(--qd-body-font);
  font-size: 1.6em;
  line-height: 1.4;
  font-weight: 700;
  letter-spacing: 0.01em;
  margin: 0 0 0.8em;
  text-wrap: pretty;
  color: var(--qd-text);
}
.qd-dialog[data-font="sans"] .qd-header h1 { font-weight: 700; }
.qd-byline { list-style: none; margin: 0 0 0.5em; padding: 0; font-size: 0.8em; line-height: 1.6; }
.qd-byline li { display: inline; }
.qd-byline li + li::before { content: "、"; }
.qd-byline-name { font-weight: 600; }
.qd-byline-role, .qd-byline-location { color: var(--qd-muted); margin-left: 0.6em; }
.qd-meta {
  display: flex; flex-wrap: wrap; gap: 0.25em 1.2em;
  margin: 0; padding-bottom: 1.4em;
  border-bottom: 1px solid var(--qd-rule);
  font-size: 0.72em; color: var(--qd-muted); line-height: 1.6;
}
.qd-date time { margin-left: 0.35em; font-variant-numeric: tabular-nums; }

.qd-body {
  font-family: var(--qd-body-font);
  line-height: var(--qd-line-height, 1.8);
  text-align: justify;
  text-justify: inter-character;
  line-break: strict;
  overflow-wrap: break-word;
  hanging-punctuation: allow-end;
  text-spacing-trim: space-first;
}
.qd-body p { margin: 0 0 1.1em; }
.qd-dialog[data-align="start"] .qd-body { text-align: start; }
/* 段首缩进: the first line of each paragraph two characters in, as Chinese books set it. */
.qd-dialog[data-indent="true"] .qd-body > p { text-indent: 2em; }
/* A headline, subheading or caption that opens with 「 or （ starts flush with the column, as the
   body's wrapped lines do: the blank half of the bracket's square is trimmed. */
.qd-header h1, .qd-body h2, .qd-body h3, .qd-dialog figcaption, .qd-related li { text-spacing-trim: trim-start; }
/* Text off screen is not laid out or painted (its last size is kept), so opening a long article
   and switching script cost only what is on screen: the body's text blocks, the figures' captions,
   the related stories and the footer (a figure itself is left alone: containment would stop its
   margins collapsing with its neighbours'). Containment also clips what is painted outside the
   box: without the clip margin, a focused link at the start of a line would lose the left, top
   and bottom of its focus ring. */
.qd-body > p, .qd-body > h2, .qd-body > h3, .qd-body > ul, .qd-body > ol, .qd-body > blockquote,
.qd-dialog figcaption, .qd-related li, .qd-footer {
  content-visibility: auto;
  contain-intrinsic-block-size: auto 5em;
  overflow-clip-margin: 8px;
}
/* While End is on its way (scrolling.ts), everything is laid out once, so every size is known. */
.qd-scroll.qd-whole .qd-body > *, .qd-scroll.qd-whole figcaption, .qd-scroll.qd-whole .qd-related li,
.qd-scroll.qd-whole .qd-footer { content-visibility: visible; }
/* The size assumed before each is first laid out: about what one of them usually is. */
.qd-dialog figcaption { contain-intrinsic-block-size: auto 3em; }
.qd-related li { contain-intrinsic-block-size: auto 1.6em; }
.qd-footer { contain-intrinsic-block-size: auto 8em; }
.qd-body h2, .qd-body h3 {
  font-family: var(--qd-body-font);
  line-height: 1.5;
  margin: 2em 0 0.8em;
  text-align: start;
}
.qd-body h2 { font-size: 1.15em; font-weight: 700; }
.qd-body h3 { font-size: 1.05em; font-weight: 700; }
.qd-body ul, .qd-body ol { margin: 0 0 1.1em; padding-left: 1.6em; }
.qd-body li { margin: 0.3em 0; }
.qd-body blockquote {
  margin: 1.6em 0; padding: 0.1em 0 0.1em 1.1em;
  border-left: 3px solid var(--qd-accent);
  color: var(--qd-muted);
}

/* Photos: as wide as the column, caption under, credit small and quiet. */
.qd-figure, .qd-figure--text { margin: 1.8em 0 2em; }
.qd-body > .qd-block:first-child > * { margin-top: 0; }
.qd-figure img {
  display: block;
  width: 100%;
  height: auto;
  border-radius: 3px;
  background: var(--qd-card);
  filter: var(--qd-photo-filter, none);
}
.qd-dialog figcaption {
  margin-top: 0.7em;
  font-family: var(--qd-sans);
  font-size: 0.72em;
  line-height: 1.65;
  text-align: start;
  color: var(--qd-muted);
}
.qd-figure--text figcaption {
  margin: 0;
  padding: 0.5em 0 0.5em 0.9em;
  border-left: 2px solid var(--qd-rule);
}
.qd-caption { color: var(--qd-text); opacity: 0.82; }
.qd-credit { display: block; margin-top: 0.2em; font-size: 0.85em; color: var(--qd-faint); letter-spacing: 0.02em; }

/* Videos and audio: a captioned card that opens the BBC page. */
.qd-media { margin: 1.8em 0 2em; }
.qd-media a {
  display: flex; gap: 0.9em; align-items: center;
  padding: 0.9em 1em;
  border-radius: 6px;
  background: var(--qd-card);
  border: 1px solid var(--qd-rule);
  color: var(--qd-text);
  text-decoration: none;
}
.qd-media a:hover { border-color: var(--qd-muted); }
.qd-media-icon {
  flex: none;
  display: grid; place-items: center;
  width: 2.6em; height: 2.6em; border-radius: 50%;
  background: var(--qd-accent); color: var(--qd-bg);
  font-size: 0.8em; padding-left: 0.15em;
}
.qd-media-text { display: flex; flex-direction: column; gap: 0.15em; font-family: var(--qd-sans); text-align: start; }
.qd-media-kind { font-size: 0.65em; letter-spacing: 0.1em; color: var(--qd-accent); font-weight: 600; }
.qd-media-caption { font-size: 0.85em; line-height: 1.5; }
.qd-media-hint { font-size: 0.65em; color: var(--qd-muted); }

/* Related stories and the way back to the original. */
.qd-related { margin-top: 3em; padding-top: 1.4em; border-top: 1px solid var(--qd-rule); font-size: 0.85em; }
.qd-related h2 { font-size: 0.85em; letter-spacing: 0.1em; color: var(--qd-muted); font-weight: 600; margin: 0 0 0.8em; }
.qd-related ul { list-style: none; margin: 0; padding: 0; }
.qd-related li { margin: 0 0 0.7em; line-height: 1.55; }
.qd-related a { color: var(--qd-text); text-decoration-color: var(--qd-rule); }
.qd-footer { margin-top: 3em; padding-top: 1.4em; border-top: 1px solid var(--qd-rule); font-size: 0.75em; color: var(--qd-muted); }
.qd-original { font-weight: 600; }
.qd-keys { margin: 1em 0 0; font-size: 0.9em; color: var(--qd-faint); }
.qd-top {
  margin: 1.2em 0 0;
  min-width: 44px;
  min-height: 44px;
  padding: 0 16px;
  font: inherit;
  color: var(--qd-text);
  background: transparent;
  border: 1px solid var(--qd-rule);
  border-radius: 999px;
  cursor: pointer;
}

/* Loading and error states. */
.qd-loading p { color: var(--qd-muted); font-size: 0.9em; }
.qd-error h1 { font-size: 1.3em; line-height: 1.4; margin: 0 0 0.8em; }
.qd-error-message { font-size: 1em; line-height: 1.8; margin: 0 0 1em; }
.qd-error-detail { font-size: 0.7em; color: var(--qd-faint); margin: 0 0 1.5em; }

/* Phones: one toolbar line down to 320 px — the scripts by their short names (台灣, 香港; the full
   name stays the accessible one), the Aa panel (which holds the text size) and close. */
@media (max-width: 36rem) {
  .qd-toolbar {
    flex-wrap: nowrap;
    padding-left: max(6px, env(safe-area-inset-left, 0px));
    padding-right: max(6px, env(safe-area-inset-right, 0px));
  }
  .qd-brand, .qd-size, .qd-script-long, .qd-spacer { display: none; }
  .qd-toolbar button[data-action="settings"] { margin-left: auto; }
  .qd-panel { left: 6px; right: 6px; width: auto; }
  .qd-scripts button { padding: 0 6px; }
  .qd-page { padding: 28px 17.6px 48px; }
  .qd-header h1 { font-size: 1.4em; }
}
/* A touch screen has no keys to list. */
@media (hover: none) and (pointer: coarse) {
  .qd-keys { display: none; }
}
@media (prefers-reduced-motion: no-preference) {
  .qd-toolbar button { transition: background-color 0.15s, color 0.15s, border-color 0.15s; }
}
`;
