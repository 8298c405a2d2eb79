// Which dictionaries each conversion runs, in which order — OpenCC's configurations as opencc-js
// 1.4.2 defines them (its `preset/full.js`), named by our dictionaries — and which file (pack)
// each dictionary is packaged in. A switch loads only the packs its target needs: 简体 loads
// `base` (`cjk-compat` + `ts`), 繁體·台灣 loads `base` + `st`, and so on.

/** The dictionaries the build writes, each from these opencc-js dictionaries, first has priority. */
export const DICTIONARY_SOURCES = {
  'cjk-compat': ['CJK_Compatibility_Ideographs'],
  st: ['STPhrases', 'STPhrases_GeneratedFromRegionalPhrases', 'STCharacters'],
  ts: ['TSPhrases', 'TSCharacters'],
  'tw-phrases': ['TWPhrases'],
  'tw-variants': ['TWVariantsPhrases', 'TWVariants'],
  'tw-variants-rev': ['TWVariantsRevPhrases', 'TWVariantsRev'],
  'hk-variants': ['HKVariantsPhrases', 'HKVariants'],
  'hk-variants-rev': ['HKVariantsRevPhrases', 'HKVariantsRev'],
} as const satisfies Record<string, readonly string[]>;

export type DictionaryName = keyof typeof DICTIONARY_SOURCES;

/**
 * One more dictionary, built from the same data: every character that occurs in only one script,
 * mapped to `s` (simplified-only, e.g. 这 时 发) or `t` (traditional-only, e.g. 這 時 發). `auto` uses
 * it to tell a text's script and to find stray characters of the other script.
 */
export const SCRIPT_CHARS = 'script-chars';

export type AnyDictionaryName = DictionaryName | typeof SCRIPT_CHARS;

/** Every file the build writes to the dictionary directory, as `<pack>.bin`. */
export const ZH_PACK_FILES = ['base', 'st'] as const;

export type PackName = (typeof ZH_PACK_FILES)[number];

/**
 * The dictionaries each file holds. `st` (simplified → traditional, 81 % of the bytes) is needed
 * only to convert simplified text to traditional, so it has a file of its own; everything else
 * (≈ 118 KB) is one file, so that any switch makes at most two requests, in parallel.
 */
export const DICTIONARY_PACKS: Record<PackName, readonly AnyDictionaryName[]> = {
  base: ['cjk-compat', 'ts', 'tw-phrases', 'tw-variants', 'tw-variants-rev', 'hk-variants', 'hk-variants-rev', SCRIPT_CHARS],
  st: ['st'],
};

export function packOf(name: AnyDictionaryName): PackName {
  const pack = ZH_PACK_FILES.find((candidate) => DICTIONARY_PACKS[candidate].includes(name));
  if (!pack) throw new Error(`zh dictionary ${name} is in no pack`);
  return pack;
}

/**
 * Every key of `cjk-compat` is one of these (CJK Compatibility Ideographs and their supplement;
 * the build checks it), so a text without them skips the normalisation pass.
 */
export const COMPATIBILITY_IDEOGRAPH = /[\uF900-\uFAFF]|\uD87E[\uDC00-\uDE1F]/;

/** A conversion as names: the same shape as `ConversionPlan`, before the tables are loaded. */
export interface RoutePlan {
  normalize: boolean;
  segmentation?: DictionaryName;
  steps: readonly (readonly DictionaryName[])[];
}

/** OpenCC configuration names we run, e.g. `s2tw`; `t2twp`-style names are opencc-js's fallbacks. */
export type OpenccConfig =
  | 's2t' | 's2tw' | 's2twp' | 's2hk'
  | 't2s' | 'tw2s' | 'hk2s'
  | 't2tw' | 't2hk' | 'tw2t' | 'hk2t'
  | 't2twp' | 'tw2tw' | 'tw2twp' | 'tw2hk' | 'hk2hk' | 'hk2tw' | 'hk2twp' | 't2t';

const FROM_SIMPLIFIED = { normalize: true, segmentation: 'st' } as const;

export const ROUTE_PLANS: Record<OpenccConfig, RoutePlan> = {
  s2t: { normalize: true, steps: [['st']] },
  s2tw: { ...FROM_SIMPLIFIED, steps: [['st'], ['tw-variants']] },
  s2twp: { ...FROM_SIMPLIFIED, steps: [['st'], ['tw-phrases', 'tw-variants']] },
  s2hk: { ...FROM_SIMPLIFIED, steps: [['st'], ['hk-variants']] },
  t2s: { normalize: true, steps: [['ts']] },
  tw2s: { normalize: true, segmentation: 'ts', steps: [['tw-variants-rev'], ['ts']] },
  hk2s: { normalize: true, segmentation: 'ts', steps: [['hk-variants-rev'], ['ts']] },
  t2tw: { normalize: true, steps: [['tw-variants']] },
  t2hk: { normalize: true, steps: [['hk-variants']] },
  tw2t: { normalize: true, steps: [['tw-variants-rev']] },
  hk2t: { normalize: true, steps: [['hk-variants-rev']] },
  // No OpenCC configuration: opencc-js chains its `from` and `to` groups, without normalisation.
  t2twp: { normalize: false, steps: [['tw-phrases'], ['tw-variants']] },
  tw2tw: { normalize: false, steps: [['tw-variants-rev'], ['tw-variants']] },
  tw2twp: { normalize: false, steps: [['tw-variants-rev'], ['tw-phrases'], ['tw-variants']] },
  tw2hk: { normalize: false, steps: [['tw-variants-rev'], ['hk-variants']] },
  hk2hk: { normalize: false, steps: [['hk-variants-rev'], ['hk-variants']] },
  hk2tw: { normalize: false, steps: [['hk-variants-rev'], ['tw-variants']] },
  hk2twp: { normalize: false, steps: [['hk-variants-rev'], ['tw-phrases'], ['tw-variants']] },
  t2t: { normalize: false, steps: [] },
};

export type ZhTarget = 'simp' | 't' | 'tw' | 'twp' | 'hk';
export type ZhSource = 'auto' | 'simp' | 't' | 'tw' | 'hk';

/**
 * The configuration for a source and target.
 *
 * For `auto` this is the configuration for a simplified text (t2s to 简体, which normalises stray
 * traditional characters: 关係/宣佈/佔据 → 关系/宣布/占据; s2X to a traditional target); a
 * traditional text gets its region's tw2X / hk2X instead (converter.ts, region.ts).
 * `simp → simp` is t2s too (OpenCC has no s2s).
 */
export function configFor(from: ZhSource, to: ZhTarget): OpenccConfig {
  if (from === 'auto' || from === 'simp') return to === 'simp' ? 't2s' : (`s2${to}` as const);
  if (to === 'simp') return from === 't' ? 't2s' : (`${from}2s` as const);
  return `${from}2${to}`;
}

/** Every dictionary a conversion needs (the files holding them are `packOf` each). */
export function dictionariesFor(config: OpenccConfig): DictionaryName[] {
  const plan = ROUTE_PLANS[config];
  const names = new Set<DictionaryName>();
  if (plan.normalize) names.add('cjk-compat');
  if (plan.segmentation) names.add(plan.segmentation);
  for (const step of plan.steps) for (const name of step) names.add(name);
  return [...names];
}
