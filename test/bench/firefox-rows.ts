// The Firefox rows: on the same saved pages, in the same run, click → reader painted for ours (the
// built add-on, dist/firefox) and for Firefox's own Reader View, which is what Firefox users
// already have. Reader View is measured two ways, as users reach it:
//   toolbar path       its button in the address bar: Reader View parses the live page's document
//                      and navigates the tab to about:reader with that article;
//   about:reader?url=  the address opened directly: Reader View fetches the page again and parses it.
//
// Firefox ESR is driven through Marionette (marionette.ts): WebDriver BiDi refuses about:reader,
// and both toolbar buttons live in Firefox's own window, which only Marionette's chrome context
// reaches. Both buttons are pressed the same way, `click()` on the toolbar element from that
// window, which runs the button's own handler; ours is first pinned to the toolbar (an MV3 action
// starts in the extensions menu). Pages come through a loopback proxy (proxy.ts); nothing else
// reaches the network. Ours is timed by the paint probe in the page (probe.ts), Reader View by a
// JSWindowActor for about:reader (firefox-actor-*.ts) that times the frame after its article is
// in the DOM the same way; both send their times on the wall clock (`clockDrift`), so the click
// time taken in Firefox's window lines up with them.
//
// Firefox's content sandbox is off in this Firefox (MOZ_DISABLE_CONTENT_SANDBOX): the actor's
// module is read from a temporary directory by the content process. It is the same for both readers.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADDON_ID, FIREFOX_PATH } from '../e2e/support/firefox.ts';
import { DIST_FIREFOX } from '../e2e/support/pages.ts';
import { buildScript } from './bundle.ts';
import type { ReaderPainted } from './firefox-actor-child.ts';
import { Marionette } from './marionette.ts';
import type { BenchPage } from './pages.ts';
import type { PaintTimes } from './probe.ts';
import { proxyPrefs, startLoopbackProxy } from './proxy.ts';
import { makeRow, median, missingRow, type BenchRow, type Budget, type Stages } from './report.ts';

/** Ours at most half of Reader View's toolbar path, same page, same run. */
export const FIREFOX_BUDGET: Budget = { kind: 'ratio', max: 0.5 };

export interface FirefoxOptions {
  runs: number;
  /** Where to save a screenshot of each reader as first opened (ours, Reader View both ways), to look at. */
  shotsDir?: string;
}

/** Time to let page-load work (the detector's report, Reader View's readerable check) finish before a click. */
const SETTLE_MS = 400;
/** Where the actor's modules are served from (a resource:// substitution for a temporary directory). */
const RESOURCE_HOST = 'qingdu-bench';
const PARENT_MODULE = `resource://${RESOURCE_HOST}/parent.mjs`;
/** The add-on's toolbar widget, as Firefox names it: its id lower-cased, other characters `_`, + "-browser-action". */
const WIDGET_ID = `${ADDON_ID.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-browser-action`;

type Path = 'ours' | 'toolbar' | 'url';

interface Timed {
  ms: number;
  stages: Stages;
}

interface PageSamples {
  ours: Timed[];
  toolbar: Timed[];
  url: Timed[];
  /** Whether Firefox showed its Reader View button on this page (its own readerable check). */
  offered: boolean;
  /** The first failure of each path on this page (its rows then say why they were not measured). */
  failed: Partial<Record<Path, string>>;
}

/** Prefs for a quiet, offline Firefox with Marionette on a free port and precise timers. */
function prefs(proxyPort: number): Record<string, string | number | boolean> {
  return {
    ...proxyPrefs(proxyPort),
    'marionette.port': 0,
    'xpinstall.signatures.required': false,
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: '0b7e3c2a-5f41-4d8e-9c6a-1e2f3a4b5c6d' }),
    'intl.accept_languages': 'zh-CN, zh',
    // performance.now() unrounded (1 ms otherwise) in every page, Reader View's and ours alike.
    'privacy.reduceTimerPrecision': false,
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.page': 0,
    'browser.startup.homepage_override.mstone': 'ignore',
    'browser.aboutwelcome.enabled': false,
    'browser.newtabpage.enabled': false,
    'browser.translations.automaticallyPopup': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'app.update.disabledForTesting': true,
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'services.settings.server': 'http://127.0.0.1:1/',
    'browser.region.network.url': '',
    'network.http.speculative-parallel-limit': 0,
  };
}

