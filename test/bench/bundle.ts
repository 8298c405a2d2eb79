// Builds what the bench measures and injects: the in-page bench bundle and the paint probe (each
// one IIFE script, through Vite, into a temporary directory) and, unless told not to, the extension itself
// (`npm run build`, the production build, into dist/).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

/** One test/bench entry as a single IIFE script, ready for `page.addScriptTag({ content })`. */
async function buildScript(entry: string): Promise<string> {
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
        lib: { entry: join(import.meta.dirname, entry), formats: ['iife'], name: 'qingduBenchScript', fileName: () => 'bench.js' },
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
