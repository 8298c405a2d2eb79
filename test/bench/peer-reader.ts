// The peer the click → overlay row is judged against: a plain Readability reader, what every
// Readability-based reader extension does on a toolbar click. Its background (bundle.ts,
// `buildPeerExtension`) injects this script into the tab on the click, as ours injects its reader;
// the script puts a host element with an open shadow root into the page, parses a clone of the
// document with Readability, sanitizes `content` with DOMPurify, and renders it into the shadow
// root in one piece. No settings, no script conversion, no page restoring: the least a reader
// overlay does. Built by bundle.ts as an IIFE; a second click closes it, as a reader's does.

import { Readability } from '@mozilla/readability';
import DOMPurify from 'dompurify';
import { PEER_HOST } from './peer-host.ts';

const STYLE = `:host { all: initial; }
.overlay { position: fixed; inset: 0; z-index: 2147483647; overflow: auto; background: #fbfaf7; color: #1d1d1f; }
article { max-width: 38em; margin: 0 auto; padding: 48px 24px; font: 18px/1.8 system-ui, "Noto Sans CJK SC", sans-serif; }
h1 { font-size: 1.8em; line-height: 1.3; }
img, video, iframe { max-width: 100%; height: auto; }`;

async function openPeer(): Promise<void> {
  const open = document.querySelector(PEER_HOST);
  if (open) {
    open.remove();
    return;
  }
  // The host first, as ours does, then the work. The one microtask between lets the probe's
  // MutationObserver see the host before the parse (its "host in the page" stage; ours awaits its
  // settings there); it costs no task and no frame.
  const host = document.createElement(PEER_HOST);
  const root = host.attachShadow({ mode: 'open' });
  document.documentElement.append(host);
  await Promise.resolve();
  const parsed = new Readability(document.cloneNode(true) as Document).parse();
  const overlay = document.createElement('div');
  overlay.className = 'overlay';
  overlay.setAttribute('role', 'dialog');
  const style = document.createElement('style');
  style.textContent = STYLE;
  const article = document.createElement('article');
  const title = document.createElement('h1');
  title.textContent = parsed?.title ?? document.title;
  article.append(title, DOMPurify.sanitize(parsed?.content ?? '', { RETURN_DOM_FRAGMENT: true }));
  overlay.append(article);
  root.append(style, overlay);
}

void openPeer();
