// The background (Chrome: service worker; Firefox: event page). It owns the toolbar button's state
// per tab and the one function behind the click and the keyboard shortcut, `toggleReader`, which
// asks the tab's detector what to do and injects the reader bundle the first time it is needed.
// It keeps no state of its own between events: everything it needs is asked of the tab or the
// browser again, so the service worker may be stopped at any moment.

import type { DeclarativeContent, Runtime, Tabs } from 'webextension-polyfill';
import { BBC_CHINESE_HOSTS, BBC_CHINESE_PATH, isBbcChineseUrl, isReadable } from '../core/detect.ts';
import {
  extensionApi,
  isPageInfoMessage,
  isReaderStateMessage,
  isToggleOutcome,
  TOGGLE_COMMAND,
  type LocationChangedMessage,
  type PageInfoMessage,
  type ToggleOutcome,
  type ToggleReaderMessage,
} from '../messages.ts';
import { loadSettings } from '../storage.ts';

/** Output paths of the two tab bundles (see vite.config.ts: entries keep their source path). */
export const DETECTOR_FILE = 'src/content/detector.js';
export const READER_FILE = 'src/reader/index.js';

const api = extensionApi();

const ICONS_ENABLED = iconSet('qingdu-');
const ICONS_DISABLED = iconSet('qingdu-disabled-');

function iconSet(prefix: string): Record<string, string> {
  return Object.fromEntries([16, 32, 48, 128].map((size) => [String(size), `/icons/${prefix}${size}.png`]));
}

/**
 * The button must be clickable the moment a BBC 中文 page starts: Chrome silently drops a click on
 * a disabled button, and this worker, which enables it per tab, hears of a navigation only after
 * it has committed (in tests a click right after DOMContentLoaded was lost about 1 in 15 times).
 * So in Chrome the browser itself enables the button on BBC 中文 URLs, from declarative rules
 * evaluated at commit — when Chrome also clears the tab's previous per-tab state, so an explicit
 * "disabled" from the page before never outlives that page. `setButton` still sets the per-tab
 * state (Firefox has no declarativeContent; in Chrome it is what `action.isEnabled` reports).
 */
const declarativeContent: DeclarativeContent.Static | undefined = api.declarativeContent;

/** Both URL forms of every BBC 中文 host: `/zhongwen` itself and everything under it. */
function bbcChineseMatchers(rules: DeclarativeContent.Static): DeclarativeContent.PageStateMatcher[] {
  const schemes = ['https', 'http'];
  return BBC_CHINESE_HOSTS.flatMap((host) => [
    new rules.PageStateMatcher({ pageUrl: { hostEquals: host, pathEquals: BBC_CHINESE_PATH, schemes } }),
    new rules.PageStateMatcher({ pageUrl: { hostEquals: host, pathPrefix: `${BBC_CHINESE_PATH}/`, schemes } }),
  ]);
}

/** Rules persist across browser restarts; they are (re)installed with the extension. */
async function installButtonRules(): Promise<void> {
  const rules = declarativeContent;
  if (!rules) return;
  // The rule API takes callbacks (its typings promise nothing else).
  await new Promise<void>((resolve) => rules.onPageChanged.removeRules(undefined, resolve));
  rules.onPageChanged.addRules([{ conditions: bbcChineseMatchers(rules), actions: [new rules.ShowAction()] }]);
}

/** What the toolbar button says and looks like in one tab. */
type ButtonState = 'unavailable' | 'open-reader' | 'not-an-article' | 'close-reader';

async function shortcutSuffix(): Promise<string> {
  try {
    const commands = await api.commands.getAll();
    const shortcut = commands.find((command) => command.name === TOGGLE_COMMAND)?.shortcut;
    return shortcut ? ` (${shortcut})` : '';
  } catch {
    return '';
  }
}

/**
 * Each tab's latest button request. Setting the button awaits the shortcut lookup, so two requests
 * close together (the detector's report, the reader's "opened") could finish out of order and
 * leave the older state showing; only the newest request per tab is applied.
 */
const latestButtonRequest = new Map<number, number>();
let buttonRequests = 0;

async function setButton(tabId: number, state: ButtonState): Promise<void> {
  const request = ++buttonRequests;
  latestButtonRequest.set(tabId, request);
  const enabled = state !== 'unavailable';
  // Issued at once, not after the title's lookup: calls reach the browser in request order, so the
  // newest still wins, and a page that has just become a BBC 中文 page is clickable without delay.
  void Promise.all([
    enabled ? api.action.enable(tabId) : api.action.disable(tabId),
    api.action.setIcon({ tabId, path: enabled ? ICONS_ENABLED : ICONS_DISABLED }),
  ]).catch(() => undefined); // the tab was closed meanwhile
  const title =
    state === 'close-reader'
      ? api.i18n.getMessage('actionTitleClose') + (await shortcutSuffix())
      : state === 'open-reader'
        ? api.i18n.getMessage('actionTitle') + (await shortcutSuffix())
        : api.i18n.getMessage('actionTitleUnavailable');
  if (latestButtonRequest.get(tabId) !== request) return; // a newer request for this tab wins
  try {
    await api.action.setTitle({ tabId, title });
  } catch {
    // The tab was closed while we were updating it.
  }
}

