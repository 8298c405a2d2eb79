// BBC-specific preparation. Works on a copy of the article region only (the page's `main`, or on
// pages without one the headline's nearest ancestor that holds the story), in a fresh inert
// document, so the live page is never touched. When the region was located by stable markers
// (`main`, Simorgh's `h1#content`) the prepared copy is the article and goes straight to the
// sanitizer; otherwise Readability picks the article out of it. One tree walk visits every
// element of the copy; each is handled by what it is, never by its (hashed) class name:
//   - the headline, the byline list(s), the datelines and the read time are read and taken out (they
//     become metadata);
//   - photos become canonical `<figure data-qingdu-kind="image">` with the real `<img>` (from
//     `<noscript>` text for lazy ones), the caption as `<figcaption>` and the credit as an
//     attribute, screen-reader prefixes removed; videos become `<figure data-qingdu-kind="video">`
//     with their caption and a link to play them, their "cannot play" fallback dropped; an
//     embedded post (Simorgh's `data-e2e="<provider>-embed-<post URL>"`, or a figure linking out)
//     becomes `<figure data-qingdu-kind="embed">` linking to the post, its consent banner and skip
//     links dropped; decorative images (spacers, lines, banners; extract/decorative.ts) go;
//   - inline related-story link lists and links blocks are collected for `related` and removed, as
//     is the related-content section after `main` (read from the page, extract/related-section.ts);
//   - promo regions (link-dense, or one link beside a picture: a podcast promo) are removed;
//   - hidden elements, ad slots, navigation, asides, forms, buttons, leftover `<noscript>` and
//     iframes are removed;
//   - every `class` attribute is dropped, so Readability's class-name heuristics cannot change the
//     result when the BBC ships new hashed names (and without Readability, every attribute the
//     sanitizer would drop goes too); one-child wrapper divs are unwrapped.

import type { BylineEntry, RelatedStory } from '../article.ts';
import { normalizeWhitespace } from '../article.ts';
import { ALLOWED_ATTRIBUTES, MARKER_ATTRIBUTES } from '../sanitize.ts';
import {
  isPlaybackFallback,
  isScreenReaderPrefix,
  readTimeMinutes,
  startsWithCreditPrefix,
  stripCaptionPrefix,
  stripCreditPrefix,
} from './bbc-text.ts';
import { bylineFrom, isBylineList } from './byline.ts';
import { isDecorativeImage } from './decorative.ts';
import { absoluteWebUrl, isBbcHost, relatedLinks } from './links.ts';
import { relatedContentSection } from './related-section.ts';
import type { Steps } from './steps.ts';

export interface PreparedArticle {
  /** The inert working document (Readability parses it when the region was not located). */
  document: Document;
  /** The prepared copy of the article region: a `div` in `document`'s body. */
  body: HTMLDivElement;
  /**
   * Whether the region was found by the page's stable markers (`main`, or the headline's nearest
   * ancestor that holds the story), so `body` is the story and needs no scoring; false when the
   * whole page body had to be taken.
   */
  located: boolean;
  headline?: string;
  byline: BylineEntry[];
  /** `datetime` values of the article's `<time>` elements, in page order. */
  times: string[];
  /** The page's own read time in minutes, when it shows one. */
  readMinutes?: number;
  /** Related stories inside the region (lists, links blocks), in page order. */
  related: RelatedStory[];
  /** The related-content section after the region, in page order. */
  relatedAfter: RelatedStory[];
}

// DOM constants by value: Node is not a global in Node.js, and this module runs there too.
const ELEMENT_NODE = 1;
const SHOW_ELEMENT = 1;

const REMOVED_TAGS = new Set([
  'noscript', 'iframe', 'script', 'style', 'template', 'aside', 'nav', 'header', 'footer',
  'form', 'button', 'input', 'select', 'textarea', 'svg',
  // The reader's own host element, should extraction run while the overlay is open.
  'qingdu-reader',
]);
const RUNNING_TEXT = 'p, li, blockquote, figcaption, h2, h3, h4';
/** Attributes a wrapper div may have and still be unwrapped (anything else may mean something). */
const WRAPPER_ATTRIBUTES = new Set(['dir', 'lang']);
const REMOVED_ROLES = new Set(['navigation', 'complementary', 'banner', 'contentinfo', 'search', 'menu', 'menubar']);

