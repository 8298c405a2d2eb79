// Plain opencc-js, as the reference the converter is measured against, and the same with our
// documented additions (the phrase fixes and auto's stray-character rule) built from opencc-js's
// own Trie — so the differential test compares two independent implementations.

import * as OpenCC from 'opencc-js';
import { Trie, ConverterBuilder, type DictGroup, type DictLike, type LocalePreset } from 'opencc-js/core';
import * as Locale from 'opencc-js/preset';
import STPhrases from 'opencc-js/dict/STPhrases';
import STPhrasesGenerated from 'opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases';
import STCharacters from 'opencc-js/dict/STCharacters';
import CJKCompatibility from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import HKVariantsRevPhrases from 'opencc-js/dict/HKVariantsRevPhrases';
import TWVariants from 'opencc-js/dict/TWVariants';
import HKVariants from 'opencc-js/dict/HKVariants';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePack, entriesOf } from '../../src/core/zh/dictionary.ts';
import { ST_PHRASE_FIXES } from '../../src/core/zh/fixes.ts';
import { WRITTEN_IN_BOTH } from '../../src/core/zh/region.ts';
import type { OpenccConfig, ZhTarget } from '../../src/core/zh/routes.ts';
import { ZH_DICTIONARY_DIR } from '../../src/node/zh-dicts.ts';

export type Convert = (text: string) => string;

/** opencc-js's locale names for one of our configurations. */
export function openccOptions(config: OpenccConfig): { from: string; to: string } {
  const [from = '', to = ''] = config.split('2');
  const locale = (name: string) => (name === 's' ? 'cn' : name);
  return { from: locale(from), to: locale(to) };
}

export function plainOpencc(config: OpenccConfig): Convert {
  return OpenCC.Converter(openccOptions(config));
}

const FIX_DICT = ST_PHRASE_FIXES.map((fix) => `${fix.from} ${fix.to}`).join('|');

function withFixes(group: DictLike | DictGroup): DictLike | DictGroup {
  if (typeof group === 'string' || !Array.isArray(group)) return group;
  if (group.length > 0 && group.every((entry) => typeof entry === 'string')) {
    return (group as string[]).includes(STPhrases) ? [FIX_DICT, ...(group as string[])] : group;
  }
  return group;
}

type PresetConfigs = NonNullable<LocalePreset['configs']>;

/** opencc-js with our phrase fixes inserted, with top priority, wherever STPhrases is used. */
export function openccWithFixes(config: OpenccConfig): Convert {
  const configs: PresetConfigs = {};
  for (const [name, value] of Object.entries(Locale.configs as PresetConfigs)) {
    configs[name] = {
      ...value,
      segmentation: withFixes(value.segmentation) as DictLike,
      conversionChain: value.conversionChain.map((group) => withFixes(group) as DictGroup),
    };
  }
  const fix = (groups: readonly DictGroup[]) => groups.map((group) => withFixes(group) as DictGroup);
  const from = Object.fromEntries(Object.entries(Locale.from).map(([name, groups]) => [name, fix(groups)]));
  const to = Object.fromEntries(Object.entries(Locale.to).map(([name, groups]) => [name, fix(groups)]));
  return ConverterBuilder({ from, to, configs })(openccOptions(config));
}

function loadScriptChars(): Map<string, string> {
  return new Map(entriesOf(decodePack('base', readFileSync(join(ZH_DICTIONARY_DIR, 'base.bin'))).table('script-chars')));
}

/** A character dictionary's entries that change their character, as [from, to]. */
function changes(dictionary: string): [string, string][] {
  return dictionary
    .split('|')
    .map((entry) => entry.split(' ') as [string, string])
    .filter(([key, value]) => key !== value && [...key].length === 1);
}

/** How many characters of `marks` a reversal (opencc-js's Trie, phrases first) changes in `text`. */
function countChangedMarks(reversal: Trie, marks: Set<string>, text: string): number {
  let count = 0;
  for (let at = 0; at < text.length; ) {
    const match = reversal.matchPrefix(text, at);
    if (!match) {
      at += String.fromCodePoint(text.codePointAt(at) ?? 0).length;
      continue;
    }
    const from = [...text.slice(at, match.end)];
    const to = [...match.value];
    from.forEach((char, index) => {
      if (char !== to[index] && marks.has(char)) count++;
    });
    at = match.end;
  }
  return count;
}

/**
 * Which region's reversal a traditional text gets (the rule of src/core/zh/region.ts, written
 * again over opencc-js's own dictionaries): characters only one region's reversal changes and the
 * other region does not write (by its variants or its reversal), less WRITTEN_IN_BOTH, counted where the reversal changes them; Taiwan on a tie.
 */
export function referenceRegion(): (text: string) => 'tw' | 'hk' {
  const writes = (reversal: string, variants: string) => new Set([...changes(reversal).map(([from]) => from), ...changes(variants).map(([, to]) => to)]);
  const marks = (reversal: string, otherWrites: Set<string>) =>
    new Set(changes(reversal).map(([from]) => from).filter((char) => !otherWrites.has(char) && !WRITTEN_IN_BOTH.has(char)));
  const twMarks = marks(TWVariantsRev, writes(HKVariantsRev, HKVariants));
  const hkMarks = marks(HKVariantsRev, writes(TWVariantsRev, TWVariants));
  const twReversal = new Trie();
  twReversal.loadDictGroup([TWVariantsRevPhrases, TWVariantsRev]);
  const hkReversal = new Trie();
  hkReversal.loadDictGroup([HKVariantsRevPhrases, HKVariantsRev]);
  return (text) => (countChangedMarks(hkReversal, hkMarks, text) > countChangedMarks(twReversal, twMarks, text) ? 'hk' : 'tw');
}

/**
 * auto → any target, written independently of src/core/zh: tell the script by counting
 * one-script characters; a simplified text gets t2s or s2X; a traditional one, before a
 * traditional target, gets its stray simplified matches replaced (opencc-js's Trie over
 * STPhrases/STCharacters with our fixes), then its region's tw2X or hk2X.
 */
export function referenceAuto(target: ZhTarget): Convert {
  const scriptChars = loadScriptChars();
  const region = referenceRegion();
  const suffix = target === 'simp' ? 's' : target;
  const fromSimplified = target === 'simp' ? plainOpencc('t2s') : openccWithFixes(`s2${target}` as OpenccConfig);
  const fromRegion = { tw: plainOpencc(`tw2${suffix}` as OpenccConfig), hk: plainOpencc(`hk2${suffix}` as OpenccConfig) };
  const st = new Trie();
  st.loadDictGroup([FIX_DICT, STPhrases, STPhrasesGenerated, STCharacters]);
  // tw2tw and the other chains opencc-js builds have no normalisation; auto adds t2tw's.
  const compatibility = OpenCC.CustomConverter(CJKCompatibility);
  return (text) => {
    let balance = 0;
    for (const char of text) {
      const script = scriptChars.get(char);
      if (script) balance += script === 's' ? 1 : -1;
    }
    if (balance > 0) return fromSimplified(text);
    if (target === 'simp') return fromRegion[region(text)](text);
    const unified = compatibility(text);
    let normalized = '';
    for (let at = 0; at < unified.length; ) {
      const match = st.matchPrefix(unified, at);
      if (!match) {
        const char = String.fromCodePoint(unified.codePointAt(at) ?? 0);
        normalized += char;
        at += char.length;
        continue;
      }
      const key = unified.slice(at, match.end);
      normalized += [...key].some((char) => scriptChars.get(char) === 's') ? match.value : key;
      at = match.end;
    }
    return fromRegion[region(normalized)](normalized);
  };
}
