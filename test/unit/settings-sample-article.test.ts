// The options preview's sample article is the extractor's real output for a real BBC page: this
// re-runs `qingdu extract` on it and compares, so the packaged file cannot drift from the code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import { asArticle } from '../../src/options/sample-article.ts';

const ROOT = join(import.meta.dirname, '../..');

it('assets/sample-article.json is what `qingdu extract` gives for its source page', async () => {
  let stdout = '';
  const code = await main(
    [
      'extract',
      join(ROOT, 'test/fixtures/bbc/derived-simp-2022-world-62912357.html'),
      '--url',
      'https://www.bbc.com/zhongwen/simp/world-62912357',
    ],
    { stdout: (text) => (stdout += text), stderr: () => undefined },
  );
  expect(code).toBe(0);
  const packaged = readFileSync(join(ROOT, 'assets/sample-article.json'), 'utf8');
  expect(JSON.parse(packaged)).toEqual(JSON.parse(stdout));
  const article = asArticle(JSON.parse(packaged));
  expect(article?.title).toBe('习近平疫情后首次外访并与普京会面 为第三任期传递哪些外交信号');
  // What the preview needs to show every setting: photos with captions, and “” quotes to convert.
  expect(article?.blocks.filter((block) => block.type === 'figure' && block.caption).length).toBeGreaterThanOrEqual(4);
  expect(article?.blocks.some((block) => block.type === 'paragraph' && block.text.includes('“'))).toBe(true);
});

it('asArticle refuses JSON that is not an Article', () => {
  expect(asArticle(null)).toBeUndefined();
  expect(asArticle({ title: 'x' })).toBeUndefined();
  expect(asArticle({ url: '', title: '', lang: '', variant: 'latin', byline: [], blocks: [], related: [], textLength: 0, readingMinutes: 0 })).toBeUndefined();
});