/** Elements handled between two steps of `prepareArticleSteps` (a few milliseconds of work). */
const ELEMENTS_PER_STEP = 256;

/**
 * The preparation, as steps (extract/steps.ts). The page is read only before the first step ends
 * (the region is copied at once); the rest works on the copy, so the page may change between steps.
 */
export function* prepareArticleSteps(source: Document, pageUrl: string, title: string): Steps<PreparedArticle> {
  const main = source.querySelector('main[role="main"]') ?? source.querySelector('main');
  const headline = source.querySelector('h1');
  const region = main ?? regionAroundHeadline(headline, source);
  // Simorgh's headline is `h1#content` (the skip link's target); around it, without `main` (a
  // saved or archived body), the region is the story too. Elsewhere (the 2012 archive, a page
  // whose markup changed) the region may still hold page furniture, and Readability must judge.
  const located = main !== null || (headline?.id === 'content' && region !== source.body);
  const work = source.implementation.createHTMLDocument(title);
  const lang = source.documentElement.getAttribute('lang');
  if (lang) work.documentElement.setAttribute('lang', lang);
  const base = work.createElement('base');
  base.setAttribute('href', pageUrl);
  work.head.append(base);

  // The region's content goes into a plain div: an allowed root for the in-place sanitizer, and
  // (as `main` or `body` never is) something Readability may keep whole.
  const copy = work.createElement('div');
  if (region) for (const child of Array.from(region.childNodes)) copy.append(work.importNode(child, true));
  work.body.append(copy);
  const relatedAfter = main ? relatedContentSection(source, pageUrl) : [];

  const prepared: PreparedArticle = { document: work, body: copy, located, byline: [], times: [], related: [], relatedAfter };
  let headlineElement: Element | null = null;
  // The byline sits between the headline and the story's first paragraph (photo credits inside
  // figures do not count); the walk is in document order, so a flag says which side we are on.
  let storyStarted = false;

  let handled = 0;
  for (const element of elementsOf(copy)) {
    if (++handled % ELEMENTS_PER_STEP === 0) yield;
    element.removeAttribute('class');
    if (!element.isConnected) continue;
    if (isHidden(element)) {
      element.remove();
      continue;
    }
    const tag = element.localName;

    if (tag === 'div' && isBareWrapper(element)) {
      // Simorgh wraps every paragraph and figure in its own div. Unwrapping them here (as
      // Readability would later) leaves Readability and DOMPurify a flatter, smaller tree.
      element.replaceWith(element.firstElementChild as Element);
    } else if (tag === 'p' && !element.closest('figure')) {
      const minutes = storyStarted ? null : readTimeMinutes(normalizeWhitespace(element.textContent ?? ''));
      if (minutes !== null) {
        prepared.readMinutes = minutes;
        element.remove();
        continue;
      }
      storyStarted = true;
    } else if (tag === 'div' && embedSource(element)) {
      replaceEmbedWrapper(element, work, pageUrl, !located);
    } else if (tag === 'h1' && !headlineElement) {
      headlineElement = element;
      prepared.headline = normalizeWhitespace(element.textContent ?? '');
      element.remove();
    } else if (tag === 'time' && !element.closest(RUNNING_TEXT)) {
      // A dateline (not a date inside a sentence, whose words must stay).
      const datetime = element.getAttribute('datetime');
      if (datetime) prepared.times.push(datetime.trim());
      element.remove();
    } else if (tag === 'math') {
      keepHtmlContentOnly(element);
    } else if (tag === 'figure') {
      replaceFigure(element, work, pageUrl, !located);
    } else if (tag === 'img') {
      if (isDecorativeImage(element)) element.remove();
      else if (!element.closest('figure')) figureFromCaptionedImage(element as HTMLImageElement, work, pageUrl);
    } else if (tag === 'ul' || tag === 'ol') {
      // One byline list per contributor; after the first, a list of story links is not another.
      const bylineCandidate = headlineElement && !storyStarted && isBylineList(element) &&
        (prepared.byline.length === 0 || !relatedLinks(element, pageUrl));
      const entry = bylineCandidate ? bylineFrom(element) : null;
      if (entry) {
        prepared.byline.push(entry);
        element.remove();
      } else if (main) {
        const links = relatedLinks(element, pageUrl);
        if (links) {
          prepared.related.push(...links);
          element.remove();
        }
      }
    } else if (
      REMOVED_TAGS.has(tag) ||
      isAdSlot(element) ||
      REMOVED_ROLES.has(element.getAttribute('role') ?? '')
    ) {
      element.remove();
    } else if ((tag === 'section' || element.getAttribute('role') === 'region') && isPromoSection(element)) {
      // A links block is a promo section whose links are related stories: kept for `related`.
      if (main) prepared.related.push(...linksBlockStories(element, pageUrl));
      element.remove();
    } else if (element.getAttribute('role') === 'region' && isPromoCard(element)) {
      element.remove();
    }
    // Without Readability next, attributes only matter to the sanitizer, which keeps the few the
    // Article can carry: dropping the rest here is cheaper than having it judge each one.
    if (located && element.isConnected) keepOnlyAllowedAttributes(element);
  }
  return prepared;
}

