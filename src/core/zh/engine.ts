// OpenCC's conversion algorithm over precompiled tables, step for step as opencc-js runs it, so
// the output is the same (the differential test in test/unit/zh-differential.test.ts proves it on
// the fixture corpus):
//   1. normalise CJK compatibility ideographs over the whole text;
//   2. optionally cut the text into segments: each longest phrase match is a segment of its own,
//      and each run of unmatched text between them is one segment;
//   3. run each conversion step over each segment separately (a step's phrases never match across
//      a segment boundary — this is what keeps s2tw's second step from undoing the first).
// A step is a list of tables searched as one dictionary: the longest key wins, and on equal length
// the earlier table wins (as in opencc-js, where the first dictionary of a group has priority).

import { codePointLength, keyLengthAt, longestKeyAt, valueAt, type DictTable } from './dictionary.ts';
import { COMPATIBILITY_IDEOGRAPH } from './routes.ts';

export type Step = readonly DictTable[];

export interface ConversionPlan {
  /**
   * CJK compatibility ideographs → unified ones, over the whole text first; skipped for a text
   * without any (`COMPATIBILITY_IDEOGRAPH`), which it would leave as is anyway.
   */
  normalize?: Step;
  /** Tables whose phrase keys (more than one code point) cut the text into segments. */
  segmentation?: Step;
  /**
   * The segmentation tables are the first step's own (s2tw, s2twp, s2hk): cutting and converting
   * the first step are then one pass (see `segmentAndConvert`).
   */
  segmentWithFirstStep?: boolean;
  steps: readonly Step[];
}

// The last match, returned through module state so that the hot loop allocates nothing: its value
// is read only by those who use it (segmentation needs only lengths), as a derived value is built.
let matchLength = 0;
let matchTable: DictTable | undefined;
let matchIndex = -1;

