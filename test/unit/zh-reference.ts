// Plain opencc-js, as the reference the converter is measured against, and the same with our
// documented additions (the phrase fixes and auto's stray-character rule) built from opencc-js's
// own Trie — so the differential test compares two independent implementations.

import * as OpenCC from 'opencc-js';
import { Trie, ConverterBuilder, type DictGroup, type DictLike, type LocalePreset } from 'opencc-js/core';
import * as Locale from 'opencc-js/preset';
import STPhrases from 'opencc-js/dict/STPhrases';
import STPhrasesGenerated from 'opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases';
import STCharacters from 'opencc-js/dict/STCharacters';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePack, entriesOf } from '../../src/core/zh/dictionary.ts';
import { ST_PHRASE_FIXES } from '../../src/core/zh/fixes.ts';
import type { OpenccConfig } from '../../src/core/zh/routes.ts';
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

/**
 * auto → traditional target, written independently of src/core/zh: tell the script by counting
 * one-script characters; a simplified text gets s2X; a traditional one gets its stray simplified
 * matches replaced (opencc-js's Trie over STPhrases/STCharacters with our fixes), then t2X.
 */
export function referenceAuto(target: 't' | 'tw' | 'twp' | 'hk'): Convert {
  const scriptChars = loadScriptChars();
  const fromSimplified = openccWithFixes(`s2${target}`);
  const fromTraditional = plainOpencc(`t2${target}`);
  const st = new Trie();
  st.loadDictGroup([FIX_DICT, STPhrases, STPhrasesGenerated, STCharacters]);
  return (text) => {
    let balance = 0;
    for (const char of text) {
      const script = scriptChars.get(char);
      if (script) balance += script === 's' ? 1 : -1;
    }
    if (balance > 0) return fromSimplified(text);
    let normalized = '';
    for (let at = 0; at < text.length; ) {
      const match = st.matchPrefix(text, at);
      if (!match) {
        const char = String.fromCodePoint(text.codePointAt(at) ?? 0);
        normalized += char;
        at += char.length;
        continue;
      }
      const key = text.slice(at, match.end);
      normalized += [...key].some((char) => scriptChars.get(char) === 's') ? match.value : key;
      at = match.end;
    }
    return fromTraditional(normalized);
  };
}
