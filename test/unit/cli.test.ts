// The qingdu command line: JSON on stdout and exit 0 for an article; exit 2 and one line naming
// the page kind for a non-article; exit 1 and one clear line for unreadable input or bad usage.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EXIT_FAILURE, EXIT_NOT_AN_ARTICLE, EXIT_OK, main } from '../../src/cli.ts';

const root = join(import.meta.dirname, '../..');
const fixture = (name: string): string => join(root, 'test/fixtures/bbc', name);

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe('qingdu extract', () => {
  it('prints the Article as JSON and nothing else; --url may be omitted when the page names its URL', async () => {
    const { code, stdout, stderr } = await run('extract', fixture('trad-2023-world-66783048.html'));
    expect(code).toBe(EXIT_OK);
    expect(stderr).toBe('');
    const article = JSON.parse(stdout) as { url: string; title: string; blocks: unknown[] };
    expect(article.url).toBe('https://www.bbc.com/zhongwen/trad/world-66783048');
    expect(article.title).toBe('金正恩訪俄：朝鮮領導人進入俄羅斯國境，將與普京會面');
  });

  it('uses --url for a page that does not name its URL', async () => {
    const { code, stdout } = await run('extract', fixture('derived-simp-2022-world-62912357.html'), '--url', 'https://www.bbc.com/zhongwen/simp/world-62912357');
    expect(code).toBe(EXIT_OK);
    expect(JSON.parse(stdout)).toMatchObject({ variant: 'simp', byline: [{ name: '斯影', role: 'BBC中文' }] });
  });

  it('exits 2 with one line saying what a non-article page is', async () => {
    const { code, stdout, stderr } = await run('extract', fixture('derived-trad-index.html'));
    expect(code).toBe(EXIT_NOT_AN_ARTICLE);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/not an article: index page/);
  });

  it.each([
    [['extract', '/nonexistent/page.html'], /cannot read \/nonexistent\/page\.html \(ENOENT\)/],
    [['extract', join(root, 'package.json')], /is not an HTML page/],
    [['extract', fixture('derived-simp-2022-world-62912357.html')], /does not name its URL.*--url/],
    [['extract', fixture('trad-2023-world-66783048.html'), '--url', 'javascript:alert(1)'], /--url is not an http\(s\) URL/],
    [['extract'], /exactly one FILE/],
    [['extract', 'a.html', '--bogus'], /Unknown option '--bogus'/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('exits 1 with one clear line for %j', async (argv, message) => {
    const { code, stdout, stderr } = await run(...argv);
    expect(code).toBe(EXIT_FAILURE);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it('runs as `npm run -s qingdu -- extract FILE` with the exit code and clean stdout', async () => {
    const exec = promisify(execFile);
    const { stdout } = await exec('npm', ['run', '-s', 'qingdu', '--', 'extract', fixture('simp-2012-chinese_news-121210_hongkong_politics.html')], { cwd: root });
    expect(JSON.parse(stdout)).toMatchObject({ title: '港特首梁振英就住宅违建事件道歉', variant: 'simp' });
    await expect(exec('npm', ['run', '-s', 'qingdu', '--', 'extract', fixture('derived-trad-live.html')], { cwd: root })).rejects.toMatchObject({
      code: EXIT_NOT_AN_ARTICLE,
      stdout: '',
      stderr: expect.stringMatching(/^qingdu: not an article: live page/),
    });
  });
});