function isLatinOrDigit(unit: number): boolean {
  return (unit >= 0x30 && unit <= 0x39) || ((unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7a);
}

/**
 * Length of the longest match of any table in the step at `start` (0: none); its value is `matchedValue()`.
 *
 * A few keys begin with a Latin letter (B超 → 超音波, U盤 → 隨身碟 in tw-phrases); OpenCC matches
 * them inside a Latin word too, so 「AB超過」 lost its B. Here no match starts inside a Latin word
 * or number: Latin text is never converted (prose.ts).
 */
export function matchAt(step: Step, text: string, start: number): number {
  matchLength = 0;
  const unit = text.charCodeAt(start);
  if (unit < 0x80 && start > 0 && isLatinOrDigit(unit) && isLatinOrDigit(text.charCodeAt(start - 1))) return 0;
  for (const table of step) {
    const index = longestKeyAt(table, text, start);
    if (index < 0) continue;
    const length = keyLengthAt(table, index);
    if (length > matchLength) {
      matchLength = length;
      matchTable = table;
      matchIndex = index;
    }
  }
  return matchLength;
}

/** The value of the match `matchAt` last found (it found one). */
export function matchedValue(): string {
  return valueAt(matchTable as DictTable, matchIndex);
}

function isPhrase(length: number, text: string, start: number): boolean {
  if (length > 2) return true;
  if (length < 2) return false;
  const unit = text.charCodeAt(start);
  return !(unit >= 0xd800 && unit <= 0xdbff);
}

function idsArity(codePoint: number): number {
  if (codePoint === 0x2ff0 || codePoint === 0x2ff1) return 2;
  if (codePoint === 0x2ff2 || codePoint === 0x2ff3) return 3;
  if (codePoint >= 0x2ff4 && codePoint <= 0x2fff) return 2;
  return 0;
}

/** End of an Ideographic Description Sequence starting at `at` (e.g. ⿰氵马), or 0 if none. */
function idsEnd(text: string, at: number): number {
  const arity = idsArity(text.codePointAt(at) ?? 0);
  if (arity === 0) return 0;
  let end = at + codePointLength(text, at);
  for (let operand = 0; operand < arity; operand++) {
    if (end >= text.length) return 0;
    const inner = idsEnd(text, end);
    end = inner || end + codePointLength(text, end);
  }
  return end;
}

/** How far to skip when nothing matches: one code point, or a whole description sequence (left as written). */
export function unmatchedLength(text: string, at: number): number {
  const end = idsEnd(text, at);
  return end > at ? end - at : codePointLength(text, at);
}

/**
 * Calls `visit` with each longest match of the step in `text`, left to right (its value is
 * `matchedValue()` during the call); unmatched text is skipped as `unmatchedLength` says.
 */
export function forEachMatch(step: Step, text: string, visit: (start: number, length: number) => void): void {
  for (let at = 0; at < text.length; ) {
    const length = matchAt(step, text, at);
    if (length === 0) {
      at += unmatchedLength(text, at);
      continue;
    }
    visit(at, length);
    at += length;
  }
}

/** One step over one piece of text: replace each longest match, copy the rest. */
export function convertWithStep(step: Step, text: string): string {
  let out = '';
  let copyFrom = 0;
  const end = text.length;
  for (let at = 0; at < end; ) {
    if (matchAt(step, text, at) > 0) {
      out += text.slice(copyFrom, at) + matchedValue();
      at += matchLength;
      copyFrom = at;
    } else {
      at += unmatchedLength(text, at);
    }
  }
  return copyFrom === 0 ? text : out + text.slice(copyFrom);
}

/** Cuts `text` at phrase matches (see the header, point 2). */
export function segmentText(step: Step, text: string): string[] {
  const segments: string[] = [];
  let runStart = -1;
  const end = text.length;
  for (let at = 0; at < end; ) {
    if (matchAt(step, text, at) > 0 && isPhrase(matchLength, text, at)) {
      if (runStart >= 0) segments.push(text.slice(runStart, at));
      runStart = -1;
      segments.push(text.slice(at, at + matchLength));
      at += matchLength;
    } else {
      if (runStart < 0) runStart = at;
      at += unmatchedLength(text, at);
    }
  }
  if (runStart >= 0) segments.push(text.slice(runStart));
  return segments;
}

/**
 * `segmentText` then the step over each segment, in one pass. Same result: a phrase segment's
 * conversion is its own match's value, and inside a run of unmatched text no phrase starts, so
 * the step's matches there are the same single characters it finds in the whole text.
 */
export function segmentAndConvert(step: Step, text: string): string[] {
  const segments: string[] = [];
  let inRun = false;
  let run = '';
  let copyFrom = 0;
  const end = text.length;
  for (let at = 0; at < end; ) {
    const length = matchAt(step, text, at);
    if (length > 0 && isPhrase(length, text, at)) {
      if (inRun) segments.push(run + text.slice(copyFrom, at));
      inRun = false;
      segments.push(matchedValue());
      at += length;
      continue;
    }
    if (!inRun) {
      inRun = true;
      run = '';
      copyFrom = at;
    }
    if (length > 0) {
      run += text.slice(copyFrom, at) + matchedValue();
      at += length;
      copyFrom = at;
    } else {
      at += unmatchedLength(text, at);
    }
  }
  if (inRun) segments.push(run + text.slice(copyFrom));
  return segments;
}

export function runPlan(plan: ConversionPlan, text: string): string {
  if (text === '') return text;
  const normalized = plan.normalize && COMPATIBILITY_IDEOGRAPH.test(text) ? convertWithStep(plan.normalize, text) : text;
  if (plan.steps.length === 0) return normalized;
  if (!plan.segmentation) {
    let result = normalized;
    for (const step of plan.steps) result = convertWithStep(step, result);
    return result;
  }
  const fused = plan.segmentWithFirstStep === true;
  const segments = fused ? segmentAndConvert(plan.steps[0] as Step, normalized) : segmentText(plan.segmentation, normalized);
  for (let stepIndex = fused ? 1 : 0; stepIndex < plan.steps.length; stepIndex++) {
    const step = plan.steps[stepIndex] as Step;
    for (let index = 0; index < segments.length; index++) {
      segments[index] = convertWithStep(step, segments[index] as string);
    }
  }
  return segments.join('');
}
