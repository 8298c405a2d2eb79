// `qingdu convert`: stdin to stdout, line for line, nothing else; a bad option exits 2 with the usage line.

import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main, runConvert } from '../../src/cli.ts';

async function convert(args: string[], input: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const output = { stdout: (text: string) => (stdout += text), stderr: (text: string) => (stderr += text) };
  const code = await runConvert(args, output, Readable.from([Buffer.from(input, 'utf8')])).catch(() => -1);
  return { code, stdout, stderr };
}

async function runMain(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await main(args, { stdout: () => undefined, stderr: (text) => (stderr += text) });
  return { code, stderr };
}

describe('qingdu convert', () => {
  it('converts stdin line for line, with corner quotes by default in traditional targets', async () => {
    const result = await convert(['--to', 'tw'], '他说：“这个问题”\n\nBBC’s 记者\n');
    expect(result).toEqual({ code: 0, stdout: '他說：「這個問題」\n\nBBC’s 記者\n', stderr: '' });
  });

  it('takes --from and --quotes', async () => {
    expect((await convert(['--to', 'simp', '--from', 'tw', '--quotes', 'keep'], '「裡面的軟體」')).stdout).toBe('「里面的软体」');
    expect((await convert(['--to', 'twp', '--from', 'simp'], '软件')).stdout).toBe('軟體');
    expect((await convert(['--to', 'hk', '--quotes', 'corner'], '“这个”')).stdout).toBe('「這個」');
  });

  it('undoes Taiwan’s variants before 简体 (issue 15’s command)', async () => {
    const result = await convert(['--to', 'simp'], '隨著經濟發展，他看著窗外，這意味著什麼？著名作家。\n');
    expect(result.stdout).toBe('随着经济发展，他看着窗外，这意味着什么？著名作家。\n');
  });

  it('keeps CRLF line ends and text without a final newline', async () => {
    expect((await convert(['--to', 'simp'], '這個\r\n那個')).stdout).toBe('这个\r\n那个');
  });

  it.each([
    [['convert']],
    [['convert', '--to', 'xx']],
    [['convert', '--to', 'tw', '--from', 'jp']],
    [['convert', '--to', 'tw', '--quotes', 'fancy']],
    [['convert', '--to', 'tw', '--bogus']],
    [['convert', '--to', 'tw', 'extra']],
  ])('a bad option exits 2 with the usage line: %j', async (args) => {
    const { code, stderr } = await runMain(args);
    expect(code).toBe(2);
    expect(stderr).toContain('usage: qingdu convert --to simp|t|tw|twp|hk');
  });
});
