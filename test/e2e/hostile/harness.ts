// The hostile suite's instruments, on top of the shared Chromium helpers (support/chromium.ts):
// serving generated pages at BBC URLs, and watching a tab for anything that runs or fails once the
// reader is opened — flag calls in the page's main world and in the extension's isolated world
// (read over CDP, Runtime execution contexts), dialogs, uncaught exceptions in either world, console
// errors — plus the overlay audit (fixtures/hostile/audit.ts) run inside the tab.

import type { CDPSession, Page, Route } from 'playwright-core';
import { expect } from '@playwright/test';
import { auditReaderInPage, auditTree, type AuditFinding } from '../../fixtures/hostile/audit.ts';
import type { BrokenPage, GeneratedPage } from '../../fixtures/hostile/pages.ts';
import { clickToolbarButton, dialogOf, toolbarButton, type ExtensionBrowser } from '../support/chromium.ts';

interface FlagCall {
  n: number;
  phase: string;
}

interface ExecutionContextDescription {
  id: number;
  origin: string;
  name: string;
  auxData?: { type?: string; isDefault?: boolean; frameId?: string };
}

/** Answers the generated page at its URL (page routes win over the shared offline route). */
async function serveGenerated(page: Page, generated: GeneratedPage | BrokenPage): Promise<{ release: () => Promise<void> }> {
  await page.route(generated.url, (route) =>
    route.fulfill({ status: 200, body: generated.html, contentType: 'text/html; charset=utf-8' }),
  );
  const held: Route[] = [];
  const broken = generated as Partial<BrokenPage>;
  for (const url of broken.hangingUrls ?? []) {
    // Never answered until `release()`: the page stays in the middle of loading.
    await page.route(url, (route) => void held.push(route));
  }
  if (broken.missingPrefix) {
    await page.route(`${broken.missingPrefix}**`, (route) => route.fulfill({ status: 404, body: 'Not Found', contentType: 'text/plain' }));
  }
  return {
    release: async () => {
      for (const route of held.splice(0)) await route.fulfill({ status: 200, body: '', contentType: 'text/javascript' });
    },
  };
}

/** Everything a tab reports once the reader phase has begun. */
export class TabWatch {
  readonly dialogs: string[] = [];
  readonly pageErrors: string[] = [];
  readonly consoleErrors: string[] = [];
  readonly isolatedExceptions: string[] = [];
  private readerPhase = false;
  private readonly contexts = new Map<number, ExecutionContextDescription>();

  private constructor(
    readonly page: Page,
    private readonly cdp: CDPSession,
    private readonly extensionId: string,
  ) {}

  static async attach(page: Page, ext: ExtensionBrowser): Promise<TabWatch> {
    const cdp = await page.context().newCDPSession(page);
    const watch = new TabWatch(page, cdp, ext.extensionId);
    page.on('dialog', (dialog) => {
      if (watch.readerPhase) watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
    page.on('pageerror', (error) => {
      if (watch.readerPhase) watch.pageErrors.push(error.message);
    });
    page.on('console', (message) => {
      if (!watch.readerPhase || message.type() !== 'error') return;
      // Network failures of page-chosen URLs (404 photos, refused scripts) are the page's, not errors.
      if (/Failed to load resource|net::ERR_/.test(message.text())) return;
      watch.consoleErrors.push(message.text());
    });
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      watch.contexts.set(context.id, context as ExecutionContextDescription);
    });
    cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => {
      watch.contexts.delete(executionContextId);
    });
    cdp.on('Runtime.exceptionThrown', ({ exceptionDetails }) => {
      if (!watch.readerPhase) return;
      const context = exceptionDetails.executionContextId === undefined ? undefined : watch.contexts.get(exceptionDetails.executionContextId);
      if (context?.auxData?.type === 'isolated') {
        watch.isolatedExceptions.push(exceptionDetails.exception?.description ?? exceptionDetails.text);
      }
    });
    await cdp.send('Runtime.enable');
    return watch;
  }

  /** The extension's isolated world in the top frame (where the detector and the reader run). */
  private extensionWorld(): ExecutionContextDescription | undefined {
    return [...this.contexts.values()].find(
      (context) => context.auxData?.type === 'isolated' && context.origin.includes(this.extensionId) && context.auxData.frameId === this.topFrameId,
    ) ?? [...this.contexts.values()].find((context) => context.auxData?.type === 'isolated' && context.origin.includes(this.extensionId));
  }

  private topFrameId: string | undefined;

  private async inExtensionWorld<T>(expression: string): Promise<T> {
    if (!this.topFrameId) {
      const { frameTree } = await this.cdp.send('Page.getFrameTree');
      this.topFrameId = frameTree.frame.id;
    }
    const world = this.extensionWorld();
    if (!world) throw new Error('the extension has no isolated world in this tab (is the detector running?)');
    const { result, exceptionDetails } = await this.cdp.send('Runtime.evaluate', { expression, contextId: world.id, returnByValue: true });
    if (exceptionDetails) throw new Error(`in the extension world: ${exceptionDetails.text}`);
    return result.value as T;
  }

  /**
   * Starts the reader phase: flag calls from now on count. The extension's world gets its own flag
   * function (a payload that ever ran there would call `top.__pwn`, which in that world is this).
   */
  async beginReaderPhase(): Promise<void> {
    await expect.poll(() => this.extensionWorld() !== undefined, { message: 'extension isolated world present' }).toBe(true);
    await this.inExtensionWorld<void>(
      'globalThis.__pwned = []; globalThis.__pwn = function (n) { globalThis.__pwned.push(Number(n)); }; undefined',
    );
    await this.page.evaluate(() => {
      (window as unknown as { __qdPhase: string }).__qdPhase = 'reader';
    });
    this.readerPhase = true;
  }

  /** Payload numbers that ran since the reader phase began, in either world. */
  async executed(): Promise<{ mainWorld: number[]; extensionWorld: number[]; polluted: string[] }> {
    const main = await this.page.evaluate(() => {
      const calls = ((window as unknown as { __pwned?: FlagCall[] }).__pwned ?? []).filter((c) => c.phase === 'reader').map((c) => c.n);
      const polluted = ({} as Record<string, unknown>)['qdPolluted'] === undefined ? [] : ['main world Object.prototype'];
      return { calls, polluted };
    });
    const isolated = await this.inExtensionWorld<{ calls: number[]; polluted: boolean }>(
      '({ calls: globalThis.__pwned ?? [], polluted: ({}).qdPolluted !== undefined })',
    );
    return {
      mainWorld: main.calls,
      extensionWorld: isolated.calls,
      polluted: [...main.polluted, ...(isolated.polluted ? ['extension world Object.prototype'] : [])],
    };
  }

  /** Problems (not payload runs) reported since the reader phase began. */
  problems(): string[] {
    return [
      ...this.dialogs.map((d) => `dialog ${d}`),
      ...this.pageErrors.map((e) => `page error ${e}`),
      ...this.isolatedExceptions.map((e) => `extension-world exception ${e}`),
      ...this.consoleErrors.map((e) => `console error ${e}`),
    ];
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }
}

