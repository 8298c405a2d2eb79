// Builds the extension for one browser per run from the single `manifest.json`:
//   vite build --mode chrome   → dist/chrome/   (MV3 service worker)
//   vite build --mode firefox  → dist/firefox/  (MV3 background.scripts + browser_specific_settings.gecko)
// Keys prefixed `{{chrome}}.` / `{{firefox}}.` in the manifest go to that browser only
// (vite-plugin-web-extension). Every script entry is bundled on its own as an IIFE, so nothing is
// loaded at run time that is not in the package: no remote code, no shared chunks.
// `assets/` (icons, _locales) is copied as is; the conversion dictionaries (src/core/zh/dicts/*.bin,
// made by `npm run zh-dicts`) are packaged as `zh/<pack>.bin` with their licence in `zh/LICENSE.txt`,
// fetched only on a first script switch. `assets/README.md` is for developers and is not packaged.
// UI message catalogues are bundled lean, the reader's with its own messages only (`uiMessages`).

import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import webExtension from 'vite-plugin-web-extension';

const BROWSERS = ['chrome', 'firefox'] as const;
type TargetBrowser = (typeof BROWSERS)[number];

function targetBrowser(mode: string): TargetBrowser {
  const browser = BROWSERS.find((name) => name === mode);
  if (!browser) throw new Error(`vite build --mode chrome|firefox (got "${mode}")`);
  return browser;
}

/** The entry whose bundle carries only the `reader_` messages. */
const READER_ENTRY = 'src/reader/index.ts';

/**
 * `_locales/<locale>/messages.json` as bundled for `core/i18n` (which looks up the language the
 * reader chose, not the browser's): each message keeps only `message` and its placeholders'
 * `content` — translators' descriptions and examples stay in the packaged `_locales/` files the
 * browser reads. The reader's bundle gets only the `reader_` messages, the only ones the overlay
 * shows (`reader/ui/labels.ts` holds its keys to that prefix); every other entry gets them all.
 * Each entry is its own build, so the choice is made per build from its input.
 */
function uiMessages(): Plugin {
  let keyPrefix = '';
  return {
    name: 'qingdu-ui-messages',
    apply: 'build',
    enforce: 'pre',
    options(options) {
      const input = options.input;
      const entries = typeof input === 'string' ? [input] : Array.isArray(input) ? input : Object.values(input ?? {});
      keyPrefix = entries.some((entry) => resolve(entry) === resolve(import.meta.dirname, READER_ENTRY)) ? 'reader_' : '';
      return null;
    },
    transform(code, id) {
      if (!/[\\/]_locales[\\/][^\\/]+[\\/]messages\.json$/.test(id)) return null;
      const catalogue = JSON.parse(code) as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
      const kept: Record<string, unknown> = {};
      for (const [key, { message, placeholders }] of Object.entries(catalogue)) {
        if (!key.startsWith(keyPrefix)) continue;
        kept[key] = placeholders
          ? { message, placeholders: Object.fromEntries(Object.entries(placeholders).map(([name, p]) => [name, { content: p.content }])) }
          : { message };
      }
      return { code: JSON.stringify(kept), map: null };
    },
  };
}

/**
 * The dictionaries are OpenCC's data (Apache-2.0) as opencc-js ships it (MIT), so the package
 * carries both licences next to them, as redistributing them requires.
 */
function dictionaryLicence(): string {
  const opencc = resolve(import.meta.dirname, 'node_modules/opencc-js');
  return [
    'The files in this folder are built from the conversion dictionaries of OpenCC',
    '(Open Chinese Convert, Copyright BYVoid and contributors), licensed under the Apache License 2.0,',
    'as packaged by opencc-js (Copyright the nk2028 project), licensed under the MIT License.',
    'Qingdu re-encodes them in its own file format without changing their entries.',
    '',
    '=== Apache License 2.0 (OpenCC) ===',
    readFileSync(resolve(opencc, 'LICENSES/Apache-2.0.txt'), 'utf8').trim(),
    '',
    '=== MIT License (opencc-js) ===',
    readFileSync(resolve(opencc, 'LICENSE'), 'utf8').trim(),
    '',
  ].join('\n');
}

/**
 * After everything else is written: copies the committed dictionary files (with their licence) into
 * the package, and drops what `assets/` holds only for developers (its README).
 */
function finishPackage(outDir: string): Plugin {
  const source = resolve(import.meta.dirname, 'src/core/zh/dicts');
  return {
    name: 'qingdu-finish-package',
    apply: 'build',
    closeBundle() {
      if (!existsSync(source)) throw new Error(`no dictionaries in ${source}: run npm run zh-dicts`);
      cpSync(source, resolve(outDir, 'zh'), { recursive: true, filter: (path) => !/\.(?:ts|md)$/.test(path) });
      writeFileSync(resolve(outDir, 'zh/LICENSE.txt'), dictionaryLicence());
      rmSync(resolve(outDir, 'README.md'), { force: true });
    },
  };
}

export default defineConfig(({ mode }) => {
  const browser = targetBrowser(mode);
  const outDir = resolve(import.meta.dirname, 'dist', browser);
  return {
    root: import.meta.dirname,
    publicDir: resolve(import.meta.dirname, 'assets'),
    build: {
      outDir,
      emptyOutDir: true,
      target: browser === 'chrome' ? 'chrome120' : 'firefox140',
      // Store reviewers read the output; keep it readable where it costs nothing.
      sourcemap: false,
      reportCompressedSize: false,
    },
    plugins: [
      webExtension({
        manifest: 'manifest.json',
        browser,
        // Injected on demand by the background (scripting.executeScript), so not in the manifest.
        additionalInputs: ['src/reader/index.ts'],
        // The plugin's validation fetches a schema from the network; `web-ext lint` (Firefox) and
        // loading the build in Chromium (e2e) check the manifest instead.
        skipManifestValidation: true,
        disableAutoLaunch: true,
        printSummary: false,
      }),
      uiMessages(),
      finishPackage(outDir),
    ],
  };
});
