// Rows measured with the built extension in Chromium, through the real toolbar click
// (Extensions.triggerAction): click → overlay painted (next to a plain Readability reader, an
// extension of its own loaded beside ours and clicked the same way: peer-reader.ts), the first
// (cold) and later (warm) switch to
// 繁體·台灣 (next to the frame floor: a click that changes one colour, painted; and the later
// switch's work in the page against the same DOM change written with no framework), the JS heap
// the open reader adds, and the long page. Every run is a fresh load of the
// page, so each click injects and starts the reader from nothing, as a reader's first click does.
// The pages are served by serve.ts, which pauses only http(s) requests: the extension's own files
// (its dictionaries) load as they do for users, not through Playwright's routing.

import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchChromiumWithExtension, tabTargetId, type ExtensionBrowser } from '../e2e/support/chromium.ts';
import { buildPeerExtension, PEER_BACKGROUND } from './bundle.ts';
import type { BenchPage } from './pages.ts';
import { serveOverCdp } from './serve.ts';
import { clockDrift } from './clock.ts';
import type { PaintTimes, ReaderScript, SwitchTimes, SwitchWork } from './probe.ts';
import { makeRow, median, missingRow, type BenchRow, type Budget, type Stages } from './report.ts';

/** Click → overlay painted: no slower than a plain Readability reader on the same click, same page. */
export const CLICK_TO_PAINT_BUDGET: Budget = { kind: 'ratio', max: 1 };
/** The old absolute budget of that row, kept as a report-only column. */
export const CLICK_TO_PAINT_REPORT_MS = 100;
/** First switch, cold: at most half of what plain opencc-js takes for the same conversion in the same page. */
export const COLD_SWITCH_BUDGET: Budget = { kind: 'ratio', max: 0.5 };
/** The old absolute budget of the first switch, kept as a report-only column. */
export const COLD_SWITCH_REPORT_MS = 50;
/** A later switch painted: within 4 ms of a click that changes one colour (the frame floor), same run. */
export const WARM_SWITCH_BUDGET: Budget = { kind: 'anchor-plus', plus: 4 };
/** A later switch's work in the page: at most 1.25× the same DOM change written with no framework. */
export const WARM_SWITCH_WORK_BUDGET: Budget = { kind: 'ratio', max: 1.25 };
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

/** A toolbar click timed to painted, with its stages (ms from the click). */
interface ClickSamples {
  clickToPaint: number[];
  /** Click → the reader's host element in the page (background, injection, the reader starting). */
  clickToHost: number[];
  /** Click → the article committed to the overlay's DOM (plus settings, extraction, render). */
  clickToDom: number[];
}

function clickSamples(): ClickSamples {
  return { clickToPaint: [], clickToHost: [], clickToDom: [] };
}

function addClick(samples: ClickSamples, click: { ms: number; clickAt: number; painted: PaintTimes }): void {
  samples.clickToPaint.push(click.ms);
  samples.clickToHost.push(click.painted.hostAt - click.clickAt);
  samples.clickToDom.push(click.painted.domAt - click.clickAt);
}

/** The stages of a click, as medians: what `explainOver` compares between ours and the peer. */
function clickStages(samples: ClickSamples): Stages {
  return {
    'click → host in the page (background, injection)': median(samples.clickToHost),
    'host → article in the DOM (extraction, render)': medianGap(samples.clickToDom, samples.clickToHost),
    'DOM → painted (style, layout, paint)': medianGap(samples.clickToPaint, samples.clickToDom),
  };
}

