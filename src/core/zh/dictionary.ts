// The precompiled conversion dictionary: its file format, and the longest-match lookup over it.
//
// Why not OpenCC's own trie: opencc-js builds one Map per trie node (hundreds of thousands of Maps
// for STPhrases), which costs ≈ 250 ms before the first character is converted. Here a dictionary
// is two strings in one small JSON file — the keys sorted by UTF-16 code unit, and their values in
// the same order — and loading it is two `split` calls. The lookup walks the sorted key array like
// a trie: at each depth a binary search narrows the range of keys that share the text's prefix.
// No allocation per lookup, no build step at load.

/** The `format` field of every dictionary file; bump it when the layout changes. */
export const DICTIONARY_FORMAT = 'qingdu-zh-dict/1';

/** A dictionary file as written by `scripts/build-zh-dicts.ts` (JSON). */
export interface DictionaryFile {
  format: typeof DICTIONARY_FORMAT;
  /** The file's name without `.json`, e.g. `st`. */
  name: string;
  /** Where the entries came from, e.g. `opencc-js 1.4.2: STPhrases, STCharacters`. */
  source: string;
  /** Keys joined by `|`, sorted by UTF-16 code units. No key contains `|`. */
  keys: string;
  /** Values joined by `|`, in key order. */
  values: string;
}

/** A loaded dictionary: parallel sorted arrays. */
export interface DictTable {
  readonly name: string;
  readonly keys: readonly string[];
  readonly values: readonly string[];
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
  const keysText = data['keys'];
  const valuesText = data['values'];
  if (typeof keysText !== 'string' || typeof valuesText !== 'string') {
    throw new DictionaryFormatError(name, 'keys and values must be strings');
  }
  return tableFromStrings(name, keysText, valuesText);
}

function tableFromStrings(name: string, keysText: string, valuesText: string): DictTable {
  const keys = keysText === '' ? [] : keysText.split('|');
  const values = valuesText === '' ? [] : valuesText.split('|');
  if (keys.length !== values.length) {
    throw new DictionaryFormatError(name, `${keys.length} keys but ${values.length} values`);
  }
  return { name, keys, values };
}

/** Sorts entries the way the matcher expects (UTF-16 code unit order; later duplicates win). */
export function tableFromEntries(name: string, entries: Iterable<readonly [string, string]>): DictTable {
  const byKey = new Map<string, string>();
  for (const [key, value] of entries) {
    if (key === '' || key.includes('|') || value.includes('|')) {
      throw new DictionaryFormatError(name, `entry ${JSON.stringify([key, value])} cannot be stored`);
    }
    byKey.set(key, value);
  }
  const keys = [...byKey.keys()].sort(compareCodeUnits);
  return { name, keys, values: keys.map((key) => byKey.get(key) ?? '') };
}

export function serializeDictionary(table: DictTable, source: string): DictionaryFile {
  return { format: DICTIONARY_FORMAT, name: table.name, source, keys: table.keys.join('|'), values: table.values.join('|') };
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Index of the longest key in `table` that is a prefix of `text` at `start`, or -1.
 * Invariant inside the loop: keys[lo..hi) are exactly the keys that begin with text[start..start+depth).
 */
export function longestKeyAt(table: DictTable, text: string, start: number): number {
  const keys = table.keys;
  const end = text.length;
  let lo = 0;
  let hi = keys.length;
  let best = -1;
  for (let depth = 0; start + depth < end; ) {
    // The key equal to the prefix itself (if any) sorts first; it has been recorded already.
    if (lo < hi && (keys[lo] as string).length === depth) lo++;
    const unit = text.charCodeAt(start + depth);
    let a = lo;
    let b = hi;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if ((keys[mid] as string).charCodeAt(depth) < unit) a = mid + 1;
      else b = mid;
    }
    const first = a;
    b = hi;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if ((keys[mid] as string).charCodeAt(depth) <= unit) a = mid + 1;
      else b = mid;
    }
    lo = first;
    hi = a;
    if (lo >= hi) break;
    depth++;
    if ((keys[lo] as string).length === depth) best = lo;
  }
  return best;
}
