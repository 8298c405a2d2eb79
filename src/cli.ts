// The `qingdu` command line, for tests, benchmarks and people who work with saved pages.
//   qingdu extract FILE [--url URL]   print the page's Article as JSON
//   qingdu convert --to T [--from S] [--quotes Q]   stdin → stdout, converted line for line
// Exit codes: 0 success; 1 unreadable input or bad usage (one line on stderr); 2 the page is not an
// article (one line on stderr saying what it is), or for `convert` a bad option (with the usage
// line). Each subcommand is one `run…` function taking its own arguments; `main` only dispatches.

import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isArticle } from './core/article.ts';
import { extract } from './core/extract.ts';
import { parsePage } from './node/parse-page.ts';
import { createConverter, type ZhSource, type ZhTarget } from './core/zh/index.ts';
import { nodeDictionaryLoader } from './node/zh-dicts.ts';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_NOT_AN_ARTICLE = 2;
/** `convert` with a bad option. */
export const EXIT_BAD_CONVERT_OPTION = 2;

/** Where a command writes; the real process streams, or buffers in tests. */
export interface CliOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const USAGE = `usage: qingdu <command> [options]

commands:
  extract FILE [--url URL]   print the Article in a saved BBC News 中文 page as JSON
                             (--url may be omitted when the page names its canonical URL)
  convert --to simp|t|tw|twp|hk [--from auto|simp|t|tw|hk] [--quotes corner|keep]
                             convert UTF-8 text on stdin to that script, line for line
`;

/** A failure the user caused or can fix: reported as one line, with this exit code. */
class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT_FAILURE) {
    super(message);
  }
}

export async function main(argv: string[], output: CliOutput): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'extract':
        return await runExtract(rest, output);
      case 'convert':
        return await runConvert(rest, output);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        output.stdout(USAGE);
        return command === undefined ? EXIT_FAILURE : EXIT_OK;
      default:
        throw new CliError(`unknown command "${command}" (try: qingdu --help)`);
    }
  } catch (error) {
    if (error instanceof CliError) {
      output.stderr(`qingdu: ${error.message}\n`);
      return error.exitCode;
    }
    output.stderr(`qingdu: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILURE;
  }
}

// ---- extract ----

async function runExtract(args: string[], output: CliOutput): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { url: { type: 'string' } });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new CliError('extract needs exactly one FILE (usage: qingdu extract FILE [--url URL])');
  const url = typeof values.url === 'string' ? values.url : undefined;
  if (url !== undefined && !isWebUrl(url)) throw new CliError(`--url is not an http(s) URL: ${url}`);

  const bytes = await readInput(file);
  if (!looksLikeHtml(bytes)) throw new CliError(`${file} is not an HTML page`);
  const page = parsePage(bytes, url);
  if (!url && !isWebUrl(page.url)) {
    throw new CliError(`${file} does not name its URL (no canonical link or og:url); pass --url URL`);
  }
  const result = extract(page.document, page.url);
  if (!isArticle(result)) {
    throw new CliError(`not an article: ${result.pageKind} page — ${result.reason}`, EXIT_NOT_AN_ARTICLE);
  }
  output.stdout(`${JSON.stringify(result, null, 2)}\n`);
  return EXIT_OK;
}

// ---- convert ----

const CONVERT_USAGE = 'usage: qingdu convert --to simp|t|tw|twp|hk [--from auto|simp|t|tw|hk] [--quotes corner|keep]';
const ZH_TARGETS: readonly ZhTarget[] = ['simp', 't', 'tw', 'twp', 'hk'];
const ZH_SOURCES: readonly ZhSource[] = ['auto', 'simp', 't', 'tw', 'hk'];

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

/** Reads all of stdin (or `input`) as UTF-8 and writes it converted; exit 2 and the usage line on a bad option. */
export async function runConvert(args: string[], output: CliOutput, input: AsyncIterable<Uint8Array | string> = process.stdin): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options: { to: { type: 'string' }, from: { type: 'string' }, quotes: { type: 'string' } }, strict: true });
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : String(error)}\n${CONVERT_USAGE}`, EXIT_BAD_CONVERT_OPTION);
  }
  const to = oneOf(parsed.values.to, ZH_TARGETS);
  const from = parsed.values.from === undefined ? 'auto' : oneOf(parsed.values.from, ZH_SOURCES);
  const quotes = parsed.values.quotes === undefined ? 'corner' : oneOf(parsed.values.quotes, ['corner', 'keep'] as const);
  if (!to || !from || !quotes) throw new CliError(CONVERT_USAGE, EXIT_BAD_CONVERT_OPTION);

  const convert = await createConverter({ from, to, quotes }, nodeDictionaryLoader());
  const decoder = new TextDecoder('utf-8');
  let text = '';
  for await (const chunk of input) text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  text += decoder.decode();
  output.stdout(text.split('\n').map(convert).join('\n'));
  return EXIT_OK;
}

// ---- shared helpers ----

type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

function parseCommandArgs(args: string[], options: OptionSpec): ReturnType<typeof parseArgs> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
}

async function readInput(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new CliError(`cannot read ${file} (${reason})`);
  }
}

/** Text with markup in its first kilobytes, and no NUL bytes (binary files have them). */
function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return false;
  return /<(?:!doctype|html|head|body|div|p|main|article|meta)\b/i.test(new TextDecoder().decode(head));
}

function isWebUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const exitCode = await main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
  process.exitCode = exitCode;
}