const ALLOWED_ATTRIBUTE_SET: ReadonlySet<string> = new Set(ALLOWED_ATTRIBUTES);

function keepOnlyAllowedAttributes(element: Element): void {
  const attributes = element.attributes;
  for (let index = attributes.length - 1; index >= 0; index -= 1) {
    const name = attributes[index]?.name;
    if (name !== undefined && !ALLOWED_ATTRIBUTE_SET.has(name)) element.removeAttribute(name);
  }
}

const MIN_REGION_PARAGRAPHS = 3;

/**
 * On pages without `main` (the 2012 archive, saved bodies): the nearest ancestor of the headline
 * that also holds the story's paragraphs, which leaves out mastheads, navigation and page-wide
 * sidebars that Readability would otherwise have to score and throw away.
 */
function regionAroundHeadline(headline: Element | null, source: Document): Element | null {
  for (let ancestor = headline?.parentElement; ancestor && ancestor !== source.body; ancestor = ancestor.parentElement) {
    if (ancestor.getElementsByTagName('p').length >= MIN_REGION_PARAGRAPHS) return ancestor;
  }
  return source.body;
}

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/**
 * MathML is not part of the model, but an HTML parser nests ordinary HTML inside it (through
 * `mtext`, or after unbalanced markup swallows the paragraphs that follow) and a tab shows that
 * HTML as part of the page. Keep the outermost HTML elements inside, drop the MathML itself.
 * (SVG goes whole: on BBC pages it is icons and logos.)
 */
function keepHtmlContentOnly(foreign: Element): void {
  const html = Array.from(foreign.getElementsByTagName('*')).filter(
    (element) => element.namespaceURI === HTML_NAMESPACE && element.parentElement?.namespaceURI !== HTML_NAMESPACE,
  );
  foreign.replaceWith(...html);
}

/**
 * Hidden from every reader, sighted or not (Readability's test, kept here so that a region taken
 * without Readability loses the same things): `hidden`, `aria-hidden="true"`, an inline
 * `display: none` or `visibility: hidden`, a modal dialog.
 */
function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  if (element.getAttribute('aria-modal') === 'true' && element.getAttribute('role') === 'dialog') return true;
  if (!element.hasAttribute('style')) return false;
  const style = (element as Partial<ElementCSSInlineStyle>).style;
  return style !== undefined && (style.display === 'none' || style.visibility === 'hidden');
}

/** A div holding exactly one element and no text of its own, with no attribute that matters. */
function isBareWrapper(div: Element): boolean {
  if (div.childElementCount !== 1) return false;
  // Index loops, no array copies: this runs on every div of the region (thousands on long pages).
  const attributes = div.attributes;
  for (let index = 0; index < attributes.length; index += 1) {
    const name = attributes[index]?.name;
    if (name !== undefined && !WRAPPER_ATTRIBUTES.has(name)) return false;
  }
  const nodes = div.childNodes;
  if (nodes.length === 1) return true;
  for (let index = 0; index < nodes.length; index += 1) {
    const node = nodes[index];
    if (node && node.nodeType !== ELEMENT_NODE && (node.textContent ?? '').trim() !== '') return false;
  }
  return true;
}

