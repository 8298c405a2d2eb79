// The in-page bench bundle. `bundle.ts` builds this file (with Vite, as an IIFE) and the bench
// injects it into a saved BBC page served at its real URL, so the project's code and the anchors it
// is compared with run side by side in the same tab, timed with `performance.now()` in the page.
// Exposes the raw functions and the measurements on `window.qingduBench`.

import { isProbablyReaderable, Readability } from '@mozilla/readability';
import * as OpenCC from 'opencc-js';
import { isArticle, type Article } from '../../src/core/article.ts';
import { detect } from '../../src/core/detect.ts';
import { extract } from '../../src/core/extract.ts';
import { convertArticle, createConverter, type DictionaryLoader } from '../../src/core/zh/index.ts';

export interface DetectorTiming {
  detectMs: number;
  readerableMs: number;
  kind: string;
  readerable: boolean;
}

export interface ExtractionTiming {
  extractMs: number[];
  readabilityMs: number[];
  isArticle: boolean;
  extractTextLength: number;
  readabilityTextLength: number;
}

export interface ConversionTiming {
  textLength: number;
  openccColdMs: number;
  openccWarmMs: number[];
  projectColdMs: number;
  projectWarmMs: number[];
}

function time(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/**
 * What the always-on detector does on page load, against what Firefox runs on every page
 * (`isProbablyReaderable`). Called once per fresh page, so both run cold, as on a real load; the
 * caller alternates which goes first.
 */
function timeDetector(detectFirst: boolean): DetectorTiming {
  let kind = '';
  let readerable = false;
  const runDetect = (): number => time(() => (kind = detect(document, location.href).kind));
  const runReaderable = (): number => time(() => (readerable = isProbablyReaderable(document)));
  if (detectFirst) {
    const detectMs = runDetect();
    return { detectMs, readerableMs: runReaderable(), kind, readerable };
  }
  const readerableMs = runReaderable();
  return { detectMs: runDetect(), readerableMs, kind, readerable };
}

/** Plain Readability as a reader mode runs it: on a clone of the live document (it mutates what it reads). */
function readabilityParse(): ReturnType<Readability['parse']> {
  return new Readability(document.cloneNode(true) as Document).parse();
}

/**
 * `extract` against plain Readability on the same page, alternating which runs first. Both include
 * the clone of the live document (extract clones internally; Readability must be given one).
 */
function timeExtraction(iterations: number, extractFirst: boolean): ExtractionTiming {
  const timing: ExtractionTiming = { extractMs: [], readabilityMs: [], isArticle: false, extractTextLength: 0, readabilityTextLength: 0 };
  const runExtract = (): void => {
    let result: ReturnType<typeof extract> | undefined;
    timing.extractMs.push(time(() => (result = extract(document, location.href))));
    timing.isArticle = result !== undefined && isArticle(result);
    timing.extractTextLength = result !== undefined && isArticle(result) ? result.textLength : 0;
  };
  const runReadability = (): void => {
    timing.readabilityMs.push(time(() => (timing.readabilityTextLength = readabilityParse()?.textContent?.length ?? 0)));
  };
  for (let index = 0; index < iterations; index += 1) {
    if ((index % 2 === 0) === extractFirst) {
      runExtract();
      runReadability();
    } else {
      runReadability();
      runExtract();
    }
  }
  return timing;
}

/** The article extracted from this page, or null when the page is not an article. */
function extractedArticle(): Article | null {
  const result = extract(document, location.href);
  return isArticle(result) ? result : null;
}

/** Every piece of text a switch converts (what `convertArticle` touches), as one string. */
function articleText(article: Article): string {
  const parts = [article.title, ...article.byline.flatMap((entry) => [entry.name, entry.role ?? ''])];
  for (const block of article.blocks) {
    parts.push(block.text);
    if (block.type === 'figure') parts.push(block.image.alt, block.credit ?? '');
  }
  parts.push(...article.related.map((story) => story.title));
  return parts.filter((part) => part !== '').join('\n');
}

/** Blob URLs of the dictionary files, so the timed loader fetches them inside the browser, as the
 * extension fetches its packaged files, and never through the bench's request interception. */
const dictionaryUrls = new Map<string, string>();

/** `files`: each file's bytes as base64 (what page.evaluate can carry), by pack name. */
function installDictionaries(files: Record<string, string>): void {
  for (const [name, base64] of Object.entries(files)) {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    dictionaryUrls.set(name, URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' })));
  }
}

/**
 * The project's conversion of the extracted article to 繁體·台灣, cold (first converter: its
 * dictionaries fetched and parsed, then the article converted, as the first switch does) and warm
 * (the same converter again).
 */
async function timeProjectToTaiwan(warmIterations: number): Promise<Pick<ConversionTiming, 'projectColdMs' | 'projectWarmMs'>> {
  const article = extractedArticle();
  if (!article) throw new Error(`${location.href} is not an article`);
  const load: DictionaryLoader = async (pack) => {
    const url = dictionaryUrls.get(pack);
    if (!url) throw new Error(`no dictionary file ${pack} installed`);
    return (await fetch(url)).arrayBuffer();
  };
  const start = performance.now();
  const convert = await createConverter({ from: 'auto', to: 'tw', quotes: 'corner' }, load);
  convertArticle(article, convert);
  const projectColdMs = performance.now() - start;
  const projectWarmMs: number[] = [];
  for (let index = 0; index < warmIterations; index += 1) projectWarmMs.push(time(() => convertArticle(article, convert)));
  return { projectColdMs, projectWarmMs };
}

/**
 * Plain opencc-js converting `text` to 繁體·台灣 as a plain converter does on any page: s2tw
 * (`cn` → `tw`), which leaves traditional text traditional. Cold: building its converter (its
 * dictionaries are in the script already, as Maps built on first use), as a first switch must;
 * warm: the converter already built.
 */
function timeOpenccToTaiwan(text: string, warmIterations: number): Pick<ConversionTiming, 'openccColdMs' | 'openccWarmMs' | 'textLength'> {
  let convert: (input: string) => string = (input) => input;
  const openccColdMs = time(() => {
    convert = OpenCC.Converter({ from: 'cn', to: 'tw' });
    convert(text);
  });
  const openccWarmMs: number[] = [];
  for (let index = 0; index < warmIterations; index += 1) openccWarmMs.push(time(() => convert(text)));
  return { openccColdMs, openccWarmMs, textLength: text.length };
}

/** The text the anchors convert: the extracted article's, else what plain Readability finds. */
function textToConvert(): string {
  const article = extractedArticle();
  return article ? articleText(article) : (readabilityParse()?.textContent ?? '');
}

export const qingduBench = {
  detect,
  extract,
  Readability,
  isProbablyReaderable,
  OpenCC,
  createConverter,
  convertArticle,
  timeDetector,
  timeExtraction,
  textToConvert,
  timeOpenccToTaiwan,
  installDictionaries,
  timeProjectToTaiwan,
};

export type QingduBench = typeof qingduBench;

declare global {
  interface Window {
    /** Present once the bundle is injected; the bench only evaluates code in pages that have it. */
    qingduBench: QingduBench;
  }
}

window.qingduBench = qingduBench;
