// The converter against plain opencc-js on every paragraph, caption, heading and title of every
// fixture page, for every conversion we run. Without our phrase fixes the output must be
// opencc-js's exactly; with them, it must be opencc-js's with the same entries added (built with
// opencc-js's own Trie), and every text where the fixes change anything must contain a fix key.

import { describe, expect, it } from 'vitest';
import { createConverterWith, type Converter } from '../../src/core/zh/converter.ts';
import { ST_PHRASE_FIXES } from '../../src/core/zh/fixes.ts';
import { toCornerQuotes, toCurlyQuotes } from '../../src/core/zh/quotes.ts';
import { ROUTE_PLANS, configFor, type OpenccConfig, type ZhSource, type ZhTarget } from '../../src/core/zh/routes.ts';
import { nodeDictionaryLoader } from '../../src/node/zh-dicts.ts';
import { loadCorpus } from './zh-corpus.ts';
import { openccOptions, openccWithFixes, plainOpencc, referenceAuto } from './zh-reference.ts';

const corpus = loadCorpus();
const texts = corpus.flatMap((page) => page.texts);
const load = nodeDictionaryLoader();
const CONFIGS = Object.keys(ROUTE_PLANS) as OpenccConfig[];

/** The explicit source and target that select `config` (t2t etc. included). */
function optionsFor(config: OpenccConfig): { from: ZhSource; to: ZhTarget } {
  const { from, to } = openccOptions(config);
  const source: ZhSource = from === 'cn' ? 'simp' : (from as ZhSource);
  const target: ZhTarget = to === 'cn' ? 'simp' : (to as ZhTarget);
  if (configFor(source, target) !== config) throw new Error(`no options select ${config}`);
  return { from: source, to: target };
}

function mismatches(convert: Converter, reference: (text: string) => string): { text: string; ours: string; reference: string }[] {
  const found = [];
  for (const text of texts) {
    const ours = convert(text);
    const expected = reference(text);
    if (ours !== expected) found.push({ text, ours, reference: expected });
  }
  return found;
}

describe('the fixture corpus', () => {
  it('is the real pages, thousands of characters of them', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(9);
    expect(texts.join('').length).toBeGreaterThan(30_000);
  });
});

describe.each(CONFIGS)('%s on every fixture text', (config) => {
  it('equals plain opencc-js without our fixes', async () => {
    const convert = await createConverterWith({ ...optionsFor(config), quotes: 'keep' }, load, { fixes: false });
    expect(mismatches(convert, plainOpencc(config))).toEqual([]);
  });

  it('equals opencc-js with our fix entries, and differs from plain opencc-js only where a fix key occurs', async () => {
    const convert = await createConverterWith({ ...optionsFor(config), quotes: 'keep' }, load);
    expect(mismatches(convert, openccWithFixes(config))).toEqual([]);
    const plain = plainOpencc(config);
    for (const text of texts) {
      if (convert(text) !== plain(text)) expect(ST_PHRASE_FIXES.some((fix) => text.includes(fix.from))).toBe(true);
    }
  });
});

describe.each(['t', 'tw', 'twp', 'hk'] as const)('auto → %s on every fixture text', (target) => {
  it('equals the reference: s2X for simplified texts, stray normalisation then t2X for traditional ones', async () => {
    const convert = await createConverterWith({ from: 'auto', to: target, quotes: 'keep' }, load);
    expect(mismatches(convert, referenceAuto(target))).toEqual([]);
  });

  it('with corner quotes is the same text with “”‘’ turned by the quote rule', async () => {
    const corner = await createConverterWith({ from: 'auto', to: target, quotes: 'corner' }, load);
    const reference = referenceAuto(target);
    expect(mismatches(corner, (text) => toCornerQuotes(reference(text)))).toEqual([]);
  });
});

describe('auto → simp on every fixture text', () => {
  it('is t2s (with curly quotes restored)', async () => {
    const convert = await createConverterWith({ from: 'auto', to: 'simp', quotes: 'corner' }, load);
    const t2s = plainOpencc('t2s');
    expect(mismatches(convert, (text) => toCurlyQuotes(t2s(text)))).toEqual([]);
  });
});
