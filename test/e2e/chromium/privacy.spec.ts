// Privacy: a BBC page cannot tell that Qingdu is installed. The dictionaries are web-accessible
// (the reader fetches them from the tab), and Chrome's extension id is the same for everyone, so
// without `use_dynamic_url` any bbc.com page could fetch chrome-extension://<id>/zh/… and learn
// who uses Qingdu. With it, only the per-session address the reader gets from runtime.getURL works.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ARTICLES, DIST_CHROME } from '../support/pages.ts';
import { clickToolbarButton, dialogOf, openPage } from '../support/chromium.ts';
import { expect, test } from '../support/fixtures.ts';

test('a BBC page cannot find Qingdu through its packaged files, and the reader still loads its dictionaries', async ({ ext }) => {
  const article = ARTICLES.find((page) => page.variant === 'simp') ?? ARTICLES[0]!;
  // A file that is in the package: were it missing, the fetch below would fail for that reason alone.
  const packaged = 'zh/base.bin';
  expect(existsSync(join(DIST_CHROME, packaged)), `${packaged} in the package`).toBe(true);
  const page = await openPage(ext, article.url);
  const probe = await page.evaluate(async ([id, path]) => {
    try {
      const response = await fetch(`chrome-extension://${id}/${path}`);
      return `answered ${response.status}`;
    } catch {
      return 'blocked';
    }
  }, [ext.extensionId, packaged] as const);
  expect(probe, 'the page fetching a packaged dictionary by the extension id').toBe('blocked');

  // The reader's own fetch (a first script switch) still reaches them.
  await clickToolbarButton(ext, page);
  const dialog = dialogOf(page);
  await expect(dialog).toBeVisible();
  await dialog.locator('[data-script="tw"]').click();
  await expect(dialog).toHaveAttribute('lang', 'zh-Hant-TW');
  await expect(dialog.locator('[data-script="tw"]')).toHaveAttribute('aria-pressed', 'true');
  await page.close();
});
