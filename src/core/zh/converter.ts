// Builds a synchronous converter for one source/target pair: loads the dictionary files the
// conversion needs (once per loader — later switches reuse them), then runs OpenCC's plan for it.
//
// `from: 'auto'` (what the reader uses) tells a text run's script by counting characters that
// exist in only one script. A simplified text gets t2s (which on the simplified fixture pages
// changes only stray traditional characters: 关係 → 关系, 宣佈 → 宣布, 佔据 → 占据) or s2t / s2tw /
// s2twp / s2hk. A traditional text is first read for whose variants it is written in (region.ts:
// Taiwan's 著/裡 or Hong Kong's 説/衞), and that region's variants are undone as OpenCC's tw2s /
// hk2s do, then it is converted: tw2s / hk2s to 简体, tw2tw / hk2tw … to a traditional target, so
// that 隨著 becomes 随着 and 繁體·香港 shows Hong Kong's 隨着, 繁體·台灣 Taiwan's 隨著. Before a
// traditional target, stray simplified characters are normalised first (only the matches of the
// simplified → traditional dictionary that contain a simplified-only character, e.g. 小时 → 小時).
// Running s2tw over a traditional page would instead rewrite the BBC's own 台灣 as 臺灣 and the
// name 朱岳中 as 朱嶽中 — seen on the 2023 fixtures.

import { decodePack, indexTable, keyLengthAt, longestKeyAt, tableFromEntries, type DictPack, type DictTable } from './dictionary.ts';
import { forEachMatch, matchedValue, runPlan, type ConversionPlan, type Step } from './engine.ts';
import { ST_PHRASE_FIXES } from './fixes.ts';
import { convertProse } from './prose.ts';
import { regionOf, variantMarksOf, type Region, type VariantTables } from './region.ts';
import { toCornerQuotes, toCurlyQuotes } from './quotes.ts';
import {
  configFor,
  dictionariesFor,
  packOf,
  ROUTE_PLANS,
  SCRIPT_CHARS,
  type AnyDictionaryName,
  type DictionaryName,
  type OpenccConfig,
  type PackName,
  type ZhSource,
  type ZhTarget,
} from './routes.ts';

export type QuoteStyle = 'corner' | 'keep';
export type Converter = (text: string) => string;
/** Environment-specific: gives the bytes of dictionary file `<pack>.bin` (an ArrayBuffer or a view of one). */
export type DictionaryLoader = (pack: string) => Promise<unknown>;

export interface ConverterOptions {
  from: ZhSource;
  to: ZhTarget;
  quotes: QuoteStyle;
}

/** Switches for tests and benchmarks; the reader always uses the defaults. */
export interface EngineOptions {
  /** Apply the phrase fixes of fixes.ts (default true). Off, the output is plain opencc-js's. */
  fixes?: boolean;
  /** Remember converted texts (default true). Off, every call converts: for timing the engine itself. */
  remember?: boolean;
}

const loadedByLoader = new WeakMap<DictionaryLoader, Map<PackName, Promise<DictPack>>>();

function loadPack(load: DictionaryLoader, pack: PackName): Promise<DictPack> {
  let loaded = loadedByLoader.get(load);
  if (!loaded) {
    loaded = new Map();
    loadedByLoader.set(load, loaded);
  }
  let packed = loaded.get(pack);
  if (!packed) {
    packed = load(pack).then((raw) => decodePack(pack, raw));
    // A failed load (network, a file that is not a pack) must not stick: the next switch tries
    // again. A dictionary whose table cannot be made fails again each time: the file is wrong.
    packed.catch(() => loaded.delete(pack));
    loaded.set(pack, packed);
  }
  return packed;
}

let stFixTable: DictTable | undefined;
function fixTableFor(name: DictionaryName): DictTable | undefined {
  if (name !== 'st') return undefined;
  stFixTable ??= tableFromEntries('st-fixes', ST_PHRASE_FIXES.map((fix) => [fix.from, fix.to] as const));
  return stFixTable;
}

type Tables = Map<AnyDictionaryName, DictTable>;

function stepOf(names: readonly DictionaryName[], tables: Tables, engine: EngineOptions): Step {
  const step: DictTable[] = [];
  for (const name of names) {
    const fix = engine.fixes === false ? undefined : fixTableFor(name);
    if (fix) step.push(fix);
    step.push(tables.get(name) as DictTable);
  }
  return step;
}

function planOf(config: OpenccConfig, tables: Tables, engine: EngineOptions): ConversionPlan {
  const route = ROUTE_PLANS[config];
  const plan: ConversionPlan = { steps: route.steps.map((names) => stepOf(names, tables, engine)) };
  if (route.normalize) plan.normalize = stepOf(['cjk-compat'], tables, engine);
  if (route.segmentation) {
    plan.segmentation = stepOf([route.segmentation], tables, engine);
    const first = route.steps[0];
    plan.segmentWithFirstStep = first?.length === 1 && first[0] === route.segmentation;
  }
  return plan;
}

