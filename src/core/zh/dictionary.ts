// The precompiled conversion dictionaries: their file format, and the longest-match lookup over them.
//
// Why not OpenCC's own trie: opencc-js builds one Map per trie node (hundreds of thousands of Maps
// for STPhrases), which costs ≈ 250 ms before the first character is converted. Here a dictionary
// holds its keys, sorted by UTF-16 code unit, as one string, its values as another, and one byte
// per entry for each key's and value's length. Loading is one pass that turns lengths into offsets
// — no per-entry strings, no Map. The lookup walks the sorted keys like a trie: the keys starting
// with the text's first code unit are found first (most characters start no key and are passed
// over at once), then at each further depth a binary search narrows the range of keys that share
// the text's prefix. Nothing is allocated per lookup.
//
// A file (a "pack", `<pack>.bin`) holds one or more dictionaries, so a script switch makes one or two
// requests, not one per dictionary. It is binary, not JSON: the texts are stored as UTF-16LE, which
// the platform's TextDecoder turns into a string at memory speed, where JSON.parse of the same 1 MB
// (UTF-8) took 5–15 ms of the first switch in the browser, and the file is 30 % smaller.
//
//   bytes 0–3   "QDZH"
//   bytes 4–7   header length H, uint32 little-endian
//   next H      header, UTF-8 JSON: { format, dictionaries: [{ name, source, size, keyUnits,
//               valueUnits, sharedLengths, derived, buckets }] } — size: entries; *Units: UTF-16
//               code units; sharedLengths: every value is as long as its key, so value lengths are
//               not stored; derived: how many values are not stored but derived (below; a
//               reader needs only whether there are any, to allow lengths of 0); buckets:
//               how many different code units keys start with, or 0 when the table has too few
//               keys per unit for them to pay (the index is then made from the keys)
//   then, per dictionary in header order:
//               key text (keyUnits × 2 bytes), value text (valueUnits × 2 bytes), key lengths
//               (size bytes), value lengths (size bytes, absent when sharedLengths), the code
//               units keys start with, ascending, and how many keys start with each (buckets ×
//               uint16 little-endian, each)
//   and nothing after the last.
// Every table finds the keys starting with a code unit through a code unit → bucket map, one write
// per bucket. A large table (st) stores its buckets, so the map is made without reading every key
// (that read cost ≈ 4 ms of still-unoptimised code on every first switch); a small one's buckets
// are counted from its keys when it is first searched.
//
// A derived value (stored length 0, no text) is the phrase converted character by character: each
// code point of its key replaced by the value of that code point's own entry in the same
// dictionary, or kept when it has none. 80 % of STPhrases are such phrases — they are there for
// the segmentation (where a phrase starts and ends), not for their values — and leaving their
// values out makes st.bin a third smaller, which is fetched on a first switch to traditional.

/** The header's `format`; bump it when the layout changes. */
export const DICTIONARY_FORMAT = 'qingdu-zh-dict/5';

const MAGIC = 'QDZH';
const PREAMBLE_BYTES = 8;

/** One dictionary's entries, as stored: sorted keys, values in key order, and their lengths. */
export interface DictionaryData {
  /** e.g. `st`. */
  name: string;
  /** Where the entries came from, e.g. `opencc-js 1.4.2: STPhrases, STCharacters`. */
  source: string;
  /** Every key, concatenated, in UTF-16 code unit order. */
  keys: string;
  /** One byte per key: its length in code units. */
  keyLengths: Uint8Array;
  /** Every value, concatenated, in key order. */
  values: string;
  /** One byte per value. */
  valueLengths: Uint8Array;
}

/**
 * What a pack stores of one dictionary's values: the same as `DictionaryData`'s, except that a
 * value equal to its derivation (`derivedValue`) has length 0 and no text.
 */
interface StoredValues {
  values: string;
  valueLengths: Uint8Array;
  derived: number;
}

/** A dictionary's line in a pack's header. */
interface PackEntry {
  name: string;
  source: string;
  size: number;
  keyUnits: number;
  valueUnits: number;
  sharedLengths: boolean;
  derived: number;
  buckets: number;
}

