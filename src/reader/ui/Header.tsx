// The article header: headline, byline with roles and locations, published/updated dates, reading time.
import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import type { Article } from '../../core/article.ts';
import { chineseDate, englishDate, updateToShow, type LabelLocale } from './format.ts';
import { fill, type Labels } from './labels.ts';

function DateLine({ iso, label, locale, withTime = false }: { iso: string; label: string; locale: LabelLocale; withTime?: boolean }): JSX.Element | null {
  // Formatted once per overlay, not on every script switch: a date reads the same in both scripts,
  // and making an Intl.DateTimeFormat was the largest piece of script work in a later switch.
  const english = locale === 'en';
  const shown = useMemo(() => (english ? englishDate(iso, undefined, withTime) : chineseDate(iso, undefined, withTime)), [iso, english, withTime]);
  if (!shown) return null;
  return (
    <span class="qd-date">
      {label}
      <time dateTime={iso}>{shown}</time>
    </span>
  );
}

export function ArticleHeader({
  article,
  labels,
  locale,
  titleId,
}: {
  article: Article;
  labels: Labels;
  locale: LabelLocale;
  titleId: string;
}): JSX.Element {
  const updated = useMemo(() => updateToShow(article.published, article.updated), [article.published, article.updated]);
  return (
    <header class="qd-header">
      <h1 id={titleId}>{article.title}</h1>
      {article.byline.length > 0 && (
        <ul class="qd-byline" aria-label={labels.reader_byline}>
          {article.byline.map((person, i) => (
            <li key={i}>
              <span class="qd-byline-name">{person.name}</span>
              {person.role && <span class="qd-byline-role">{person.role}</span>}
              {person.location && <span class="qd-byline-location">{person.location}</span>}
            </li>
          ))}
        </ul>
      )}
      <p class="qd-meta" lang={labels.lang}>
        {article.published && <DateLine iso={article.published} label={labels.reader_published} locale={locale} />}
        {updated && <DateLine iso={updated.iso} label={labels.reader_updated} locale={locale} withTime={updated.withTime} />}
        {article.readingMinutes > 0 && (
          <span class="qd-reading-time">{fill(labels.reader_reading_time, article.readingMinutes)}</span>
        )}
      </p>
    </header>
  );
}
