// region.ts: whose variant characters a traditional text is written in, read from the text.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePack } from '../../src/core/zh/dictionary.ts';
import { countMarks, regionOf, variantMarksOf } from '../../src/core/zh/region.ts';
import { ZH_DICTIONARY_DIR } from '../../src/node/zh-dicts.ts';

const pack = decodePack('base', readFileSync(join(ZH_DICTIONARY_DIR, 'base.bin')));
const tw = pack.table('tw-variants-rev');
const hk = pack.table('hk-variants-rev');
const marks = variantMarksOf({ twVariants: pack.table('tw-variants'), twReversal: tw, hkVariants: pack.table('hk-variants'), hkReversal: hk });
const region = (text: string) => regionOf([tw], [hk], marks, text);

describe('variant marks', () => {
  it('are the characters only one region’s reversal changes: 著 裡 for Taiwan, 説 衞 for Hong Kong', () => {
    for (const char of ['著', '裡', '峰', '群']) expect(marks.tw.has(char)).toBe(true);
    for (const char of ['説', '衞', '綫', '户']) expect(marks.hk.has(char)).toBe(true);
    for (const char of ['為', '吃', '偽']) expect(marks.tw.has(char) || marks.hk.has(char)).toBe(false);
  });

  it('leave out what the other region writes too: Hong Kong’s variants give 才 and 核, which only Taiwan’s reversal lists', () => {
    expect(marks.tw.has('才')).toBe(false);
    expect(marks.tw.has('核')).toBe(false);
  });

  it('leave out 台, which Taiwan writes as often as Hong Kong', () => {
    expect(marks.hk.has('台')).toBe(false);
  });

  it('count only where the reversal changes the character: 著名 keeps its 著, 隨著 does not', () => {
    expect(countMarks([tw], marks.tw, '著名作家')).toBe(0);
    expect(countMarks([tw], marks.tw, '隨著時間，意味著')).toBe(2);
  });
});

describe('regionOf', () => {
  it.each([
    ['隨著經濟發展，台灣的台北', 'tw'],
    ['衞生署説，市民住在大廈裏', 'hk'],
    ['台灣', 'tw'],
    ['著名作家', 'tw'],
    ['Huawei Mate 60', 'tw'],
    ['他看著説', 'tw'],
    ['他看著説，衞生', 'hk'],
  ] as const)('%s → %s', (text, expected) => {
    expect(region(text)).toBe(expected);
  });
});