/** Keys grouped by their first code unit: `units` holds each group's unit (ascending), `sizes` its key count. */
interface Buckets {
  units: Uint16Array;
  sizes: Uint16Array;
}

/**
 * Below this many keys per first code unit on average, buckets are not stored (they would be
 * nearly as large as the keys) and the index is made by reading every key, as for small tables.
 */
const MIN_KEYS_PER_BUCKET = 4;

const MAX_LENGTH = 0xff;
const MAX_BUCKET = 0xffff;

/** A loaded dictionary. Key i is `keyText.slice(keyStart[i], keyStart[i + 1])`; value i, `valueAt`. */
export interface DictTable {
  readonly name: string;
  readonly size: number;
  readonly keyText: string;
  readonly keyStart: Uint32Array;
  readonly valueText: string;
  /** Value i is valueText[valueStart[i] .. valueStart[i + 1]), or derived when that is empty. */
  readonly valueStart: Uint32Array;
  /**
   * Where the keys starting with each code unit are. Made with the table when its file stores
   * buckets (st); otherwise from the keys by `indexTable`, which the converter calls for the tables
   * it will search as soon as their file has loaded, or by `longestKeyAt` on a first lookup — not
   * with every table, as some are only ever read key by key (script-chars).
   */
  index: BucketIndex | undefined;
}

/**
 * Code unit u starts the keys of bucket b = bucketOfUnit[u] - 1 (none if 0), which are indices
 * bucketStarts[b] .. bucketStarts[b + 1]. One write per bucket makes them, none per code unit.
 */
interface BucketIndex {
  bucketOfUnit: Uint16Array;
  bucketStarts: Uint32Array;
}

/** A loaded pack: its dictionaries by name, each turned into a table on first use. */
export interface DictPack {
  readonly names: readonly string[];
  /** The table of dictionary `name`; throws DictionaryFormatError if the pack has none by that name. */
  table(name: string): DictTable;
}

