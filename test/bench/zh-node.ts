// Script-switch timings in Node, ours next to plain opencc-js, on the fixture articles as the
// reader converts them (the strings convertArticle hands the converter). Each first switch runs
// in a fresh Node process, so "cold" means cold: nothing loaded, nothing compiled; each row is
// RUNS fresh processes, ours and opencc-js alternating, reported as min / median (the machine is
// shared, so the median moves with other work; the min is the machine's best).
//   npx tsx test/bench/zh-node.ts [RUNS]
// Report only: the budgets (ratios to anchors in the same run, docs/ARCHITECTURE.md) are judged by
// `npm run bench`'s in-browser rows.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Converter, ZhTarget } from '../../src/core/zh/index.ts';
import { medianConvertMs, timeSwitch } from '../../src/core/zh/measure.ts';
import { median } from './report.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/bbc');
const ARTICLES = {
  'simp-2022': { file: 'derived-simp-2022-world-62912357.html', url: 'https://www.bbc.com/zhongwen/simp/world-62912357', variant: 'simp' },
  'trad-2023': { file: 'trad-2023-chinese-news-66748432.html', url: 'https://www.bbc.com/zhongwen/trad/chinese-news-66748432', variant: 'trad' },
} as const;
type ArticleName = keyof typeof ARTICLES;
type Engine = 'ours' | 'opencc-js';

/** The parent extracts each article once (jsdom and all) and hands the texts to the children in a file. */
async function articleTexts(name: ArticleName): Promise<string[]> {
  const [{ isArticle }, { extract }, { parsePage }, { readerTexts }] = await Promise.all([
    import('../../src/core/article.ts'),
    import('../../src/core/extract.ts'),
    import('../../src/node/parse-page.ts'),
    import('../unit/zh-corpus.ts'),
  ]);
  const { file, url } = ARTICLES[name];
  const page = parsePage(readFileSync(join(FIXTURES, file)), url);
  const result = extract(page.document, url);
  page.window.close();
  if (!isArticle(result)) throw new Error(`${file} is not an article`);
  return readerTexts(result);
}

const OPENCC_LOCALE: Record<ZhTarget, string> = { simp: 'cn', t: 't', tw: 'tw', twp: 'twp', hk: 'hk' };

/** Each child imports only its own engine, as the reader's tab would have only ours. */
async function converterFactory(
  engine: Engine,
  variant: 'simp' | 'trad',
): Promise<(to: ZhTarget, remember?: boolean) => Converter | Promise<Converter>> {
  if (engine === 'ours') {
    const [{ createConverterWith }, { nodeDictionaryLoader }] = await Promise.all([
      import('../../src/core/zh/converter.ts'),
      import('../../src/node/zh-dicts.ts'),
    ]);
    const load = nodeDictionaryLoader();
    return (to, remember = true) => createConverterWith({ from: 'auto', to, quotes: 'corner' }, load, { remember });
  }
  // opencc-js's converter for what the reader does: s2X on a simplified page, t2X (t2s) on a traditional one.
  const OpenCC = await import('opencc-js');
  return (to) => OpenCC.Converter({ from: variant === 'simp' ? 'cn' : 't', to: OPENCC_LOCALE[to] });
}

interface Measurement {
  engine: Engine;
  article: ArticleName;
  chars: number;
  firstTo: ZhTarget;
  firstMs: number;
  firstCreateMs: number;
  later: { label: string; ms: number }[];
}

/** One fresh process: the first switch, then the later ones the reader would make. */
async function measureOne(engine: Engine, article: ArticleName, firstTo: ZhTarget, textsFile: string): Promise<Measurement> {
  const texts = JSON.parse(readFileSync(textsFile, 'utf8')) as string[];
  const chars = texts.reduce((sum, text) => sum + text.length, 0);
  const create = await converterFactory(engine, ARTICLES[article].variant);
  const first = await timeSwitch(texts, () => create(firstTo));
  const later: { label: string; ms: number }[] = [];
  const others = (['tw', 'hk', 'simp'] as const).filter((to) => to !== firstTo);
  for (const to of others) later.push({ label: `switch to ${to} (new target)`, ms: (await timeSwitch(texts, () => create(to))).totalMs });
  // What the reader gets switching back: ours remembers converted texts; opencc-js's converter is
  // kept by the reader, so it is built outside the timing.
  const cached = await create(firstTo);
  later.push({ label: `back to ${firstTo} (converter kept)`, ms: medianConvertMs(texts, cached) });
  // The engine itself, warm, without remembering (opencc-js: the same as the row above).
  const fresh = await create(firstTo, false);
  later.push({ label: `${firstTo} again, warm, nothing remembered, median of 21`, ms: medianConvertMs(texts, fresh) });
  return { engine, article, chars, firstTo, firstMs: first.totalMs, firstCreateMs: first.createMs, later };
}

function runInFreshProcess(engine: Engine, article: ArticleName, to: ZhTarget, textsFile: string): Measurement {
  const output = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--one', engine, article, to, textsFile], {
    encoding: 'utf8',
  });
  return JSON.parse(output) as Measurement;
}

const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;

async function main(): Promise<void> {
  const [flag, engine, article, to, textsFile] = process.argv.slice(2);
  if (flag === '--one') {
    process.stdout.write(JSON.stringify(await measureOne(engine as Engine, article as ArticleName, to as ZhTarget, textsFile ?? '')));
    return;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'qingdu-zh-bench-'));
  const runs = Math.max(1, Number(flag ?? 5) || 5);
  const scenarios: [ArticleName, ZhTarget][] = [
    ['simp-2022', 'tw'],
    ['simp-2022', 'hk'],
    ['trad-2023', 'simp'],
  ];
  console.log(`${runs} fresh processes per row; min / median`);
  console.log('| switch | chars | engine | first switch | of which create | later switches (each) |');
  console.log('|---|---|---|---|---|---|');
  for (const [name, target] of scenarios) {
    const textsFile = join(scratch, `${name}.json`);
    // Once per article, however many of its switches are timed: extraction (jsdom) is the slow part.
    if (!existsSync(textsFile)) writeFileSync(textsFile, JSON.stringify(await articleTexts(name)));
    const results: Record<Engine, Measurement[]> = { ours: [], 'opencc-js': [] };
    for (let run = 0; run < runs; run++) {
      for (const engineName of ['ours', 'opencc-js'] as const) results[engineName].push(runInFreshProcess(engineName, name, target, textsFile));
    }
    for (const engineName of ['ours', 'opencc-js'] as const) {
      const rows = results[engineName];
      const stat = (pick: (row: Measurement) => number): string => {
        const values = rows.map(pick);
        return `${fmt(Math.min(...values))} / ${fmt(median(values))}`;
      };
      const later = (rows[0]?.later ?? []).map((row, index) => `${row.label}: ${stat((each) => each.later[index]?.ms ?? 0)}`).join('; ');
      const chars = rows[0]?.chars ?? 0;
      console.log(`| ${name} → ${target} | ${chars} | ${engineName} | ${stat((row) => row.firstMs)} | ${stat((row) => row.firstCreateMs)} | ${later} |`);
    }
  }
  rmSync(scratch, { recursive: true });
}

await main();
