// What both exports (self-contained HTML, Markdown) share: the words they print around the article,
// in the script and UI language shown, and the file name made from the headline. Pure: the caller
// (the reader's toolbar) supplies the labels and formats dates the way the overlay does.
import type { Article } from '../article.ts';

export interface ExportLabels {
  /** Before the address of the BBC page, e.g. 原文：. */
  source: string;
  /** Before the date the article was saved or copied, e.g. 保存日期：. */
  retrieved: string;
  /** Before a photo's credit, e.g. 图片来源：. */
  credit: string;
  published: string;
  updated: string;
  /** Names of media kinds, for the line that links a video or audio to its BBC page. */
  video: string;
  audio: string;
  embed: string;
}

export interface ExportOptions {
  labels: ExportLabels;
  /** When the copy was made (the retrieval date printed at the top). */
  retrieved: Date;
  /** An ISO date as the reader shows it (e.g. 2023年9月10日); undefined for an unreadable date. */
  formatDate: (iso: string) => string | undefined;
  /** BCP 47 language of the text (the script shown), for the HTML file's `lang`. */
  lang: string;
}

/** The dates line under the byline: 发布于 …  更新于 … (empty when the article has no readable date). */
export function dateParts(article: Article, options: ExportOptions): string[] {
  const parts: string[] = [];
  const published = article.published ? options.formatDate(article.published) : undefined;
  if (published) parts.push(`${options.labels.published} ${published}`);
  const updated = article.updated && article.updated !== article.published ? options.formatDate(article.updated) : undefined;
  if (updated) parts.push(`${options.labels.updated} ${updated}`);
  return parts;
}

/** The line at the top of a saved copy: where it came from and when it was taken. */
export function retrievedDate(options: ExportOptions): string {
  return options.formatDate(options.retrieved.toISOString()) ?? options.retrieved.toISOString().slice(0, 10);
}

/** Characters no file system takes in a name (Windows' set, which covers the others), and controls. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const UNSAFE_IN_FILE_NAME = /[\u0000-\u001f\u007f<>:"/\\|?*]+/g;
/** Names longer than this are cut (at a character, never inside a surrogate pair); ext4 allows 255 bytes. */
const MAX_NAME_CHARACTERS = 60;

/**
 * `一帶一路：十年後…` → `一帶一路：十年後….html`: the headline, made safe for every file system
 * (reserved characters become a space; a name that would be empty or only dots becomes `article`).
 */
export function fileNameFor(title: string, extension: 'html' | 'md'): string {
  const cleaned = title.replace(UNSAFE_IN_FILE_NAME, ' ').replace(/\s+/g, ' ').trim();
  const cut = [...cleaned].slice(0, MAX_NAME_CHARACTERS).join('').trim().replace(/^\.+|\.+$/g, '');
  return `${cut === '' ? 'article' : cut}.${extension}`;
}
