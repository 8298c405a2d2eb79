// The one DOMPurify policy for page markup. Whatever extraction takes as the article (the prepared
// copy of the region, or Readability's pick from it) passes through here before it is turned into
// typed inline runs, so only the handful of elements and attributes that the Article model can
// express survive: no scripts, no event handlers, no styles, no forms, no
// `javascript:`/`data:` URLs, no unknown data attributes.

import createDOMPurify, { type Config, type DOMPurify, type WindowLike } from 'dompurify';

/** Elements the block and inline walk understands; `div`/`section` are containers only. */
export const ALLOWED_TAGS: readonly string[] = [
  'div', 'section', 'p', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote',
  'figure', 'figcaption', 'img', 'a', 'b', 'strong', 'i', 'em', 'br', 'span',
];

/** Markers that the BBC-specific preparation step writes on figures (see extract/prepare.ts). */
export const MARKER_ATTRIBUTES = {
  kind: 'data-qingdu-kind',
  href: 'data-qingdu-href',
  credit: 'data-qingdu-credit',
} as const;

export const ALLOWED_ATTRIBUTES: readonly string[] = [
  'href', 'src', 'srcset', 'width', 'height', 'alt',
  MARKER_ATTRIBUTES.kind, MARKER_ATTRIBUTES.href, MARKER_ATTRIBUTES.credit,
];

/** Web URLs only (absolute http/https, or relative to the page); everything else is dropped. */
const WEB_URL = /^(?:https?:\/\/|\/|\.{0,2}\/|#|\?|[^a-z:]*$|[a-z0-9._~-]+(?:[/?#]|$))/i;

const POLICY: Config = {
  ALLOWED_TAGS: [...ALLOWED_TAGS],
  ALLOWED_ATTR: [...ALLOWED_ATTRIBUTES],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOWED_URI_REGEXP: WEB_URL,
  // Marker values are plain words or credit text, not URLs.
  ADD_URI_SAFE_ATTR: [MARKER_ATTRIBUTES.kind, MARKER_ATTRIBUTES.credit],
  KEEP_CONTENT: true,
  WHOLE_DOCUMENT: false,
};

/** Attributes that hold URLs (srcset holds a list of them). */
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', MARKER_ATTRIBUTES.href]);
/** A script-capable scheme anywhere in the value, after removing the spaces and controls browsers ignore. */
const SCRIPT_SCHEME = /(?:javascript|vbscript|data):/i;

type Mode = 'in-place' | 'fragment';

/**
 * One DOMPurify instance per window and mode. The in-place one, which extraction calls per batch,
 * is configured once with `setConfig`: parsing the policy on every call costs about as much as
 * sanitizing a short article.
 */
const purifiers = new WeakMap<object, Partial<Record<Mode, DOMPurify>>>();

/** Each made on first use: creating one costs milliseconds, and extraction needs only in-place. */
function purifierFor(window: WindowLike, mode: Mode): DOMPurify {
  let made = purifiers.get(window);
  if (!made) {
    made = {};
    purifiers.set(window, made);
  }
  return (made[mode] ??= mode === 'in-place' ? createPurifier(window, { ...POLICY, IN_PLACE: true }) : createPurifier(window, null));
}

/** With a config, that config is fixed for every call (DOMPurify then ignores per-call configs). */
function createPurifier(window: WindowLike, config: Config | null): DOMPurify {
  const purifier = createDOMPurify(window);
  if (config) purifier.setConfig(config);
  // ALLOWED_URI_REGEXP only looks at the start of a value; a srcset is a list, and any candidate
  // could name a script URL, so URL attributes are checked as a whole.
  purifier.addHook('uponSanitizeAttribute', (_node, event) => {
    if (!URL_ATTRIBUTES.has(event.attrName)) return;
    if (SCRIPT_SCHEME.test(event.attrValue.replace(/[\u0000-\u0020]/g, ''))) event.keepAttr = false;
  });
  return purifier;
}

/**
 * Sanitize an element and its subtree in place (no serialization round trip). The root itself
 * must be an allowed tag (extraction hands it a `div`).
 */
export function sanitizeInPlace(root: Element, window: WindowLike): Element {
  purifierFor(window, 'in-place').sanitize(root);
  return root;
}

/** Top-level children sanitized per call of `sanitizeChildrenInBatches` (a few milliseconds). */
const CHILDREN_PER_BATCH = 100;

/**
 * Sanitize everything inside `root` in place, a batch of its children at a time, pausing after
 * each batch (a generator: extraction may yield to the event loop there). Each batch is moved into
 * a bare `div`, sanitized there in place exactly as under `root`, and appended back, so once it
 * returns every node under `root` has been through the policy, in its original order. Only a
 * `div` without attributes is done in batches (its own attributes are never looked at); anything
 * else is sanitized whole.
 */
export function* sanitizeChildrenInBatches(root: Element, window: WindowLike): Generator<void, void, void> {
  if (root.localName !== 'div' || root.attributes.length > 0 || root.childNodes.length <= CHILDREN_PER_BATCH) {
    sanitizeInPlace(root, window);
    return;
  }
  const children = Array.from(root.childNodes);
  const batch = root.ownerDocument.createElement('div');
  for (let start = 0; start < children.length; start += CHILDREN_PER_BATCH) {
    batch.append(...children.slice(start, start + CHILDREN_PER_BATCH));
    sanitizeInPlace(batch, window);
    root.append(...Array.from(batch.childNodes));
    yield;
  }
}

/** Sanitize an HTML string into a fragment owned by `window.document` (tests, tools). */
export function sanitizeHtml(html: string, window: WindowLike): DocumentFragment {
  return purifierFor(window, 'fragment').sanitize(html, { ...POLICY, RETURN_DOM_FRAGMENT: true });
}

/** The window a document belongs to, for DOMPurify: its own, else the global one in a tab. */
export function windowOf(document: Document): WindowLike | undefined {
  if (document.defaultView) return document.defaultView;
  return typeof window === 'undefined' ? undefined : window;
}
