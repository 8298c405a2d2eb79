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

/** With the time of day: an update made the same day as publication says when in the day. */
const TIME_OF_DAY = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

/** `2023-09-10T05:42:14Z` → `2023年9月10日` (with `withTime`: `2023年9月10日 13:42`) in the reader's own
 * time zone (the same in both scripts). */
export function chineseDate(iso: string, timeZone?: string, withTime = false): string | undefined {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  const parts = new Intl.DateTimeFormat('en-US', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    ...(withTime ? TIME_OF_DAY : {}),
    ...(timeZone ? { timeZone } : {}),
  }).formatToParts(date);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  const day = `${part('year')}年${part('month')}月${part('day')}日`;
  return withTime ? `${day} ${part('hour')}:${part('minute')}` : day;
}

/**
 * A post's time: `2023-09-12T09:43:37Z` → `2023年9月12日 17:43` (`12 Sept 2023, 17:43` in English)
 * in the reader's own time zone; a date without a time (`2023-09-12`) stays a date.
 */
export function postTime(iso: string, english: boolean, timeZone?: string): string | undefined {
  const withTime = !/^\d{4}-\d{2}-\d{2}$/.test(iso);
  return english ? englishDate(iso, timeZone, withTime) : chineseDate(iso, timeZone, withTime);
}

/** `2023-09-10T05:42:14Z` → `10 Sept 2023` (with `withTime`: `10 Sept 2023, 13:42`) for the English UI. */
export function englishDate(iso: string, timeZone?: string, withTime = false): string | undefined {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  return new Intl.DateTimeFormat('en-GB', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    ...(withTime ? TIME_OF_DAY : {}),
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

/**
 * The "updated" line the header shows, if any: none without an update, or when it is the
 * publication itself (the same minute); with the time of day when it is the same calendar day as
 * the publication, where the date alone would only repeat it.
 */
export function updateToShow(
  published: string | undefined,
  updated: string | undefined,
  timeZone?: string,
): { iso: string; withTime: boolean } | undefined {
  if (!updated) return undefined;
  const update = new Date(updated).getTime();
  if (Number.isNaN(update)) return undefined;
  if (!published) return { iso: updated, withTime: false };
  const publication = new Date(published).getTime();
  if (Math.floor(update / 60_000) === Math.floor(publication / 60_000)) return undefined;
  return { iso: updated, withTime: chineseDate(updated, timeZone) === chineseDate(published, timeZone) };
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
