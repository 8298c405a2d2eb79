// The reader's tools in the toolbar: 朗讀 (read aloud, ReadAloud.tsx), 另存 (save the article as one HTML file), copy it as Markdown,
// and print it. Each works on the typed Article in the script shown (core/export), never on the
// overlay's HTML, and needs no permission: the file is a download the page's own origin offers
// (a blob: address and an `<a download>` inside the overlay), the copy is the clipboard's
// writeText under the click's user activation. Also renders the line printed at the article's end
// (the source address and the date), which only print styles show (reader/print.ts).
import type { JSX, RefObject } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Article } from '../../core/article.ts';
import type { Settings } from '../../core/settings.ts';
import type { ExportLabels, ExportOptions } from '../../core/export/common.ts';
import { fileNameFor, retrievedDate } from '../../core/export/common.ts';
import { articleToHtml } from '../../core/export/html.ts';
import { articleToMarkdown } from '../../core/export/markdown.ts';
import { safeHref } from '../../core/web-url.ts';
import { chineseDate, englishDate, type LabelLocale, type ReaderScript } from './format.ts';
import type { Labels } from './labels.ts';
import { IconButton } from './IconButton.tsx';
import { ReadAloud } from './ReadAloud.tsx';

/** How long a blob address stays valid after its download started (the browser reads it at once). */
const DOWNLOAD_URL_LIFETIME_MS = 60_000;

type CopyState = 'idle' | 'copied' | 'failed';

export function exportOptions(labels: Labels, locale: LabelLocale, lang: string, retrieved: Date): ExportOptions {
  const exportLabels: ExportLabels = {
    source: labels.reader_tools_source,
    retrieved: labels.reader_tools_retrieved,
    credit: labels.reader_credit,
    published: labels.reader_published,
    updated: labels.reader_updated,
    video: labels.reader_media_video,
    audio: labels.reader_media_audio,
    embed: labels.reader_media_embed,
  };
  return { labels: exportLabels, retrieved, lang, formatDate: locale === 'en' ? (iso) => englishDate(iso) : (iso) => chineseDate(iso) };
}

/** Offers `text` as a file named `name`, from inside the overlay (`anchorParent`), without leaving it. */
function download(anchorParent: HTMLElement, name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = anchorParent.ownerDocument.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  anchorParent.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), DOWNLOAD_URL_LIFETIME_MS);
}

export function ReadingTools({
  article,
  script,
  lang,
  labels,
  locale,
  settings,
  dialog,
  onSettingsChange,
}: {
  /** The article in the script shown. */
  article: Article;
  script: ReaderScript;
  /** BCP 47 language of the text shown. */
  lang: string;
  labels: Labels;
  locale: LabelLocale;
  settings: Settings;
  /** The overlay's dialog, which read-aloud reads and highlights. */
  dialog: RefObject<HTMLDivElement | null>;
  onSettingsChange?: (patch: Partial<Settings>) => void;
}): JSX.Element {
  const root = useRef<HTMLSpanElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');
  // A new script or article: an earlier "copied" no longer describes what is shown.
  useEffect(() => setCopy('idle'), [article]);
  const options = (): ExportOptions => exportOptions(labels, locale, lang, new Date());
  const printedSource = useMemo(() => {
    const opened = exportOptions(labels, locale, lang, new Date());
    return { href: safeHref(article.url), date: retrievedDate(opened) };
  }, [article.url, labels, locale, lang]);

  const save = (): void => {
    if (!root.current) return;
    download(root.current, fileNameFor(article.title, 'html'), articleToHtml(article, options()), 'text/html;charset=utf-8');
  };
  const copyMarkdown = (): void => {
    const markdown = articleToMarkdown(article, options());
    const clipboard = globalThis.navigator?.clipboard;
    if (!clipboard) {
      setCopy('failed');
      return;
    }
    clipboard.writeText(markdown).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };

  return (
    <span class="qd-tools" ref={root}>
      <ReadAloud dialog={dialog} article={article} script={script} settings={settings} labels={labels} onSettingsChange={onSettingsChange} />
      <IconButton action="save-html" label={labels.reader_tools_save_html} onClick={save}>
        <path d="M8 2v8M4.5 6.5 8 10l3.5-3.5M2.5 11.5v2h11v-2" />
      </IconButton>
      <IconButton action="copy-markdown" label={labels.reader_tools_copy_markdown} onClick={copyMarkdown}>
        <rect x="5" y="5" width="8.5" height="8.5" rx="1.2" />
        <path d="M11 3V2.5H2.5V11H3" />
      </IconButton>
      <IconButton action="print" label={labels.reader_tools_print} title={`${labels.reader_tools_print} (Ctrl+P)`} onClick={() => window.print()}>
        <path d="M4.5 6V2h7v4M4.5 11.5h-2v-5.5h11v5.5h-2M4.5 9.5h7V14h-7z" />
      </IconButton>
      <span class="qd-tools-status" role="status">
        {copy === 'copied' ? labels.reader_tools_copied : copy === 'failed' ? labels.reader_tools_copy_failed : ''}
      </span>
      {/* Shown only in print, at the article's end (see reader/print.ts). */}
      <p class="qd-print-source" lang={labels.lang}>
        {labels.reader_tools_source}
        {printedSource.href ?? article.url} · {labels.reader_tools_retrieved}
        {printedSource.date}
      </p>
    </span>
  );
}