async function launchFirefox(profile: string): Promise<{ firefox: ChildProcess; port: number }> {
  const firefox = spawn(FIREFOX_PATH, ['--marionette', '--headless', '--no-remote', '--remote-allow-system-access', '-profile', profile], {
    stdio: ['ignore', 'ignore', 'ignore'],
    env: { ...process.env, MOZ_DISABLE_CONTENT_SANDBOX: '1' },
  });
  const portFile = join(profile, 'MarionetteActivePort');
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (firefox.exitCode !== null) throw new Error(`${FIREFOX_PATH} exited (${firefox.exitCode}) before Marionette was listening`);
    const text = existsSync(portFile) ? readFileSync(portFile, 'utf8').trim() : '';
    if (/^[0-9]+$/.test(text)) return { firefox, port: Number(text) };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  firefox.kill();
  throw new Error('Marionette did not start listening within 2 minutes');
}

/** Chrome-context setup: the actor's modules served and registered for about:reader, our button on the toolbar. */
const SETUP = `
  const [dir, host, widgetId] = arguments;
  const file = Cc['@mozilla.org/file/local;1'].createInstance(Ci.nsIFile);
  file.initWithPath(dir);
  Services.io.getProtocolHandler('resource').QueryInterface(Ci.nsIResProtocolHandler).setSubstitution(host, Services.io.newFileURI(file));
  ChromeUtils.registerWindowActor('QingduBenchReader', {
    parent: { esModuleURI: 'resource://' + host + '/parent.mjs' },
    child: { esModuleURI: 'resource://' + host + '/child.mjs', events: { DOMContentLoaded: {}, AboutReaderContentReady: {} } },
    matches: ['about:reader*'],
    messageManagerGroups: ['browsers'],
  });
  CustomizableUI.addWidgetToArea(widgetId, CustomizableUI.AREA_NAVBAR);
  const node = CustomizableUI.getWidget(widgetId)?.forWindow(window)?.node;
  return node ? node.localName : null;`;

/** Chrome context: presses a toolbar button (`arguments[1]`: 'ours' or Reader View's), timed. */
const CLICK = `
  const [module, which, widgetId] = arguments;
  const bench = ChromeUtils.importESModule(module);
  bench.forgetPainted();
  const widget = CustomizableUI.getWidget(widgetId)?.forWindow(window)?.node;
  const button = which === 'ours' ? (widget?.querySelector('.unified-extensions-item-action-button') ?? widget?.firstElementChild) : document.getElementById('reader-mode-button');
  if (!button) throw new Error('no ' + which + ' button on the toolbar');
  const offered = !button.hidden;
  return { at: bench.timed(() => button.click(), window), offered };`;

/** Chrome context: opens `arguments[1]` in the tab as a typed address, timed. */
const OPEN = `
  const [module, url] = arguments;
  const bench = ChromeUtils.importESModule(module);
  bench.forgetPainted();
  return bench.timed(() => openTrustedLinkIn(url, 'current'), window);`;

/** Chrome context, async: the next about:reader page painted. */
const NEXT_PAINTED = `
  const done = arguments[arguments.length - 1];
  ChromeUtils.importESModule(arguments[0]).nextPainted().then((painted) => done(painted), (error) => done({ error: String(error) }));`;

/** Content context: puts the paint probe into the page's own world. */
const INJECT_PROBE = `
  const script = document.createElement('script');
  script.textContent = arguments[0];
  document.documentElement.append(script);
  script.remove();
  return typeof (window.wrappedJSObject ?? window).qingduProbe;`;

/** Content context: arms the probe for our overlay; the page's clock. */
const ARM = `
  const probe = (window.wrappedJSObject ?? window).qingduProbe;
  probe.armOverlay('qingdu');
  return { timeOrigin: probe.timeOrigin(), drift: probe.clockDrift() };`;

/** Content context, async: our overlay's times, from the probe. */
const OVERLAY_PAINTED = `
  const done = arguments[arguments.length - 1];
  (window.wrappedJSObject ?? window).qingduProbe.overlayPainted().then(
    (times) => done({ hostAt: times.hostAt, domAt: times.domAt, frameAt: times.frameAt, paintedAt: times.paintedAt }),
    (error) => done({ error: String(error) }),
  );`;

class FirefoxBench {
  constructor(
    private readonly marionette: Marionette,
    private readonly probe: string,
  ) {}

  private async navigate(url: string): Promise<void> {
    await this.marionette.setContext('content');
    await this.marionette.command('WebDriver:Navigate', { url });
  }

  /** The tab's viewport as shown now, saved as a PNG (the viewport: a whole-document capture leaves out what is drawn on top of it). */
  async screenshot(path: string): Promise<void> {
    await this.marionette.setContext('content');
    const { value } = await this.marionette.command<{ value: string }>('WebDriver:TakeScreenshot', { full: false });
    writeFileSync(path, Buffer.from(value, 'base64'));
  }