export class DictionaryFormatError extends Error {
  constructor(name: string, why: string) {
    super(`zh dictionary "${name}": ${why}`);
    this.name = 'DictionaryFormatError';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/**
 * Lengths → offsets (one more than entries); null if they do not add up to `total`, or if a length
 * is 0 where none may be (keys; values of a dictionary without derived values).
 */
function offsetsFromLengths(lengths: Uint8Array, total: number, zeros: boolean): Uint32Array | null {
  // Checked apart (natively), so that the loop below, which runs before the engine has optimised
  // it on a first switch, does as little as possible per entry.
  if (!zeros && lengths.indexOf(0) >= 0) return null;
  const offsets = new Uint32Array(lengths.length + 1);
  let at = 0;
  for (let index = 0; index < lengths.length; ) {
    at += lengths[index++] as number;
    offsets[index] = at;
  }
  return at === total ? offsets : null;
}

/** The keys' first code units and how many keys start with each (keys are sorted). */
function bucketsOf(table: DictTable): Buckets {
  const units = new Uint16Array(table.size);
  const sizes = new Uint16Array(table.size);
  let count = 0;
  let previous = -1;
  for (let key = 0; key < table.size; key++) {
    const unit = table.keyText.charCodeAt(table.keyStart[key] as number);
    if (unit !== previous) {
      units[count++] = unit;
      previous = unit;
    }
    const size = sizes[count - 1] as number;
    if (size === MAX_BUCKET) throw new DictionaryFormatError(table.name, `more than ${MAX_BUCKET} keys start with one code unit`);
    sizes[count - 1] = size + 1;
  }
  return { units: units.subarray(0, count), sizes: sizes.subarray(0, count) };
}

/**
 * Each bucket's first key (and, last, the number of keys), and each code unit's bucket, from the
 * buckets as stored. Checks that the units ascend and that the buckets hold every key; that a
 * bucket's keys start with its unit is checked when a lookup reaches it (`longestKeyAt`), not here
 * for every bucket on every first switch.
 */
function bucketIndexOf(name: string, buckets: Buckets, size: number): BucketIndex {
  const { units, sizes } = buckets;
  const mismatch = (): DictionaryFormatError => new DictionaryFormatError(name, 'the first-code-unit buckets do not match the keys');
  if (units.length >= 0xffff) throw mismatch();
  const bucketOfUnit = new Uint16Array(0x10000);
  const bucketStarts = new Uint32Array(units.length + 1);
  let at = 0;
  let previous = -1;
  for (let bucket = 0; bucket < units.length; ) {
    const unit = units[bucket] as number;
    const count = sizes[bucket] as number;
    if (unit <= previous || count === 0) throw mismatch();
    previous = unit;
    at += count;
    bucketOfUnit[unit] = ++bucket;
    bucketStarts[bucket] = at;
  }
  if (at !== size) throw mismatch();
  return { bucketOfUnit, bucketStarts };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function readUint16s(bytes: Uint8Array, from: number, count: number): Uint16Array {
  // The file is little-endian, as every platform a browser runs on: then it is one native copy.
  if (LITTLE_ENDIAN) return new Uint16Array(bytes.buffer.slice(bytes.byteOffset + from, bytes.byteOffset + from + count * 2));
  const values = new Uint16Array(count);
  for (let index = 0; index < count; index++) values[index] = (bytes[from + index * 2] as number) | ((bytes[from + index * 2 + 1] as number) << 8);
  return values;
}

/**
 * `buckets`: as stored in the file, if it stores them; otherwise the index is made from the keys
 * when the table is first searched (`indexTable`).
 * `derived`: whether some values are derived (length 0), as the file's header says.
 */
function makeTable(data: DictionaryData, buckets?: Buckets, derived = false): DictTable {
  const { name, keys, keyLengths, values, valueLengths } = data;
  if (keyLengths.length !== valueLengths.length) {
    throw new DictionaryFormatError(name, `${keyLengths.length} keys but ${valueLengths.length} values`);
  }
  const keyStart = offsetsFromLengths(keyLengths, keys.length, false);
  // Often every value is as long as its key (character for character); then the offsets are shared.
  const valueStart = valueLengths === keyLengths ? keyStart : offsetsFromLengths(valueLengths, values.length, derived);
  if (!keyStart || !valueStart) throw new DictionaryFormatError(name, 'lengths do not match the text');
  const size = keyLengths.length;
  const index = buckets ? bucketIndexOf(name, buckets, size) : undefined;
  return { name, size, keyText: keys, keyStart, valueText: values, valueStart, index };
}

function asBytes(raw: unknown): Uint8Array | null {
  if (raw instanceof ArrayBuffer) return new Uint8Array(raw);
  if (ArrayBuffer.isView(raw)) return new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
  return null;
}

/** The header's dictionary entries, and where the body (the first dictionary's key text) starts. */
function readHeader(pack: string, bytes: Uint8Array): { entries: PackEntry[]; bodyAt: number } {
  if (bytes.length < PREAMBLE_BYTES || String.fromCharCode(...bytes.subarray(0, 4)) !== MAGIC) {
    throw new DictionaryFormatError(pack, 'not a Qingdu dictionary file');
  }
  const headerBytes = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  if (PREAMBLE_BYTES + headerBytes > bytes.length) throw new DictionaryFormatError(pack, 'the header overruns the file');
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(PREAMBLE_BYTES, PREAMBLE_BYTES + headerBytes)));
  } catch {
    throw new DictionaryFormatError(pack, 'the header is not JSON');
  }
  if (!isRecord(header)) throw new DictionaryFormatError(pack, 'the header is not an object');
  if (header['format'] !== DICTIONARY_FORMAT) {
    throw new DictionaryFormatError(pack, `format is ${String(header['format'])}, expected ${DICTIONARY_FORMAT}`);
  }
  const listed = header['dictionaries'];
  if (!Array.isArray(listed)) throw new DictionaryFormatError(pack, 'the header lists no dictionaries');
  const entries = listed.map((entry: unknown): PackEntry => {
    if (
      !isRecord(entry) ||
      typeof entry['name'] !== 'string' ||
      typeof entry['source'] !== 'string' ||
      !isCount(entry['size']) ||
      !isCount(entry['keyUnits']) ||
      !isCount(entry['valueUnits']) ||
      typeof entry['sharedLengths'] !== 'boolean' ||
      !isCount(entry['derived']) ||
      !isCount(entry['buckets'])
    ) {
      throw new DictionaryFormatError(pack, `a bad dictionary entry in the header: ${JSON.stringify(entry)}`);
    }
    const { name, source, size, keyUnits, valueUnits, sharedLengths, derived, buckets } = entry;
    return { name, source, size, keyUnits, valueUnits, sharedLengths, derived, buckets };
  });
  return { entries, bodyAt: PREAMBLE_BYTES + headerBytes };
}

