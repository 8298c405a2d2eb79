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

/** The manifest's `commands` entry for the reader's shortcut (the background runs it; the options page shows it). */
export const TOGGLE_COMMAND = 'toggle-reader';

export interface PageInfoMessage {
  type: 'qingdu:page-info';
  info: PageInfo;
  url: string;
  /** A report can follow the reader's own open message (in-page navigation, a late parse). */
  readerOpen: boolean;
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
  if (!isRecord(value) || value.type !== 'qingdu:page-info' || typeof value.url !== 'string' || typeof value.readerOpen !== 'boolean') return false;
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
 * detector can toggle it without loading it again.
 */
export interface ReaderControl {
  isOpen(): boolean;
  open(): void;
  close(): void;
}

/**
 * World-global slots shared by the detector and the reader bundle. Symbols, not names: a page's
 * `<a id="…">` or `<img name="…">` shows up as a *named* property of `window` in every world (DOM
 * clobbering), and would otherwise decide whether the reader opens.
 */
const READER_CONTROL = Symbol.for('qingdu.reader-control');
const DETECTOR_LOADED = Symbol.for('qingdu.detector-loaded');

type WorldSlots = { [READER_CONTROL]?: unknown; [DETECTOR_LOADED]?: unknown };

function isReaderControl(value: unknown): value is ReaderControl {
  return (
    isRecord(value) &&
    typeof value.isOpen === 'function' &&
    typeof value.open === 'function' &&
    typeof value.close === 'function'
  );
}

export function readerControl(): ReaderControl | undefined {
  const value = (globalThis as WorldSlots)[READER_CONTROL];
  return isReaderControl(value) ? value : undefined;
}

export function setReaderControl(control: ReaderControl): void {
  (globalThis as WorldSlots)[READER_CONTROL] = control;
}

/** True once a detector runs in this world; marks it so a second injection stays idle. */
export function claimDetectorSlot(): boolean {
  const world = globalThis as WorldSlots;
  if (world[DETECTOR_LOADED] === true) return false;
  world[DETECTOR_LOADED] = true;
  return true;
}

/**
 * The WebExtension API of whichever browser runs us: Firefox's promise-based `browser`, or
 * Chrome's `chrome` (promise-based in Manifest V3 for everything we call). No polyfill is bundled:
 * the detector must stay tiny, and both browsers already speak promises.
 *
 * Page elements with an id or name become globals in the content script's world too (DOM
 * clobbering), so `<form id=browser><input name=runtime>` defines a `browser` on a Chrome that has
 * no real one (before 136 or so). A candidate counts only if its `runtime.getURL` is a function,
 * which no element or collection can fake.
 */
export function extensionApi(): Browser.Browser {
  const scope = globalThis as { browser?: unknown; chrome?: unknown };
  const api = [scope.browser, scope.chrome].find(isExtensionNamespace);
  if (!api) throw new Error('Qingdu: no WebExtension API in this context');
  return api;
}

function isExtensionNamespace(candidate: unknown): candidate is Browser.Browser {
  return isRecord(candidate) && isRecord(candidate.runtime) && typeof candidate.runtime.getURL === 'function';
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
