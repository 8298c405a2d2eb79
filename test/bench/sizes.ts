// Size rows: gzip bytes (level 9) of what the Chrome build ships. The detector is every file the
// manifest's content_scripts load on every BBC page; the reader is the bundle the background
// injects on the first click (READER_FILE in src/background/index.ts). Dictionaries are separate
// files loaded on the first script switch, so they are not part of either.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST_CHROME, REPO_ROOT } from '../e2e/support/pages.ts';
import { makeRow, missingRow, type BenchRow } from './report.ts';

export const DETECTOR_BUDGET_BYTES = 3 * 1024;
export const READER_BUDGET_BYTES = 60 * 1024;

function gzipBytes(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

interface ContentScriptEntry {
  js?: string[];
  css?: string[];
}

function contentScriptFiles(): string[] {
  const manifest: unknown = JSON.parse(readFileSync(join(DIST_CHROME, 'manifest.json'), 'utf8'));
  const entries = (manifest as { content_scripts?: ContentScriptEntry[] }).content_scripts ?? [];
  return [...new Set(entries.flatMap((entry) => [...(entry.js ?? []), ...(entry.css ?? [])]))];
}

/** The reader bundle's path inside the build, as the background names it when it injects it. */
function readerFile(): string {
  const background = readFileSync(join(REPO_ROOT, 'src/background/index.ts'), 'utf8');
  const file = /export const READER_FILE = '([^']+)'/.exec(background)?.[1];
  if (!file) throw new Error('src/background/index.ts no longer exports READER_FILE as a string');
  return file;
}

export function measureSizes(): BenchRow[] {
  if (!existsSync(join(DIST_CHROME, 'manifest.json'))) {
    return [
      missingRow('detector size (gzip)', 'bytes', DETECTOR_BUDGET_BYTES, 'no dist/chrome build'),
      missingRow('reader size (gzip, no dictionaries)', 'bytes', READER_BUDGET_BYTES, 'no dist/chrome build'),
    ];
  }
  const detectorFiles = contentScriptFiles();
  const detector = detectorFiles.reduce((sum, file) => sum + gzipBytes(join(DIST_CHROME, file)), 0);
  const reader = readerFile();
  const rows = [makeRow({ name: 'detector size (gzip)', unit: 'bytes', samples: [detector], budget: DETECTOR_BUDGET_BYTES, note: detectorFiles.join(', ') })];
  rows.push(
    existsSync(join(DIST_CHROME, reader))
      ? makeRow({ name: 'reader size (gzip, no dictionaries)', unit: 'bytes', samples: [gzipBytes(join(DIST_CHROME, reader))], budget: READER_BUDGET_BYTES, note: reader })
      : missingRow('reader size (gzip, no dictionaries)', 'bytes', READER_BUDGET_BYTES, `${reader} not in dist/chrome`),
  );
  return rows;
}