/**
 * Reads a pack file (what a `DictionaryLoader` returned: its bytes). The layout is checked here,
 * each dictionary's lengths and buckets' sizes when its table is first made, and what a lookup
 * reaches (a bucket's keys, a derived value's characters) when it reaches it.
 */
export function decodePack(pack: string, raw: unknown): DictPack {
  const bytes = asBytes(raw);
  if (!bytes) throw new DictionaryFormatError(pack, 'not bytes');
  const { entries, bodyAt } = readHeader(pack, bytes);
  const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });
  const located = new Map<string, () => DictTable>();
  let at = bodyAt;
  for (const entry of entries) {
    const keysAt = at;
    const valuesAt = keysAt + entry.keyUnits * 2;
    const keyLengthsAt = valuesAt + entry.valueUnits * 2;
    const valueLengthsAt = keyLengthsAt + entry.size;
    const bucketUnitsAt = valueLengthsAt + (entry.sharedLengths ? 0 : entry.size);
    const bucketSizesAt = bucketUnitsAt + entry.buckets * 2;
    const end = bucketSizesAt + entry.buckets * 2;
    at = end;
    if (end > bytes.length) throw new DictionaryFormatError(entry.name, 'the file is shorter than its header says');
    located.set(entry.name, () => {
      const keyLengths = bytes.subarray(keyLengthsAt, valueLengthsAt);
      const data: DictionaryData = {
        name: entry.name,
        source: entry.source,
        keys: utf16.decode(bytes.subarray(keysAt, valuesAt)),
        values: utf16.decode(bytes.subarray(valuesAt, keyLengthsAt)),
        keyLengths,
        valueLengths: entry.sharedLengths ? keyLengths : bytes.subarray(valueLengthsAt, bucketUnitsAt),
      };
      const buckets = entry.buckets === 0 ? undefined : { units: readUint16s(bytes, bucketUnitsAt, entry.buckets), sizes: readUint16s(bytes, bucketSizesAt, entry.buckets) };
      return makeTable(data, buckets, entry.derived > 0);
    });
  }
  if (at !== bytes.length) throw new DictionaryFormatError(pack, 'the file is longer than its header says');
  const tables = new Map<string, DictTable>();
  return {
    names: entries.map((entry) => entry.name),
    table(name) {
      let table = tables.get(name);
      if (!table) {
        const make = located.get(name);
        if (!make) throw new DictionaryFormatError(name, `not in ${pack}`);
        table = make();
        tables.set(name, table);
      }
      return table;
    },
  };
}

/**
 * The values as a pack stores them: each value its key's derivation gives is left out, unless that
 * makes the dictionary larger (a table whose values are all as long as their keys stores no value
 * lengths; leaving a few values out would make it store them all).
 */
function storedValues(data: DictionaryData, table: DictTable): StoredValues {
  const values: string[] = [];
  const valueLengths = new Uint8Array(table.size);
  let derived = 0;
  for (let index = 0; index < table.size; index++) {
    const value = valueAt(table, index);
    const key = keyAt(table, index);
    if (codePointCount(key) > 1 && derivedValue(table, key) === value) {
      derived++;
      continue;
    }
    values.push(value);
    valueLengths[index] = value.length;
  }
  const stored = { values: values.join(''), valueLengths, derived };
  const bytes = ({ values, valueLengths }: StoredValues): number => values.length * 2 + (sameBytes(data.keyLengths, valueLengths) ? 0 : valueLengths.length);
  const asIs = { values: data.values, valueLengths: data.valueLengths, derived: 0 };
  return bytes(stored) < bytes(asIs) ? stored : asIs;
}