/** For `auto`, a traditional text: the configuration that undoes its region's variants, per target. */
const FROM_REGION: Record<Region, Record<ZhTarget, OpenccConfig>> = {
  tw: { simp: 'tw2s', t: 'tw2t', tw: 'tw2tw', twp: 'tw2twp', hk: 'tw2hk' },
  hk: { simp: 'hk2s', t: 'hk2t', tw: 'hk2tw', twp: 'hk2twp', hk: 'hk2hk' },
};

/** The dictionaries region.ts reads a traditional text with (the reversals) and its marks from. */
const REGION_DICTIONARIES = {
  twVariants: 'tw-variants',
  twReversal: 'tw-variants-rev',
  hkVariants: 'hk-variants',
  hkReversal: 'hk-variants-rev',
} as const satisfies Record<keyof VariantTables, DictionaryName>;

/**
 * What a conversion loads: OpenCC configurations it may run (for `auto`: the one for a simplified
 * text, then Taiwan's and Hong Kong's for a traditional one), the dictionaries behind them, and
 * their files; and the dictionaries it searches in every text (its steps and segmentation — not
 * the normalisation, which runs only on a text with a compatibility ideograph, nor script-chars,
 * read character by character).
 */
export function conversionNeeds(opts: Pick<ConverterOptions, 'from' | 'to'>): {
  configs: OpenccConfig[];
  dictionaries: AnyDictionaryName[];
  packs: PackName[];
  searched: ReadonlySet<AnyDictionaryName>;
} {
  const configs: OpenccConfig[] = [configFor(opts.from, opts.to)];
  if (opts.from === 'auto') configs.push(FROM_REGION.tw[opts.to], FROM_REGION.hk[opts.to]);
  const dictionaries = new Set<AnyDictionaryName>();
  for (const config of configs) for (const name of dictionariesFor(config)) dictionaries.add(name);
  if (opts.from === 'auto') {
    for (const name of ['cjk-compat', SCRIPT_CHARS, ...Object.values(REGION_DICTIONARIES)] as const) dictionaries.add(name);
  }
  const names = [...dictionaries];
  const searched = new Set<AnyDictionaryName>();
  for (const config of configs) {
    const { segmentation, steps } = ROUTE_PLANS[config];
    if (segmentation) searched.add(segmentation);
    for (const step of steps) for (const name of step) searched.add(name);
  }
  return { configs, dictionaries: names, packs: [...new Set(names.map(packOf))], searched };
}

/** `script-chars` as a lookup: 1 simplified-only, 2 traditional-only, 0 neither. */
export interface ScriptMap {
  /** By UTF-16 code unit, for characters in the Basic Multilingual Plane. */
  readonly bmp: Uint8Array;
  /** For the rest (surrogate pairs). */
  readonly table: DictTable;
}

const SIMPLIFIED_ONLY = 1;
const TRADITIONAL_ONLY = 2;
const scriptMaps = new WeakMap<DictTable, ScriptMap>();

/**
 * The script of `script-chars` entry `index`: its value is `s` or `t`, read in place (every key is
 * one code point, so no value is derived; see dictionary.ts).
 */
function scriptOfEntry(table: DictTable, index: number): number {
  return table.valueText.charCodeAt(table.valueStart[index] as number) === 0x73 ? SIMPLIFIED_ONLY : TRADITIONAL_ONLY;
}

export function scriptMapOf(table: DictTable): ScriptMap {
  let map = scriptMaps.get(table);
  if (!map) {
    const bmp = new Uint8Array(0x10000);
    for (let index = 0; index < table.size; index++) {
      if (keyLengthAt(table, index) !== 1) continue;
      bmp[table.keyText.charCodeAt(table.keyStart[index] as number)] = scriptOfEntry(table, index);
    }
    map = { bmp, table };
    scriptMaps.set(table, map);
  }
  return map;
}

function scriptAt(map: ScriptMap, text: string, at: number): number {
  const unit = text.charCodeAt(at);
  if (unit < 0xd800 || unit > 0xdbff) return map.bmp[unit] as number;
  const index = longestKeyAt(map.table, text, at);
  return index < 0 ? 0 : scriptOfEntry(map.table, index);
}

/**
 * Counts characters found in only one script: the number of simplified-only minus the number of
 * traditional-only ones, and whether any simplified-only character occurs at all.
 */
export function scriptBalance(map: ScriptMap, text: string): { balance: number; anySimplified: boolean } {
  let balance = 0;
  let anySimplified = false;
  for (let at = 0; at < text.length; at++) {
    if (text.charCodeAt(at) < 0x3400) continue;
    const script = scriptAt(map, text, at);
    if (script === SIMPLIFIED_ONLY) {
      balance++;
      anySimplified = true;
    } else if (script === TRADITIONAL_ONLY) {
      balance--;
    }
  }
  return { balance, anySimplified };
}

