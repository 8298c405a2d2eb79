// Which parts of a text are Chinese prose, and so may be converted. A web address or an e-mail
// address written in a paragraph (見 https://www.bbc.com/zhongwen/simp/…, 電郵 name@example.com)
// is copied exactly as written: converting one would change where it leads (a Chinese path
// segment 台湾 → 臺灣) or turn a quote mark in it into 「. Latin words and numbers need no guard
// here — no dictionary key is Latin alone — except at a word's end; see engine.ts `matchAt`.

/** A web address (with a scheme or starting `www.`) or an e-mail address; it ends at a space or Chinese punctuation. */
const ADDRESS = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s，。；：！？、（）()「」『』“”‘’《》<>"'\u3000]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;

/** Cheap test first: most texts have none of these. */
const MAY_HAVE_ADDRESS = /:\/\/|www\.|@/i;

/** `convert` applied to each part of `text` between addresses; the addresses copied. */
export function convertProse(text: string, convert: (prose: string) => string): string {
  if (!MAY_HAVE_ADDRESS.test(text)) return convert(text);
  let out = '';
  let copyFrom = 0;
  for (const address of text.matchAll(ADDRESS)) {
    const at = address.index;
    if (at > copyFrom) out += convert(text.slice(copyFrom, at));
    out += address[0];
    copyFrom = at + address[0].length;
  }
  if (copyFrom === 0) return convert(text);
  return copyFrom < text.length ? out + convert(text.slice(copyFrom)) : out;
}
