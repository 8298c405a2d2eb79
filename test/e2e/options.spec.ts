// The options page in real Chromium with the built extension (dist/chrome): changes are saved,
// the live preview and an overlay already open in another tab follow them without a reload, they
// persist across a browser restart, garbage in storage gives defaults plus a notice naming what was
// reset, export → import restores, and the page is keyboard-usable and axe-clean.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type Browser from 'webextension-polyfill';
import { clickToolbarButton, dialogOf, launchChromiumWithExtension, openPage, type ExtensionBrowser } from './support/chromium.ts';
import { axeViolations } from './support/axe.ts';
import { ARTICLES, REPO_ROOT } from './support/pages.ts';

declare const chrome: Browser.Browser;

const OPTIONS_PATH = 'src/options/index.html';
const SCREENSHOTS = resolve(REPO_ROOT, 'test-results/options');
// A simplified article with “” quotes, so 繁體 and the quote setting both show.
const ARTICLE = ARTICLES.find((page) => page.variant === 'simp' && page.file.startsWith('derived-simp-2022'))!;

async function openOptions(ext: ExtensionBrowser): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/${OPTIONS_PATH}`);
  await expect(page.locator('.options__header h1')).toBeVisible();
  return page;
}

async function openReader(ext: ExtensionBrowser): Promise<Page> {
  const page = await openPage(ext, ARTICLE.url);
  await clickToolbarButton(ext, page);
  await expect(dialogOf(page)).toBeVisible();
  return page;
}

function storedSettings(ext: ExtensionBrowser): Promise<unknown> {
  return ext.worker.evaluate(async () => (await chrome.storage.sync.get('settings')).settings);
}

test.describe('options page (Chromium)', () => {
  let profile: string;
  let ext: ExtensionBrowser;

  test.beforeEach(async () => {
    profile = mkdtempSync(join(tmpdir(), 'qingdu-options-'));
    ext = await launchChromiumWithExtension({ userDataDir: profile });
  });

  test.afterEach(async () => {
    await ext.context.close();
    rmSync(profile, { recursive: true, force: true });
  });

  test('changes are saved, and the preview and an open overlay follow them without a reload', async () => {
    const reader = await openReader(ext);
    // A page that reloaded would lose this.
    await reader.evaluate(() => Object.assign(window, { qingduTestMarker: 'not reloaded' }));
    const overlay = dialogOf(reader);
    await expect(overlay).toHaveAttribute('lang', 'zh-Hans');

    const options = await openOptions(ext);
    // The test browser's language is zh-CN: the page follows it.
    await expect(options.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    const preview = options.locator('[data-testid="preview"] [role="dialog"]');
    await expect(preview.locator('h1')).toContainText('习近平');
    await options.screenshot({ path: join(SCREENSHOTS, 'chromium-default.png'), fullPage: true });

    // Theme.
    await options.getByRole('radio', { name: '深色' }).check();
    await expect(preview).toHaveAttribute('data-theme', 'dark');
    await expect(overlay).toHaveAttribute('data-theme', 'dark');

    // Text size, with the keyboard: four steps up from 20 px.
    const size = options.getByRole('slider', { name: '文字大小' });
    await size.focus();
    for (let i = 0; i < 4; i += 1) await options.keyboard.press('ArrowRight');
    await expect(options.locator('output[for="setting-fontSize"]')).toHaveText('24 像素');
    const paragraphSize = (dialog: typeof preview) =>
      dialog.locator('.qd-body p').first().evaluate((p) => getComputedStyle(p).fontSize);
    await expect.poll(() => paragraphSize(preview)).toBe('24px');
    await expect.poll(() => paragraphSize(overlay)).toBe('24px');

    // Default script 繁體·香港: both switch to Hong Kong forms, with 「」 quotes.
    await options.getByRole('radio', { name: '繁体·香港' }).check();
    for (const dialog of [preview, overlay]) {
      await expect(dialog).toHaveAttribute('lang', 'zh-Hant-HK');
      await expect(dialog.locator('[data-script="hk"]')).toHaveAttribute('aria-pressed', 'true');
      await expect(dialog.locator('h1')).toContainText('習近平');
      await expect(dialog.locator('.qd-body')).toContainText('「');
    }

    // Quotes: keep “” in traditional.
    await options.getByRole('radio', { name: '保留“”' }).check();
    for (const dialog of [preview, overlay]) {
      await expect(dialog.locator('.qd-body')).toContainText('“');
      await expect(dialog.locator('.qd-body')).not.toContainText('「');
    }

    expect(await reader.evaluate(() => (window as unknown as { qingduTestMarker?: string }).qingduTestMarker)).toBe(
      'not reloaded',
    );
    expect(await storedSettings(ext)).toMatchObject({
      version: 3,
      theme: 'dark',
      fontSize: 24,
      defaultScript: 'hk',
      quotes: 'keep',
    });
    await options.screenshot({ path: join(SCREENSHOTS, 'chromium-dark-hk.png'), fullPage: true });

    // Persisted: restart the browser on the same profile.
    await ext.context.close();
    ext = await launchChromiumWithExtension({ userDataDir: profile });
    const again = await openOptions(ext);
    await expect(again.getByRole('radio', { name: '深色' })).toBeChecked();
    await expect(again.getByRole('radio', { name: '繁体·香港' })).toBeChecked();
    await expect(again.getByRole('radio', { name: '保留“”' })).toBeChecked();
    await expect(again.getByRole('slider', { name: '文字大小' })).toHaveValue('24');
    const reopened = await openReader(ext);
    await expect(dialogOf(reopened)).toHaveAttribute('data-theme', 'dark');
    await expect(dialogOf(reopened)).toHaveAttribute('lang', 'zh-Hant-HK');
  });


  test('台灣用語: a checkbox with a one-line example; the preview and an open overlay in 繁體·台灣 follow it', async () => {
    const reader = await openReader(ext);
    const overlay = dialogOf(reader);
    await overlay.locator('[data-script="tw"]').click();
    await expect(overlay.locator('h1')).toContainText('外交信號');

    const options = await openOptions(ext);
    const preview = options.locator('[data-testid="preview"] [role="dialog"]');
    await options.getByRole('radio', { name: '繁体·台湾' }).check();
    await expect(preview.locator('h1')).toContainText('外交信號');
    const option = options.getByRole('checkbox', { name: '繁体·台湾使用台湾用语' });
    await expect(option).not.toBeChecked();
    await expect(option).toHaveAccessibleDescription(/软件 → 軟體/);
    await option.check();
    for (const dialog of [preview, overlay]) await expect(dialog.locator('h1')).toContainText('外交訊號');
    await expect.poll(() => storedSettings(ext)).toMatchObject({ defaultScript: 'tw', taiwanPhrases: true });
    await options.setViewportSize({ width: 1280, height: 900 });
    await options.screenshot({ path: join(SCREENSHOTS, 'chromium-taiwan-phrases.png'), fullPage: true });
    await options.setViewportSize({ width: 390, height: 844 });
    await option.scrollIntoViewIfNeeded();
    await options.screenshot({ path: join(SCREENSHOTS, 'chromium-taiwan-phrases-phone.png') });

    await option.uncheck();
    for (const dialog of [preview, overlay]) await expect(dialog.locator('h1')).toContainText('外交信號');
    expect(await axeViolations(options)).toEqual([]);
  });
  test('garbage in storage: the reader opens with defaults, the options page says what was reset', async () => {
    await ext.worker.evaluate(async () => {
      await chrome.storage.sync.set({
        settings: { version: 3, theme: 'neon', fontSize: 'huge', lineHeight: 99, quotes: 'corner', extra: { x: 1 } },
      });
    });
    const reader = await openReader(ext);
    const overlay = dialogOf(reader);
    await expect(overlay).toHaveAttribute('data-theme', 'system');
    await expect.poll(() => overlay.locator('.qd-body p').first().evaluate((p) => getComputedStyle(p).fontSize)).toBe('20px');

    const options = await openOptions(ext);
    const notice = options.getByTestId('reset-notice');
    await expect(notice).toContainText('主题');
    await expect(notice).toContainText('文字大小');
    await expect(notice).toContainText('行距');
    await expect(notice).not.toContainText('引号');
    await expect(options.getByRole('radio', { name: '跟随系统' })).toBeChecked();
    await options.screenshot({ path: join(SCREENSHOTS, 'chromium-reset-notice.png'), fullPage: true });

    // A non-object value is unreadable as a whole: every setting is named.
    await ext.worker.evaluate(() => chrome.storage.sync.set({ settings: 'garbage' }));
    await expect(notice).toContainText('界面语言');
    await expect(overlay).toHaveAttribute('data-theme', 'system');
  });

  test('export then import restores the same settings; a non-settings file changes nothing', async () => {
    const options = await openOptions(ext);
    await options.getByRole('radio', { name: '米黄' }).check();
    await options.getByRole('radio', { name: '繁体·台湾' }).check();
    await options.getByRole('radio', { name: '只显示图说' }).check();
    await options.getByRole('checkbox', { name: /自动打开/ }).check();
    await expect.poll(() => storedSettings(ext)).toMatchObject({ theme: 'sepia', autoOpen: true });
    const exported = await storedSettings(ext);

    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: '导出为文件' }).click();
    const file = join(profile, 'exported.json');
    await (await download).saveAs(file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(exported);

    await options.getByRole('button', { name: '恢复默认设置' }).click();
    await expect(options.getByRole('radio', { name: '跟随系统' })).toBeChecked();
    await expect.poll(() => storedSettings(ext)).toMatchObject({ theme: 'system', autoOpen: false });

    await options.getByTestId('import-file').setInputFiles(file);
    await expect(options.getByTestId('status')).toHaveText('设置已导入。');
    await expect(options.getByRole('radio', { name: '米黄' })).toBeChecked();
    expect(await storedSettings(ext)).toEqual(exported);

    await options
      .getByTestId('import-file')
      .setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('[1, 2, 3]') });
    await expect(options.getByTestId('status')).toContainText('不是清读设置文件');
    expect(await storedSettings(ext)).toEqual(exported);

    // A file with bad values is imported like storage is read: repaired, and the page says which.
    await options.getByTestId('import-file').setInputFiles({
      name: 'edited.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ version: 3, theme: 'neon', fontSize: 99, quotes: 'keep' })),
    });
    await expect(options.getByTestId('status')).toHaveText(
      '设置已导入。以下项目无效，已更正（恢复默认值或调整到允许范围）：主题、文字大小',
    );
    await expect.poll(() => storedSettings(ext)).toMatchObject({ theme: 'system', fontSize: 32, quotes: 'keep', autoOpen: false });
  });

  test('UI language, keyboard use, the shortcut, and axe-core', async () => {
    const options = await openOptions(ext);
    // Tab reaches every setting once (a radio group is one stop) and every button, in page order.
    const stops: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      await options.keyboard.press('Tab');
      const stop = await options.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return '';
        return el.getAttribute('name') ?? el.getAttribute('data-action') ?? el.getAttribute('data-testid') ?? el.id;
      });
      if (stop === '' || stops.includes(stop)) break;
      stops.push(stop);
    }
    expect(stops).toEqual([
      'theme',
      'font',
      'setting-fontSize',
      'setting-lineHeight',
      'setting-contentWidth',
      'images',
      'textAlign',
      'indent',
      'defaultScript',
      'quotes',
      'taiwanPhrases',
      'autoOpen',
      'uiLanguage',
      'shortcuts',
      'reset',
      'export',
      'import',
      'preview-frame',
    ]);
    // The preview is inert (a picture of the reader, not a second dialog); its frame scrolls it.
    const previewScroll = () =>
      options.getByTestId('preview').evaluate((host) => host.shadowRoot?.querySelector('.qd-scroll')?.scrollTop ?? -1);
    expect(await previewScroll()).toBe(0);
    await options.getByTestId('preview-frame').focus();
    await options.keyboard.press('End');
    await expect.poll(previewScroll).toBeGreaterThan(1000);
    await options.keyboard.press('Home');
    await expect.poll(previewScroll).toBe(0);
    const box = await options.getByTestId('preview').boundingBox();
    await options.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
    const pageScroll = await options.evaluate(() => window.scrollY);
    await options.mouse.wheel(0, 500);
    await expect.poll(previewScroll).toBeGreaterThan(0);
    expect(await options.evaluate(() => window.scrollY)).toBe(pageScroll);

    // The page shows what the browser reports now (headless Chromium may leave the suggested key unassigned).
    const commands = await ext.worker.evaluate(() => chrome.commands.getAll());
    const shortcut = commands.find((command) => command.name === 'toggle-reader')?.shortcut ?? '';
    await expect(options.getByTestId('shortcut')).toHaveText(
      shortcut ? `打开或关闭阅读模式：${shortcut}` : '尚未设置快捷键。',
    );
    await expect(options.getByText('chrome://extensions/shortcuts')).toBeVisible();
    // Chrome lets no page link there, but the extension may open it in a tab.
    await options.getByRole('button', { name: '打开快捷键设置' }).click();
    await expect
      .poll(async () => {
        const { targetInfos } = await ext.cdp.send('Target.getTargets');
        return targetInfos.some((target) => target.url === 'chrome://extensions/shortcuts');
      })
      .toBe(true);
    await options.bringToFront();

    // Radios move with arrow keys, and the page follows the chosen UI language at once.
    await options.getByRole('radio', { name: '跟随浏览器' }).focus();
    await options.keyboard.press('ArrowRight');
    await expect(options.getByRole('radio', { name: '简体中文' })).toBeChecked();
    await options.keyboard.press('ArrowRight');
    await expect(options.getByRole('radio', { name: '繁體中文' })).toBeChecked();
    await expect(options.locator('html')).toHaveAttribute('lang', 'zh-Hant');
    await expect(options.locator('.options__header h1')).toHaveText('設定');
    await options.keyboard.press('ArrowRight');
    await expect(options.locator('html')).toHaveAttribute('lang', 'en');
    await expect(options.locator('.options__header h1')).toHaveText('Settings');
    await expect(options).toHaveTitle('Qingdu settings');
    await options.screenshot({ path: join(SCREENSHOTS, 'chromium-english.png'), fullPage: true });

    expect(await axeViolations(options)).toEqual([]);
    await options.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(options)).toEqual([]);
    await options.screenshot({ path: join(SCREENSHOTS, 'chromium-english-system-dark.png'), fullPage: true });

    // The page wears the reader's theme too, whatever the system's: still axe-clean in each.
    await options.emulateMedia({ colorScheme: 'light' });
    const background = () => options.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const lightBackground = await background();
    for (const theme of ['Sepia', 'Dark', 'Light'] as const) {
      await options.getByRole('radio', { name: theme }).check();
      await expect(options.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
      if (theme === 'Light') expect(await background()).toBe(lightBackground);
      else expect(await background()).not.toBe(lightBackground);
      expect(await axeViolations(options)).toEqual([]);
      await options.screenshot({ path: join(SCREENSHOTS, `chromium-english-${theme.toLowerCase()}.png`), fullPage: true });
    }
  });
  test('the options page and its preview make no network request of their own', async () => {
    const page = await ext.context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`chrome-extension://${ext.extensionId}/${OPTIONS_PATH}`);
    const figure = page.locator('[data-testid="preview"] figure img').first();
    await figure.evaluate((img) => img.scrollIntoView());
    // The sample's photos are shown as the packaged picture, and it really loads.
    await expect.poll(() => figure.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await figure.getAttribute('src')).toBe(`chrome-extension://${ext.extensionId}/sample-photo.svg`);
    expect(requested.filter((url) => !url.startsWith(`chrome-extension://${ext.extensionId}/`))).toEqual([]);
  });
});