  private async settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  }

  /** Ours: a fresh load, the probe, our toolbar button, the overlay painted. */
  async ours(page: BenchPage): Promise<Timed> {
    await this.navigate(page.url);
    const injected = await this.marionette.execute<string>(INJECT_PROBE, [this.probe]);
    if (injected !== 'object') throw new Error(`${page.url}: the paint probe did not start in the page (${injected})`);
    await this.settle();
    const clock = await this.marionette.execute<{ timeOrigin: number; drift: number }>(ARM);
    await this.marionette.setContext('chrome');
    const { at } = await this.marionette.execute<{ at: number }>(CLICK, [PARENT_MODULE, 'ours', WIDGET_ID]);
    await this.marionette.setContext('content');
    const times = await this.marionette.executeAsync<PaintTimes & { error?: string }>(OVERLAY_PAINTED);
    if (times.error) throw new Error(`${page.url}: ${times.error}`);
    return fromClick(clock, at, [
      ['click → host in the page (background, injection)', times.hostAt],
      ['host → article in the DOM (extraction, render)', times.domAt],
      ['DOM → painted', times.paintedAt],
    ]);
  }

  /** Reader View from its toolbar button on a fresh load: whether Firefox offered it, and its times. */
  async toolbar(page: BenchPage): Promise<Timed & { offered: boolean }> {
    await this.navigate(page.url);
    await this.settle();
    await this.marionette.setContext('chrome');
    const { at, offered } = await this.marionette.execute<{ at: number; offered: boolean }>(CLICK, [PARENT_MODULE, 'reader', WIDGET_ID]);
    return { ...(await this.readerPainted(page, at)), offered };
  }

  /** Reader View opened at about:reader?url=, from a blank tab: it fetches the page itself. */
  async url(page: BenchPage): Promise<Timed> {
    await this.navigate('about:blank');
    await this.marionette.setContext('chrome');
    const at = await this.marionette.execute<number>(OPEN, [PARENT_MODULE, `about:reader?url=${encodeURIComponent(page.url)}`]);
    return this.readerPainted(page, at);
  }

  private async readerPainted(page: BenchPage, at: number): Promise<Timed> {
    const painted = await this.marionette.executeAsync<ReaderPainted & { error?: string }>(NEXT_PAINTED, [PARENT_MODULE]);
    if (painted.error) throw new Error(`${page.url}: ${painted.error}`);
    if (!painted.url.startsWith('about:reader')) throw new Error(`${page.url}: Reader View did not open (${painted.url})`);
    if (painted.textLength === 0) throw new Error(`${page.url}: Reader View showed no article`);
    return fromClick(painted, at, [
      ['click → about:reader loaded (navigation)', painted.loadedAt],
      ['loaded → article in the DOM (parse, render)', painted.readyAt],
      ['DOM → painted', painted.paintedAt],
    ]);
  }
}

/**
 * From the click (`at`, on the wall clock) to each of a page's marks in turn (times on the page's
 * clock, `clock` lining it up with the wall clock): each stage runs from the mark before it, the
 * whole to the last mark.
 */
function fromClick(clock: { timeOrigin: number; drift: number }, at: number, marks: readonly (readonly [string, number])[]): Timed {
  const stages: Record<string, number> = {};
  let previous = 0;
  for (const [name, time] of marks) {
    const sinceClick = clock.timeOrigin + time + clock.drift - at;
    stages[name] = sinceClick - previous;
    previous = sinceClick;
  }
  return { ms: previous, stages };
}

function medianStages(samples: readonly Timed[]): Stages {
  const names = Object.keys(samples[0]?.stages ?? {});
  return Object.fromEntries(names.map((name) => [name, median(samples.map((sample) => sample.stages[name] ?? Number.NaN))]));
}

function stageNote(stages: Stages): string {
  return `stage medians: ${Object.entries(stages).map(([stage, value]) => `${stage} ${value.toFixed(1)} ms`).join(', ')}`;
}

