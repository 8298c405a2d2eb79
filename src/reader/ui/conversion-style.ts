// Which conversion a reader script stands for under the settings that shape it: the quote style,
// and for 繁體·台灣 whether Taiwan's own words are wanted (s2twp) or only its characters. The reader
// keeps one converter, and one conversion per article, for each such key.
import type { Settings } from '../../core/settings.ts';
import type { ZhTarget } from '../../core/zh/index.ts';
import type { ReaderScript } from './format.ts';

export type ConvertedScript = Exclude<ReaderScript, 'original'>;

export type ConversionStyle = Pick<Settings, 'quotes' | 'taiwanPhrases'>;

export function conversionStyle(settings: Settings): ConversionStyle {
  return { quotes: settings.quotes, taiwanPhrases: settings.taiwanPhrases };
}

export function zhTarget(script: ConvertedScript, style: ConversionStyle): ZhTarget {
  return script === 'tw' && style.taiwanPhrases ? 'twp' : script;
}

/** Equal for two scripts and styles exactly when they convert the same text the same way. */
export function conversionKey(script: ConvertedScript, style: ConversionStyle): string {
  return `${zhTarget(script, style)}|${style.quotes}`;
}
