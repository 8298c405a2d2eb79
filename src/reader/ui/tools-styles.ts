// Styles of the reading tools in the toolbar (ReadingTools.tsx): icon buttons like the close
// button, a status that appears beside them, and the print-only source line (hidden on screen;
// reader/print.ts shows it in print). Added to READER_CSS, so the options preview has them too.

export const TOOLS_CSS = `
.qd-tools { display: inline-flex; align-items: center; gap: 4px; }
.qd-tools button { display: inline-grid; place-items: center; padding: 0 8px; min-width: 32px; }
.qd-tools svg { width: 16px; height: 16px; fill: none; stroke: currentColor; stroke-width: 1.6; stroke-linecap: round; stroke-linejoin: round; }
.qd-tools-status { font-size: 12px; color: var(--qd-muted); }
.qd-tools-status:empty { display: none; }
.qd-print-source { display: none; }
/* Phones: the script control and close fill the toolbar's line; the tools get a second line. */
@media (max-width: 36rem) {
  .qd-toolbar:has(.qd-tools) { flex-wrap: wrap; }
  .qd-tools { order: 1; flex: 1 0 100%; justify-content: flex-end; }
  .qd-tools-status { order: -1; margin-right: auto; }
}
`;
