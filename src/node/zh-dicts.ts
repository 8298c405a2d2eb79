// The Node side of the dictionary contract: a DictionaryLoader that reads the generated files from
// src/core/zh/dicts/ (written by `npm run zh-dicts`, committed). Used by the CLI, tests and benches.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DictionaryLoader } from '../core/zh/index.ts';
import { ZH_PACK_FILES } from '../core/zh/index.ts';

export const ZH_DICTIONARY_DIR = join(import.meta.dirname, '../core/zh/dicts');

/** Reads `<dir>/<pack>.bin`; the converter decodes and checks it. */
export function nodeDictionaryLoader(dir: string = ZH_DICTIONARY_DIR): DictionaryLoader {
  return async (pack) => {
    if (!(ZH_PACK_FILES as readonly string[]).includes(pack)) throw new Error(`no zh dictionary file named ${JSON.stringify(pack)}`);
    return readFile(join(dir, `${pack}.bin`));
  };
}
