// The precompiled conversion dictionary: its file format, and the longest-match lookup over it.
//
// Why not OpenCC's own trie: opencc-js builds one Map per trie node (hundreds of thousands of Maps
// for STPhrases), which costs ≈ 250 ms before the first character is converted. Here a dictionary
// file holds its keys, sorted by UTF-16 code unit, as one string, its values as another, and one
// character per entry for each key's and value's length. Loading is JSON.parse plus one pass that
// turns lengths into offsets — no per-entry strings, no Map. The lookup walks the sorted keys like
// a trie: an index by first code unit gives the starting range (most characters start no key and
// are passed over at once), then at each further depth a binary search narrows the range of keys
// that share the text's prefix. Nothing is allocated per lookup.

/** The `format` field of every dictionary file; bump it when the layout changes. */
export const DICTIONARY_FORMAT = 'qingdu-zh-dict/2';

/** A dictionary file as written by `scripts/build-zh-dicts.ts` (JSON). */
export interface DictionaryFile {
  format: typeof DICTIONARY_FORMAT;
  /** The file's name without `.json`, e.g. `st`. */
  name: string;
  /** Where the entries came from, e.g. `opencc-js 1.4.2: STPhrases, STCharacters`. */
  source: string;
  /** Every key, concatenated, in UTF-16 code unit order. */
  keys: string;
  /** One character per key: its length in code units, as the character `LENGTH_BASE + length`. */
  keyLengths: string;
  /** Every value, concatenated, in key order. */
  values: string;
  /** One character per value, as for keys. */
  valueLengths: string;
}

/** Lengths are stored as printable characters: '1' is length 1, '2' length 2, and so on. */
const LENGTH_BASE = 0x30;
const MAX_LENGTH = 0x7e - LENGTH_BASE;