/** Every element under `root`, in document order, as a snapshot (the loop edits the tree). */
function elementsOf(root: Element): Element[] {
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_ELEMENT);
  const elements: Element[] = [];
  while (walker.nextNode()) elements.push(walker.currentNode as Element);
  return elements;
}

// ---- Ads ----

function isAdSlot(element: Element): boolean {
  if (element.getAttribute('data-e2e') === 'advertisement') return true;
  const label = element.getAttribute('aria-label') ?? '';
  return element.getAttribute('role') === 'region' && /^(?:广告|廣告|Advertisement)/i.test(label);
}

// ---- Promotions inside main ----

/**
 * A section that is mostly links (story promos: "you may also be interested in", recommendations
 * rendered into the page after load, a links block of one story under its heading) is not part of
 * the story. Judged by link density, not names.
 */
function isPromoSection(section: Element): boolean {
  const links = section.getElementsByTagName('a');
  if (links.length === 0) return false;
  const text = normalizeWhitespace(section.textContent ?? '').length;
  let linkText = 0;
  for (const link of Array.from(links)) linkText += normalizeWhitespace(link.textContent ?? '').length;
  return text === 0 || linkText / text >= 0.5;
}

/**
 * A promo card: one link beside a picture that is not a figure of the story, with a short blurb
 * (Simorgh's podcast promo: brand image, brand title link, description, "episodes").
 */
function isPromoCard(region: Element): boolean {
  if (region.getElementsByTagName('a').length !== 1) return false;
  return Array.from(region.getElementsByTagName('img')).some((image) => !image.closest('figure'));
}

/**
 * The stories of a links block (Simorgh's ArticleLinksBlock: a region with a heading and a `ul` of
 * link cards, or a single card): each list that is all story links, else a lone BBC link.
 */
function linksBlockStories(region: Element, pageUrl: string): RelatedStory[] {
  const lists = Array.from(region.querySelectorAll('ul, ol'));
  if (lists.length > 0) return lists.flatMap((list) => relatedLinks(list, pageUrl) ?? []);
  const links = Array.from(region.querySelectorAll('a[href]'));
  const link = links[0];
  if (links.length !== 1 || !link) return [];
  const title = normalizeWhitespace(link.textContent ?? '');
  const url = absoluteWebUrl(link.getAttribute('href') ?? '', pageUrl);
  return title && url && isBbcHost(new URL(url).hostname) ? [{ title, url }] : [];
}

// ---- Embedded posts ----

/** Simorgh's social embed wrapper names its provider and the post: `data-e2e="twitter-embed-<URL>"`. */
const EMBED_MARKER = /^(?:twitter|x|youtube|instagram|tiktok|facebook|telegram)-embed-(.+)$/i;

function embedSource(element: Element): string | null {
  const marker = element.getAttribute('data-e2e');
  return marker ? (EMBED_MARKER.exec(marker)?.[1] ?? null) : null;
}

/** More text than an embed's skip link, consent banner, post and caption hold: not an embed as rendered. */
const MAX_EMBED_TEXT = 1000;

/**
 * The whole embed wrapper (skip link, consent banner, post, caption, end text) becomes one embed
 * figure linking to the post. The marker must name the post by an absolute web URL, and the wrapper
 * must hold no more than an embed does (broken markup can leave a wrapper open around the story);
 * otherwise the marker is dropped and the wrapper's content is read like any other.
 */
function replaceEmbedWrapper(wrapper: Element, work: Document, pageUrl: string, forReadability: boolean): void {
  const source = embedSource(wrapper) ?? '';
  const href = /^https?:\/\//i.test(source) ? absoluteWebUrl(source, pageUrl) : null;
  if (href && normalizeWhitespace(wrapper.textContent ?? '').length <= MAX_EMBED_TEXT) {
    wrapper.replaceWith(mediaFigure(work, 'embed', href, '', forReadability));
  } else {
    wrapper.removeAttribute('data-e2e');
  }
}

// ---- Figures ----

/**
 * `forReadability`: the copy goes through Readability, which needs an anchor to keep a video or
 * embed without a caption (see keepThroughReadability).
 */
