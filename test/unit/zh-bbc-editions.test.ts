// Agreement with the BBC's own editions: texts the BBC published in both scripts, converted from
// one and compared with the other. The reader must agree at least as well as plain opencc-js (with
// the script's quote marks), and every remaining difference is listed with its class in
// test/fixtures/bbc-editions/differences.json, so a new one — a regression or a fix — shows here.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { createConverter, type Converter } from '../../src/core/zh/index.ts';
import { toCornerQuotes, toCurlyQuotes } from '../../src/core/zh/quotes.ts';
import { nodeDictionaryLoader } from '../../src/node/zh-dicts.ts';
import { agreement, differences, editionPairs, sides, type Direction, type EditionDifference } from './zh-bbc-editions.ts';

const pairs = editionPairs();
const load = nodeDictionaryLoader();
const DIRECTIONS: Direction[] = ['simp→tw', 'trad→simp'];

async function readerConversion(direction: Direction): Promise<Converter> {
  return createConverter({ from: 'auto', to: direction === 'simp→tw' ? 'tw' : 'simp', quotes: 'corner' }, load);
}

/** Plain opencc-js as the reader used it before: s2tw, and t2s for a traditional text; the script's quotes. */
function plainOpencc(direction: Direction): Converter {
  if (direction === 'simp→tw') {
    const s2tw = OpenCC.Converter({ from: 'cn', to: 'tw' });
    return (text) => toCornerQuotes(s2tw(text));
  }
  const t2s = OpenCC.Converter({ from: 't', to: 'cn' });
  return (text) => toCurlyQuotes(t2s(text));
}

function agreementOf(convert: Converter, direction: Direction): number {
  let same = 0;
  let total = 0;
  for (const pair of pairs) {
    const { source, bbc } = sides(pair, direction);
    const counted = agreement(convert(source), bbc);
    same += counted.same;
    total += counted.total;
  }
  return same / total;
}

interface ListedDifference extends EditionDifference {
  class: 'house style' | 'OpenCC gap' | 'our bug';
  note: string;
}

const listed = (
  JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/bbc-editions/differences.json'), 'utf8')) as {
    differences: ListedDifference[];
  }
).differences;

describe('the BBC’s own editions', () => {
  it('are dozens of texts, over a thousand characters, from three articles', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(35);
    expect(new Set(pairs.map((pair) => pair.article)).size).toBe(3);
    expect(pairs.reduce((sum, pair) => sum + pair.simp.length, 0)).toBeGreaterThan(1000);
  });

  it.each(DIRECTIONS)('%s: the reader agrees with the BBC at least as well as plain opencc-js', async (direction) => {
    const ours = agreementOf(await readerConversion(direction), direction);
    const plain = agreementOf(plainOpencc(direction), direction);
    expect(ours).toBeGreaterThanOrEqual(plain);
    expect(ours).toBeGreaterThan(0.98);
  });

  it('trad→simp: the reader writes what the BBC’s simplified edition writes, 着 included (盯着, 穿着)', async () => {
    const convert = await readerConversion('trad→simp');
    for (const pair of pairs) expect(convert(pair.trad)).toBe(pair.simp);
  });

  it('every remaining difference is listed with its class, and none is ours', async () => {
    const found: EditionDifference[] = [];
    for (const direction of DIRECTIONS) {
      const convert = await readerConversion(direction);
      for (const pair of pairs) {
        const { source, bbc } = sides(pair, direction);
        found.push(...differences(direction, pair.article, convert(source), bbc));
      }
    }
    expect(found).toEqual(listed.map(({ class: _class, note: _note, ...difference }) => difference));
    for (const difference of listed) {
      expect(['house style', 'OpenCC gap']).toContain(difference.class);
      expect(difference.note).not.toBe('');
    }
  });
});