/**
 * The button state a URL alone implies: BBC 中文 pages start as "open the reader" until the
 * detector reports what the page really is. `url` is undefined for tabs we have no host access
 * to, which are by definition not BBC 中文 pages.
 */
function buttonStateForUrl(url: string | undefined): ButtonState {
  return url !== undefined && isBbcChineseUrl(url) ? 'open-reader' : 'unavailable';
}

async function sendToggle(tabId: number, mode: ToggleReaderMessage['mode']): Promise<ToggleOutcome | undefined> {
  const message: ToggleReaderMessage = { type: 'qingdu:toggle-reader', mode };
  try {
    const answer: unknown = await api.tabs.sendMessage(tabId, message, { frameId: 0 });
    return isToggleOutcome(answer) ? answer : undefined;
  } catch {
    return undefined; // no detector in this tab (yet)
  }
}

/** Injects at once, not at document_idle: a page still loading (or stuck loading) gets the reader too. */
async function inject(tabId: number, file: string): Promise<void> {
  await api.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [file], injectImmediately: true });
}

/**
 * The click, the shortcut and autoOpen all come here. The detector decides (it sees the page);
 * the background only injects what the tab lacks: the detector itself when the extension was
 * installed or reloaded after the page loaded, and the reader bundle on its first opening.
 */
export async function toggleReader(tab: Tabs.Tab | undefined, mode: ToggleReaderMessage['mode']): Promise<void> {
  const tabId = tab?.id;
  if (tabId === undefined) return;
  let outcome = await sendToggle(tabId, mode);
  if (outcome === undefined) {
    try {
      await inject(tabId, DETECTOR_FILE);
    } catch {
      return; // not a page we may script (the button is disabled there anyway)
    }
    outcome = await sendToggle(tabId, mode);
  }
  if (outcome === 'load-reader') await inject(tabId, READER_FILE);
}

async function onPageInfo(message: PageInfoMessage, tabId: number): Promise<void> {
  const readable = isReadable(message.info);
  await setButton(tabId, !readable ? 'not-an-article' : message.readerOpen ? 'close-reader' : 'open-reader');
  if (readable && !message.readerOpen && (await loadSettings()).settings.autoOpen) {
    await toggleReader({ id: tabId } as Tabs.Tab, 'open');
  }
}

api.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId !== 0) return;
  if (isPageInfoMessage(message)) void onPageInfo(message, tabId);
  else if (isReaderStateMessage(message)) void setButton(tabId, message.open ? 'close-reader' : 'open-reader');
});

api.action.onClicked.addListener((tab) => {
  void toggleReader(tab, 'toggle');
});

api.commands.onCommand.addListener((command, tab) => {
  if (command !== TOGGLE_COMMAND) return;
  if (tab) {
    void toggleReader(tab, 'toggle');
    return;
  }
  void api.tabs.query({ active: true, currentWindow: true }).then(([active]) => toggleReader(active, 'toggle'));
});

api.tabs.onRemoved.addListener((tabId) => latestButtonRequest.delete(tabId));

api.tabs.onUpdated.addListener((tabId, changeInfo, tab) => {
  if (changeInfo.status === 'loading' || changeInfo.url !== undefined) {
    void setButton(tabId, buttonStateForUrl(tab.url));
  }
  // The URL changed. Without a new document (pushState) the detector re-reads the page and an open
  // reader follows; with a new document the message reaches its fresh detector, which re-reports.
  if (changeInfo.url !== undefined && isBbcChineseUrl(changeInfo.url)) {
    const message: LocationChangedMessage = { type: 'qingdu:location-changed', url: changeInfo.url };
    api.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
  }
});

/**
 * Disabled everywhere by default, then enabled per tab. The browser keeps this state while it
 * runs, so it is set up only when the extension is installed or updated and when the browser starts,
 * not each time the service worker wakes (which would forget each tab's title).
 */
async function initialiseButtons(): Promise<void> {
  await api.action.disable();
  const tabs = await api.tabs.query({});
  await Promise.all(
    tabs.map((tab) => (tab.id === undefined ? undefined : setButton(tab.id, buttonStateForUrl(tab.url)))),
  );
}

api.runtime.onInstalled.addListener(() => {
  void installButtonRules();
  void initialiseButtons();
});
api.runtime.onStartup.addListener(() => void initialiseButtons());