function replaceFigure(figure: Element, work: Document, pageUrl: string, forReadability: boolean): void {
  const caption = captionOf(figure);
  const player = figure.querySelector('iframe, video, audio, [data-e2e="media-player"]');
  // Each `<noscript>` parsed once: the playback-fallback test and the lazy photo both read it.
  const noscripts = player ? [] : Array.from(figure.querySelectorAll('noscript'), noscriptContent);
  if (player || hasPlaybackFallback(noscripts)) {
    const kind = figure.querySelector('audio') && !figure.querySelector('video, iframe') ? 'audio' : 'video';
    const source = figure.querySelector('iframe[src], video[src], audio[src], video source[src], audio source[src]')?.getAttribute('src');
    figure.replaceWith(mediaFigure(work, kind, mediaHref(source, pageUrl), caption, forReadability));
    return;
  }

  const image = imageOf(figure, noscripts);
  if (!image) {
    replaceWithEmbed(figure, caption, work, pageUrl, forReadability);
    return;
  }
  if (isDecorativeImage(image)) {
    figure.remove();
    return;
  }
  const canonical = work.createElement('figure');
  canonical.setAttribute(MARKER_ATTRIBUTES.kind, 'image');
  const credit = creditOf(figure, noscripts);
  if (credit) canonical.setAttribute(MARKER_ATTRIBUTES.credit, credit);
  canonical.append(canonicalImage(image, work, pageUrl));
  appendCaption(canonical, caption);
  figure.replaceWith(canonical);
}

/**
 * A figure with neither photo nor player is an embedded post (Twitter, Instagram, YouTube…): it
 * becomes an `embed` pointing at the post, never its skip links or consent text. Without a link
 * to an outside page there is nothing to show, and the figure goes.
 */
function replaceWithEmbed(figure: Element, caption: string, work: Document, pageUrl: string, forReadability: boolean): void {
  const outside = Array.from(figure.querySelectorAll('a[href]'))
    .map((link) => absoluteWebUrl(link.getAttribute('href') ?? '', pageUrl))
    .find((url): url is string => url !== null && !isBbcHost(new URL(url).hostname));
  if (outside) figure.replaceWith(mediaFigure(work, 'embed', outside, caption, forReadability));
  else figure.remove();
}

/** The canonical figure of something the reader links to rather than shows: a player or a post. */
function mediaFigure(work: Document, kind: 'video' | 'audio' | 'embed', href: string, caption: string, forReadability: boolean): Element {
  const media = work.createElement('figure');
  media.setAttribute(MARKER_ATTRIBUTES.kind, kind);
  media.setAttribute(MARKER_ATTRIBUTES.href, href);
  if (forReadability) keepThroughReadability(media);
  appendCaption(media, caption);
  return media;
}

/** The 2012 layout: `<div><img><p>caption</p></div>` with nothing else in the wrapper. */
function figureFromCaptionedImage(image: HTMLImageElement, work: Document, pageUrl: string): void {
  const wrapper = image.parentElement;
  const captionParagraph = image.nextElementSibling;
  if (!wrapper || captionParagraph?.localName !== 'p' || wrapper.children.length !== 2) return;
  const caption = normalizeWhitespace(captionParagraph.textContent ?? '');
  if (caption.length === 0 || caption.length > 300) return;
  const canonical = work.createElement('figure');
  canonical.setAttribute(MARKER_ATTRIBUTES.kind, 'image');
  canonical.append(canonicalImage(image, work, pageUrl));
  appendCaption(canonical, stripCaptionPrefix(caption));
  wrapper.replaceWith(canonical);
}

/** The caption text with its screen-reader prefix (a separate span, or inline) removed. */
function captionOf(figure: Element): string {
  const figcaption = figure.querySelector('figcaption');
  if (!figcaption) return '';
  let text = '';
  for (const node of Array.from(figcaption.childNodes)) {
    const part = node.textContent ?? '';
    if (node.nodeType === ELEMENT_NODE && isScreenReaderPrefix(part)) continue;
    text += ' ' + part;
  }
  return stripCaptionPrefix(normalizeWhitespace(text));
}

/**
 * The credit: the first element outside the caption whose text starts with the credit prefix; on
 * `.lite` pages the credit sits with the photo inside the figure's `<noscript>`.
 */
