// How the extension rows serve their pages: the suites' offline rule (`offlineAnswer`, the saved
// pages at their real URLs), answered through CDP `Fetch` on the tab's own target with patterns
// that match http(s) URLs only. Playwright's `context.route` (the suites' `serveOffline`) would
// pause every request instead, the reader's `fetch` of its dictionary files (`chrome-extension://…/zh/…`)
// included, and send each through this process and back: a cost users never pay, inside the very
// timings the bench reports. It also turns the browser's cache off while any route is set. Here the
// extension's files load as they do for users, and the cache is on, as it is for them.
//
// Nothing may reach the network: every http(s) request any page of the context makes (as Playwright
// reports them) must have been answered here or blocked by the browser itself (mixed content);
// `assertNothingLeaked` fails the run when one was not.

import type { CDPSession, Page } from 'playwright-core';
import { offlineAnswer } from '../e2e/support/pages.ts';

/**
 * CDP `urlPattern`s are wildcard patterns over the whole URL (`*`: any run of characters, `?`: one
 * character), so these two match http(s) URLs and nothing else: not `chrome-extension://…`.
 */
const HTTP_PATTERNS = [{ urlPattern: 'http://*' }, { urlPattern: 'https://*' }];

/** What of a `Fetch.requestPaused` event is used here (playwright-core does not export its protocol types). */
interface PausedRequest {
  requestId: string;
  request: { url: string };
  /** CDP's resource type: `Document`, `Image`, `Script`, … */
  resourceType: string;
}

type Header = { name: string; value: string };

export interface BenchServer {
  /** Throws, naming them, when any http(s) request was not answered here or an answer failed. */
  assertNothingLeaked(): void;
}

/**
 * Serves `page` offline without pausing anything but http(s) requests: `extra` (URL → HTML) first,
 * then `offlineAnswer`. Call it before the page's first navigation. Only this page is served; any
 * http(s) request from elsewhere in its context (another tab, a frame in its own process) is
 * counted as leaked.
 */
export async function serveOverCdp(page: Page, extra: ReadonlyMap<string, string>): Promise<BenchServer> {
  const answered = new Set<string>();
  const seen = new Set<string>();
  const blockedInPage = new Set<string>();
  const errors: string[] = [];
  const context = page.context();
  context.on('request', (request) => {
    if (/^https?:/.test(request.url())) seen.add(request.url());
  });
  // The 2012 page is https with http:// scripts and styles: the browser blocks those as mixed
  // content before they could be paused or sent, so they never reach the network either.
  context.on('requestfailed', (request) => {
    if (request.failure()?.errorText === 'mixed-content') blockedInPage.add(request.url());
  });

  const session = await context.newCDPSession(page);
  session.on('Fetch.requestPaused', (event) => {
    answered.add(event.request.url);
    answer(session, event, extra).catch((error: unknown) => {
      // The page navigated on and the request is gone: nothing left to answer.
      if (!String(error).includes('Invalid InterceptionId')) errors.push(`${event.request.url}: ${String(error)}`);
    });
  });
  await session.send('Fetch.enable', { patterns: HTTP_PATTERNS });

  return {
    assertNothingLeaked() {
      const leaked = [...seen].filter((url) => !answered.has(url) && !blockedInPage.has(url));
      if (leaked.length === 0 && errors.length === 0) return;
      throw new Error(
        `the bench's offline serving let requests through or failed to answer them; the timings are not the extension's alone:\n` +
          [...leaked.map((url) => `  not answered: ${url}`), ...errors.map((error) => `  answer failed: ${error}`)].join('\n'),
      );
    },
  };
}

async function answer(session: CDPSession, event: PausedRequest, extra: ReadonlyMap<string, string>): Promise<void> {
  const { requestId } = event;
  const url = event.request.url;
  const html = extra.get(url);
  if (html !== undefined) {
    await fulfill(session, requestId, 200, [{ name: 'content-type', value: 'text/html; charset=utf-8' }], Buffer.from(html));
    return;
  }
  // CDP names resource types `Image`, `Document`, …; offlineAnswer expects Playwright's lower-case
  // names (it tells only `image` apart).
  const reply = offlineAnswer(url, event.resourceType.toLowerCase());
  switch (reply.kind) {
    case 'page':
    case 'image':
      return fulfill(session, requestId, 200, [{ name: 'content-type', value: reply.contentType }], reply.body);
    case 'redirect':
      return fulfill(session, requestId, 301, [{ name: 'location', value: reply.location }], Buffer.alloc(0));
    case 'refuse':
      await session.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' });
      return;
  }
}

async function fulfill(session: CDPSession, requestId: string, responseCode: number, headers: Header[], body: Buffer): Promise<void> {
  const responseHeaders = [...headers, { name: 'content-length', value: String(body.length) }];
  await session.send('Fetch.fulfillRequest', { requestId, responseCode, responseHeaders, body: body.toString('base64') });
}
