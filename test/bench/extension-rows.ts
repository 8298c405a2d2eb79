// Rows measured with the built extension in Chromium, through the real toolbar click
// (Extensions.triggerAction): click → overlay painted, the first (cold) and later (warm) switch to
// 繁體·台灣 (next to the frame floor: a click that changes one colour, painted; and the later
// switch's work in the page against the same DOM change written with no framework), the JS heap
// the open reader adds, and the long page. Every run is a fresh load of the
// page, so each click injects and starts the reader from nothing, as a reader's first click does.
// The pages are served by serve.ts, which pauses only http(s) requests: the extension's own files
// (its dictionaries) load as they do for users, not through Playwright's routing.

import type { Page } from 'playwright-core';
import { launchChromiumWithExtension, tabTargetId, type ExtensionBrowser } from '../e2e/support/chromium.ts';
import type { BenchPage } from './pages.ts';
import { serveOverCdp } from './serve.ts';
import { clockDrift } from './clock.ts';
import type { PaintTimes, ReaderScript, SwitchTimes, SwitchWork } from './probe.ts';
import { makeRow, median, missingRow, type BenchRow } from './report.ts';

export const CLICK_TO_PAINT_BUDGET_MS = 100;
export const COLD_SWITCH_BUDGET_MS = 50;
export const WARM_SWITCH_BUDGET_MS = 5;
export const LONGEST_TASK_BUDGET_MS = 200;

export interface ExtensionOptions {
  runs: number;
  memoryRuns: number;
  longPageRuns: number;
  /** Later switches to 繁體·台灣 per run (each after a switch back to 原文). */
  warmSwitches: number;
}

/** Anchors measured in the same run by the in-page rows. */
export interface ExtensionAnchors {
  openccByPage: ReadonlyMap<string, { cold: number[]; warm: number[] }>;
  /** Plain Readability on the long page. */
  longPageReadability: number[];
}

interface ArticleSamples {
  clickToPaint: number[];
  /** Click → the reader's host element in the page (background, injection, the reader starting). */
  clickToHost: number[];
  /** Click → the article committed to the overlay's DOM (plus settings, extraction, render). */
  clickToDom: number[];
  coldSwitch: number[];
  coldSwitchDom: number[];
  /** Click → the whole article converted (blocks off screen follow the painted switch). */
  coldSwitchComplete: number[];
  /** The first switch again (fresh page), with a human-length press before the release. */
  coldSwitchPressed: number[];
  warmSwitch: number[];
  warmSwitchWork: number[];
  /** A later switch's work in the page, the reader's and the same DOM change written directly. */
  inPageWork: SwitchWork;
  heapAddedMB: number[];
}

/**
 * How long a person holds the mouse button in a click (studies of pointing put it around 80–130 ms;
 * Playwright's default is 0). The reader starts loading dictionaries on the press, so a real first
 * switch is timed once more with this press, in its own report-only row; the budget row keeps 0.
 */
const HUMAN_PRESS_MS = 100;

/** Rounds of `switchWorkAgainstPlainDom` per page (each: one reader switch, one plain change). */
const IN_PAGE_WORK_ROUNDS = 25;

/** Time to let page-load work (parsing, the detector's report, the button state) finish before a click. */
const SETTLE_MS = 400;
/** How long after the overlay is painted long tasks are still collected on the long page. */
const TRAILING_MS = 1500;

/**
 * The frame floor: a page whose one button, clicked, changes only its own colour, timed from the
 * click to painted exactly as the probe times a switch (the first frame showing the change, then a
 * task after it). What a visible response with no work costs in this browser on this machine: the
 * wait for the next frame (up to 16.7 ms at 60 Hz) and painting it. Not a strict floor for a switch:
 * on its otherwise idle page the wait for a frame can be longer than in the open reader (later
 * switches on traditional pages have painted sooner than its median).
 */
const FRAME_FLOOR_URL = 'https://example.org/qingdu-bench/frame-floor';
/** Its button counts its clicks and flips its colour; the probe times the click, as it times a switch. */
const FRAME_FLOOR_HTML = `<!doctype html><meta charset="utf-8"><title>frame floor</title>
<button id="target" style="margin:40px;width:160px;height:48px;background:#eee"
  onclick="this.dataset.clicks = Number(this.dataset.clicks || 0) + 1; this.style.background = this.dataset.clicks % 2 ? '#c00' : '#eee'">click</button>`;

