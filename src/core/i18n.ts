// UI strings in the language the reader chose. The WebExtension `i18n.getMessage` API only ever
// follows the browser's language, so the `_locales` message files are bundled and looked up here,
// with the same message format (named `$PLACEHOLDER$`s whose content is `$1`…`$9`, `$$` for `$`).
// Pure: the caller passes the browser's language (`browser.i18n.getUILanguage()` or
// `navigator.language`); nothing here touches an extension API.

import en from '../../assets/_locales/en/messages.json';
import zhCN from '../../assets/_locales/zh_CN/messages.json';
import zhTW from '../../assets/_locales/zh_TW/messages.json';
import type { UiLanguage } from './settings.ts';

export type UiLocale = 'en' | 'zh_CN' | 'zh_TW';

/** Every message key; `en` is the reference catalogue, the others are checked against it in tests. */
export type MessageKey = keyof typeof en;

interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

type Catalogue = Partial<Record<string, MessageEntry>>;

export const CATALOGUES: Readonly<Record<UiLocale, Catalogue>> = { en, zh_CN: zhCN, zh_TW: zhTW };

/** BCP 47 tag for `lang` attributes of UI text in each locale. */
export const LOCALE_LANG: Readonly<Record<UiLocale, string>> = { en: 'en', zh_CN: 'zh-Hans', zh_TW: 'zh-Hant' };

/**
 * Maps a browser language tag to one of our locales: Traditional Chinese for zh-TW / zh-HK / zh-MO
 * and any zh-Hant tag, Simplified for every other Chinese tag, English otherwise.
 */
export function localeForBrowserLanguage(browserLanguage: string): UiLocale {
  const tag = browserLanguage.trim().replace(/_/g, '-').toLowerCase();
  if (tag !== 'zh' && !tag.startsWith('zh-')) return 'en';
  const subtags = tag.split('-').slice(1);
  if (subtags.includes('hans')) return 'zh_CN';
  if (subtags.some((s) => s === 'hant' || s === 'tw' || s === 'hk' || s === 'mo')) return 'zh_TW';
  return 'zh_CN';
}

export function resolveUiLocale(choice: UiLanguage, browserLanguage: string): UiLocale {
  return choice === 'browser' ? localeForBrowserLanguage(browserLanguage) : choice;
}

/** Fills a message's placeholders the way `i18n.getMessage` does. */
export function formatMessage(entry: MessageEntry, substitutions: readonly string[]): string {
  const positional = (text: string): string =>
    text.replace(/\$(\$|[1-9])/g, (_match, what: string) =>
      what === '$' ? '$' : (substitutions[Number(what) - 1] ?? ''),
    );
  const placeholders = entry.placeholders ?? {};
  const lowerCased = new Map(Object.entries(placeholders).map(([name, p]) => [name.toLowerCase(), p.content]));
  // Named placeholders first (their content is usually `$1`), then bare positional ones; one pass,
  // so a substituted value containing `$1` or `$NAME$` is never expanded again.
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$|\$(\$|[1-9])/g, (match, name?: string, positionalRef?: string) => {
    if (name !== undefined) {
      const content = lowerCased.get(name.toLowerCase());
      return content === undefined ? match : positional(content);
    }
    return positionalRef === '$' ? '$' : (substitutions[Number(positionalRef) - 1] ?? '');
  });
}

/**
 * Looks a message up in `locale`, falling back to English, then to the key itself (so a missing
 * string shows up visibly instead of as an empty label).
 */
export function translate(locale: UiLocale, key: MessageKey, substitutions: readonly string[] = []): string {
  const entry = CATALOGUES[locale][key] ?? CATALOGUES.en[key];
  return entry ? formatMessage(entry, substitutions) : key;
}

export interface Translator {
  locale: UiLocale;
  /** For the `lang` attribute of the element that holds the UI text. */
  lang: string;
  t: (key: MessageKey, ...substitutions: string[]) => string;
}

export function createTranslator(choice: UiLanguage, browserLanguage: string): Translator {
  const locale = resolveUiLocale(choice, browserLanguage);
  return { locale, lang: LOCALE_LANG[locale], t: (key, ...subs) => translate(locale, key, subs) };
}
