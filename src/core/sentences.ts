// Splits text into sentences for reading aloud. Speech engines cut or stall on long utterances
// (Chrome's stop after about 15 s of one utterance on some platforms), and a pause that resumes
// "from the same sentence" is exact only when a sentence is one utterance; so the reader speaks
// sentence by sentence. Pure: offsets into the text, so the caller can highlight each sentence in
// the text nodes it came from without changing them.

export interface SentenceSpan {
  /** Offset of the sentence's first character (white space before it is left out). */
  start: number;
  /** Offset just past its last character, closing quotes and brackets included. */
  end: number;
}

/** Chinese sentence ends: 。！？；… and the halfwidth ideographic full stop (ASCII . ! ? follow the Latin rule). */
const CHINESE_END = '。！？；…｡';
/** Marks that close what a sentence end sits inside: they stay with the sentence. */
const CLOSERS = '」』”’）)】〕》〉"\'';
/** An English sentence inside Chinese ends at . ! ? followed by white space. */
const LATIN_END = '.!?';
/** Words whose period is not a sentence end. */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'vs', 'etc', 'no', 'jr', 'sr', 'gen', 'gov', 'sen', 'rep', 'inc', 'ltd', 'co']);

/**
 * Longest sentence spoken as one utterance, in characters. Longer ones (a run-on list without a
 * full stop) are cut after the last comma or pause mark before this length.
 */
export const MAX_SENTENCE_CHARACTERS = 160;
const PAUSE_MARKS = '，、：,:';

function isSpace(char: string | undefined): boolean {
  return char !== undefined && /\s/.test(char);
}

/** Whether the Latin `.` at `index` ends a sentence: followed by space, not a number's or an abbreviation's. */
function latinPeriodEnds(text: string, index: number): boolean {
  const next = text[index + 1];
  if (next !== undefined && !isSpace(next) && !CLOSERS.includes(next)) return false;
  if (text[index] !== '.') return true;
  const word = /([A-Za-z]+)$/.exec(text.slice(Math.max(0, index - 12), index))?.[1];
  if (!word) return true;
  // U.S. / U.K. / a single capital (an initial): not an end.
  if (word.length === 1 || (word.length <= 3 && word === word.toUpperCase())) return false;
  return !ABBREVIATIONS.has(word.toLowerCase());
}

/** Cuts a too-long span after pause marks, each piece at most MAX_SENTENCE_CHARACTERS where it can. */
function cutLong(text: string, span: SentenceSpan, out: SentenceSpan[]): void {
  let start = span.start;
  while (span.end - start > MAX_SENTENCE_CHARACTERS) {
    let cut = -1;
    for (let i = start + MAX_SENTENCE_CHARACTERS - 1; i > start; i--) {
      if (PAUSE_MARKS.includes(text[i]!)) {
        cut = i + 1;
        break;
      }
    }
    if (cut < 0) cut = start + MAX_SENTENCE_CHARACTERS;
    // Never between the two halves of a surrogate pair.
    if (/[\uDC00-\uDFFF]/.test(text[cut] ?? '')) cut += 1;
    out.push({ start, end: cut });
    start = cut;
    while (isSpace(text[start])) start++;
  }
  if (span.end > start) out.push({ start, end: span.end });
}

/** The sentences of `text`, in order; white space between them belongs to none. */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  const close = (end: number): void => {
    while (start < end && isSpace(text[start])) start++;
    let trimmed = end;
    while (trimmed > start && isSpace(text[trimmed - 1])) trimmed--;
    if (trimmed > start) cutLong(text, { start, end: trimmed }, spans);
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const chinese = CHINESE_END.includes(char);
    if (!chinese && !(LATIN_END.includes(char) && latinPeriodEnds(text, i))) continue;
    // A run of ends (……, ？！, ...) and the closing quotes after it stay with the sentence.
    let end = i + 1;
    while (end < text.length && (CHINESE_END.includes(text[end]!) || LATIN_END.includes(text[end]!))) end++;
    while (end < text.length && CLOSERS.includes(text[end]!)) end++;
    // A Chinese end inside quotes followed by more of the same sentence (「好。」他說) ends there anyway:
    // the quoted sentence is complete, and the engines pause at 。 either way.
    close(end);
    i = end - 1;
  }
  close(text.length);
  return spans;
}