function creditOf(figure: Element, noscripts: readonly ParentNode[]): string {
  for (const root of [figure, ...noscripts]) {
    for (const element of Array.from(root.querySelectorAll('p, span, div, small'))) {
      if (element.closest('figcaption') || element.querySelector('figcaption')) continue;
      const text = normalizeWhitespace(element.textContent ?? '');
      if (startsWithCreditPrefix(text)) return normalizeWhitespace(stripCreditPrefix(text));
    }
  }
  return '';
}

function hasPlaybackFallback(noscripts: readonly ParentNode[]): boolean {
  return noscripts.some((content) => isPlaybackFallback(normalizeWhitespace(content.textContent ?? '')));
}

/**
 * The photo's real `<img>`: the element itself when it is rendered, else the one inside the
 * figure's `<noscript>` (text in a live tab and after `parsePage`; parsed inertly, never run).
 */
function imageOf(figure: Element, noscripts: readonly ParentNode[]): HTMLImageElement | null {
  const direct = figure.querySelector<HTMLImageElement>('img[src]');
  if (direct && !direct.closest('noscript') && !isPlaceholderSource(direct.getAttribute('src') ?? '')) return direct;
  for (const content of noscripts) {
    const image = content.querySelector<HTMLImageElement>('img[src]');
    if (image) return image;
  }
  return direct;
}

function isPlaceholderSource(src: string): boolean {
  return src === '' || src.startsWith('data:');
}

/**
 * What a `<noscript>` holds. In a tab (scripting on) that is text, which is parsed into an inert
 * template: nothing loads, nothing runs. Where it was parsed as elements (scripting off), those.
 */
function noscriptContent(noscript: Element): ParentNode {
  if (noscript.firstElementChild) return noscript;
  const template = noscript.ownerDocument.createElement('template');
  template.innerHTML = noscript.textContent ?? '';
  return template.content;
}

function canonicalImage(source: HTMLImageElement, work: Document, pageUrl: string): HTMLImageElement {
  const image = work.createElement('img');
  const src = absoluteWebUrl(source.getAttribute('src') ?? '', pageUrl);
  if (src) image.setAttribute('src', src);
  const srcset = source.getAttribute('srcset') ?? pictureSrcset(source);
  if (srcset) image.setAttribute('srcset', srcset);
  for (const dimension of ['width', 'height']) {
    const value = source.getAttribute(dimension);
    if (value && /^\d+(?:\.\d+)?$/.test(value.trim())) image.setAttribute(dimension, String(Math.round(Number(value))));
  }
  image.setAttribute('alt', normalizeWhitespace(source.getAttribute('alt') ?? ''));
  return image;
}

/** A `<picture>`'s JPEG/PNG `<source srcset>` when the `<img>` itself has none (2022 pages). */
function pictureSrcset(image: Element): string | null {
  const picture = image.parentElement?.localName === 'picture' ? image.parentElement : null;
  if (!picture) return null;
  const sources = Array.from(picture.querySelectorAll('source[srcset]'));
  const preferred = sources.find((source) => !/webp|avif/i.test(source.getAttribute('type') ?? '')) ?? sources[0];
  return preferred?.getAttribute('srcset') ?? null;
}

/**
 * Readability drops a paragraph-like wrapper with neither text nor an image, which is what a video
 * or embed without a caption looks like to it. An `<img>` keeps such a figure in place; it has no
 * `src` (nothing loads) but a `data-src` so Readability's placeholder-image sweep leaves it alone,
 * and DOMPurify and the block walk then ignore it.
 */
function keepThroughReadability(figure: Element): void {
  const anchor = figure.ownerDocument.createElement('img');
  anchor.setAttribute('data-src', '');
  anchor.setAttribute('alt', '');
  figure.append(anchor);
}

function appendCaption(figure: Element, caption: string): void {
  if (!caption) return;
  const figcaption = figure.ownerDocument.createElement('figcaption');
  figcaption.textContent = caption;
  figure.append(figcaption);
}

/** Where to watch a video: its BBC player page when it names one, else the article itself. */
function mediaHref(source: string | null | undefined, pageUrl: string): string {
  const absolute = source ? absoluteWebUrl(source, pageUrl) : null;
  if (absolute && isBbcHost(new URL(absolute).hostname)) return absolute;
  return absoluteWebUrl(pageUrl, pageUrl) ?? pageUrl;
}