/** A pack file holding `dictionaries`, in this order. */
export function encodePack(dictionaries: readonly DictionaryData[]): Uint8Array {
  const tables = dictionaries.map((data) => makeTable(data));
  const buckets = tables.map((table) => {
    const found = bucketsOf(table);
    return found.units.length * MIN_KEYS_PER_BUCKET <= table.size ? found : { units: new Uint16Array(0), sizes: new Uint16Array(0) };
  });
  const stored = dictionaries.map((data, index) => storedValues(data, tables[index] as DictTable));
  const entries: PackEntry[] = dictionaries.map((data, index) => {
    const { values, valueLengths, derived } = stored[index] as StoredValues;
    return {
      name: data.name,
      source: data.source,
      size: data.keyLengths.length,
      keyUnits: data.keys.length,
      valueUnits: values.length,
      sharedLengths: sameBytes(data.keyLengths, valueLengths),
      derived,
      buckets: buckets[index]?.units.length ?? 0,
    };
  });
  const header = new TextEncoder().encode(JSON.stringify({ format: DICTIONARY_FORMAT, dictionaries: entries }));
  const preamble = new Uint8Array(PREAMBLE_BYTES);
  preamble.set(new TextEncoder().encode(MAGIC));
  new DataView(preamble.buffer).setUint32(4, header.length, true);
  const parts: Uint8Array[] = [preamble, header];
  dictionaries.forEach((data, index) => {
    const { values, valueLengths } = stored[index] as StoredValues;
    parts.push(utf16le(data.keys), utf16le(values), data.keyLengths);
    if (!entries[index]?.sharedLengths) parts.push(valueLengths);
    const { units, sizes } = buckets[index] as Buckets;
    parts.push(uint16le(units), uint16le(sizes));
  });
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function uint16le(values: Uint16Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 2);
  const view = new DataView(bytes.buffer);
  values.forEach((value, index) => view.setUint16(index * 2, value, true));
  return bytes;
}

function utf16le(text: string): Uint8Array {
  return uint16le(Uint16Array.from({ length: text.length }, (_, index) => text.charCodeAt(index)));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A surrogate without its partner: the file's UTF-16 would decode it as U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function lengthByte(name: string, text: string): number {
  if (text.length < 1 || text.length > MAX_LENGTH || LONE_SURROGATE.test(text)) {
    throw new DictionaryFormatError(name, `cannot store ${JSON.stringify(text)}`);
  }
  return text.length;
}

/** A table from entries, in any order; on a repeated key the later entry wins. */
export function tableFromEntries(name: string, entries: Iterable<readonly [string, string]>): DictTable {
  return makeTable(dictionaryFromEntries(name, '', entries));
}

export function dictionaryFromEntries(name: string, source: string, entries: Iterable<readonly [string, string]>): DictionaryData {
  const byKey = new Map<string, string>();
  for (const [key, value] of entries) byKey.set(key, value);
  const keys = [...byKey.keys()].sort(compareCodeUnits);
  const values = keys.map((key) => byKey.get(key) ?? '');
  return {
    name,
    source,
    keys: keys.join(''),
    keyLengths: Uint8Array.from(keys, (key) => lengthByte(name, key)),
    values: values.join(''),
    valueLengths: Uint8Array.from(values, (value) => lengthByte(name, value)),
  };
}

export function keyAt(table: DictTable, index: number): string {
  return table.keyText.slice(table.keyStart[index], table.keyStart[index + 1]);
}

export function keyLengthAt(table: DictTable, index: number): number {
  return (table.keyStart[index + 1] as number) - (table.keyStart[index] as number);
}

export function valueAt(table: DictTable, index: number): string {
  const from = table.valueStart[index] as number;
  const to = table.valueStart[index + 1] as number;
  return from < to ? table.valueText.slice(from, to) : derivedValue(table, keyAt(table, index));
}

