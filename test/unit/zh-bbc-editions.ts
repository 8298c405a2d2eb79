// The BBC's own editions as the measure of the converter: texts published in both scripts
// (test/fixtures/bbc-editions/pairs.json), each converted from one script and compared, character by
// character, with what the BBC published in the other.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Direction = 'simp→tw' | 'trad→simp';

export interface EditionPair {
  article: string;
  simp: string;
  trad: string;
}

export interface EditionDifference {
  direction: Direction;
  article: string;
  /** What the converter writes where the BBC's edition writes `bbc`. */
  ours: string;
  bbc: string;
  /** A few characters of the BBC's text around the difference. */
  context: string;
}

const FIXTURES = join(import.meta.dirname, '../fixtures/bbc-editions');

export function editionPairs(): EditionPair[] {
  const document = JSON.parse(readFileSync(join(FIXTURES, 'pairs.json'), 'utf8')) as {
    articles: { name: string; pairs: { simp: string; trad: string }[] }[];
  };
  return document.articles.flatMap((article) => article.pairs.map((pair) => ({ article: article.name, ...pair })));
}

/** The source and the BBC's text of the other edition, for a direction. */
export function sides(pair: EditionPair, direction: Direction): { source: string; bbc: string } {
  return direction === 'simp→tw' ? { source: pair.simp, bbc: pair.trad } : { source: pair.trad, bbc: pair.simp };
}

/** Characters (code points) equal at the same position, and the total; the two editions align character for character. */
export function agreement(converted: string, bbc: string): { same: number; total: number } {
  const ours = [...converted];
  const theirs = [...bbc];
  let same = 0;
  for (let index = 0; index < Math.min(ours.length, theirs.length); index++) if (ours[index] === theirs[index]) same++;
  return { same, total: Math.max(ours.length, theirs.length) };
}

/** Each run of differing characters, with context. */
export function differences(direction: Direction, article: string, converted: string, bbc: string): EditionDifference[] {
  const ours = [...converted];
  const theirs = [...bbc];
  const found: EditionDifference[] = [];
  if (ours.length !== theirs.length) return [{ direction, article, ours: converted, bbc, context: bbc }];
  for (let index = 0; index < ours.length; ) {
    if (ours[index] === theirs[index]) {
      index++;
      continue;
    }
    let end = index;
    while (end < ours.length && ours[end] !== theirs[end]) end++;
    found.push({
      direction,
      article,
      ours: ours.slice(index, end).join(''),
      bbc: theirs.slice(index, end).join(''),
      context: theirs.slice(Math.max(0, index - 3), end + 3).join(''),
    });
    index = end;
  }
  return found;
}