/**
 * In a traditional text, applies only those simplified → traditional matches whose key contains
 * a simplified-only character (小时 → 小時); every other match is kept as written, so the page's
 * own traditional text (台灣, 朱岳中) is untouched.
 */
export function normalizeStraySimplified(st: Step, map: ScriptMap, text: string): string {
  let out = '';
  let copyFrom = 0;
  forEachMatch(st, text, (at, length) => {
    if (!containsSimplifiedOnly(map, text, at, at + length)) return;
    out += text.slice(copyFrom, at) + matchedValue();
    copyFrom = at + length;
  });
  return copyFrom === 0 ? text : out + text.slice(copyFrom);
}

function containsSimplifiedOnly(map: ScriptMap, text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) {
    if (scriptAt(map, text, at) === SIMPLIFIED_ONLY) return true;
  }
  return false;
}

/**
 * Remembers what it converted: the reader converts the same article's texts again when the
 * reader switches back to a script. Bounded, so a long-lived converter cannot grow without end.
 */
function remembering(convert: Converter, limit = 20_000): Converter {
  const done = new Map<string, string>();
  return (text) => {
    const known = done.get(text);
    if (known !== undefined) return known;
    const converted = convert(text);
    if (done.size >= limit) done.clear();
    done.set(text, converted);
    return converted;
  };
}

export async function createConverterWith(
  opts: ConverterOptions,
  load: DictionaryLoader,
  engine: EngineOptions = {},
): Promise<Converter> {
  const needs = conversionNeeds(opts);
  // Each file's tables are made, indexed and (script-chars) mapped as soon as it arrives, while a
  // larger one may still be loading: on a first switch to traditional, base.bin arrives well before
  // st.bin, and what it needs is then ready when st.bin comes.
  const tables: Tables = new Map();
  await Promise.all(
    needs.packs.map(async (pack) => {
      const loaded = await loadPack(load, pack);
      for (const name of needs.dictionaries) {
        if (packOf(name) !== pack) continue;
        const table = loaded.table(name);
        tables.set(name, table);
        if (name === SCRIPT_CHARS) scriptMapOf(table);
        else if (needs.searched.has(name)) indexTable(table);
      }
    }),
  );
  const quote = opts.quotes === 'keep' ? (text: string) => text : opts.to === 'simp' ? toCurlyQuotes : toCornerQuotes;
  const main = planOf(needs.configs[0] as OpenccConfig, tables, engine);
  const remember = engine.remember === false ? (convert: Converter) => convert : remembering;
  // Web and e-mail addresses in the text are never converted (prose.ts).
  const finish = (convert: Converter): Converter => remember((text) => convertProse(text, convert));
  if (opts.from !== 'auto') return finish((text) => quote(runPlan(main, text)));
  // tw2tw, hk2twp …, opencc-js's chains, have no normalisation step of their own; auto keeps the one
  // t2tw had, so a compatibility ideograph in a traditional page still becomes its unified form.
  const fromRegionPlan = (region: Region): ConversionPlan => ({ normalize: stepOf(['cjk-compat'], tables, engine), ...planOf(FROM_REGION[region][opts.to], tables, engine) });
  const fromRegion = { tw: fromRegionPlan('tw'), hk: fromRegionPlan('hk') };
  const twReversal = stepOf([REGION_DICTIONARIES.twReversal], tables, engine);
  const hkReversal = stepOf([REGION_DICTIONARIES.hkReversal], tables, engine);
  const regionTable = (name: keyof VariantTables) => tables.get(REGION_DICTIONARIES[name]) as DictTable;
  const marks = variantMarksOf({ twVariants: regionTable('twVariants'), twReversal: regionTable('twReversal'), hkVariants: regionTable('hkVariants'), hkReversal: regionTable('hkReversal') });
  const scriptChars = scriptMapOf(tables.get(SCRIPT_CHARS) as DictTable);
  // A simplified target needs no stray-character pass: t2s leaves simplified characters as they are.
  const st = opts.to === 'simp' ? undefined : stepOf(['st'], tables, engine);
  return finish((text) => {
    const { balance, anySimplified } = scriptBalance(scriptChars, text);
    // More simplified-only than traditional-only characters: a simplified text. A tie (also text
    // with neither, like 台北 or a Latin caption) counts as traditional, which changes least.
    if (balance > 0) return quote(runPlan(main, text));
    const normalized = st && anySimplified ? normalizeStraySimplified(st, scriptChars, text) : text;
    const region = regionOf(twReversal, hkReversal, marks, normalized);
    return quote(runPlan(fromRegion[region], normalized));
  });
}
