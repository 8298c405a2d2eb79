// scripts/machine.mjs decides whether `npm start` / `npm test` must run `npm ci` first, from npm's own
// record of the install: these cases are the ones a newcomer (or a `git pull`) meets.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dependenciesMatchLock } from '../../scripts/machine.mjs';

type Packages = Record<string, { version?: string; optional?: boolean }>;

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(locked: Packages, installed?: Packages): string {
  const root = mkdtempSync(join(tmpdir(), 'qingdu-machine-'));
  made.push(root);
  writeFileSync(join(root, 'package-lock.json'), JSON.stringify({ packages: { '': { name: 'x' }, ...locked } }));
  if (installed) {
    mkdirSync(join(root, 'node_modules'));
    writeFileSync(join(root, 'node_modules', '.package-lock.json'), JSON.stringify({ packages: installed }));
  }
  return root;
}

const preact = { 'node_modules/preact': { version: '11.2.0' } };

describe('dependenciesMatchLock', () => {
  it('is true when every locked package is installed at its version', () => {
    expect(dependenciesMatchLock(project(preact, preact))).toBe(true);
  });
  it('is false on a fresh clone (no node_modules)', () => {
    expect(dependenciesMatchLock(project(preact))).toBe(false);
  });
  it('is false when the lock moved to another version (a pull that changed package-lock.json)', () => {
    expect(dependenciesMatchLock(project({ 'node_modules/preact': { version: '11.3.0' } }, preact))).toBe(false);
  });
  it('is false when a locked package is missing', () => {
    expect(dependenciesMatchLock(project({ ...preact, 'node_modules/dompurify': { version: '3.4.18' } }, preact))).toBe(false);
  });
  it("ignores optional packages that were not installed (another platform's binaries)", () => {
    const locked = { ...preact, 'node_modules/@esbuild/darwin-arm64': { version: '0.25.0', optional: true } };
    expect(dependenciesMatchLock(project(locked, preact))).toBe(true);
  });
});
