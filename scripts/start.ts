// `npm start`: builds the extension, then opens Debian's Chromium (a visible window) with it loaded
// on a bundled real BBC article — served offline at its real URL, so the production manifest's
// content script runs — and opens the reader with a real toolbar click. Close the window to stop.
//
// Without a display (CI, SSH) a window cannot open: it says so, shows how to run it where there is
// one, and instead saves a screenshot of the same scene from a headless Chromium, then exits.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  clickToolbarButton,
  launchChromiumWithExtension,
  openPage,
  type ExtensionBrowser,
} from '../test/e2e/support/chromium.ts';
import { ARTICLES, REPO_ROOT } from '../test/e2e/support/pages.ts';

/** 「一帶一路」倡議十週年: byline with role, five photos, a video, related stories. */
const DEMO = ARTICLES.find((article) => article.file === 'trad-2023-chinese-news-66762882.html')!;
const SCREENSHOT = resolve(REPO_ROOT, 'test/e2e/screenshots/npm-start.png');

function hasDisplay(): boolean {
  if (process.env.CI) return false;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/**
 * A fresh profile that does not offer to translate: Chromium otherwise offers to translate the
 * Chinese page in a bubble that covers the reader's A−/A+/× buttons. (Passing
 * --disable-features=Translate does not work: Playwright passes its own --disable-features.)
 */
function demoProfile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qingdu-start-'));
  mkdirSync(join(dir, 'Default'));
  writeFileSync(join(dir, 'Default', 'Preferences'), JSON.stringify({ translate: { enabled: false } }));
  return dir;
}

async function openDemo(ext: ExtensionBrowser): Promise<void> {
  const page = await openPage(ext, DEMO.url);
  await page.waitForLoadState('load');
  await clickToolbarButton(ext, page);
  await page.locator('qingdu-reader [role="dialog"]').waitFor();
  for (const other of ext.context.pages()) if (other !== page) await other.close();
}

async function main(): Promise<void> {
  execFileSync('npm', ['run', '-s', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  const headed = hasDisplay();

  if (!headed) {
    console.log(
      [
        '',
        'npm start opens a Chromium window, and this session has no display (DISPLAY/WAYLAND_DISPLAY unset, or CI).',
        'Run it on a desktop session, or load the build by hand: chrome://extensions → Developer mode →',
        `Load unpacked → ${resolve(REPO_ROOT, 'dist/chrome')}, then visit ${DEMO.url}.`,
        'Meanwhile, here is the same scene from a headless Chromium:',
      ].join('\n'),
    );
  }

  const profile = demoProfile();
  let ext: ExtensionBrowser | undefined;
  try {
    const launched = await launchChromiumWithExtension({ headless: !headed, userDataDir: profile });
    ext = launched;
    await openDemo(launched);
    if (!headed) {
      mkdirSync(resolve(SCREENSHOT, '..'), { recursive: true });
      await launched.context.pages()[0]!.screenshot({ path: SCREENSHOT });
      console.log(`  ${SCREENSHOT}`);
      return;
    }
    console.log(`Qingdu is open on ${DEMO.url} (served offline). Click the toolbar button or press Alt+Shift+R to toggle; close the window to stop.`);
    await new Promise<void>((resolveClosed) => {
      launched.context.on('close', () => resolveClosed());
      process.once('SIGINT', () => resolveClosed());
      process.once('SIGTERM', () => resolveClosed());
    });
  } finally {
    await ext?.context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}

await main();
