// Builds the conversion dictionaries in src/core/zh/dicts/ from the OpenCC data that opencc-js
// ships (so they follow the installed opencc-js version): one dictionary per conversion step, plus
// `script-chars`, written as the pack files of routes.ts's DICTIONARY_PACKS in the format of
// src/core/zh/dictionary.ts. Run: `npm run zh-dicts`.
// test/unit/zh-dicts.test.ts fails when the committed files differ from what this produces.

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { dictionaryFromEntries, encodePack, type DictionaryData } from '../src/core/zh/dictionary.ts';
import { ZH_DICTIONARY_DIR } from '../src/node/zh-dicts.ts';
import { COMPATIBILITY_IDEOGRAPH, DICTIONARY_PACKS, DICTIONARY_SOURCES, ROUTE_PLANS, SCRIPT_CHARS, ZH_PACK_FILES, type AnyDictionaryName, type DictionaryName } from '../src/core/zh/routes.ts';


type Entries = [string, string][];

/** The opencc-js dictionaries our files are made of, by OpenCC name. */
async function loadOpenccDictionaries(names: Iterable<string>): Promise<Map<string, Entries>> {
  const dictionaries = new Map<string, Entries>();
  for (const name of names) {
    const module = (await import(`opencc-js/dict/${name}`)) as { default: string };
    dictionaries.set(
      name,
      module.default.split('|').map((line) => {
        const [key, value] = line.split(' ');
        if (!key || value === undefined) throw new Error(`opencc-js ${name}: bad entry ${JSON.stringify(line)}`);
        return [key, value];
      }),
    );
  }
  return dictionaries;
}

function openccVersion(): string {
  const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../node_modules/opencc-js/package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

const codePoints = (text: string): number => [...text].length;

/**
 * The engine cuts segments at matches of more than one code point, standing for OpenCC's
 * segmentation dictionaries (STPhrases…, TSPhrases). That holds only while phrase dictionaries
 * hold phrases and character dictionaries hold single characters; check it on every build.
 */
function checkPhraseSplit(group: string, sources: readonly string[], dictionaries: Map<string, Entries>): void {
  for (const name of sources) {
    const isPhraseDictionary = name.includes('Phrases');
    for (const [key] of dictionaries.get(name) ?? []) {
      if ((codePoints(key) > 1) !== isPhraseDictionary) {
        throw new Error(`${group}: ${name} has ${JSON.stringify(key)}; the segmentation rule in engine.ts no longer holds`);
      }
    }
  }
}

/** The engine skips normalisation for texts without a compatibility ideograph; every key must be one. */
function checkCompatibilityKeys(dictionaries: Map<string, Entries>): void {
  const whole = new RegExp(`^(?:${COMPATIBILITY_IDEOGRAPH.source})$`);
  for (const name of DICTIONARY_SOURCES['cjk-compat']) {
    for (const [key] of dictionaries.get(name) ?? []) {
      if (!whole.test(key)) throw new Error(`${name} has ${JSON.stringify(key)}, outside COMPATIBILITY_IDEOGRAPH in routes.ts`);
    }
  }
}

function scriptCharEntries(dictionaries: Map<string, Entries>): Entries {
  const entriesOf = (...names: string[]): Entries => names.flatMap((name) => dictionaries.get(name) ?? []);
  const charsOf = (texts: string[]): Set<string> => new Set(texts.flatMap((text) => [...text]));
  // Characters seen in traditional text: every traditional output, every traditional input.
  const traditional = charsOf([
    ...entriesOf('STPhrases', 'STPhrases_GeneratedFromRegionalPhrases', 'STCharacters', 'TWVariants', 'HKVariants', 'TWVariantsPhrases', 'HKVariantsPhrases').map(([, value]) => value),
    ...entriesOf('TSPhrases', 'TSCharacters').map(([key]) => key),
  ]);
  // Characters seen in simplified text: every simplified output, every simplified input.
  const simplified = charsOf([
    ...entriesOf('TSPhrases', 'TSCharacters').map(([, value]) => value),
    ...entriesOf('STPhrases', 'STPhrases_GeneratedFromRegionalPhrases', 'STCharacters').map(([key]) => key),
  ]);
  const entries: Entries = [];
  for (const [key, value] of entriesOf('STCharacters')) {
    if (key !== value && !traditional.has(key)) entries.push([key, 's']);
  }
  for (const [key, value] of entriesOf('TSCharacters')) {
    if (key !== value && !simplified.has(key)) entries.push([key, 't']);
  }
  return entries;
}

/** File name → file bytes, for every file in ZH_DICTIONARY_DIR. */
export async function buildZhDictionaries(): Promise<Map<string, Uint8Array>> {
  const openccNames = new Set<string>(Object.values(DICTIONARY_SOURCES).flat());
  for (const extra of ['TWVariants', 'HKVariants', 'TWVariantsPhrases', 'HKVariantsPhrases', 'TSPhrases', 'TSCharacters']) openccNames.add(extra);
  const dictionaries = await loadOpenccDictionaries(openccNames);
  const version = `opencc-js ${openccVersion()}`;
  checkCompatibilityKeys(dictionaries);
  const built = new Map<AnyDictionaryName, DictionaryData>();
  const segmenting = new Set(Object.values(ROUTE_PLANS).map((plan) => plan.segmentation));
  for (const [group, sources] of Object.entries(DICTIONARY_SOURCES) as [DictionaryName, readonly string[]][]) {
    if (segmenting.has(group)) checkPhraseSplit(group, sources, dictionaries);
    // opencc-js loads a group's dictionaries last to first, so on a shared key the first one wins.
    const entries = [...sources].reverse().flatMap((name) => dictionaries.get(name) ?? []);
    built.set(group, dictionaryFromEntries(group, `${version}: ${sources.join(', ')}`, entries));
  }
  const scriptSource = `${version}: characters of STCharacters (s) / TSCharacters (t) that never occur in the other script's text`;
  built.set(SCRIPT_CHARS, dictionaryFromEntries(SCRIPT_CHARS, scriptSource, scriptCharEntries(dictionaries)));
  const packed = ZH_PACK_FILES.flatMap((pack) => DICTIONARY_PACKS[pack]);
  for (const name of built.keys()) {
    if (packed.filter((other) => other === name).length !== 1) throw new Error(`${name} must be in exactly one pack of DICTIONARY_PACKS (routes.ts)`);
  }
  const files = new Map<string, Uint8Array>();
  for (const pack of ZH_PACK_FILES) {
    files.set(`${pack}.bin`, encodePack(DICTIONARY_PACKS[pack].map((name) => built.get(name) as DictionaryData)));
  }
  return files;
}

async function main(): Promise<void> {
  const files = await buildZhDictionaries();
  mkdirSync(ZH_DICTIONARY_DIR, { recursive: true });
  for (const file of readdirSync(ZH_DICTIONARY_DIR)) if (!files.has(file)) rmSync(join(ZH_DICTIONARY_DIR, file));
  for (const [name, bytes] of files) {
    writeFileSync(join(ZH_DICTIONARY_DIR, name), bytes);
    console.log(`${name}\t${bytes.length} bytes`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
