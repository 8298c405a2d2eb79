// Which region's variant characters a traditional text is written in — Taiwan's or Hong Kong's —
// so that `auto` can undo them the way OpenCC's tw2s / hk2s (and tw2hk, hk2tw …) do before it
// converts. Undoing the wrong region's variants, or none (t2s), leaves them in the result: a BBC
// traditional page writes the particle 著 (隨著, 意味著) as Taiwan does; only Taiwan's reversal
// (TWVariantsRev: 著 → 着, with TWVariantsRevPhrases keeping 著名 as it is) turns it into the
// simplified 着.
//
// The choice is made from the text, not from the page's address or language tag (a BBC
// traditional page is neither Taiwan's nor Hong Kong's by name; its own text says which variants
// it uses): each region's reversal is run over the text, phrase-aware, and every character it
// changes that only that region writes — a character of its reversal table that the other
// region's table does not have — counts for that region. The region with more wins.

import { entriesOf, type DictTable } from './dictionary.ts';
import { forEachMatch, matchedValue, type Step } from './engine.ts';

export type Region = 'tw' | 'hk';

/**
 * 台 (for 臺) is in Hong Kong's table only, but Taiwan writes it too: OpenCC's Taiwan table holds
 * the Ministry of Education's standard 臺, while Taiwan's press — the BBC's traditional edition
 * included — writes 台灣 and 台北 (50 times on one saved page, next to 6 Taiwanese 著). It says
 * nothing about the region, so it is not counted.
 */
export const WRITTEN_IN_BOTH: ReadonlySet<string> = new Set(['台']);

export interface VariantMarks {
  readonly tw: ReadonlySet<string>;
  readonly hk: ReadonlySet<string>;
}

/** The dictionaries the marks are read from: each region's variants and their reversal. */
export interface VariantTables {
  twVariants: DictTable;
  twReversal: DictTable;
  hkVariants: DictTable;
  hkReversal: DictTable;
}

const marksByReversal = new WeakMap<DictTable, VariantMarks>();

/** Single-character entries that change their character: key → value. */
function characterChanges(table: DictTable): [string, string][] {
  return entriesOf(table).filter(([key, value]) => key !== value && [...key].length === 1);
}

/**
 * The characters that mark each region: those its reversal changes (its variant forms, 著 裡 for
 * Taiwan, 説 衞 for Hong Kong) unless the other region writes them too — the other's reversal
 * changes them as well (為, 偽), or the other's own variants produce them (Hong Kong writes 才 and
 * 核 for 纔 and 覈, which only Taiwan's reversal lists) — and less WRITTEN_IN_BOTH.
 */
export function variantMarksOf(tables: VariantTables): VariantMarks {
  let marks = marksByReversal.get(tables.twReversal);
  if (!marks) {
    const written = (reversal: DictTable, variants: DictTable) =>
      new Set([...characterChanges(reversal).map(([key]) => key), ...characterChanges(variants).map(([, value]) => value)]);
    const onlyIn = (reversal: DictTable, otherWrites: Set<string>) =>
      new Set(characterChanges(reversal).map(([key]) => key).filter((char) => !otherWrites.has(char) && !WRITTEN_IN_BOTH.has(char)));
    marks = {
      tw: onlyIn(tables.twReversal, written(tables.hkReversal, tables.hkVariants)),
      hk: onlyIn(tables.hkReversal, written(tables.twReversal, tables.twVariants)),
    };
    marksByReversal.set(tables.twReversal, marks);
  }
  return marks;
}

/** How many characters of `marks` the reversal `step` changes in `text` (phrases it keeps, like 著名, count nothing). */
export function countMarks(step: Step, marks: ReadonlySet<string>, text: string): number {
  let count = 0;
  forEachMatch(step, text, (at, length) => {
    const key = text.slice(at, at + length);
    const value = matchedValue();
    if (key === value) return;
    const from = [...key];
    const to = [...value];
    for (let index = 0; index < from.length; index++) {
      if (from[index] !== to[index] && marks.has(from[index] as string)) count++;
    }
  });
  return count;
}

/**
 * The region whose variants `text` is written in. A tie — most often a text with no marks at all —
 * is Taiwan's: the two reversals then agree on everything but Hong Kong's 台 → 臺, and Taiwan's
 * reversal leaves 台 as the page wrote it.
 */
export function regionOf(twReversal: Step, hkReversal: Step, marks: VariantMarks, text: string): Region {
  const hk = countMarks(hkReversal, marks.hk, text);
  if (hk === 0) return 'tw';
  return hk > countMarks(twReversal, marks.tw, text) ? 'hk' : 'tw';
}
