// Quotation marks per script. The BBC's traditional edition writes 「」『』 where the simplified one
// writes “”‘’, so 繁體 turns curly quotes into corner brackets and 简体 turns them back.
// The catch is ’, which is both the closing single quote and the apostrophe of Latin text inside
// Chinese articles (don’t, BBC’s, students’, ’90s): an apostrophe must never become 』.

const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{Nd}]/u;
const LATIN = /\p{Script=Latin}/u;
const HAN = /\p{Script=Han}/u;

function charBefore(text: string, at: number): string {
  if (at <= 0) return '';
  const unit = text.charCodeAt(at - 1);
  return unit >= 0xdc00 && unit <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text.charAt(at - 1);
}

function charAfter(text: string, at: number): string {
  const codePoint = text.codePointAt(at + 1);
  return codePoint === undefined ? '' : String.fromCodePoint(codePoint);
}

/**
 * Which ‘ and ’ in `text` are quotation marks (as opposed to apostrophes), as a set of indices.
 * ’ between a Latin letter or digit and a Latin letter is an apostrophe (don’t, BBC’s, O’Neill).
 * The other ’ close the nearest open ‘. A ’ with no open ‘ is an apostrophe when Latin text
 * touches it (students’, ’90s) and a closing quote otherwise — a quotation whose opening mark is
 * in an earlier run of the paragraph, e.g. before a link. Likewise a ‘ that nothing closes is a
 * quote next to Han text and left alone next to Latin text.
 */
function singleQuoteMarks(text: string): Set<number> {
  const marks = new Set<number>();
  const open: number[] = [];
  for (let at = 0; at < text.length; at++) {
    const unit = text.charAt(at);
    if (unit === '‘') {
      open.push(at);
    } else if (unit === '’') {
      const before = charBefore(text, at);
      const after = charAfter(text, at);
      const isApostrophe = LATIN_OR_DIGIT.test(before) && LATIN.test(after);
      if (isApostrophe) continue;
      const opener = open.pop();
      if (opener !== undefined) {
        marks.add(opener);
        marks.add(at);
      } else if (!LATIN_OR_DIGIT.test(before) && !LATIN_OR_DIGIT.test(after)) {
        marks.add(at);
      }
    }
  }
  for (const opener of open) {
    if (HAN.test(charBefore(text, opener)) || HAN.test(charAfter(text, opener))) marks.add(opener);
  }
  return marks;
}

/** “”‘’ → 「」『』, leaving apostrophes as they are. */
export function toCornerQuotes(text: string): string {
  if (!/[“”‘’]/.test(text)) return text;
  const singles = /[‘’]/.test(text) ? singleQuoteMarks(text) : new Set<number>();
  return text.replace(/[“”‘’]/g, (mark: string, at: number) => {
    if (mark === '“') return '「';
    if (mark === '”') return '」';
    if (!singles.has(at)) return mark;
    return mark === '‘' ? '『' : '』';
  });
}

/** 「」『』 → “”‘’. */
export function toCurlyQuotes(text: string): string {
  if (!/[「」『』]/.test(text)) return text;
  return text.replace(/[「」『』]/g, (mark) => ({ '「': '“', '」': '”', '『': '‘', '』': '’' })[mark] ?? mark);
}
