// The Node side of the dictionary contract: a DictionaryLoader that reads the generated files from
// src/core/zh/dicts/ (written by `npm run zh-dicts`, committed). Used by the CLI, tests and benches.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DictionaryLoader } from '../core/zh/index.ts';
import { ZH_DICTIONARY_FILES } from '../core/zh/index.ts';

export const ZH_DICTIONARY_DIR = join(import.meta.dirname, '../core/zh/dicts');

/** Reads `<dir>/<name>.json` as text; the converter parses and checks it. */
export function nodeDictionaryLoader(dir: string = ZH_DICTIONARY_DIR): DictionaryLoader {
  return async (name) => {
    if (!ZH_DICTIONARY_FILES.includes(name)) throw new Error(`no zh dictionary named ${JSON.stringify(name)}`);
    return readFile(join(dir, `${name}.json`), 'utf8');
  };
}