function codePointCount(text: string): number {
  let count = 0;
  for (let at = 0; at < text.length; at += codePointLength(text, at)) count++;
  return count;
}

/** 2 if a surrogate pair starts at `at`, else 1. */
export function codePointLength(text: string, at: number): number {
  const unit = text.charCodeAt(at);
  if (unit >= 0xd800 && unit <= 0xdbff && at + 1 < text.length) {
    const next = text.charCodeAt(at + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return 2;
  }
  return 1;
}

/**
 * `key` converted code point by code point: each replaced by the value of its own entry in `table`
 * (a stored value: an entry of one code point is never derived), or kept if it has none.
 */
function derivedValue(table: DictTable, key: string): string {
  let value = '';
  for (let at = 0; at < key.length; ) {
    const length = codePointLength(key, at);
    const character = key.slice(at, at + length);
    at += length;
    const own = longestKeyAt(table, character, 0);
    if (own < 0) {
      value += character;
      continue;
    }
    const from = table.valueStart[own] as number;
    const to = table.valueStart[own + 1] as number;
    if (from === to) throw new DictionaryFormatError(table.name, `the entry of ${JSON.stringify(character)} has no stored value`);
    value += table.valueText.slice(from, to);
  }
  return value;
}

/** Every entry, in key order (for tests and tools). */
export function entriesOf(table: DictTable): [string, string][] {
  const entries: [string, string][] = [];
  for (let index = 0; index < table.size; index++) entries.push([keyAt(table, index), valueAt(table, index)]);
  return entries;
}

/** The table's first-code-unit index, made from its keys now if its file stored none (else its first lookup would). */
export function indexTable(table: DictTable): BucketIndex {
  return (table.index ??= bucketIndexOf(table.name, bucketsOf(table), table.size));
}

/**
 * Index of the longest key in `table` that is a prefix of `text` at `start`, or -1.
 * Invariant inside the loop: keys lo .. hi are exactly the keys that begin with text[start .. start + depth).
 */
export function longestKeyAt(table: DictTable, text: string, start: number): number {
  const { keyText, keyStart } = table;
  const end = text.length;
  const unit = text.charCodeAt(start);
  const { bucketOfUnit, bucketStarts } = table.index ?? indexTable(table);
  const bucket = bucketOfUnit[unit] as number;
  if (bucket === 0) return -1;
  let lo = bucketStarts[bucket - 1] as number;
  let hi = bucketStarts[bucket] as number;
  if (keyText.charCodeAt(keyStart[lo] as number) !== unit || keyText.charCodeAt(keyStart[hi - 1] as number) !== unit) {
    throw new DictionaryFormatError(table.name, 'the first-code-unit buckets do not match the keys');
  }
  let depth = 1;
  let best = (keyStart[lo + 1] as number) - (keyStart[lo] as number) === 1 ? lo : -1;
  while (start + depth < end) {
    if (hi - lo === 1) {
      // One key left (common past the first character): compare the rest of it directly.
      const from = keyStart[lo] as number;
      const length = (keyStart[lo + 1] as number) - from;
      if (length === depth || start + length > end) return best;
      for (let at = depth; at < length; at++) {
        if (keyText.charCodeAt(from + at) !== text.charCodeAt(start + at)) return best;
      }
      return lo;
    }
    // The key equal to the prefix itself (if any) sorts first; it has been recorded already.
    if ((keyStart[lo + 1] as number) - (keyStart[lo] as number) === depth) lo++;
    const unit = text.charCodeAt(start + depth);
    let a = lo;
    let b = hi;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (keyText.charCodeAt((keyStart[mid] as number) + depth) < unit) a = mid + 1;
      else b = mid;
    }
    const first = a;
    b = hi;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (keyText.charCodeAt((keyStart[mid] as number) + depth) <= unit) a = mid + 1;
      else b = mid;
    }
    lo = first;
    hi = a;
    if (lo >= hi) break;
    depth++;
    if ((keyStart[lo + 1] as number) - (keyStart[lo] as number) === depth) best = lo;
  }
  return best;
}