interface ArticleSamples {
  ours: ClickSamples;
  /** The plain Readability reader on the same page, clicked the same way, loads alternating with ours. */
  peer: ClickSamples;
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
  const peerPath = await buildPeerExtension();
  const ext = await launchChromiumWithExtension({ serve: 'none', alsoLoad: [peerPath] });
  try {
    const peerWorker =
      ext.context.serviceWorkers().find((worker) => worker.url().endsWith(`/${PEER_BACKGROUND}`)) ??
      (await ext.context.waitForEvent('serviceworker', { predicate: (worker) => worker.url().endsWith(`/${PEER_BACKGROUND}`) }));
    const readers: Readers = { ours: ext.extensionId, peer: new URL(peerWorker.url()).host };
    const page = ext.context.pages()[0] ?? (await ext.context.newPage());
    // Before the first navigation. The long page is generated, not a saved page: its URL is answered
    // ahead of the suites' rule.
    const server = await serveOverCdp(page, new Map([[longPage.url, longPage.html], [FRAME_FLOOR_URL, FRAME_FLOOR_HTML]]));
    // The first click since the browser started also wakes the service worker and compiles the
    // reader from nothing; it is its own row, and the runs below measure the clicks after it.
    const first = articles[0];
    if (!first) throw new Error('no article pages');
    await loadWithProbe(page, first.url, probe);
    const firstClick = (await clickToPaint(ext, page, readers, 'ours')).ms;
    await loadWithProbe(page, first.url, probe);
    const firstPeerClick = (await clickToPaint(ext, page, readers, 'peer')).ms;
    const byPage = new Map<string, ArticleSamples>();
    for (const article of articles) byPage.set(article.name, await sampleArticle(ext, page, readers, article, probe, options));
    const long = await sampleLongPage(ext, page, readers, longPage, probe, options.longPageRuns);
    const floor = await sampleFrameFloor(page, probe, options.runs * options.warmSwitches);
    server.assertNothingLeaked();
    return [
      makeRow({
        name: `click → overlay painted, first since browser start · ${first.name}`,
        unit: 'ms',
        samples: [firstClick],
        anchorSamples: [firstPeerClick],
        note: 'anchor: the plain Readability reader, its first click too (its service worker woken, its script compiled from nothing)',
      }),
      makeRow({
        name: 'click → a trivial change painted (the frame floor)',
        unit: 'ms',
        samples: floor,
        note: 'a button that only changes its own colour, timed like a switch, on an otherwise idle page: a response with no work, painted',
      }),
      ...rowsFrom(byPage, long, longPage, anchors, floor),
    ];
  } finally {
    await ext.context.close();
    rmSync(peerPath, { recursive: true, force: true });
  }
}

