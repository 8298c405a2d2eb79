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
import { openccOptions, openccWithFixes, plainOpencc, referenceAuto, referenceRegion } from './zh-reference.ts';

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

/**
 * The corpus has no Hong Kong text: the same texts as OpenCC writes them for Hong Kong (s2hk,
 * tw2hk: 着, 裏, 説, 衞) give auto's Hong Kong reversal real sentences to work on.
 */
const s2hk = plainOpencc('s2hk');
const tw2hk = plainOpencc('tw2hk');
const hongKongTexts = [...new Set(texts.flatMap((text) => [s2hk(text), tw2hk(text)]))].filter((text) => !texts.includes(text));

function mismatches(convert: Converter, reference: (text: string) => string, among: readonly string[] = texts): { text: string; ours: string; reference: string }[] {
  const found = [];
  for (const text of among) {
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

describe('the Hong Kong texts', () => {
  // Most differ from their source only in characters OpenCC's standard shares with Hong Kong (峯,
  // 羣): nothing marks them as Hong Kong's, and either reversal gives the same result.
  it('are hundreds, dozens of them with Hong Kong’s marks; no traditional fixture text reads as Hong Kong’s', () => {
    const region = referenceRegion();
    expect(hongKongTexts.length).toBeGreaterThan(250);
    expect(hongKongTexts.filter((text) => region(text) === 'hk').length).toBeGreaterThan(50);
    const traditionalTexts = corpus.filter((page) => page.file.includes('trad-')).flatMap((page) => page.texts);
    expect(traditionalTexts.filter((text) => region(text) === 'hk')).toEqual([]);
  });
});

describe.each(['simp', 't', 'tw', 'twp', 'hk'] as const)('auto → %s on every fixture text', (target) => {
  it('equals the reference: t2s or s2X for simplified texts, for traditional ones (stray normalisation, then) tw2X or hk2X by their variants', async () => {
    const convert = await createConverterWith({ from: 'auto', to: target, quotes: 'keep' }, load);
    expect(mismatches(convert, referenceAuto(target))).toEqual([]);
  });

  it('equals the reference on the same texts in Hong Kong’s characters', async () => {
    const convert = await createConverterWith({ from: 'auto', to: target, quotes: 'keep' }, load);
    expect(mismatches(convert, referenceAuto(target), hongKongTexts)).toEqual([]);
  });

  it('with the script’s quotes is the same text with its quotes turned by the quote rule', async () => {
    const quoted = await createConverterWith({ from: 'auto', to: target, quotes: 'corner' }, load);
    const reference = referenceAuto(target);
    const quote = target === 'simp' ? toCurlyQuotes : toCornerQuotes;
    expect(mismatches(quoted, (text) => quote(reference(text)))).toEqual([]);
  });
});