/** Opens a generated page in a new tab, waits for the detector, returns the tab and its watch. */
export async function openGenerated(
  ext: ExtensionBrowser,
  generated: GeneratedPage | BrokenPage,
  options: { waitForLoad?: boolean } = {},
): Promise<{ page: Page; watch: TabWatch; release: () => Promise<void> }> {
  const page = await ext.context.newPage();
  const watch = await TabWatch.attach(page, ext);
  const { release } = await serveGenerated(page, generated);
  await page.goto(generated.url, { waitUntil: options.waitForLoad === false ? 'commit' : 'load' });
  // The background has caught up with this tab (its title is set per tab, from the URL first).
  await expect.poll(async () => (await toolbarButton(ext, page)).title, { timeout: 15_000 }).toMatch(/^(?:Read in Qingdu|Qingdu: not a BBC 中文 article)/);
  return { page, watch, release };
}

/** The page-level notice the extension shows instead of the overlay on BBC pages that are not articles. */
export function noticeOf(page: Page) {
  return page.locator('qingdu-notice [role="status"]');
}

/** A real toolbar click, then waits until the overlay is there. */
export async function openReader(ext: ExtensionBrowser, page: Page, timeout = 60_000): Promise<void> {
  await clickToolbarButton(ext, page);
  // Generous: extraction of the 5 MB page runs for seconds on this machine (a liveness bound, not a
  // timing assertion; the bench measures the time).
  await expect(dialogOf(page)).toBeVisible({ timeout });
}

export async function waitSettled(page: Page): Promise<void> {
  await expect(dialogOf(page)).not.toHaveAttribute('aria-busy', 'true', { timeout: 30_000 });
}

/** The overlay audit, run in the tab over the reader's shadow root. */
export function auditOverlay(page: Page): Promise<AuditFinding[]> {
  return page.evaluate(auditReaderInPage, { auditSource: auditTree.toString(), baseUrl: page.url() });
}

/**
 * Once every block is rendered (a very long article arrives in passes), scrolls the overlay from
 * top to bottom in about 200 steps (lazy photos load; handlers on them, had any survived, would
 * fire) and back, then waits until every photo that was requested has loaded or failed. Blocks off
 * screen are laid out only as they come near (content-visibility), so the height grows on the way:
 * the step is fixed at the start and the walk stops after 250 steps at most.
 */
export async function scrollThroughOverlay(page: Page): Promise<void> {
  await expect(dialogOf(page).locator('.qd-body[aria-busy="true"]')).toHaveCount(0, { timeout: 60_000 });
  await dialogOf(page).locator('.qd-scroll').evaluate(async (dialog) => {
    const frame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    const step = Math.max(400, dialog.clientHeight, Math.ceil(dialog.scrollHeight / 200));
    for (let top = 0, steps = 0; top < dialog.scrollHeight && steps < 250; top += step, steps += 1) {
      dialog.scrollTop = top;
      await frame();
    }
    dialog.scrollTop = 0;
    await frame();
  });
  await page.waitForFunction(() => {
    const root = Document.prototype.querySelector.call(document, 'qingdu-reader')?.shadowRoot;
    return !root || Array.from(root.querySelectorAll('img')).every((img) => img.complete || img.currentSrc === '');
  }, undefined, { timeout: 30_000 });
}

/** Moves the pointer over the overlay's photos, links and captions (mouseover/pointer handlers). */
export async function sweepPointer(page: Page): Promise<void> {
  const box = await dialogOf(page).boundingBox();
  if (!box) return;
  for (let y = box.y + 10; y < box.y + box.height; y += 60) {
    await page.mouse.move(box.x + box.width / 2, y, { steps: 2 });
  }
}
