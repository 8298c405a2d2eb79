// Rows measured inside a saved page in plain Chromium (no extension): the detector's work on page
// load next to `isProbablyReaderable`, extraction next to plain Readability, and conversion next to
// plain opencc-js, all timed in the page by the in-page bench bundle. Every run is a fresh load of
// the page, so the first call of each function is as cold as on a reader's first visit.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH, serveOffline } from '../e2e/support/chromium.ts';
import { DIST_CHROME } from '../e2e/support/pages.ts';
import type { BenchPage } from './pages.ts';
import { makeRow, missingRow, type BenchRow } from './report.ts';

/** The flags docs/TESTING.md gives for Debian's Chromium here. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface InPageOptions {
  runs: number;
  /** Runs on the long page (each is a 5 MB load and a Readability pass over it). */
  longPageRuns: number;
  /** Calls per run for the repeated (warm) measurements. */
  iterations: number;
}

interface PageSamples {
  detect: number[];
  readerable: number[];
  extract: number[];
  readability: number[];
  openccCold: number[];
  openccWarm: number[];
  projectCold: number[];
  projectWarm: number[];
  textLength: number;
}

export interface InPageResult {
  rows: BenchRow[];
  /** Plain opencc-js → 繁體·台灣 per article page: the anchors of the script-switch rows. */
  openccByPage: ReadonlyMap<string, { cold: number[]; warm: number[] }>;
  /** Plain Readability on the long page: the anchor of the long-page rows. */
  longPageReadability: number[];
}

const DETECTOR_BUDGET_MS = 1;

/** The dictionary files the extension packages (the build copies them to `zh/`). */
const DICTIONARY_DIR = join(DIST_CHROME, 'zh');

export async function measureInPage(pages: readonly BenchPage[], longPage: BenchPage, bundle: string, options: InPageOptions): Promise<InPageResult> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await serveOffline(context);
    await serveBenchPages(context, [...pages, longPage]);
    const dictionaries = readDictionaries();
    const page = await context.newPage();
    const byPage = new Map<string, PageSamples>();
    for (const benchPage of pages) {
      byPage.set(benchPage.name, await samplePage(page, benchPage, bundle, options.runs, options.iterations, dictionaries));
    }
    const long = await samplePage(page, longPage, bundle, options.longPageRuns, 1, null);
    return rowsFrom(byPage, longPage, long);
  } finally {
    await browser.close();
  }
}

/**
 * Serves each bench page's HTML at its URL (registered after `serveOffline`, so it answers first),
 * cross-origin isolated: that is what gives `performance.now()` 5 µs resolution instead of 100 µs,
 * which a 1 ms budget needs. Nothing the bench times depends on the isolation.
 */
async function serveBenchPages(context: BrowserContext, pages: readonly BenchPage[]): Promise<void> {
  const byUrl = new Map(pages.map((page) => [page.url, page.html]));
  await context.route(
    (url) => byUrl.has(url.href),
    (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'credentialless' },
        body: byUrl.get(route.request().url()) ?? '',
      }),
  );
}

/** The built extension's dictionary files (`zh/<pack>.bin`) as base64 by pack name, or null when there are none. */
function readDictionaries(): Record<string, string> | null {
  if (!existsSync(DICTIONARY_DIR)) return null;
  const files = readdirSync(DICTIONARY_DIR).filter((file) => file.endsWith('.bin'));
  return Object.fromEntries(files.map((file) => [basename(file, '.bin'), readFileSync(join(DICTIONARY_DIR, file)).toString('base64')]));
}

async function loadWithBundle(page: Page, url: string, bundle: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error(`${url}: not cross-origin isolated; timer resolution would be 100 µs`);
  await page.addScriptTag({ content: bundle });
}

async function samplePage(page: Page, benchPage: BenchPage, bundle: string, runs: number, iterations: number, dictionaries: Record<string, string> | null): Promise<PageSamples> {
  const samples: PageSamples = { detect: [], readerable: [], extract: [], readability: [], openccCold: [], openccWarm: [], projectCold: [], projectWarm: [], textLength: 0 };
  for (let run = 0; run < runs; run += 1) {
    await loadWithBundle(page, benchPage.url, bundle);
    const first = run % 2 === 0;
    const detector = await page.evaluate((detectFirst) => window.qingduBench.timeDetector(detectFirst), first);
    samples.detect.push(detector.detectMs);
    samples.readerable.push(detector.readerableMs);

    const extraction = await page.evaluate(([count, extractFirst]) => window.qingduBench.timeExtraction(count, extractFirst), [iterations, first] as const);
    samples.extract.push(...extraction.extractMs);
    samples.readability.push(...extraction.readabilityMs);
    if (!extraction.isArticle) continue;

    // Both conversions build their converter from nothing; the one that runs second finds shared
    // engine code already compiled, so the order alternates.
    const opencc = async (): Promise<void> => {
      const timing = await page.evaluate((count) => window.qingduBench.timeOpenccToTaiwan(window.qingduBench.textToConvert(), count), iterations);
      samples.openccCold.push(timing.openccColdMs);
      samples.openccWarm.push(...timing.openccWarmMs);
      samples.textLength = timing.textLength;
    };
    const project = async (): Promise<void> => {
      if (!dictionaries) return;
      await page.evaluate((files) => window.qingduBench.installDictionaries(files), dictionaries);
      const timing = await page.evaluate((count) => window.qingduBench.timeProjectToTaiwan(count), iterations);
      samples.projectCold.push(timing.projectColdMs);
      samples.projectWarm.push(...timing.projectWarmMs);
    };
    if (first) {
      await opencc();
      await project();
    } else {
      await project();
      await opencc();
    }
  }
  return samples;
}

function rowsFrom(byPage: ReadonlyMap<string, PageSamples>, longPage: BenchPage, long: PageSamples): InPageResult {
  const rows: BenchRow[] = [];
  const all = [...byPage, [longPage.name, long] as const];
  for (const [name, samples] of all) {
    rows.push(makeRow({ name: `detector cost · ${name}`, unit: 'ms', samples: samples.detect, budget: DETECTOR_BUDGET_MS, anchorSamples: samples.readerable }));
  }
  for (const [name, samples] of all) {
    rows.push(makeRow({ name: `extraction · ${name}`, unit: 'ms', samples: samples.extract, budget: { kind: 'ratio', max: 1 }, anchorSamples: samples.readability, anchorName: 'plain Readability' }));
  }
  for (const [name, samples] of byPage) {
    if (samples.openccCold.length === 0) continue;
    const label = `${name} (${samples.textLength} chars)`;
    rows.push(projectOrMissing(`zh → tw in page, cold · ${label}`, samples.projectCold, samples.openccCold));
    rows.push(projectOrMissing(`zh → tw in page, warm · ${name}`, samples.projectWarm, samples.openccWarm));
  }
  const openccByPage = new Map([...byPage].map(([name, samples]) => [name, { cold: samples.openccCold, warm: samples.openccWarm }]));
  return { rows, openccByPage, longPageReadability: long.readability };
}

function projectOrMissing(name: string, project: number[], opencc: number[]): BenchRow {
  if (project.length > 0) return makeRow({ name, unit: 'ms', samples: project, anchorSamples: opencc });
  const row = missingRow(name, 'ms', null, 'no dictionaries in dist/chrome/zh');
  return { ...row, anchor: makeRow({ name, unit: 'ms', samples: opencc }).median };
}
