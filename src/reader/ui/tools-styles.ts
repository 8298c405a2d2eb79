// Styles of the reading tools in the toolbar (ReadingTools.tsx): icon buttons like the close
// button, a status that appears beside them, and the print-only source line (hidden on screen;
// reader/print.ts shows it in print). Added to READER_CSS, so the options preview has them too.

export const TOOLS_CSS = `
/* The toolbar's own button size (44 × 44, a finger's) and its 8-px spacing, here too. */
.qd-tools { display: inline-flex; align-items: center; gap: 8px; }
.qd-tools button { display: inline-grid; place-items: center; padding: 0 8px; }
.qd-tools svg { width: 16px; height: 16px; fill: none; stroke: currentColor; stroke-width: 1.6; stroke-linecap: round; stroke-linejoin: round; }
.qd-tools-status { font-size: 12px; color: var(--qd-muted); }
.qd-tools-status:empty { display: none; }
.qd-print-source { display: none; }
.qd-tools button[aria-pressed="true"] { background: var(--qd-pressed-bg); color: var(--qd-pressed-text); border-color: var(--qd-pressed-bg); }

/* Read aloud: a bar under the toolbar while reading, and the sentence being read. */
.qd-speech {
  position: absolute; top: 100%; left: 0; right: 0;
  display: flex; flex-wrap: wrap; align-items: center; justify-content: center; gap: 6px 8px;
  padding: 6px max(16px, calc((100% - 960px) / 2));
  background: var(--qd-toolbar);
  border-bottom: 1px solid var(--qd-rule);
  font-size: 13px;
}
.qd-speech-field { display: inline-flex; align-items: center; gap: 4px; color: var(--qd-muted); }
.qd-speech select { font: inherit; color: var(--qd-text); background: var(--qd-bg); border: 1px solid var(--qd-rule); border-radius: 6px; padding: 3px 4px; max-width: 16em; }
.qd-speech-note { color: var(--qd-muted); max-width: 60em; line-height: 1.5; }
.qd-dialog { --qd-speaking: rgba(255, 208, 80, 0.45); }
.qd-dialog[data-theme="dark"] { --qd-speaking: rgba(224, 141, 127, 0.35); }
@media (prefers-color-scheme: dark) { .qd-dialog[data-theme="system"] { --qd-speaking: rgba(224, 141, 127, 0.35); } }
.qd-dialog ::highlight(qingdu-speaking) { background-color: var(--qd-speaking); color: inherit; }
/* Where the Highlight API is missing, the element holding the sentence shows it instead. */
@supports not selector(::highlight(x)) {
  .qd-dialog [data-speaking] { background-color: var(--qd-speaking); border-radius: 3px; }
}
/* Phones: the script control and close fill the toolbar's line; the tools get a second line. */
@media (max-width: 36rem) {
  .qd-toolbar:has(.qd-tools) { flex-wrap: wrap; }
  .qd-tools { order: 1; flex: 1 0 100%; justify-content: flex-end; }
  .qd-tools-status { order: -1; margin-right: auto; }
}
`;
