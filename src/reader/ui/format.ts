// Small formatting helpers for the reader header: Chinese-form dates and the script each reader
// script maps to (BCP 47 `lang`, the message locale the labels come from).
import type { Article } from '../../core/article.ts';

/** The script the reader shows: the page as published, or one of the three conversions. */
export type ReaderScript = 'original' | 'simp' | 'tw' | 'hk';
export type LabelLocale = 'zh_CN' | 'zh_TW' | 'en';

export const SCRIPT_LANG: Record<Exclude<ReaderScript, 'original'>, string> = {
  simp: 'zh-Hans',
  tw: 'zh-Hant-TW',
  hk: 'zh-Hant-HK',
};

export function langFor(script: ReaderScript, article: Pick<Article, 'lang' | 'variant'> | undefined): string {
  if (script !== 'original') return SCRIPT_LANG[script];
  if (article?.lang) return article.lang;
  return article?.variant === 'trad' ? 'zh-Hant' : 'zh-Hans';
}

/** `2023-09-10T05:42:14Z` → `2023年9月10日` in the reader's own time zone (the same in both scripts). */
export function chineseDate(iso: string, timeZone?: string): string | undefined {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  const parts = new Intl.DateTimeFormat('en-US', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    ...(timeZone ? { timeZone } : {}),
  }).formatToParts(date);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}年${part('month')}月${part('day')}日`;
}

/**
 * A post's time: `2023-09-12T09:43:37Z` → `2023年9月12日 17:43` (`12 Sep 2023, 17:43` in English)
 * in the reader's own time zone; a date without a time (`2023-09-12`) stays a date.
 */
export function postTime(iso: string, english: boolean, timeZone?: string): string | undefined {
  const day = english ? englishDate(iso, timeZone) : chineseDate(iso, timeZone);
  if (!day || /^\d{4}-\d{2}-\d{2}$/.test(iso)) return day;
  const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) }).format(new Date(iso));
  return english ? `${day}, ${clock}` : `${day} ${clock}`;
}

/** `2023-09-10T05:42:14Z` → `Sep 10, 2023` for the English UI. */
export function englishDate(iso: string, timeZone?: string): string | undefined {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  return new Intl.DateTimeFormat('en-GB', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

/** Which script a BBC 中文 URL is in, for pages we could not extract (error state has only the URL). */
export function variantFromUrl(url: string): 'simp' | 'trad' | undefined {
  const path = (() => {
    try {
      return new URL(url).pathname;
    } catch {
      return '';
    }
  })();
  if (/\/(?:trad)(?:\/|$)/.test(path)) return 'trad';
  if (/\/(?:simp)(?:\/|$)/.test(path)) return 'simp';
  return undefined;
}