export async function measureInFirefox(articles: readonly BenchPage[], probe: string, options: FirefoxOptions): Promise<BenchRow[]> {
  if (!existsSync(join(DIST_FIREFOX, 'manifest.json'))) {
    return [missingRow('firefox: click → overlay painted', 'ms', FIREFOX_BUDGET, 'no dist/firefox build')];
  }
  const proxy = await startLoopbackProxy();
  const profile = mkdtempSync(join(tmpdir(), 'qingdu-bench-firefox-'));
  let firefox: ChildProcess | undefined;
  let marionette: Marionette | undefined;
  try {
    const modules = join(profile, 'qingdu-bench');
    mkdirSync(modules);
    writeFileSync(join(modules, 'child.mjs'), await buildScript('firefox-actor-child.ts', 'es'));
    writeFileSync(join(modules, 'parent.mjs'), await buildScript('firefox-actor-parent.ts', 'es'));
    writeFileSync(join(profile, 'user.js'), Object.entries(prefs(proxy.port)).map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});\n`).join(''));
    const launched = await launchFirefox(profile);
    firefox = launched.firefox;
    marionette = await Marionette.connect(launched.port);
    // The proxy's certificate is made for this run; the session accepts it as BBC's.
    await marionette.command('WebDriver:NewSession', { acceptInsecureCerts: true });
    await marionette.command('WebDriver:SetWindowRect', { width: 1280, height: 900 });
    const installed = await marionette.command<{ value: string }>('Addon:Install', { path: DIST_FIREFOX, temporary: true });
    if (installed.value !== ADDON_ID) throw new Error(`installed ${installed.value}, expected ${ADDON_ID}`);
    await marionette.setContext('chrome');
    const widget = await marionette.execute<string | null>(SETUP, [modules, RESOURCE_HOST, WIDGET_ID]);
    if (!widget) throw new Error(`no toolbar widget ${WIDGET_ID} for the add-on`);

    const bench = new FirefoxBench(marionette, probe);
    const first = articles[0];
    if (!first) throw new Error('no article pages');
    // The first click of each since Firefox started (a background woken, code compiled from nothing) is not a sample.
    const shot = async (name: string): Promise<void> => {
      if (options.shotsDir) await bench.screenshot(join(options.shotsDir, `firefox-${name}-${first.name}.png`));
    };
    await bench.ours(first);
    await shot('ours');
    await bench.toolbar(first);
    await shot('reader-view-toolbar');
    await bench.url(first);
    await shot('reader-view-url');

    const byPage = new Map<string, PageSamples>();
    for (const article of articles) {
      const samples: PageSamples = { ours: [], toolbar: [], url: [], offered: false, failed: {} };
      const paths: Path[] = ['ours', 'toolbar', 'url'];
      for (let run = 0; run < options.runs; run += 1) {
        // The order of the three turns each run, so none always follows the same one.
        for (const path of [...paths.slice(run % 3), ...paths.slice(0, run % 3)]) {
          if (samples.failed[path] !== undefined) continue;
          try {
            if (path === 'ours') samples.ours.push(await bench.ours(article));
            else if (path === 'url') samples.url.push(await bench.url(article));
            else {
              const toolbar = await bench.toolbar(article);
              samples.offered = toolbar.offered;
              samples.toolbar.push(toolbar);
            }
          } catch (error) {
            samples.failed[path] = error instanceof Error ? error.message : String(error);
          }
        }
      }
      byPage.set(article.name, samples);
    }
    return rowsFrom(byPage);
  } finally {
    if (marionette) {
      await marionette.command('Marionette:Quit', { flags: ['eForceQuit'] }).catch(() => undefined);
      marionette.close();
    }
    if (firefox && firefox.exitCode === null) {
      await new Promise((resolve) => {
        const timer = setTimeout(() => firefox?.kill('SIGKILL'), 10_000);
        firefox?.once('exit', () => resolve(clearTimeout(timer)));
      });
    }
    await proxy.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

function rowsFrom(byPage: ReadonlyMap<string, PageSamples>): BenchRow[] {
  const rows: BenchRow[] = [];
  const ms = (samples: readonly Timed[]): number[] => samples.map((sample) => sample.ms);
  for (const [name, samples] of byPage) {
    const failed = (path: Path): string => (samples.failed[path] ? ` Not measured: ${samples.failed[path]}` : '');
    const offered = samples.offered
      ? ''
      : ' Firefox does not show its Reader View button on this page (its readerable check says no), so users cannot take this path here; the hidden button was pressed all the same.';
    rows.push(
      makeRow({
        name: `firefox: click → overlay painted · ${name}`,
        unit: 'ms',
        samples: ms(samples.ours),
        budget: FIREFOX_BUDGET,
        anchorSamples: ms(samples.toolbar),
        anchorName: "Reader View's toolbar path",
        stages: medianStages(samples.ours),
        note: `${stageNote(medianStages(samples.ours))}.${failed('ours')}`,
      }),
      makeRow({
        name: `firefox: Reader View, toolbar button → painted (the anchor) · ${name}`,
        unit: 'ms',
        samples: ms(samples.toolbar),
        note: `${stageNote(medianStages(samples.toolbar))}.${offered}${failed('toolbar')}`,
      }),
      makeRow({
        name: `firefox: Reader View, about:reader?url= → painted · ${name}`,
        unit: 'ms',
        samples: ms(samples.url),
        anchorSamples: ms(samples.toolbar),
        note: `${stageNote(medianStages(samples.url))}; the page fetched again (through the loopback proxy) and parsed.${failed('url')}`,
      }),
    );
  }
  return rows;
}
