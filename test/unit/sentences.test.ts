// Sentence splitting for read-aloud, on real article text (the 2023 「一帶一路」 article, extracted
// from the saved page) and on the cases the issue names: quotes, ellipses, numbers like 3.5,
// English sentences inside Chinese, and run-on text longer than an engine takes in one utterance.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isArticle } from '../../src/core/article.ts';
import { extract } from '../../src/core/extract.ts';
import { MAX_SENTENCE_CHARACTERS, splitSentences } from '../../src/core/sentences.ts';
import { parsePage } from '../../src/node/parse-page.ts';

const URL = 'https://www.bbc.com/zhongwen/trad/chinese-news-66762882';
const result = extract(parsePage(readFileSync(join(import.meta.dirname, '../fixtures/bbc/trad-2023-chinese-news-66762882.html'), 'utf8'), URL).document, URL);
if (!isArticle(result)) throw new Error('the fixture is an article');
const texts = result.blocks.map((block) => block.text);

/** The real paragraph that starts with `start`. */
function paragraph(start: string): string {
  const found = texts.find((text) => text.startsWith(start));
  if (!found) throw new Error(`no paragraph starts with ${start}`);
  return found;
}

const sentences = (text: string): string[] => splitSentences(text).map(({ start, end }) => text.slice(start, end));

describe('splitSentences', () => {
  it('splits at 。 and keeps the closing 」 with the quoted sentence', () => {
    const text = paragraph('「可以大致判斷');
    expect(sentences(text)).toEqual([
      '「可以大致判斷，失敗了。',
      '至於在多大程度上失敗了，可以討論。」',
      '陳功認為，後續發展與原來想法差別太大了，從中國國內來看，一開始各個地方政府都規劃融入到「一帶一路」中去，「但現在誰還提？',
      '都成為央企的基建項目了。」',
    ]);
  });

  it('splits at ； and never inside a number like 27.5 or 2.1', () => {
    const text = paragraph('1980年代的頭五年');
    expect(sentences(text)).toEqual([
      '1980年代的頭五年，美國在全球債權國中佔比約為27.5%，中國為2.1%；',
      '到了2016-2021的五年，美國佔比降至2.4%，中國則飆升至30.4%。',
    ]);
  });

  it('keeps English inside Chinese (names in brackets) in its sentence', () => {
    const text = paragraph('對於這條鐵路');
    expect(sentences(text)).toEqual([text]);
    expect(text).toContain('（Walailak University）');
  });

  it('splits English sentences at . ! ? followed by space, not at U.S. or Mr.', () => {
    expect(sentences('他說：The U.S. is here. Mr. Smith agreed! Really? 是的。')).toEqual([
      '他說：The U.S. is here.',
      'Mr. Smith agreed!',
      'Really?',
      '是的。',
    ]);
  });

  it('keeps an ellipsis …… with its sentence, and ？！ runs together', () => {
    expect(sentences('14歲，中學生……這些台灣年輕人卻在照顧長輩。真的嗎？！「是。」')).toEqual([
      '14歲，中學生……',
      '這些台灣年輕人卻在照顧長輩。',
      '真的嗎？！',
      '「是。」',
    ]);
  });

  it('covers every character of every real block but the white space between sentences', () => {
    for (const text of texts) {
      const spans = splitSentences(text);
      let covered = '';
      let previousEnd = 0;
      for (const { start, end } of spans) {
        expect(start).toBeGreaterThanOrEqual(previousEnd);
        expect(text.slice(previousEnd, start).trim()).toBe('');
        covered += text.slice(start, end);
        previousEnd = end;
      }
      expect(text.slice(previousEnd).trim()).toBe('');
      expect(covered.replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    }
  });

  it(`cuts a run-on sentence after a comma so no utterance exceeds ${MAX_SENTENCE_CHARACTERS} characters`, () => {
    const runOn = Array.from({ length: 30 }, (_, i) => `第${i}項工作已經完成`).join('，') + '。';
    const parts = sentences(runOn);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARACTERS);
    for (const part of parts.slice(0, -1)) expect(part.endsWith('，')).toBe(true);
    expect(parts.join('')).toBe(runOn);
    // No comma at all: cut at the limit, never inside a surrogate pair.
    const noComma = '𠀋'.repeat(200);
    for (const part of sentences(noComma)) expect(part).toMatch(/^(?:𠀋)+$/u);
  });

  it('gives nothing for empty or white-space text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  \n ')).toEqual([]);
  });
});
