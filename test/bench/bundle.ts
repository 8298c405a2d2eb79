// Builds what the bench measures and injects: the in-page bench bundle, the paint probe and the
// plain Readability peer (each one IIFE script, through Vite, into a temporary directory; the peer
// inside a minimal extension of its own) and, unless told not to, the extension itself (`npm run
// build`, the production build, into dist/).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

/** The in-page bench bundle (in-page.ts): the project's functions and the anchors, timed in the page. */
export function buildInPageBundle(): Promise<string> {
  return buildScript('in-page.ts');
}

/** The paint probe (probe.ts), injected before each click of the extension rows. */
export function buildProbe(): Promise<string> {
  return buildScript('probe.ts');
}

/** The peer's files in the extension `buildPeerExtension` writes. */
export const PEER_BACKGROUND = 'peer-background.js';
const PEER_READER = 'peer-reader.js';

/**
 * The plain Readability reader as an extension (a temporary directory; the caller removes it): on
 * a toolbar click its background injects peer-reader.ts into the tab, as ours injects its reader
 * (`scripting.executeScript` with `injectImmediately`, frame 0, the `activeTab` grant of the click).
 */
export async function buildPeerExtension(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'qingdu-bench-peer-'));
  const manifest = {
    manifest_version: 3,
    name: 'Plain Readability reader (Qingdu bench peer)',
    version: '1.0',
    permissions: ['activeTab', 'scripting'],
    background: { service_worker: PEER_BACKGROUND },
    action: { default_title: 'Reader' },
  };
  const background = `chrome.action.onClicked.addListener((tab) => {
  chrome.scripting.executeScript({ target: { tabId: tab.id, frameIds: [0] }, files: [${JSON.stringify(PEER_READER)}], injectImmediately: true });
});
`;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, PEER_BACKGROUND), background);
  writeFileSync(join(dir, PEER_READER), await buildScript('peer-reader.ts'));
  return dir;
}

/**
 * One test/bench entry as a single script: an IIFE, ready for `page.addScriptTag({ content })`,
 * or (`format: 'es'`) an ES module, for code Firefox loads as a module (firefox-actor.ts).
 */
export async function buildScript(entry: string, format: 'iife' | 'es' = 'iife'): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'qingdu-bench-'));
  try {
    await build({
      configFile: false,
      root: REPO_ROOT,
      logLevel: 'warn',
      mode: 'production',
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: {
        outDir,
        emptyOutDir: true,
        minify: true,
        target: 'es2022',
        reportCompressedSize: false,
        lib: { entry: join(import.meta.dirname, entry), formats: [format], name: 'qingduBenchScript', fileName: () => 'bench.js' },
      },
    });
    return readFileSync(join(outDir, 'bench.js'), 'utf8');
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The production build of the extension (`npm run build`), so the sizes and the click rows measure what ships. */
export function buildExtension(): void {
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status ?? result.signal ?? '?'})`);
}
