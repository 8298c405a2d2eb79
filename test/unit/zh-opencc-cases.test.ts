// OpenCC's own test cases (test/fixtures/opencc/, Apache-2.0) for every configuration we offer,
// run through our converter with `--quotes keep` and the matching source, next to plain
// opencc-js on the same cases: we must pass at least as many as it does, and every golden file.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConverter, type ZhSource, type ZhTarget } from '../../src/core/zh/index.ts';
import type { OpenccConfig } from '../../src/core/zh/routes.ts';
import { nodeDictionaryLoader } from '../../src/node/zh-dicts.ts';
import { plainOpencc } from './zh-reference.ts';

const OPENCC_DIR = join(import.meta.dirname, '../fixtures/opencc');

interface TestCase {
  id: string;
  input: string;
  expected: Partial<Record<string, string>>;
}

/** OpenCC reads testcases.json leniently; it has a trailing comma that JSON.parse rejects. */
function readTestCases(): TestCase[] {
  const text = readFileSync(join(OPENCC_DIR, 'testcases.json'), 'utf8').replace(/,(\s*[}\]])/g, '$1');
  return (JSON.parse(text) as { cases: TestCase[] }).cases;
}

const CASES = readTestCases();

/** Configuration → our options, and the pass count plain opencc-js 1.4.2 reaches here. */
const OFFERED: [OpenccConfig, ZhSource, ZhTarget, number][] = [
  ['s2t', 'simp', 't', 96],
  ['s2tw', 'simp', 'tw', 65],
  ['s2twp', 'simp', 'twp', 84],
  ['s2hk', 'simp', 'hk', 51],
  ['t2s', 't', 'simp', 52],
  ['tw2s', 'tw', 'simp', 32],
  ['hk2s', 'hk', 'simp', 21],
  ['t2tw', 't', 'tw', 10],
  ['t2hk', 't', 'hk', 17],
  ['tw2t', 'tw', 't', 18],
  ['hk2t', 'hk', 't', 17],
];

const load = nodeDictionaryLoader();

describe.each(OFFERED)('OpenCC test cases for %s', (config, from, to, openccPasses) => {
  const cases = CASES.flatMap((testCase) => {
    const expected = testCase.expected[config];
    return expected === undefined ? [] : [{ id: testCase.id, input: testCase.input, expected }];
  });

  it(`pass at least as often as plain opencc-js (${openccPasses})`, async () => {
    const convert = await createConverter({ from, to, quotes: 'keep' }, load);
    const opencc = plainOpencc(config);
    const oursFailing = cases.filter((testCase) => convert(testCase.input) !== testCase.expected);
    const openccFailing = cases.filter((testCase) => opencc(testCase.input) !== testCase.expected);
    expect(cases.length - openccFailing.length).toBe(openccPasses);
    // Every case we fail, opencc-js fails too.
    expect(oursFailing.map((testCase) => testCase.id)).toEqual(
      openccFailing.filter((testCase) => oursFailing.includes(testCase)).map((testCase) => testCase.id),
    );
    expect(cases.length - oursFailing.length).toBeGreaterThanOrEqual(openccPasses);
  });
});

describe.each(['s2t', 's2tw', 's2twp', 's2hk'] as const)('OpenCC golden file us_constitution_zhs.%s.txt', (config) => {
  it('is reproduced exactly', async () => {
    const input = readFileSync(join(OPENCC_DIR, 'us_constitution_zhs.txt'), 'utf8');
    const expected = readFileSync(join(OPENCC_DIR, `us_constitution_zhs.${config}.txt`), 'utf8');
    const target = config.slice(2) as ZhTarget;
    const convert = await createConverter({ from: 'simp', to: target, quotes: 'keep' }, load);
    expect(convert(input)).toBe(expected);
  });
});
