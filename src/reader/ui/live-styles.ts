// Styles of the live reader (Live.tsx), added to the overlay's stylesheet. Built only from the
// reader's own custom properties (--qd-accent, --qd-card, --qd-muted…), so every theme and font
// setting applies to live pages as it does to articles.
export const LIVE_CSS = `
.qd-live-badge {
  display: inline-flex; align-items: center; gap: 0.45em;
  margin: 0 0 0.6em; padding: 0.15em 0.7em 0.15em 0.55em;
  border-radius: 999px; background: var(--qd-accent); color: var(--qd-bg);
  font-size: 0.7em; font-weight: 700; letter-spacing: 0.12em; line-height: 1.6;
}
.qd-live-dot { width: 0.55em; height: 0.55em; border-radius: 50%; background: currentColor; }
.qd-live-meta { display: block; }
.qd-live-meta p { margin: 0; }
.qd-live-newest time { font-variant-numeric: tabular-nums; color: var(--qd-text); font-weight: 600; }
.qd-live-reopen { font-style: normal; }
.qd-live-summary p { font-size: 1.05em; }
.qd-live-key-points {
  margin: 0 0 2em; padding: 0.9em 1.2em 0.3em;
  background: var(--qd-card); border-radius: 6px;
}
.qd-body .qd-live-key-points h2 { margin: 0 0 0.5em; font-size: 0.9em; letter-spacing: 0.06em; color: var(--qd-accent); }
.qd-body .qd-live-key-points ul { margin: 0 0 0.8em; padding-left: 1.2em; }
.qd-live-key-points li { margin: 0 0 0.4em; }
.qd-body .qd-live-posts { list-style: none; margin: 0; padding: 0; }
.qd-post { border-top: 2px solid var(--qd-accent); padding-top: 0.6em; margin: 0 0 2.2em; }
.qd-post-time {
  display: flex; flex-wrap: wrap; align-items: center; gap: 0.2em 0.8em;
  margin: 0 0 0.3em; font-size: 0.72em; color: var(--qd-muted); text-align: start;
  font-variant-numeric: tabular-nums;
}
.qd-post-breaking {
  padding: 0 0.5em; border-radius: 3px; background: var(--qd-accent); color: var(--qd-bg);
  font-weight: 700; letter-spacing: 0.06em;
}
.qd-body .qd-post h3 { margin: 0 0 0.6em; font-size: 1.1em; font-weight: 700; }
`;
