// The byline: who wrote the story, in what role, and from where. Simorgh renders it as a short list
// between the headline and the first paragraph: in 2020–23 pages `name`, `role`; in today's Optimo
// pages one `section[role=region]` per contributor whose list holds the author's photo, the name
// and role behind visually hidden labels ("Author, ", "Role, "), a social handle, and
// "Reporting from" + the location. Read by what each item says, never by class names.

import type { BylineEntry } from '../article.ts';
import { normalizeWhitespace } from '../article.ts';
import { bylineLocation, isBylineHandle, stripBylinePrefix } from './bbc-text.ts';

const MAX_ITEMS = 6;
const MAX_ITEM_LENGTH = 40;

/** The text of each `li` child of a list, whitespace collapsed (an author photo's item is ''). */
function itemTexts(list: Element): string[] | null {
  const items = Array.from(list.children);
  if (items.some((item) => item.localName !== 'li')) return null;
  return items.map((item) => normalizeWhitespace(item.textContent ?? ''));
}

/**
 * A byline list: up to six short items, at least one with text; items without text are allowed
 * only when they hold an image (the author's photo).
 */
export function isBylineList(list: Element): boolean {
  const texts = itemTexts(list);
  if (!texts || texts.length === 0 || texts.length > MAX_ITEMS) return false;
  if (!texts.some((text) => text.length > 0)) return false;
  return texts.every((text, index) =>
    text.length > 0 ? text.length <= MAX_ITEM_LENGTH : list.children[index]?.querySelector('img, picture') !== null,
  );
}

/** The entry of a byline list: the first item with text is the name, the next the role. */
export function bylineFrom(list: Element): BylineEntry | null {
  let name = '';
  let role = '';
  let location = '';
  for (const text of itemTexts(list) ?? []) {
    if (!text || isBylineHandle(text)) continue;
    const place = bylineLocation(text);
    if (place !== null) location = place;
    else if (!name) name = stripBylinePrefix(text);
    else role = role ? `${role} ${stripBylinePrefix(text)}` : stripBylinePrefix(text);
  }
  if (!name) return null;
  const entry: BylineEntry = { name };
  if (role) entry.role = role;
  if (location) entry.location = location;
  return entry;
}
