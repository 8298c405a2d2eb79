// The reader's typefaces: for each font choice (黑体 sans, 宋体 serif, 楷体 kai) and each script, the
// Chinese families tried in order, then the Latin ones. The stylesheet is built from these lists, and
// the settings panel asks which choices this device can actually show, so it never offers a face
// that silently falls back (楷体 on a machine with no Kai font shows 宋体).
//
// Chinese families come first: a Latin family placed before them would also draw the punctuation
// both scripts share — “ ” ‘ ’ — … — in Latin shapes, half as wide as the characters around them.
// Which families are installed is measured, not asked: `document.fonts.check()` speaks only for web
// fonts and answers true for any local family name, installed or not.
import type { FontFamily } from '../../core/settings.ts';

export type FontScript = 'hans' | 'hant' | 'hk';

const SANS: Record<FontScript, readonly string[]> = {
  hans: ['Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', '微软雅黑'],
  hant: ['Noto Sans CJK TC', 'Noto Sans TC', 'Source Han Sans TC', 'PingFang TC', 'Hiragino Sans CNS', 'Microsoft JhengHei', '微軟正黑體'],
  hk: ['Noto Sans CJK HK', 'Noto Sans HK', 'PingFang HK', 'Noto Sans CJK TC', 'Noto Sans TC', 'Source Han Sans TC', 'PingFang TC', 'Microsoft JhengHei', '微軟正黑體'],
};
const SERIF: Record<FontScript, readonly string[]> = {
  hans: ['Noto Serif CJK SC', 'Noto Serif SC', 'Source Han Serif SC', 'Songti SC', 'STSong', 'SimSun', '宋体'],
  hant: ['Noto Serif CJK TC', 'Noto Serif TC', 'Source Han Serif TC', 'Songti TC', 'PMingLiU', 'MingLiU', '新細明體'],
  hk: ['Noto Serif CJK HK', 'Noto Serif HK', 'Noto Serif CJK TC', 'Noto Serif TC', 'Source Han Serif TC', 'Songti TC', 'PMingLiU', 'MingLiU', '新細明體'],
};
const KAI: Record<FontScript, readonly string[]> = {
  hans: ['Kaiti SC', 'STKaiti', 'KaiTi', '楷体', 'AR PL UKai CN'],
  hant: ['Kaiti TC', 'BiauKai', '標楷體', 'DFKai-SB', 'TW-Kai', 'AR PL UKai TW'],
  hk: ['Kaiti TC', 'BiauKai', '標楷體', 'DFKai-SB', 'TW-Kai', 'AR PL UKai HK', 'AR PL UKai TW'],
};

/** The Chinese families of each choice, in the order the browser tries them. */
export const CJK_FAMILIES: Readonly<Record<FontFamily, Record<FontScript, readonly string[]>>> = { sans: SANS, serif: SERIF, kai: KAI };

const LATIN_SANS = ['-apple-system', 'BlinkMacSystemFont', 'Segoe UI', 'Helvetica Neue', 'Arial'];
const LATIN_SERIF = ['Iowan Old Style', 'Palatino Linotype', 'Georgia'];

/** Names CSS knows without quotes: the generic keywords and the system-font aliases. */
const UNQUOTED = new Set(['-apple-system', 'BlinkMacSystemFont', 'sans-serif', 'serif']);

function cssFamilies(families: readonly string[]): string {
  return families.map((family) => (UNQUOTED.has(family) ? family : `"${family}"`)).join(', ');
}

/** The `font-family` value of a choice in a script: its Chinese families, then Latin, then generic
 * (楷体 falls back to 宋体's families, the nearest in feel). */
export function fontStack(font: FontFamily, script: FontScript): string {
  switch (font) {
    case 'sans':
      return cssFamilies([...SANS[script], ...LATIN_SANS, 'sans-serif']);
    case 'serif':
      return cssFamilies([...SERIF[script], ...LATIN_SERIF, 'serif']);
    case 'kai':
      return cssFamilies([...KAI[script], ...SERIF[script], ...LATIN_SERIF, 'serif']);
  }
}

/** Which choices this device can show in `script`: true when at least one of its Chinese families is installed. */
export function fontAvailability(script: FontScript, installed: (family: string) => boolean): Record<FontFamily, boolean> {
  const any = (font: FontFamily): boolean => CJK_FAMILIES[font][script].some(installed);
  return { sans: any('sans'), serif: any('serif'), kai: any('kai') };
}

/** The choice actually shown for `wanted` (the fallback order of the stacks above): 楷体 → 宋体 → 黑体. */
export function shownFont(wanted: FontFamily, available: Record<FontFamily, boolean>): FontFamily {
  if (available[wanted]) return wanted;
  if (wanted === 'kai' && available.serif) return 'serif';
  return 'sans';
}

export function fontScriptOf(lang: string): FontScript {
  if (/^zh-Hant-HK/i.test(lang)) return 'hk';
  if (/^zh-Hant/i.test(lang)) return 'hant';
  return 'hans';
}

/** Latin, digits and Chinese: a family that has any of them draws at least one differently from the baselines. */
const PROBE_TEXT = 'mmWWiilI10 永和楷體，。';
const BASELINES = ['monospace', 'sans-serif', 'serif'];

/**
 * Measures whether a local family is installed: text set in `"family", <generic>` is compared with
 * the generic alone, for three generics; an installed family changes the width or the ink box for at
 * least one of them. Uses a canvas that is never attached to any document. Results are kept for the
 * page's life (fonts are not installed while a page is open, as a rule).
 */
export function createFontProbe(doc: Document = document): (family: string) => boolean {
  const known = new Map<string, boolean>();
  const context = doc.createElement('canvas').getContext('2d');
  const metrics = (font: string): string => {
    if (!context) return '';
    context.font = `40px ${font}`;
    const m = context.measureText(PROBE_TEXT);
    return [m.width, m.actualBoundingBoxAscent, m.actualBoundingBoxDescent, m.actualBoundingBoxLeft, m.actualBoundingBoxRight].join();
  };
  return (family) => {
    let installed = known.get(family);
    if (installed === undefined) {
      // Without a canvas nothing can be measured: every family is taken as present, as before.
      installed = !context || BASELINES.some((generic) => metrics(`"${family.replace(/"/g, '')}", ${generic}`) !== metrics(generic));
      known.set(family, installed);
    }
    return installed;
  };
}
