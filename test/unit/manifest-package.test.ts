// The extension asks for the least it needs and ships only what it runs. Checked on the source
// manifest always, and on the built packages (dist/chrome, dist/firefox) whenever they exist —
// `npm test` builds before the browser suites, so CI always checks the packages; a bare unit run
// without a build says so and skips those checks.
//
// Intended permissions: storage (settings), activeTab + scripting (inject the reader into the tab
// the user clicked), optionally declarativeContent (button state by URL). Hosts: BBC 中文 only.

import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const REQUIRED_PERMISSIONS = ['activeTab', 'scripting', 'storage'];
const OPTIONAL_PERMISSIONS = ['declarativeContent'];
const BBC_HOSTS = ['www.bbc.com', 'www.bbc.co.uk'];
/** Host patterns allowed in host_permissions and content script matches: BBC 中文 paths only. */
const ALLOWED_HOST_PATTERNS = BBC_HOSTS.flatMap((host) => [`https://${host}/zhongwen/*`, `*://${host}/zhongwen/*`]);
/** Web-accessible resources may be offered to BBC origins only (Chrome requires a `/*` path there). */
const ALLOWED_WAR_MATCHES = BBC_HOSTS.flatMap((host) => [
  `https://${host}/*`, `*://${host}/*`, `https://${host}/zhongwen/*`, `*://${host}/zhongwen/*`,
]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Manifest = { [key: string]: Json };

function readJson(path: string): Manifest {
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

function strings(value: Json | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function field(manifest: Manifest, key: string): Json | undefined {
  // The source manifest prefixes browser-specific keys: `{{chrome}}.background`.
  return manifest[key] ?? manifest[`{{chrome}}.${key}`] ?? manifest[`{{firefox}}.${key}`];
}

/** The checks that hold for the source manifest and for each built one. */
function checkManifest(manifest: Manifest): void {
  expect(manifest['manifest_version']).toBe(3);

  // A browser-tagged entry ("{{chrome}}.declarativeContent") is that browser's permission.
  const permissions = strings(field(manifest, 'permissions')).map((p) => p.replace(/^\{\{(?:chrome|firefox)\}\}\./, '')).sort();
  for (const required of REQUIRED_PERMISSIONS) expect(permissions).toContain(required);
  expect(permissions.filter((p) => !REQUIRED_PERMISSIONS.includes(p) && !OPTIONAL_PERMISSIONS.includes(p)), 'extra permissions').toEqual([]);

  const hosts = strings(field(manifest, 'host_permissions'));
  expect(hosts.filter((h) => !ALLOWED_HOST_PATTERNS.includes(h)), 'hosts beyond BBC 中文').toEqual([]);
  for (const host of BBC_HOSTS) expect(hosts.some((h) => h.includes(`//${host}/zhongwen/`)), `${host} covered`).toBe(true);

  for (const key of ['optional_permissions', 'optional_host_permissions', 'externally_connectable', 'content_scripts_dynamic']) {
    expect(strings(field(manifest, key)), `${key} must be absent or empty`).toEqual([]);
  }

  const contentScripts = field(manifest, 'content_scripts');
  const matches = Array.isArray(contentScripts)
    ? contentScripts.flatMap((entry) => (entry && typeof entry === 'object' && !Array.isArray(entry) ? strings(entry['matches']) : []))
    : [];
  expect(matches.filter((m) => !ALLOWED_HOST_PATTERNS.includes(m)), 'content scripts beyond BBC 中文').toEqual([]);

  const war = field(manifest, 'web_accessible_resources');
  for (const entry of Array.isArray(war) ? war : []) {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new Error('web_accessible_resources entry is not an object');
    expect(strings(entry['matches']).filter((m) => !ALLOWED_WAR_MATCHES.includes(m)), 'web-accessible beyond BBC').toEqual([]);
    expect(strings(entry['extension_ids']), 'web-accessible to other extensions').toEqual([]);
    for (const resource of strings(entry['resources'])) {
      expect(resource, 'web-accessible resources are data, never scripts or everything').not.toMatch(/^\*|\*\*|\.m?js$|\.html?$/);
    }
  }

  const csp = strings(field(manifest, 'content_security_policy')).join(' ');
  expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\s\*|data:|blob:/);
  expect(strings(field(manifest, 'sandbox')), 'no sandboxed pages (they may eval)').toEqual([]);
  expect(JSON.stringify(manifest), 'no remote URL anywhere in the manifest except BBC match patterns').not.toMatch(
    /https?:\/\/(?!www\.bbc\.com\/|www\.bbc\.co\.uk\/)/,
  );
}

describe('source manifest', () => {
  test('permissions, hosts, content scripts, web-accessible resources and CSP are the intended minimum', () => {
    checkManifest(readJson(join(ROOT, 'manifest.json')));
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Files a package needs: reachable from its manifest, its HTML pages and its scripts' own references. */
function neededFiles(dist: string, manifest: Manifest): Set<string> {
  const all = filesUnder(dist).map((file) => relative(dist, file));
  const needed = new Set<string>(['manifest.json']);
  if (manifest['default_locale']) for (const file of all) if (/^_locales\/[^/]+\/messages\.json$/.test(file)) needed.add(file);
  // Licence texts that bundled third-party data must travel with (e.g. zh/LICENSE.txt for OpenCC's
  // dictionaries): needed by law, not by code.
  for (const file of all) if (/(?:^|\/)LICENSE\.txt$/.test(file)) needed.add(file);

  // Manifest values that are files (icons, scripts, pages).
  for (const value of strings(manifest)) if (all.includes(value.replace(/^\//, ''))) needed.add(value.replace(/^\//, ''));

  // Web-accessible data (dictionaries) is needed when a script names it: a glob like zh/*.bin
  // covers files the reader asks for by name, so each name must appear in the reader's code.
  const scripts = (): string => [...needed].filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(dist, f), 'utf8')).join('\n');
  const war = manifest['web_accessible_resources'];
  const warGlobs = (Array.isArray(war) ? war : []).flatMap((entry) =>
    entry && typeof entry === 'object' && !Array.isArray(entry) ? strings(entry['resources']) : [],
  );

  let grew = true;
  while (grew) {
    grew = false;
    const code = scripts();
    for (const file of all) {
      if (needed.has(file)) continue;
      const base = file.split('/').pop() ?? file;
      const stem = base.replace(/\.[a-z]+$/, '');
      const byPath = [...needed].some((source) => {
        if (!/\.(?:js|html|css)$/.test(source)) return false;
        return readFileSync(join(dist, source), 'utf8').includes(file);
      });
      const byWar = warGlobs.some((glob) => new RegExp(`^${glob.replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}$`).test(file))
        && new RegExp(`["'\`]${stem}["'\`]`).test(code);
      if (byPath || byWar) {
        needed.add(file);
        grew = true;
      }
    }
  }
  return needed;
}

const execFileAsync = promisify(execFile);

for (const browser of ['chrome', 'firefox'] as const) {
  const dist = join(ROOT, 'dist', browser);
  const built = existsSync(join(dist, 'manifest.json'));
  describe.skipIf(!built)(`built package dist/${browser}`, () => {
    test('its manifest is the intended minimum', () => {
      const manifest = readJson(join(dist, 'manifest.json'));
      checkManifest(manifest);
      // Chrome enables the button from declarative rules; Firefox has no such API (it would only warn).
      expect(strings(manifest['permissions']).includes('declarativeContent')).toBe(browser === 'chrome');
    });

    test('it contains only files it needs (reachable from the manifest, its pages and scripts), no sources or maps', () => {
      const manifest = readJson(join(dist, 'manifest.json'));
      const all = filesUnder(dist).map((file) => relative(dist, file));
      expect.soft(all.filter((f) => /\.(?:ts|tsx|map|md|DS_Store)$|(?:^|\/)(?:test|node_modules)\//.test(f)), 'sources, maps, docs').toEqual([]);
      const needed = neededFiles(dist, manifest);
      expect(all.filter((f) => !needed.has(f)), 'files nothing in the package uses').toEqual([]);
      // OpenCC's dictionary data is Apache-2.0: redistributing it means carrying the licence.
      if (all.some((f) => /^zh\/.+\.bin$/.test(f))) expect(all, 'the dictionaries travel with their licence').toContain('zh/LICENSE.txt');
    });

    test('no remote code: scripts load nothing from the network and build no code from strings', () => {
      const files = filesUnder(dist).filter((f) => /\.(?:js|html)$/.test(f));
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        const name = relative(dist, file);
        expect(text, `${name}: remote script`).not.toMatch(/<script[^>]+src=["']?(?:https?:)?\/\//i);
        expect(text, `${name}: remote import`).not.toMatch(/\bimport(?:Scripts)?\s*\(\s*["'`](?:https?:)?\/\//);
        expect(text, `${name}: eval`).not.toMatch(/\beval\s*\(|\bnew\s+Function\s*\(|setTimeout\s*\(\s*["'`]/);
      }
    });

    if (browser === 'firefox') {
      test('web-ext lint reports no errors', async () => {
        const webExt = join(ROOT, 'node_modules/.bin/web-ext');
        const { stdout } = await execFileAsync(webExt, ['lint', '--source-dir', dist, '--output', 'json', '--no-config-discovery'], {
          cwd: ROOT,
          maxBuffer: 16 * 1024 * 1024,
        }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
        const report = JSON.parse(stdout) as { summary: { errors: number; warnings: number }; errors: { code: string; message: string; file?: string }[] };
        expect(report.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`)).toEqual([]);
        expect(report.summary.errors).toBe(0);
      }, 120_000);
    }
  });
  if (!built) {
    console.warn(`manifest-package: dist/${browser} is not built; package checks skipped (npm run build; the e2e run always builds)`);
    test.skip(`dist/${browser} is not built: package checks skipped (npm run build; the e2e run always builds)`, () => undefined);
  }
}
