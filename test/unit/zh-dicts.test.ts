// The generated dictionary files: committed, and exactly what scripts/build-zh-dicts.ts makes from
// the installed opencc-js (run `npm run zh-dicts` when this fails); the file format's checks; and
// the sorted-array longest-match lookup on small tables where the answer is known.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildZhDictionaries } from '../../scripts/build-zh-dicts.ts';
import { entriesOf, fileFromEntries, keyAt, longestKeyAt, parseDictionary, tableFromEntries } from '../../src/core/zh/dictionary.ts';
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
    const entries = entriesOf(st);
    expect(entries.length).toBeGreaterThan(50_000);
    const unsorted = entries.findIndex(([key], index) => index > 0 && (entries[index - 1]?.[0] ?? '') >= key);
    expect(unsorted).toBe(-1);
    const byKey = new Map(entries);
    expect(byKey.get('头发')).toBe('頭髮');
    expect(byKey.get('发')).toBe('發');
    expect(byKey.get('一了百了')).toBe('一了百了');
  });
});

describe('parseDictionary', () => {
  it.each([
    ['not JSON', '{'],
    ['not an object', 42],
    ['another format', { format: 'x', keys: '', values: '' }],
    ['the old format', { format: 'qingdu-zh-dict/1', keys: 'a', values: 'b' }],
    ['keys not strings', { format: 'qingdu-zh-dict/2', keys: ['a'], keyLengths: '1', values: 'b', valueLengths: '1' }],
    ['counts differ', { format: 'qingdu-zh-dict/2', keys: 'ab', keyLengths: '11', values: 'c', valueLengths: '1' }],
    ['lengths overrun the text', { format: 'qingdu-zh-dict/2', keys: 'ab', keyLengths: '3', values: 'c', valueLengths: '1' }],
    ['a zero length', { format: 'qingdu-zh-dict/2', keys: 'a', keyLengths: '01', values: 'cd', valueLengths: '11' }],
  ])('rejects %s', (_why, raw) => {
    expect(() => parseDictionary('test', raw)).toThrow(/zh dictionary "test"/);
  });

  it('round-trips entries, sorted, the later of a repeated key winning', () => {
    const file = fileFromEntries('t', 'test', [['b', '2'], ['a', '1'], ['ab', '3'], ['b', '4']]);
    expect(entriesOf(parseDictionary('t', JSON.stringify(file)))).toEqual([['a', '1'], ['ab', '3'], ['b', '4']]);
  });

  it('finds keys through the first-code-unit index in a larger table', () => {
    const entries = Array.from({ length: 600 }, (_, index) => [String.fromCharCode(0x4e00 + (index % 200)) + 'x'.repeat(index % 3), `v${index}`] as const);
    const table = tableFromEntries('big', entries);
    expect(keyAt(table, longestKeyAt(table, '丁xxx', 0))).toBe('丁xx');
    expect(longestKeyAt(table, 'a', 0)).toBe(-1);
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
    expect(index < 0 ? undefined : keyAt(table, index)).toBe(key);
  });

  it('converts and segments like OpenCC: phrases are segments, runs between them one segment', () => {
    expect(convertWithStep([table], '中国人民的中国人')).toBe('ZGRM的ZGR');
    expect(segmentText([table], '我中国人民的中国人')).toEqual(['我', '中国人民', '的', '中国', '人']);
    // A description sequence is skipped whole, as opencc-js does: the 中 inside stays.
    expect(convertWithStep([table], '⿰中国中')).toBe('⿰中国Z');
  });
});