export async function measureWithExtension(
  articles: readonly BenchPage[],
  longPage: BenchPage,
  probe: string,
  anchors: ExtensionAnchors,
  options: ExtensionOptions,
): Promise<BenchRow[]> {
  const ext = await launchChromiumWithExtension({ serve: 'none' });
  try {
    const page = ext.context.pages()[0] ?? (await ext.context.newPage());
    // Before the first navigation. The long page is generated, not a saved page: its URL is answered
    // ahead of the suites' rule.
    const server = await serveOverCdp(page, new Map([[longPage.url, longPage.html], [FRAME_FLOOR_URL, FRAME_FLOOR_HTML]]));
    // The first click since the browser started also wakes the service worker and compiles the
    // reader from nothing; it is its own row, and the runs below measure the clicks after it.
    const first = articles[0];
    if (!first) throw new Error('no article pages');
    await loadWithProbe(page, first.url, probe);
    const firstClick = (await clickToPaint(ext, page)).ms;
    const byPage = new Map<string, ArticleSamples>();
    for (const article of articles) byPage.set(article.name, await sampleArticle(ext, page, article, probe, options));
    const long = await sampleLongPage(ext, page, longPage, probe, options.longPageRuns);
    const floor = await sampleFrameFloor(page, probe, options.runs * options.warmSwitches);
    server.assertNothingLeaked();
    return [
      makeRow({ name: `click → overlay painted, first since browser start · ${first.name}`, unit: 'ms', samples: [firstClick] }),
      makeRow({
        name: 'click → a trivial change painted (the frame floor)',
        unit: 'ms',
        samples: floor,
        note: 'a button that only changes its own colour, timed like a switch, on an otherwise idle page: a response with no work, painted',
      }),
      ...rowsFrom(byPage, long, longPage, anchors, median(floor)),
    ];
  } finally {
    await ext.context.close();
  }
}

async function loadWithProbe(page: Page, url: string, probe: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.addScriptTag({ content: probe });
  await page.waitForTimeout(SETTLE_MS);
}

/**
 * How far the page's high-resolution clock is ahead of ours: both processes' clocks follow the
 * same wall clock, so the difference of their drifts from it is the offset (see `clockDrift`).
 */
async function pageClockOffset(page: Page): Promise<number> {
  const pageDrift = await page.evaluate(() => window.qingduProbe.clockDrift());
  return clockDrift() - pageDrift;
}

/**
 * The real toolbar click, timed: returns the time (ms) from the moment the click is sent to the
 * overlay showing the article painted. The target is looked up before the clock starts.
 */
async function clickToPaint(ext: ExtensionBrowser, page: Page): Promise<{ ms: number; clickAt: number; painted: PaintTimes }> {
  const targetId = await tabTargetId(ext, page);
  const offset = await pageClockOffset(page);
  const timeOrigin = await page.evaluate(() => window.qingduProbe.timeOrigin());
  await page.evaluate(() => window.qingduProbe.armOverlay());
  const sentAt = performance.timeOrigin + performance.now();
  await ext.cdp.send('Extensions.triggerAction', { id: ext.extensionId, targetId });
  const painted = await page.evaluate(() => window.qingduProbe.overlayPainted());
  // Our send time on the page's clock.
  const clickAt = sentAt + offset - timeOrigin;
  return { ms: painted.paintedAt - clickAt, clickAt, painted };
}

/**
 * A real mouse click on a script button inside the overlay, timed from the click event (the
 * release) to painted. `pressMs`: how long the button is held down before the release.
 */
async function switchScript(page: Page, script: ReaderScript, pressMs = 0): Promise<SwitchTimes> {
  const button = page.locator(`qingdu-reader [data-script="${script}"]`);
  const box = await button.boundingBox();
  if (!box) throw new Error(`no visible ${script} button in the overlay`);
  await page.evaluate((wanted) => window.qingduProbe.armSwitch(wanted), script);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { delay: pressMs });
  return page.evaluate(() => window.qingduProbe.clickPainted());
}

