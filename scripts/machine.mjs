// `npm start` and `npm test` run this first, so that on a fresh Debian machine with Node those two
// commands are all a newcomer types: it brings the npm dependencies when they are missing or stale,
// and the Debian browsers and fonts the command drives — installed when running as root, otherwise
// one line with the exact command to run.
//
// Plain JavaScript with Node's own modules only: it runs before `npm ci`, when neither TypeScript
// nor tsx is installed yet.
//
//   node scripts/machine.mjs start|test
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * What each command drives. `path` is the program the suites launch (overridable by the same
 * variables they read), so a machine that has it by other means is not asked for the package.
 */
const BROWSERS = {
  chromium: { path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  'firefox-esr': { path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr' },
};
const NEEDS = {
  start: ['chromium', 'fonts-noto-cjk'],
  // poppler-utils: the print test reads the printed PDF's text (pdftotext) and renders a page (pdftoppm).
  // speech-dispatcher, espeak-ng, pulseaudio: real Mandarin and Cantonese voices for the read-aloud
  // tests, played into PulseAudio's null sink on a machine without a sound card.
  test: ['chromium', 'firefox-esr', 'fonts-noto-cjk', 'poppler-utils', 'speech-dispatcher', 'espeak-ng', 'pulseaudio'],
};

/**
 * True when `node_modules` holds what package-lock.json asks for: npm's own record of the install
 * (`node_modules/.package-lock.json`) has every locked package at its locked version. Optional
 * packages (other platforms' binaries) may be absent.
 */
export function dependenciesMatchLock(root = ROOT) {
  const installedFile = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installedFile)) return false;
  const locked = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')).packages ?? {};
  const installed = JSON.parse(readFileSync(installedFile, 'utf8')).packages ?? {};
  for (const [path, entry] of Object.entries(locked)) {
    if (path === '') continue; // the project itself
    const have = installed[path];
    if (!have) {
      if (entry.optional) continue;
      return false;
    }
    if (have.version !== entry.version) return false;
  }
  return true;
}

function debianPackageInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/** The Debian packages `command` needs that this machine lacks. */
export function missingDebianPackages(command) {
  return NEEDS[command].filter((name) => {
    const browser = BROWSERS[name];
    if (browser && existsSync(browser.path)) return false;
    return !debianPackageInstalled(name);
  });
}

function hasApt() {
  return spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

function bringDebianPackages(command) {
  const missing = missingDebianPackages(command);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!hasApt()) {
    console.error(`npm ${command} needs ${missing.join(', ')} (Debian package names); this machine has no apt-get: install them with its package manager, or set CHROMIUM_PATH / FIREFOX_PATH.`);
    process.exit(1);
  }
  if (!isRoot) {
    console.error(`npm ${command} needs Debian packages that are missing; run:  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
  console.log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env });
}

function bringNpmDependencies() {
  if (dependenciesMatchLock()) return;
  console.log('installing npm dependencies (npm ci)');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' });
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const command = process.argv[2];
  if (!(command in NEEDS)) {
    console.error(`usage: node scripts/machine.mjs ${Object.keys(NEEDS).join('|')}`);
    process.exit(2);
  }
  bringNpmDependencies();
  bringDebianPackages(command);
}
