// The always-on detector: the only code Qingdu runs on a BBC 中文 page until the reader is opened.
// It reports what the page is (for the toolbar button and autoOpen), answers the background's
// toggle (open/close an already loaded reader, show the "not an article" notice, or ask for the
// reader bundle), and re-reports after in-place navigation. Budget: ≤ 3 KB gzip, ≤ 1 ms per page,
// so it imports only `detect` and the message guards, and touches the page only for the notice.

import type { Runtime } from 'webextension-polyfill';
import { detect, isReadable, type PageInfo } from '../core/detect.ts';
import {
  claimDetectorSlot,
  extensionApi,
  isLocationChangedMessage,
  isToggleReaderMessage,
  readerControl,
  sendToBackground,
  type ToggleOutcome,
  type ToggleReaderMessage,
} from '../messages.ts';

/**
 * A click during page load waits for the document to be parsed, but not forever: a page whose
 * parser is stuck (a script that never arrives) is judged on what it shows after this long.
 */
const PARSE_GRACE_MS = 2000;

/** Resolves once the document has been parsed (immediately if it has), or after `graceMs`. */
function whenParsed(graceMs = Infinity): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => {
    document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
    if (graceMs !== Infinity) setTimeout(resolve, graceMs);
  });
}

function currentPage(): PageInfo {
  return detect(document, location.href);
}

function reportPage(): void {
  void sendToBackground({ type: 'qingdu:page-info', info: currentPage(), url: location.href, readerOpen: readerControl()?.isOpen() ?? false });
}

const NOTICE_TEXT: Record<PageInfo['variant'], string> = { simp: '这不是一篇文章', trad: '這不是一篇文章' };
const NOTICE_LANG: Record<PageInfo['variant'], string> = { simp: 'zh-Hans', trad: 'zh-Hant' };
const NOTICE_MS = 2500;

/**
 * A small notice in the page's own script, in its own shadow root so page CSS cannot touch it
 * (`!important` on `:host`: the shadow context's important rules beat the page's, so a page rule
 * like `* { display: none !important }` cannot hide it). It is the only node it adds, and it
 * removes itself.
 */
function showNotAnArticleNotice(variant: PageInfo['variant']): void {
  document.querySelector('qingdu-notice')?.remove();
  const host = document.createElement('qingdu-notice');
  const shadow = host.attachShadow({ mode: 'open' });
  const box = document.createElement('div');
  box.setAttribute('role', 'status');
  box.lang = NOTICE_LANG[variant];
  box.textContent = `清读 · ${NOTICE_TEXT[variant]}`;
  const style = document.createElement('style');
  style.textContent =
    ':host{all:initial!important;direction:ltr!important;unicode-bidi:isolate!important}' +
    ':host::before,:host::after{content:none!important}div{position:fixed;z-index:2147483647;top:16px;left:50%;transform:translateX(-50%);' +
    'padding:10px 18px;border-radius:999px;background:#1f3a5f;color:#fff;box-shadow:0 4px 16px #0004;' +
    'font:15px/1.4 "Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;cursor:default}';
  shadow.append(style, box);
  const remove = (): void => host.remove();
  box.addEventListener('click', remove);
  setTimeout(remove, NOTICE_MS);
  document.documentElement.append(host);
}

async function toggle(mode: ToggleReaderMessage['mode']): Promise<ToggleOutcome> {
  await whenParsed(PARSE_GRACE_MS);
  const reader = readerControl();
  if (reader?.isOpen()) {
    if (mode === 'open') return 'unchanged';
    reader.close();
    return 'closed';
  }
  const page = currentPage();
  if (!isReadable(page)) {
    if (mode === 'toggle') showNotAnArticleNotice(page.variant);
    return 'not-an-article';
  }
  if (!reader) return 'load-reader';
  reader.open();
  return 'opened';
}

function start(): void {
  const api = extensionApi();
  // Answers through `sendResponse` and `return true`, which both browsers support (a returned
  // promise is not understood by every Chrome version). Returning false for other messages closes
  // their channel at once; the polyfill's type only knows the `true` case, hence the cast.
  const onMessage = (message: unknown, _sender: Runtime.MessageSender, sendResponse: (answer: unknown) => void): boolean => {
    if (isToggleReaderMessage(message)) {
      void toggle(message.mode).then(sendResponse);
      return true;
    }
    if (isLocationChangedMessage(message)) {
      // The new page's content arrives after its URL; report once it has had a moment to render.
      setTimeout(reportPage, 500);
    }
    return false;
  };
  api.runtime.onMessage.addListener(onMessage as Runtime.OnMessageListenerCallback);
  void whenParsed().then(reportPage);
}

// The background injects this file again into tabs that were open before the extension was
// installed or reloaded; a tab that already has a detector keeps the one it has.
if (claimDetectorSlot()) start();