/** The extension ids of the two readers clicked: ours and the plain Readability peer. */
interface Readers {
  ours: string;
  peer: string;
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
 * The real toolbar click on `reader`'s button, timed: returns the time (ms) from the moment the
 * click is sent to its overlay showing the article painted. The target is looked up before the
 * clock starts.
 */
async function clickToPaint(ext: ExtensionBrowser, page: Page, readers: Readers, reader: keyof Readers): Promise<{ ms: number; clickAt: number; painted: PaintTimes }> {
  const targetId = await tabTargetId(ext, page);
  const offset = await pageClockOffset(page);
  const timeOrigin = await page.evaluate(() => window.qingduProbe.timeOrigin());
  const watched: 'qingdu' | 'peer' = reader === 'ours' ? 'qingdu' : 'peer';
  await page.evaluate((which) => window.qingduProbe.armOverlay(which), watched);
  const sentAt = performance.timeOrigin + performance.now();
  await ext.cdp.send('Extensions.triggerAction', { id: readers[reader], targetId });
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

async function sampleArticle(ext: ExtensionBrowser, page: Page, readers: Readers, article: BenchPage, probe: string, options: ExtensionOptions): Promise<ArticleSamples> {
  const samples: ArticleSamples = {
    ours: clickSamples(), peer: clickSamples(), coldSwitch: [], coldSwitchDom: [], coldSwitchComplete: [], coldSwitchPressed: [], warmSwitch: [], warmSwitchWork: [], inPageWork: { reader: [], plain: [] }, heapAddedMB: [],
  };
  const peerClick = async (): Promise<void> => {
    await loadWithProbe(page, article.url, probe);
    addClick(samples.peer, await clickToPaint(ext, page, readers, 'peer'));
  };
  for (let run = 0; run < options.runs; run += 1) {
    // The peer's load and click alternate with ours: before it on even runs, after it on odd ones.
    if (run % 2 === 0) await peerClick();
    await loadWithProbe(page, article.url, probe);
    addClick(samples.ours, await clickToPaint(ext, page, readers, 'ours'));
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
    // Last on the last load (it writes into the overlay): the reader's switch work against the least.
    if (run === options.runs - 1) {
      samples.inPageWork = await page.evaluate((rounds) => window.qingduProbe.switchWorkAgainstPlainDom('tw', rounds), IN_PAGE_WORK_ROUNDS);
    }
    if (run % 2 === 1) await peerClick();
  }
  for (let run = 0; run < options.runs; run += 1) {
    await loadWithProbe(page, article.url, probe);
    await clickToPaint(ext, page, readers, 'ours');
    const pressed = await switchScript(page, 'tw', HUMAN_PRESS_MS);
    samples.coldSwitchPressed.push(pressed.paintedAt - pressed.clickAt);
  }
  const session = await ext.context.newCDPSession(page);
  try {
    for (let run = 0; run < options.memoryRuns; run += 1) {
      await loadWithProbe(page, article.url, probe);
      const before = await heapUsedAfterGc(session);
      await clickToPaint(ext, page, readers, 'ours');
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
  ours: ClickSamples;
  peer: ClickSamples;
  longestTask: number[];
  longTasks: number;
}

async function sampleLongPage(ext: ExtensionBrowser, page: Page, readers: Readers, longPage: BenchPage, probe: string, runs: number): Promise<LongPageSamples> {
  const samples: LongPageSamples = { ours: clickSamples(), peer: clickSamples(), longestTask: [], longTasks: 0 };
  for (let run = 0; run < runs; run += 1) {
    await loadWithProbe(page, longPage.url, probe);
    addClick(samples.peer, await clickToPaint(ext, page, readers, 'peer'));
    await loadWithProbe(page, longPage.url, probe);
    await page.evaluate(() => window.qingduProbe.watchLongTasks());
    const click = await clickToPaint(ext, page, readers, 'ours');
    addClick(samples.ours, click);
    const { clickAt } = click;
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

const PEER_NAME = 'the plain Readability reader';

/** Click → overlay painted, ours against the plain Readability reader's on the same page. */
function clickRows(name: string, samples: { ours: ClickSamples; peer: ClickSamples }): BenchRow[] {
  const peerStages = clickStages(samples.peer);
  const stageNote = (stages: Stages): string =>
    `stage medians: ${Object.entries(stages).map(([stage, value]) => `${stage} ${value.toFixed(1)} ms`).join(', ')}`;
  return [
    makeRow({
      name: `click → overlay painted · ${name}`,
      unit: 'ms',
      samples: samples.ours.clickToPaint,
      budget: CLICK_TO_PAINT_BUDGET,
      anchorSamples: samples.peer.clickToPaint,
      anchorName: PEER_NAME,
      reportLimit: CLICK_TO_PAINT_REPORT_MS,
      stages: clickStages(samples.ours),
      anchorStages: peerStages,
      note: stageNote(clickStages(samples.ours)),
    }),
    makeRow({
      name: `click → plain Readability reader painted (the anchor) · ${name}`,
      unit: 'ms',
      samples: samples.peer.clickToPaint,
      note: `${stageNote(peerStages)}; an extension of its own, clicked the same way: Readability.parse of a clone, DOMPurify, content rendered into a shadow root`,
    }),
  ];
}

/** Medians of `later − earlier`, sample by sample. */
function medianGap(later: readonly number[], earlier: readonly number[]): number {
  return median(later.map((value, index) => value - (earlier[index] ?? Number.NaN)));
}

function rowsFrom(byPage: ReadonlyMap<string, ArticleSamples>, long: LongPageSamples, longPage: BenchPage, anchors: ExtensionAnchors, frameFloor: number[]): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const [name, samples] of byPage) rows.push(...clickRows(name, samples));
  for (const [name, samples] of byPage) {
    const opencc = anchors.openccByPage.get(name);
    rows.push(
      makeRow({
        name: `first switch → tw, cold · ${name}`,
        unit: 'ms',
        samples: samples.coldSwitch,
        budget: COLD_SWITCH_BUDGET,
        anchorSamples: opencc?.cold ?? [],
        anchorName: 'plain opencc-js',
        reportLimit: COLD_SWITCH_REPORT_MS,
        stages: {
          'click → converted text in the DOM (dictionaries, conversion, render)': median(samples.coldSwitchDom),
          'DOM → painted': medianGap(samples.coldSwitch, samples.coldSwitchDom),
        },
        note: `median click → converted text in the DOM +${median(samples.coldSwitchDom).toFixed(1)} ms; anchor: plain opencc-js (cn → tw) building its converter and converting the same text in the same page, cold`,
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
        budget: WARM_SWITCH_BUDGET,
        anchorSamples: frameFloor,
        anchorName: 'the frame floor',
        stages: { 'click → DOM': median(samples.warmSwitchWork), 'DOM → painted': medianGap(samples.warmSwitch, samples.warmSwitchWork) },
        note: 'anchor: the frame floor in this run (a click that changes one colour, painted)',
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
        budget: WARM_SWITCH_WORK_BUDGET,
        anchorSamples: samples.inPageWork.plain,
        anchorName: 'the same change written directly',
        note:
          'button.click() to committed and laid out (no input delivery, no paint); anchor: the same text and attributes written into the same nodes with no framework, laid out — the least any implementation pays',
      }),
    );
  }
  for (const [name, samples] of byPage) {
    rows.push(makeRow({ name: `memory: JS heap added by opening · ${name}`, unit: 'MB', samples: samples.heapAddedMB }));
  }
  if (long.ours.clickToPaint.length > 0) rows.push(...clickRows(longPage.name, long));
  else rows.push(missingRow(`click → overlay painted · ${longPage.name}`, 'ms', CLICK_TO_PAINT_BUDGET, 'not run'));
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
