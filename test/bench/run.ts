// `npm run bench [-- --quick] [-- --no-build]`: every budget of docs/ARCHITECTURE.md measured in
// real Chromium and Firefox, each next to its anchor measured in the same run, and judged as a ratio
// to it (or an offset from it) where the budget says so. Prints a table and writes the same rows to
// bench/results.json. Timings are noisy on a shared machine, so the bench never runs in `npm test`;
// it prints the load average so a reader can judge a run.
//
//   --quick     fewer runs
//   --no-build  measure the existing dist/ instead of running `npm run build` first
//   --no-firefox  only the Chromium rows
//   --shots <dir>  also save screenshots of the Firefox readers as first opened there, to look at
//   --wait-quiet  first wait (up to 30 minutes) until the 1-minute load average is below 1
//   --page <text>  only the saved pages whose row name contains <text> (and the long page),
//                  for a quick look at one page; the budgets still come from a full run

import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { buildExtension, buildInPageBundle, buildProbe, REPO_ROOT } from './bundle.ts';
import { measureWithExtension } from './extension-rows.ts';
import { measureInFirefox } from './firefox-rows.ts';
import { measureInPage } from './in-page-rows.ts';
import { makeLongPage } from './long-page.ts';
import { loadSavedPages } from './pages.ts';
import { formatTable, writeResults, type BenchRow } from './report.ts';
import { measureSizes } from './sizes.ts';

const RESULTS = join(REPO_ROOT, 'bench/results.json');

/** The commit measured, marked when the working tree has changes on top of it (a tree without git: "no git"). */
function revision(): string {
  const run = (args: string[]): string => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    return `${run(['rev-parse', '--short', 'HEAD'])}${run(['status', '--porcelain', '--untracked-files=no']) === '' ? '' : '+changes'}`;
  } catch {
    return 'no git';
  }
}

function loadAverage(): string {
  return loadavg().map((value) => value.toFixed(2)).join(' ');
}

/** Waits until other work on the machine has calmed down, so the timings are the code's, not the load's. */
async function waitForQuiet(): Promise<void> {
  const deadline = Date.now() + 30 * 60_000;
  while ((loadavg()[0] ?? 0) >= 1 && Date.now() < deadline) {
    console.log(`waiting for a quiet machine · load average ${loadAverage()}`);
    await new Promise((resolve) => setTimeout(resolve, 15_000));
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const args = new Set(argv);
  const pageIndex = argv.indexOf('--page');
  const pageFilter = pageIndex >= 0 ? argv[pageIndex + 1] : undefined;
  if (pageIndex >= 0 && !pageFilter) throw new Error('--page needs a part of a page name, e.g. --page 2022');
  const shotsIndex = argv.indexOf('--shots');
  const shotsDir = shotsIndex >= 0 ? argv[shotsIndex + 1] : undefined;
  if (shotsIndex >= 0 && !shotsDir) throw new Error('--shots needs a directory');
  if (shotsDir) mkdirSync(shotsDir, { recursive: true });
  const quick = args.has('--quick');
  if (args.has('--wait-quiet')) await waitForQuiet();
  const started = performance.now();
  console.log(`qingdu bench${quick ? ' (quick)' : ''}${pageFilter === undefined ? '' : ` · pages matching ${JSON.stringify(pageFilter)}`} · ${revision()} · ${new Date().toISOString()} · load average ${loadAverage()}`);

  if (!args.has('--no-build')) buildExtension();
  const bundle = await buildInPageBundle();
  const pages = loadSavedPages().filter((page) => pageFilter === undefined || page.name.includes(pageFilter));
  if (pages.length === 0) throw new Error(`no saved page's name contains ${JSON.stringify(pageFilter)}`);
  const longPage = makeLongPage();

  const rows: BenchRow[] = [...measureSizes()];
  const inPage = await measureInPage(pages, longPage, bundle, quick ? { runs: 3, longPageRuns: 1, iterations: 3 } : { runs: 10, longPageRuns: 3, iterations: 5 });
  rows.push(...inPage.rows);

  const articles = pages.filter((page) => page.kind === 'article');
  const probe = await buildProbe();
  rows.push(
    ...(await measureWithExtension(
      articles,
      longPage,
      probe,
      inPage,
      quick ? { runs: 2, memoryRuns: 1, longPageRuns: 1, warmSwitches: 2 } : { runs: 7, memoryRuns: 3, longPageRuns: 3, warmSwitches: 3 },
    )),
  );

  if (!args.has('--no-firefox')) rows.push(...(await measureInFirefox(articles, probe, { runs: quick ? 2 : 5, shotsDir })));

  console.log('');
  console.log(formatTable(rows));
  writeResults(RESULTS, rows);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(`\n${rows.length} rows → bench/results.json · ${seconds} s · load average ${loadAverage()}`);
}

await main();
