// Links in BBC pages: web URLs made absolute against the page, BBC hosts, and the inline
// related-story lists (a list whose every item is one link to another BBC page).

import type { RelatedStory } from '../article.ts';
import { normalizeWhitespace } from '../article.ts';
import { tightenPunctuation } from './typography.ts';

/**
 * An absolute http(s) URL for `href` resolved against the page, or null for anything else. A blank
 * `href` is null too, not the page itself: an attribute the sanitizer emptied or the page left
 * blank (a script URL, a broken image) names nothing to link to or show.
 */
export function absoluteWebUrl(href: string, pageUrl: string): string | null {
  const trimmed = href.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed, pageUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A list whose every item is exactly one link to another BBC page is a related-stories list. */
export function relatedLinks(list: Element, pageUrl: string): RelatedStory[] | null {
  const items = Array.from(list.children);
  if (items.length === 0) return null;
  const stories: RelatedStory[] = [];
  for (const item of items) {
    if (item.localName !== 'li') return null;
    const links = item.querySelectorAll('a[href]');
    const link = links[0];
    if (links.length !== 1 || !link) return null;
    const title = normalizeWhitespace(link.textContent ?? '');
    if (!title || title !== normalizeWhitespace(item.textContent ?? '')) return null;
    const url = absoluteWebUrl(link.getAttribute('href') ?? '', pageUrl);
    if (!url || !isBbcHost(new URL(url).hostname)) return null;
    stories.push({ title, url });
  }
  return stories;
}

export function isBbcHost(hostname: string): boolean {
  return /(?:^|\.)bbc\.(?:com|co\.uk)$/.test(hostname);
}

/**
 * Each story once, at its first place (the same story is often linked twice on a page); the same page
 * with another query string or fragment is the same story. Titles get the body's punctuation spacing.
 */
export function dedupeRelated(stories: RelatedStory[]): RelatedStory[] {
  const seen = new Set<string>();
  return stories.flatMap((story) => {
    const key = story.url.replace(/[?#].*$/, '');
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ title: tightenPunctuation(story.title), url: story.url }];
  });
}
