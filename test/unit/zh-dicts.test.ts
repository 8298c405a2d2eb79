// The generated dictionary files: committed, and exactly what scripts/build-zh-dicts.ts makes from
// the installed opencc-js (run `npm run zh-dicts` when this fails); the file format's checks; and
// the sorted-array longest-match lookup on small tables where the answer is known.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildZhDictionaries } from '../../scripts/build-zh-dicts.ts';
import { longestKeyAt, parseDictionary, serializeDictionary, tableFromEntries } from '../../src/core/zh/dictionary.ts';
import { convertWithStep, segmentText } from '../../src/core/zh/engine.ts';
import { ZH_DICTIONARY_FILES } from '../../src/core/zh/index.ts';
import { ZH_DICTIONARY_DIR } from '../../src/node/zh-dicts.ts';

describe('generated dictionary files', () => {
  it('are the committed files, byte for byte, and nothing else', async () => {
    const built = await buildZhDictionaries();
    expect(readdirSync(ZH_DICTIONARY_DIR).sort()).toEqual([...built.keys()].sort());
    expect([...built.keys()].sort()).toEqual(ZH_DICTIONARY_FILES.map((name) => `${name}.json`).sort());
    for (const [name, text] of built) {
      expect(readFileSync(join(ZH_DICTIONARY_DIR, name), 'utf8') === text, `${name} is stale: run npm run zh-dicts`).toBe(true);
    }
  });

  it('parse into sorted tables that hold OpenCC’s entries', () => {
    const st = parseDictionary('st', readFileSync(join(ZH_DICTIONARY_DIR, 'st.json'), 'utf8'));
    expect(st.keys.length).toBeGreaterThan(50_000);
    const unsorted = st.keys.findIndex((key, index) => index > 0 && (st.keys[index - 1] as string) >= key);
    expect(unsorted).toBe(-1);
    expect(st.values[st.keys.indexOf('头发')]).toBe('頭髮');
    expect(st.values[st.keys.indexOf('发')]).toBe('發');
  });
});

describe('parseDictionary', () => {
  it.each([
    ['not JSON', '{'],
    ['not an object', 42],
    ['another format', { format: 'x', keys: '', values: '' }],
    ['keys not strings', { format: 'qingdu-zh-dict/1', keys: ['a'], values: 'b' }],
    ['counts differ', { format: 'qingdu-zh-dict/1', keys: 'a|b', values: 'c' }],
  ])('rejects %s', (_why, raw) => {
    expect(() => parseDictionary('test', raw)).toThrow(/zh dictionary "test"/);
  });

  it('round-trips a table', () => {
    const table = tableFromEntries('t', [['b', '2'], ['a', '1'], ['ab', '3']]);
    expect(parseDictionary('t', JSON.stringify(serializeDictionary(table, 'test')))).toEqual(table);
  });
});

describe('longest match over a sorted table', () => {
  const table = tableFromEntries('t', [
    ['中', 'Z'],
    ['中国', 'ZG'],
    ['中国人民', 'ZGRM'],
    ['国', 'G'],
    ['人', 'R'],
    ['𠮷', 'J'],
    ['𠮷野', 'JY'],
  ]);

  it.each([
    ['中国人民银行', 0, '中国人民'],
    ['中国人', 0, '中国'],
    ['中', 0, '中'],
    ['中间', 0, '中'],
    ['国人', 0, '国'],
    ['人民', 1, undefined],
    ['𠮷野家', 0, '𠮷野'],
    ['a中', 0, undefined],
    ['a中', 1, '中'],
  ])('%s at %i → %s', (text, start, key) => {
    const index = longestKeyAt(table, text, start);
    expect(index < 0 ? undefined : table.keys[index]).toBe(key);
  });

  it('converts and segments like OpenCC: phrases are segments, runs between them one segment', () => {
    expect(convertWithStep([table], '中国人民的中国人')).toBe('ZGRM的ZGR');
    expect(segmentText([table], '我中国人民的中国人')).toEqual(['我', '中国人民', '的', '中国', '人']);
    // A description sequence is skipped whole, as opencc-js does: the 中 inside stays.
    expect(convertWithStep([table], '⿰中国中')).toBe('⿰中国Z');
  });
});
