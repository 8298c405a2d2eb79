// The overlay's UI strings (`reader_` keys of `_locales`), in two languages at once. The article's
// labels (published, updated, reading time, image credit, related stories, the way back) are in
// the script the reader is showing — simplified in 简体, traditional in 繁體 (run through the active
// converter, so 香港 gets Hong Kong forms) — whatever the browser's language: they are part of the
// page being read. The toolbar and the settings panel speak the browser's language. The UI-language
// setting, when chosen explicitly, overrides both (a Chinese choice keeps the article's labels in
// the script shown).
import { resolveUiLocale, translate, type UiLocale } from '../../core/i18n.ts';
import type { UiLanguage } from '../../core/settings.ts';
import type { Converter } from '../../core/zh/index.ts';
import type { ReaderScript } from './format.ts';

export const LABEL_KEYS = [
  'reader_app_name',
  'reader_close',
  'reader_script_group',
  'reader_byline',
  'reader_published',
  'reader_updated',
  'reader_reading_time',
  'reader_credit',
  'reader_media_video',
  'reader_media_audio',
  'reader_media_embed',
  'reader_media_hint',
  'reader_related',
  'reader_original_link',
  'reader_loading',
  'reader_error_title',
  'reader_error_live',
  'reader_error_media',
  'reader_error_index',
  'reader_error_other',
  'reader_error_failed',
  'reader_error_open_original',
  'reader_keys_help',
  'reader_text_smaller',
  'reader_text_larger',
  'reader_converting',
  'reader_convert_failed',
  'reader_live_badge',
  'reader_live_newest',
  'reader_live_reopen',
  'reader_live_key_points',
  'reader_live_posts',
  'reader_live_breaking',
  'reader_settings',
  'reader_settings_theme',
  'reader_theme_system',
  'reader_theme_light',
  'reader_theme_sepia',
  'reader_theme_dark',
  'reader_theme_contrast',
  'reader_settings_font',
  'reader_font_sans',
  'reader_font_serif',
  'reader_font_kai',
  'reader_font_missing',
  'reader_font_fallback',
  'reader_settings_size',
  'reader_settings_line_height',
  'reader_settings_width',
  'reader_settings_width_value',
  'reader_settings_indent',
  'reader_settings_justify',
  'reader_settings_images',
  'reader_images_on',
  'reader_images_captions',
  'reader_images_off',
  'reader_back_to_top',
  'reader_tools_save_html',
  'reader_tools_copy_markdown',
  'reader_tools_copied',
  'reader_tools_copy_failed',
  'reader_tools_print',
  'reader_tools_source',
  'reader_tools_retrieved',
  'reader_speech_read_aloud',
  'reader_speech_controls',
  'reader_speech_pause',
  'reader_speech_resume',
  'reader_speech_stop',
  'reader_speech_previous',
  'reader_speech_next',
  'reader_speech_speed',
  'reader_speech_voice',
  'reader_speech_automatic',
  'reader_speech_network_option',
  'reader_speech_network_voice',
  'reader_speech_loading',
  'reader_speech_no_mandarin',
  'reader_speech_no_cantonese',
  'reader_speech_how_to_add',
  'reader_speech_unsupported',
  'reader_speech_failed',
] as const satisfies readonly `reader_${string}`[]; // the reader's bundle carries only `reader_` messages

export type LabelKey = (typeof LABEL_KEYS)[number];
export type Labels = Record<LabelKey, string> & {
  /** `en` when the labels are English inside a Chinese dialog (for elements holding only labels). */
  lang: 'en' | undefined;
};

/**
 * Which message catalogue the article's labels come from. English only when the reader chose
 * English explicitly; otherwise the catalogue of the script on screen: 原文 follows the page's own
 * script, 简体 is zh_CN, both 繁體 are zh_TW (the browser's language where the page's is unknown).
 */
export function labelLocale(
  script: ReaderScript,
  pageVariant: 'simp' | 'trad' | undefined,
  uiLanguage: UiLanguage,
  browserLanguage: string,
): UiLocale {
  if (uiLanguage === 'en') return 'en';
  if (script === 'simp') return 'zh_CN';
  if (script === 'tw' || script === 'hk') return 'zh_TW';
  if (pageVariant) return pageVariant === 'trad' ? 'zh_TW' : 'zh_CN';
  return resolveUiLocale(uiLanguage, browserLanguage);
}

/** Which catalogue the toolbar and the settings panel speak: the UI-language setting, or the browser's language. */
export function toolbarLocale(uiLanguage: UiLanguage, browserLanguage: string): UiLocale {
  return resolveUiLocale(uiLanguage, browserLanguage);
}

/** Reading-time style messages keep their `$1` placeholder for `fill`. */
export function readerLabels(locale: UiLocale, convert?: Converter): Labels {
  const labels = { lang: locale === 'en' ? 'en' : undefined } as Labels;
  for (const key of LABEL_KEYS) {
    const text = translate(locale, key, ['$1']);
    labels[key] = convert && locale !== 'en' ? convert(text) : text;
  }
  return labels;
}

/** Puts a number into a label's `$1` (e.g. 约 $1 分钟). */
export function fill(label: string, value: number | string): string {
  return label.replace('$1', String(value));
}