async function sampleArticle(ext: ExtensionBrowser, page: Page, article: BenchPage, probe: string, options: ExtensionOptions): Promise<ArticleSamples> {
  const samples: ArticleSamples = {
    clickToPaint: [], clickToHost: [], clickToDom: [], coldSwitch: [], coldSwitchDom: [], coldSwitchComplete: [], coldSwitchPressed: [], warmSwitch: [], warmSwitchWork: [], inPageWork: { reader: [], plain: [] }, heapAddedMB: [],
  };
  for (let run = 0; run < options.runs; run += 1) {
    await loadWithProbe(page, article.url, probe);
    const click = await clickToPaint(ext, page);
    samples.clickToPaint.push(click.ms);
    samples.clickToHost.push(click.painted.hostAt - click.clickAt);
    samples.clickToDom.push(click.painted.domAt - click.clickAt);
    // Right after the overlay opened: the first switch loads its dictionaries.
    const cold = await switchScript(page, 'tw');
    samples.coldSwitch.push(cold.paintedAt - cold.clickAt);
    samples.coldSwitchDom.push(cold.domAt - cold.clickAt);
    samples.coldSwitchComplete.push(cold.completeAt - cold.clickAt);
    for (let index = 0; index < options.warmSwitches; index += 1) {
      await switchScript(page, 'original');
      const warm = await switchScript(page, 'tw');
      samples.warmSwitch.push(warm.paintedAt - warm.clickAt);
      samples.warmSwitchWork.push(warm.domAt - warm.clickAt);
    }
  }
  // Last on this load (it writes into the overlay): the reader's switch work against the least.
  samples.inPageWork = await page.evaluate((rounds) => window.qingduProbe.switchWorkAgainstPlainDom('tw', rounds), IN_PAGE_WORK_ROUNDS);
  for (let run = 0; run < options.runs; run += 1) {
    await loadWithProbe(page, article.url, probe);
    await clickToPaint(ext, page);
    const pressed = await switchScript(page, 'tw', HUMAN_PRESS_MS);
    samples.coldSwitchPressed.push(pressed.paintedAt - pressed.clickAt);
  }
  const session = await ext.context.newCDPSession(page);
  try {
    for (let run = 0; run < options.memoryRuns; run += 1) {
      await loadWithProbe(page, article.url, probe);
      const before = await heapUsedAfterGc(session);
      await clickToPaint(ext, page);
      await page.waitForTimeout(SETTLE_MS);
      const after = await heapUsedAfterGc(session);
      samples.heapAddedMB.push((after - before) / 1e6);
    }
  } finally {
    await session.detach();
  }
  return samples;
}

/** Used JS heap of the tab's renderer (page and extension worlds share it), after a full GC. */
async function heapUsedAfterGc(session: import('playwright-core').CDPSession): Promise<number> {
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  return usedSize;
}

interface LongPageSamples {
  clickToPaint: number[];
  longestTask: number[];
  longTasks: number;
}

async function sampleLongPage(ext: ExtensionBrowser, page: Page, longPage: BenchPage, probe: string, runs: number): Promise<LongPageSamples> {
  const samples: LongPageSamples = { clickToPaint: [], longestTask: [], longTasks: 0 };
  for (let run = 0; run < runs; run += 1) {
    await loadWithProbe(page, longPage.url, probe);
    await page.evaluate(() => window.qingduProbe.watchLongTasks());
    const { ms, clickAt } = await clickToPaint(ext, page);
    samples.clickToPaint.push(ms);
    await page.waitForTimeout(TRAILING_MS);
    const tasks = (await page.evaluate(() => window.qingduProbe.longTasks())).filter((task) => task.startTime + task.duration >= clickAt);
    samples.longTasks += tasks.length;
    samples.longestTask.push(Math.max(0, ...tasks.map((task) => task.duration)));
  }
  return samples;
}

/** `runs` real clicks on the frame-floor page's button, each timed by the probe from the click to painted. */
async function sampleFrameFloor(page: Page, probe: string, runs: number): Promise<number[]> {
  await loadWithProbe(page, FRAME_FLOOR_URL, probe);
  const box = await page.locator('#target').boundingBox();
  if (!box) throw new Error('no button on the frame-floor page');
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    await page.evaluate(() => window.qingduProbe.armFloorClick());
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const times = await page.evaluate(() => window.qingduProbe.clickPainted());
    samples.push(times.paintedAt - times.clickAt);
  }
  return samples;
}

