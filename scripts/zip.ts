// `npm run zip`: the store packages, after `npm run build` (the npm script runs it first):
//   dist/packages/qingdu-chrome-<version>.zip   for the Chrome Web Store
//   dist/packages/qingdu-firefox-<version>.zip  for addons.mozilla.org
// Both are made with web-ext's packager (the same one AMO documents), which zips a build
// directory as it is, with the manifest at the root.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import webExt from 'web-ext';

const root = resolve(import.meta.dirname, '..');
const artifactsDir = resolve(root, 'dist/packages');

for (const browser of ['chrome', 'firefox'] as const) {
  const sourceDir = resolve(root, 'dist', browser);
  const manifestPath = resolve(sourceDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`no ${manifestPath}: run npm run build first`);
  const { version } = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
  const result = await webExt.cmd.build(
    { sourceDir, artifactsDir, filename: `qingdu-${browser}-${version}.zip`, overwriteDest: true },
    { shouldExitProgram: false },
  );
  console.log(`${browser}: ${result.extensionPath}`);
}