/** A loaded dictionary. Key i is `keyText.slice(keyStart[i], keyStart[i + 1])`; values likewise. */
export interface DictTable {
  readonly name: string;
  readonly size: number;
  readonly keyText: string;
  readonly keyStart: Uint32Array;
  readonly valueText: string;
  readonly valueStart: Uint32Array;
  /** Keys whose first code unit is u are indices firstUnit[u] .. firstUnit[u + 1] (256 KB per table). */
  readonly firstUnit: Uint32Array;
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

/** Lengths string → offsets (one more than entries); null if a length is out of range or they overrun `total`. */
function offsetsFromLengths(lengths: string, total: number): Uint32Array | null {
  const offsets = new Uint32Array(lengths.length + 1);
  let at = 0;
  for (let index = 0; index < lengths.length; index++) {
    const length = lengths.charCodeAt(index) - LENGTH_BASE;
    if (length < 1 || length > MAX_LENGTH) return null;
    at += length;
    offsets[index + 1] = at;
  }
  return at === total ? offsets : null;
}

/** firstUnit[u] = the first key whose first code unit is ≥ u (keys are sorted). */
function buildFirstUnitIndex(keyText: string, keyStart: Uint32Array, size: number): Uint32Array {
  const index = new Uint32Array(0x10001);
  let previous = -1;
  for (let key = 0; key < size; key++) {
    const unit = keyText.charCodeAt(keyStart[key] as number);
    if (unit === previous) continue;
    index.fill(key, previous + 1, unit + 1);
    previous = unit;
  }
  index.fill(size, previous + 1);
  return index;
}

function makeTable(name: string, keyText: string, keyLengths: string, valueText: string, valueLengths: string): DictTable {
  if (keyLengths.length !== valueLengths.length) {
    throw new DictionaryFormatError(name, `${keyLengths.length} keys but ${valueLengths.length} values`);
  }
  const keyStart = offsetsFromLengths(keyLengths, keyText.length);
  // Most values are as long as their keys (character for character); then the offsets are shared.
  const valueStart = valueLengths === keyLengths ? keyStart : offsetsFromLengths(valueLengths, valueText.length);
  if (!keyStart || !valueStart || valueText.length !== valueStart[valueStart.length - 1]) {
    throw new DictionaryFormatError(name, 'lengths do not match the text');
  }
  const size = keyLengths.length;
  return { name, size, keyText, keyStart, valueText, valueStart, firstUnit: buildFirstUnitIndex(keyText, keyStart, size) };
}

/**
 * Turns what a `DictionaryLoader` returned (the file's JSON text, or the already-parsed object)
 * into a table. Everything from outside is checked here; nothing past this point re-checks.
 */
export function parseDictionary(name: string, raw: unknown): DictTable {
  let data: unknown = raw;
  if (typeof raw === 'string') {
    try {
      data = JSON.parse(raw);
    } catch {
      throw new DictionaryFormatError(name, 'not JSON');
    }
  }
  if (!isRecord(data)) throw new DictionaryFormatError(name, 'not an object');
  if (data['format'] !== DICTIONARY_FORMAT) {
    throw new DictionaryFormatError(name, `format is ${String(data['format'])}, expected ${DICTIONARY_FORMAT}`);
  }
  const { keys, keyLengths, values, valueLengths } = data;
  if (typeof keys !== 'string' || typeof keyLengths !== 'string' || typeof values !== 'string' || typeof valueLengths !== 'string') {
    throw new DictionaryFormatError(name, 'keys, values and their lengths must be strings');
  }
  return makeTable(name, keys, keyLengths, values, valueLengths);
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function encodeLength(name: string, text: string): string {
  if (text.length < 1 || text.length > MAX_LENGTH) throw new DictionaryFormatError(name, `cannot store ${JSON.stringify(text)}`);
  return String.fromCharCode(LENGTH_BASE + text.length);
}

/** A table from entries, in any order; on a repeated key the later entry wins. */
export function tableFromEntries(name: string, entries: Iterable<readonly [string, string]>): DictTable {
  const file = fileFromEntries(name, '', entries);
  return makeTable(name, file.keys, file.keyLengths, file.values, file.valueLengths);
}

export function fileFromEntries(name: string, source: string, entries: Iterable<readonly [string, string]>): DictionaryFile {
  const byKey = new Map<string, string>();
  for (const [key, value] of entries) byKey.set(key, value);
  const keys = [...byKey.keys()].sort(compareCodeUnits);
  const values = keys.map((key) => byKey.get(key) ?? '');
  return {
    format: DICTIONARY_FORMAT,
    name,
    source,
    keys: keys.join(''),
    keyLengths: keys.map((key) => encodeLength(name, key)).join(''),
    values: values.join(''),
    valueLengths: values.map((value) => encodeLength(name, value)).join(''),
  };
}

export function keyAt(table: DictTable, index: number): string {
  return table.keyText.slice(table.keyStart[index], table.keyStart[index + 1]);
}

export function keyLengthAt(table: DictTable, index: number): number {
  return (table.keyStart[index + 1] as number) - (table.keyStart[index] as number);
}

export function valueAt(table: DictTable, index: number): string {
  return table.valueText.slice(table.valueStart[index], table.valueStart[index + 1]);
}

/** Every entry, in key order (for tests and tools). */
export function entriesOf(table: DictTable): [string, string][] {
  const entries: [string, string][] = [];
  for (let index = 0; index < table.size; index++) entries.push([keyAt(table, index), valueAt(table, index)]);
  return entries;
}

/**
 * Index of the longest key in `table` that is a prefix of `text` at `start`, or -1.
 * Invariant inside the loop: keys lo .. hi are exactly the keys that begin with text[start .. start + depth).
 */
export function longestKeyAt(table: DictTable, text: string, start: number): number {
  const { keyText, keyStart } = table;
  const end = text.length;
  const unit = text.charCodeAt(start);
  let lo = table.firstUnit[unit] as number;
  let hi = table.firstUnit[unit + 1] as number;
  if (lo >= hi) return -1;
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
