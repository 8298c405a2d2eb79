// The one typed list of messages between the extension's parts, and the guards that read them.
// Every message crossing a boundary (tab ↔ background) is `unknown` until one of the `is…` guards
// below accepts it; nothing else in the code base invents message shapes.
//
//   content (detector) → background   PageInfoMessage      what this page is (toolbar state, autoOpen)
//   reader             → background   ReaderStateMessage   the overlay opened or closed (toolbar title)
//   background → content (detector)   ToggleReaderMessage  the click / shortcut / autoOpen
//   background → content, reader      LocationChangedMessage  the page navigated in place (pushState)
//
// The reader bundle and the detector run in the same content-script world of a tab, so they talk
// through `ReaderControl` on a world-global, not through messages.

import type Browser from 'webextension-polyfill';
import type { PageInfo } from './core/detect.ts';

export interface PageInfoMessage {
  type: 'qingdu:page-info';
  info: PageInfo;
  url: string;
}

export interface ReaderStateMessage {
  type: 'qingdu:reader-state';
  open: boolean;
}

/** `mode: 'toggle'` is a click or the shortcut; `'open'` is autoOpen (never closes, never shows the notice). */
export interface ToggleReaderMessage {
  type: 'qingdu:toggle-reader';
  mode: 'toggle' | 'open';
}

/** The tab's URL changed without a new document (the BBC site navigates in place). */
export interface LocationChangedMessage {
  type: 'qingdu:location-changed';
  url: string;
}

export type TabToBackgroundMessage = PageInfoMessage | ReaderStateMessage;

/**
 * What the detector answers to a toggle: the reader opened or closed; the page is not an article
 * (the notice is shown); the page is an article but the reader bundle is not in the tab yet, so the
 * background must inject it (it opens itself when it loads); or nothing to do (`open` on an open reader).
 */
export type ToggleOutcome = 'opened' | 'closed' | 'not-an-article' | 'load-reader' | 'unchanged';

const TOGGLE_OUTCOMES: readonly string[] = ['opened', 'closed', 'not-an-article', 'load-reader', 'unchanged'];
const PAGE_KINDS: readonly string[] = ['article', 'live', 'media', 'index', 'other'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isPageInfoMessage(value: unknown): value is PageInfoMessage {
  if (!isRecord(value) || value.type !== 'qingdu:page-info' || typeof value.url !== 'string') return false;
  const info = value.info;
  return (
    isRecord(info) &&
    typeof info.kind === 'string' &&
    PAGE_KINDS.includes(info.kind) &&
    (info.variant === 'simp' || info.variant === 'trad')
  );
}

export function isReaderStateMessage(value: unknown): value is ReaderStateMessage {
  return isRecord(value) && value.type === 'qingdu:reader-state' && typeof value.open === 'boolean';
}

export function isToggleReaderMessage(value: unknown): value is ToggleReaderMessage {
  return isRecord(value) && value.type === 'qingdu:toggle-reader' && (value.mode === 'toggle' || value.mode === 'open');
}

export function isLocationChangedMessage(value: unknown): value is LocationChangedMessage {
  return isRecord(value) && value.type === 'qingdu:location-changed' && typeof value.url === 'string';
}

export function isToggleOutcome(value: unknown): value is ToggleOutcome {
  return typeof value === 'string' && TOGGLE_OUTCOMES.includes(value);
}

/**
 * What the reader bundle puts on the content-script world once it is loaded in a tab, so the
 * detector can toggle it without loading it again. Lives on `globalThis[READER_CONTROL_KEY]`.
 */
export interface ReaderControl {
  isOpen(): boolean;
  open(): void;
  close(): void;
}

export const READER_CONTROL_KEY = '__qingduReader';

export function readerControl(): ReaderControl | undefined {
  return (globalThis as { [READER_CONTROL_KEY]?: ReaderControl })[READER_CONTROL_KEY];
}

export function setReaderControl(control: ReaderControl): void {
  (globalThis as { [READER_CONTROL_KEY]?: ReaderControl })[READER_CONTROL_KEY] = control;
}

/**
 * The WebExtension API of whichever browser runs us: Firefox's promise-based `browser`, or
 * Chrome's `chrome` (promise-based in Manifest V3 for everything we call). No polyfill is bundled:
 * the detector must stay tiny, and both browsers already speak promises.
 */
export function extensionApi(): Browser.Browser {
  const scope = globalThis as { browser?: Browser.Browser; chrome?: Browser.Browser };
  const api = scope.browser ?? scope.chrome;
  if (!api?.runtime) throw new Error('Qingdu: no WebExtension API in this context');
  return api;
}

/** Sends a message from a tab (detector or reader) to the background; a missing receiver is not an error. */
export async function sendToBackground(message: TabToBackgroundMessage): Promise<void> {
  try {
    await extensionApi().runtime.sendMessage(message);
  } catch {
    // The background may be restarting (service worker) or the extension reloaded; the toolbar
    // state catches up on the next page-info or click.
  }
}
