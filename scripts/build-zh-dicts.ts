// Builds the conversion dictionaries in src/core/zh/dicts/ from the OpenCC data that opencc-js
// ships (so they follow the installed opencc-js version): one JSON file per conversion step, in
// the format of src/core/zh/dictionary.ts, plus `script-chars`. Run: `npm run zh-dicts`.
// test/unit/zh-dicts.test.ts fails when the committed files differ from what this produces.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fileFromEntries } from '../src/core/zh/dictionary.ts';
import { ZH_DICTIONARY_DIR } from '../src/node/zh-dicts.ts';
import { COMPATIBILITY_IDEOGRAPH, DICTIONARY_SOURCES, ROUTE_PLANS, SCRIPT_CHARS, type DictionaryName } from '../src/core/zh/routes.ts';


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

/** File name → file text, for every file in ZH_DICTIONARY_DIR. */
export async function buildZhDictionaries(): Promise<Map<string, string>> {
  const openccNames = new Set<string>(Object.values(DICTIONARY_SOURCES).flat());
  for (const extra of ['TWVariants', 'HKVariants', 'TWVariantsPhrases', 'HKVariantsPhrases', 'TSPhrases', 'TSCharacters']) openccNames.add(extra);
  const dictionaries = await loadOpenccDictionaries(openccNames);
  const version = `opencc-js ${openccVersion()}`;
  checkCompatibilityKeys(dictionaries);
  const files = new Map<string, string>();
  const segmenting = new Set(Object.values(ROUTE_PLANS).map((plan) => plan.segmentation));
  for (const [group, sources] of Object.entries(DICTIONARY_SOURCES) as [DictionaryName, readonly string[]][]) {
    if (segmenting.has(group)) checkPhraseSplit(group, sources, dictionaries);
    // opencc-js loads a group's dictionaries last to first, so on a shared key the first one wins.
    const entries = [...sources].reverse().flatMap((name) => dictionaries.get(name) ?? []);
    const file = fileFromEntries(group, `${version}: ${sources.join(', ')}`, entries);
    files.set(`${group}.json`, `${JSON.stringify(file)}\n`);
  }
  const scriptSource = `${version}: characters of STCharacters (s) / TSCharacters (t) that never occur in the other script's text`;
  files.set(`${SCRIPT_CHARS}.json`, `${JSON.stringify(fileFromEntries(SCRIPT_CHARS, scriptSource, scriptCharEntries(dictionaries)))}\n`);
  return files;
}

async function main(): Promise<void> {
  const files = await buildZhDictionaries();
  mkdirSync(ZH_DICTIONARY_DIR, { recursive: true });
  for (const [name, text] of files) {
    writeFileSync(join(ZH_DICTIONARY_DIR, name), text);
    console.log(`${name}\t${text.length} chars`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
