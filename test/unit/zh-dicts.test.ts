// The generated dictionary files: committed, and exactly what scripts/build-zh-dicts.ts makes from
// the installed opencc-js (run `npm run zh-dicts` when this fails); the pack format's checks; and
// the sorted-array longest-match lookup on small tables where the answer is known.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildZhDictionaries } from '../../scripts/build-zh-dicts.ts';
import { DICTIONARY_FORMAT, decodePack, dictionaryFromEntries, encodePack, entriesOf, keyAt, longestKeyAt, tableFromEntries } from '../../src/core/zh/dictionary.ts';
import { convertWithStep, segmentText } from '../../src/core/zh/engine.ts';
import { DICTIONARY_PACKS, ZH_PACK_FILES } from '../../src/core/zh/routes.ts';
import { ZH_DICTIONARY_DIR } from '../../src/node/zh-dicts.ts';

describe('generated dictionary files', () => {
  it('are the committed files, byte for byte, and nothing else', async () => {
    const built = await buildZhDictionaries();
    expect(readdirSync(ZH_DICTIONARY_DIR).sort()).toEqual([...built.keys()].sort());
    expect([...built.keys()].sort()).toEqual(ZH_PACK_FILES.map((pack) => `${pack}.bin`).sort());
    for (const [name, bytes] of built) {
      expect(Buffer.from(bytes).equals(readFileSync(join(ZH_DICTIONARY_DIR, name))), `${name} is stale: run npm run zh-dicts`).toBe(true);
    }
  });

  it('hold the dictionaries routes.ts puts in them, as sorted tables of OpenCC’s entries', () => {
    for (const pack of ZH_PACK_FILES) {
      expect(decodePack(pack, readFileSync(join(ZH_DICTIONARY_DIR, `${pack}.bin`))).names).toEqual(DICTIONARY_PACKS[pack]);
    }
    const st = decodePack('st', readFileSync(join(ZH_DICTIONARY_DIR, 'st.bin'))).table('st');
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

describe('the pack format', () => {
  const sample = [
    dictionaryFromEntries('one', 'test', [['b', '2'], ['a', '1'], ['ab', '3'], ['b', '4']]),
    dictionaryFromEntries('two', 'test', [['𠮷', '吉'], ['\uFEFF', 'bom'], ['中国', '中國']]),
  ];

  /** Enough keys per first code unit for the pack to store its buckets (8 keys, 2 units). */
  const dense = dictionaryFromEntries('dense', 'test', ['中', '中国', '中国人', '中间', '国', '国人', '国家', '国王'].map((key, index) => [key, `v${index}`] as const));

  it('keeps a byte-order mark at the very start of the key and value texts (the decoder must not strip it)', () => {
    const bom = dictionaryFromEntries('bom', 'test', [['\uFEFF甲', '\uFEFF乙'], ['\uFFEE', 'x']]);
    expect(entriesOf(decodePack('p', encodePack([bom])).table('bom'))).toEqual([['\uFEFF甲', '\uFEFF乙'], ['\uFFEE', 'x']]);
  });

  it('refuses to write a lone surrogate, which would come back as U+FFFD', () => {
    expect(() => dictionaryFromEntries('lone', 'test', [['\uD842', 'a']])).toThrow(/zh dictionary "lone": cannot store/);
    expect(() => dictionaryFromEntries('lone', 'test', [['a', 'b\uDFB7']])).toThrow(/zh dictionary "lone": cannot store/);
  });

  it('round-trips entries, sorted, the later of a repeated key winning; a surrogate pair is a character like any other', () => {
    const pack = decodePack('p', encodePack(sample));
    expect(pack.names).toEqual(['one', 'two']);
    expect(entriesOf(pack.table('one'))).toEqual([['a', '1'], ['ab', '3'], ['b', '4']]);
    // Sorted by UTF-16 code unit: the surrogate pair (U+D842 …) before U+FEFF.
    expect(entriesOf(pack.table('two'))).toEqual([['中国', '中國'], ['𠮷', '吉'], ['\uFEFF', 'bom']]);
    expect(() => pack.table('three')).toThrow(/zh dictionary "three": not in p/);
  });

  it('leaves out a phrase value that converting its key character by character gives, and derives it back', () => {
    const entries: [string, string][] = [['头', '頭'], ['发', '發'], ['达', '達'], ['头发', '頭髮'], ['发达', '發達'], ['𠮷', '吉'], ['𠮷人', '吉人'], ['中国', '中國'], ['一了百了', '一了百了']];
    const data = dictionaryFromEntries('d', 'test', entries);
    const bytes = encodePack([data]);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + new DataView(bytes.buffer).getUint32(4, true)))) as { dictionaries: { derived: number; valueUnits: number }[] };
    // 发达 → 發達, 𠮷人 → 吉人 (人 has no entry: kept), 一了百了 (none has an entry): derived. 头发 → 頭髮
    // (not 頭發) and 中国 → 中國 (neither character has an entry) are stored.
    expect(header.dictionaries[0]?.derived).toBe(3);
    expect(header.dictionaries[0]?.valueUnits).toBe('頭發達吉頭髮中國'.length);
    const table = decodePack('p', bytes).table('d');
    expect(entriesOf(table)).toEqual([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('rejects a derived value for a single character when it is looked up (it would derive from itself)', () => {
    // Written by hand: keys 发 发达, no stored value text, both value lengths 0.
    const header = new TextEncoder().encode(
      JSON.stringify({
        format: DICTIONARY_FORMAT,
        dictionaries: [{ name: 'd', source: 'test', size: 2, keyUnits: 3, valueUnits: 0, sharedLengths: false, derived: 2, buckets: 0 }],
      }),
    );
    const body = [0x53d1, 0x53d1, 0x8fbe].flatMap((unit) => [unit & 0xff, unit >> 8]).concat([1, 2], [0, 0]);
    const bytes = new Uint8Array(8 + header.length + body.length);
    bytes.set(new TextEncoder().encode('QDZH'));
    new DataView(bytes.buffer).setUint32(4, header.length, true);
    bytes.set(header, 8);
    bytes.set(body, 8 + header.length);
    const table = decodePack('p', bytes).table('d');
    expect(keyAt(table, 1)).toBe('发达');
    expect(() => entriesOf(table)).toThrow(/zh dictionary "d": the entry of "发" has no stored value/);
  });

  it('accepts an ArrayBuffer and a view that does not start at byte 0 (its buckets read from there too)', () => {
    const bytes = encodePack([...sample, dense]);
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    for (const raw of [shifted.subarray(3), bytes.slice().buffer]) {
      const pack = decodePack('p', raw);
      expect(entriesOf(pack.table('one'))).toHaveLength(3);
      const table = pack.table('dense');
      expect(keyAt(table, longestKeyAt(table, '国家队', 0))).toBe('国家');
    }
  });

  it('leaves values in when leaving some out would make the file larger', () => {
    // Every value as long as its key: no value lengths are stored. Deriving 发达 would save two
    // code units (4 bytes) but force all five value lengths (5 bytes) to be stored.
    const entries: [string, string][] = [['发', '發'], ['达', '達'], ['发达', '發達'], ['后', '後'], ['中国', '中國']];
    const bytes = encodePack([dictionaryFromEntries('d', 'test', entries)]);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + new DataView(bytes.buffer).getUint32(4, true)))) as { dictionaries: { derived: number; sharedLengths: boolean }[] };
    expect(header.dictionaries[0]).toMatchObject({ derived: 0, sharedLengths: true });
    expect(new Map(entriesOf(decodePack('p', bytes).table('d')))).toEqual(new Map(entries));
  });

  /** The sample pack with its header replaced (the body kept), to break one field at a time. */
  function withHeader(header: unknown): Uint8Array {
    const bytes = encodePack(sample);
    const oldLength = new DataView(bytes.buffer).getUint32(4, true);
    const text = new TextEncoder().encode(JSON.stringify(header));
    const out = new Uint8Array(8 + text.length + bytes.length - 8 - oldLength);
    out.set(bytes.subarray(0, 4));
    new DataView(out.buffer).setUint32(4, text.length, true);
    out.set(text, 8);
    out.set(bytes.subarray(8 + oldLength), 8 + text.length);
    return out;
  }
  const packed = encodePack(sample);
  const header = JSON.parse(new TextDecoder().decode(packed.subarray(8, 8 + new DataView(packed.buffer).getUint32(4, true)))) as {
    format: string;
    dictionaries: Record<string, unknown>[];
  };

  it.each([
    ['not bytes', 'a string'],
    ['JSON text, the old format', new TextEncoder().encode('{"format":"qingdu-zh-dict/2"}')],
    ['too short', new Uint8Array([0x51, 0x44])],
    ['a header longer than the file', (() => {
      const bytes = encodePack(sample);
      new DataView(bytes.buffer).setUint32(4, bytes.length, true);
      return bytes;
    })()],
    ['a header that is not JSON', withHeader(undefined)],
    ['another format', withHeader({ ...header, format: 'qingdu-zh-dict/2' })],
    ['no dictionary list', withHeader({ format: header.format })],
    ['an entry without its derived-values count (format 4)', withHeader({ ...header, dictionaries: [{ ...header.dictionaries[0], derived: undefined }, header.dictionaries[1]] })],
    ['a negative size', withHeader({ ...header, dictionaries: [{ ...header.dictionaries[0], size: -1 }, header.dictionaries[1]] })],
    ['a body shorter than the header says', withHeader({ ...header, dictionaries: [header.dictionaries[0], { ...header.dictionaries[1], keyUnits: 999 }] })],
    ['bytes after the last dictionary', (() => {
      const bytes = encodePack(sample);
      const out = new Uint8Array(bytes.length + 1);
      out.set(bytes);
      return out;
    })()],
  ])('rejects %s', (_why, raw) => {
    expect(() => decodePack('test', raw)).toThrow(/zh dictionary "(test|one|two)"/);
  });

  it('rejects lengths that do not add up to the text, when the table is made', () => {
    // Moves one unit from key text to value text: the counts still fill the file exactly.
    const broken = withHeader({
      ...header,
      dictionaries: [{ ...header.dictionaries[0], keyUnits: Number(header.dictionaries[0]?.['keyUnits']) - 1, valueUnits: Number(header.dictionaries[0]?.['valueUnits']) + 1 }, header.dictionaries[1]],
    });
    const pack = decodePack('test', broken);
    expect(() => pack.table('one')).toThrow(/zh dictionary "one": lengths do not match the text/);
  });

  it('stores the first-code-unit buckets of a table with many keys per unit, and checks them against the keys', () => {
    const bytes = encodePack([dense]);
    const table = decodePack('p', bytes).table('dense');
    expect(keyAt(table, longestKeyAt(table, '中国人民', 0))).toBe('中国人');
    expect(keyAt(table, longestKeyAt(table, '国家队', 0))).toBe('国家');
    expect(longestKeyAt(table, '人', 0)).toBe(-1);
    // The last 4 bytes are the two bucket sizes (4, 4). Any other split of the 8 keys no longer
    // lines up with them: the first bucket too short, or too long (its last key would start with 国).
    // The sizes must add up to the keys (checked when the table is made); a bucket's keys must
    // start with its unit (checked when a lookup reaches that bucket).
    const withSizes = (sizes: number[]): Uint8Array => {
      const broken = bytes.slice();
      broken.set([sizes[0]!, 0, sizes[1]!, 0], broken.length - 4);
      return broken;
    };
    expect(() => decodePack('p', withSizes([4, 5])).table('dense')).toThrow(/zh dictionary "dense": the first-code-unit buckets do not match the keys/);
    for (const sizes of [[3, 5], [5, 3]]) {
      const broken = decodePack('p', withSizes(sizes)).table('dense');
      expect(() => ['中', '国'].map((text) => longestKeyAt(broken, text, 0)), `sizes ${sizes.join(', ')}`).toThrow(/zh dictionary "dense": the first-code-unit buckets do not match the keys/);
    }
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
