// The page's "更多相關內容 / 更多相关内容" (related content) section. Simorgh renders it after `<main>`,
// so the copy of the article region never holds it: it is read from the page itself (wherever it
// sits), as a region labelled by a heading that says "related content", whose story promos are
// headline links.

import type { RelatedStory } from '../article.ts';
import { normalizeWhitespace } from '../article.ts';
import { absoluteWebUrl, isBbcHost } from './links.ts';

/** 更多相關內容 / 更多相关内容 / 相關內容 / Related content (the heading Simorgh gives the section). */
const RELATED_LABEL = /^(?:更多)?(?:相關|相关)(?:內容|内容)$|^(?:More )?related content$/i;

/** Most story promos a related-content section shows (Simorgh slices six; a page may show more). */
const MAX_STORIES = 12;

export function relatedContentSection(source: Document, pageUrl: string): RelatedStory[] {
  for (const region of Array.from(source.querySelectorAll('[role="region"][aria-labelledby], section[aria-labelledby]'))) {
    const labelId = region.getAttribute('aria-labelledby') ?? '';
    const label = labelId ? source.getElementById(labelId) : null;
    if (!label || !region.contains(label) || !RELATED_LABEL.test(normalizeWhitespace(label.textContent ?? ''))) continue;
    return storiesIn(region, pageUrl);
  }
  return [];
}

/** Headline links of the section's promos (`h3 a`), else every link with text; BBC pages only. */
function storiesIn(region: Element, pageUrl: string): RelatedStory[] {
  const headlineLinks = Array.from(region.querySelectorAll('h3 a[href], h4 a[href]'));
  const links = headlineLinks.length > 0 ? headlineLinks : Array.from(region.querySelectorAll('a[href]'));
  const stories: RelatedStory[] = [];
  for (const link of links) {
    const title = normalizeWhitespace(link.textContent ?? '');
    const url = absoluteWebUrl(link.getAttribute('href') ?? '', pageUrl);
    if (!title || !url || !isBbcHost(new URL(url).hostname)) continue;
    stories.push({ title, url });
    if (stories.length === MAX_STORIES) break;
  }
  return stories;
}
