// Script-switch timings in Node, ours next to plain opencc-js, on the fixture articles as the
// reader converts them (the strings convertArticle hands the converter). Each first switch runs
// in a fresh Node process, so "cold" means cold: nothing loaded, nothing compiled; each row is
// RUNS fresh processes, ours and opencc-js alternating, reported as min / median (the machine is
// shared, so the median moves with other work; the min is the machine's best).
//   npx tsx test/bench/zh-node.ts [RUNS]
// Budgets (issue 3, measured here, never asserted in tests): first switch ≤ 50 ms including
// loading dictionaries, later switches ≤ 5 ms. The in-browser rows are `npm run bench`'s.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { isArticle } from '../../src/core/article.ts';
import { extract } from '../../src/core/extract.ts';
import { createConverter, type ZhTarget } from '../../src/core/zh/index.ts';
import { medianConvertMs, timeSwitch } from '../../src/core/zh/measure.ts';
import { parsePage } from '../../src/node/parse-page.ts';
import { nodeDictionaryLoader } from '../../src/node/zh-dicts.ts';
import { readerTexts } from '../unit/zh-corpus.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/bbc');
const ARTICLES = {
  'simp-2022': { file: 'derived-simp-2022-world-62912357.html', url: 'https://www.bbc.com/zhongwen/simp/world-62912357', variant: 'simp' },
  'trad-2023': { file: 'trad-2023-chinese-news-66748432.html', url: 'https://www.bbc.com/zhongwen/trad/chinese-news-66748432', variant: 'trad' },
} as const;
type ArticleName = keyof typeof ARTICLES;
type Engine = 'ours' | 'opencc-js';

function articleTexts(name: ArticleName): string[] {
  const { file, url } = ARTICLES[name];
  const page = parsePage(readFileSync(join(FIXTURES, file)), url);
  const result = extract(page.document, url);
  if (!isArticle(result)) throw new Error(`${file} is not an article`);
  return readerTexts(result);
}

const OPENCC_LOCALE: Record<ZhTarget, string> = { simp: 'cn', t: 't', tw: 'tw', twp: 'twp', hk: 'hk' };

/** opencc-js's converter for what the reader does: s2X on a simplified page, t2X (t2s) on a traditional one. */
function openccConverter(variant: 'simp' | 'trad', to: ZhTarget): (text: string) => string {
  return OpenCC.Converter({ from: variant === 'simp' ? 'cn' : 't', to: OPENCC_LOCALE[to] });
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
async function measureOne(engine: Engine, article: ArticleName, firstTo: ZhTarget): Promise<Measurement> {
  const texts = articleTexts(article);
  const chars = texts.reduce((sum, text) => sum + text.length, 0);
  const { variant } = ARTICLES[article];
  const load = nodeDictionaryLoader();
  const create = (to: ZhTarget) =>
    engine === 'ours' ? createConverter({ from: 'auto', to, quotes: 'corner' }, load) : openccConverter(variant, to);
  const first = await timeSwitch(texts, () => create(firstTo));
  const later: { label: string; ms: number }[] = [];
  const others = (['tw', 'hk', 'simp'] as const).filter((to) => to !== firstTo);
  for (const to of others) later.push({ label: `switch to ${to} (new target)`, ms: (await timeSwitch(texts, () => create(to))).totalMs });
  const cached = engine === 'ours' ? await create(firstTo) : openccConverter(variant, firstTo);
  later.push({ label: `switch back to ${firstTo} (converter ready), median of 21`, ms: medianConvertMs(texts, cached) });
  return { engine, article, chars, firstTo, firstMs: first.totalMs, firstCreateMs: first.createMs, later };
}

function runInFreshProcess(engine: Engine, article: ArticleName, to: ZhTarget): Measurement {
  const output = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--one', engine, article, to], {
    encoding: 'utf8',
  });
  return JSON.parse(output) as Measurement;
}

const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;

async function main(): Promise<void> {
  const [flag, engine, article, to] = process.argv.slice(2);
  if (flag === '--one') {
    process.stdout.write(JSON.stringify(await measureOne(engine as Engine, article as ArticleName, to as ZhTarget)));
    return;
  }
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
    const results: Record<Engine, Measurement[]> = { ours: [], 'opencc-js': [] };
    for (let run = 0; run < runs; run++) {
      for (const engineName of ['ours', 'opencc-js'] as const) results[engineName].push(runInFreshProcess(engineName, name, target));
    }
    for (const engineName of ['ours', 'opencc-js'] as const) {
      const rows = results[engineName];
      const stat = (pick: (row: Measurement) => number): string => {
        const values = rows.map(pick).sort((a, b) => a - b);
        return `${fmt(values[0] ?? 0)} / ${fmt(values[Math.floor(values.length / 2)] ?? 0)}`;
      };
      const later = (rows[0]?.later ?? []).map((row, index) => `${row.label}: ${stat((each) => each.later[index]?.ms ?? 0)}`).join('; ');
      const chars = rows[0]?.chars ?? 0;
      console.log(`| ${name} → ${target} | ${chars} | ${engineName} | ${stat((row) => row.firstMs)} | ${stat((row) => row.firstCreateMs)} | ${later} |`);
    }
  }
}

await main();