function rowsFrom(byPage: ReadonlyMap<string, ArticleSamples>, long: LongPageSamples, longPage: BenchPage, anchors: ExtensionAnchors, frameFloorMs: number): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const [name, samples] of byPage) {
    const stages = `medians: reader's host in the page +${median(samples.clickToHost).toFixed(1)} ms, article in the DOM +${median(samples.clickToDom).toFixed(1)} ms`;
    rows.push(makeRow({ name: `click → overlay painted · ${name}`, unit: 'ms', samples: samples.clickToPaint, budget: CLICK_TO_PAINT_BUDGET_MS, note: stages }));
  }
  for (const [name, samples] of byPage) {
    const opencc = anchors.openccByPage.get(name);
    rows.push(
      makeRow({
        name: `first switch → tw, cold · ${name}`,
        unit: 'ms',
        samples: samples.coldSwitch,
        budget: COLD_SWITCH_BUDGET_MS,
        anchorSamples: opencc?.cold ?? [],
        note: `median click → converted text in the DOM +${median(samples.coldSwitchDom).toFixed(1)} ms`,
      }),
    );
    rows.push(
      makeRow({
        name: `first switch → tw, cold, click → whole article converted · ${name}`,
        unit: 'ms',
        samples: samples.coldSwitchComplete,
        anchorSamples: opencc?.cold ?? [],
        note: 'the switch shows the blocks on screen converted; the blocks off screen are converted right after that frame (DOM time)',
      }),
    );
    rows.push(
      makeRow({
        name: `first switch → tw, cold, ${HUMAN_PRESS_MS} ms press · ${name}`,
        unit: 'ms',
        samples: samples.coldSwitchPressed,
        anchorSamples: opencc?.cold ?? [],
        note: `as a person clicks: the button held ${HUMAN_PRESS_MS} ms (dictionaries start loading on the press); timed from the release`,
      }),
    );
  }
  for (const [name, samples] of byPage) {
    const opencc = anchors.openccByPage.get(name);
    rows.push(
      makeRow({
        name: `later switch → tw, warm · ${name}`,
        unit: 'ms',
        samples: samples.warmSwitch,
        budget: WARM_SWITCH_BUDGET_MS,
        anchorSamples: opencc?.warm ?? [],
        note: `the frame floor in this run (a click that changes one colour, painted): ${frameFloorMs.toFixed(1)} ms`,
      }),
    );
    rows.push(
      makeRow({
        name: `later switch → tw, warm, click → DOM · ${name}`,
        unit: 'ms',
        samples: samples.warmSwitchWork,
        anchorSamples: opencc?.warm ?? [],
        note: 'the work alone: from the click event to the converted text committed to the DOM, without waiting for the next frame',
      }),
    );
    rows.push(
      makeRow({
        name: `later switch → tw, in-page work against the same DOM change written directly · ${name}`,
        unit: 'ms',
        samples: samples.inPageWork.reader,
        anchorSamples: samples.inPageWork.plain,
        note:
          'button.click() to committed and laid out (no input delivery, no paint); anchor: the same text and attributes written into the same nodes with no framework, laid out — the least any implementation pays',
      }),
    );
  }
  for (const [name, samples] of byPage) {
    rows.push(makeRow({ name: `memory: JS heap added by opening · ${name}`, unit: 'MB', samples: samples.heapAddedMB }));
  }
  rows.push(
    long.clickToPaint.length > 0
      ? makeRow({ name: `click → overlay painted · ${longPage.name}`, unit: 'ms', samples: long.clickToPaint, anchorSamples: anchors.longPageReadability })
      : missingRow(`click → overlay painted · ${longPage.name}`, 'ms', null, 'not run'),
  );
  const longestTask = `longest task, click → painted + ${TRAILING_MS / 1000} s · ${longPage.name}`;
  rows.push(
    long.longestTask.length > 0
      ? makeRow({
          name: longestTask,
          unit: 'ms',
          samples: long.longestTask,
          budget: LONGEST_TASK_BUDGET_MS,
          anchorSamples: anchors.longPageReadability,
          note:
            long.longTasks === 0
              ? 'no task of 50 ms or more (the Long Tasks API reports only those): 0 means none'
              : `${long.longTasks} long tasks in all runs; anchor: plain Readability's parse, one task`,
        })
      : missingRow(longestTask, 'ms', LONGEST_TASK_BUDGET_MS, 'not run'),
  );
  return rows;
}
