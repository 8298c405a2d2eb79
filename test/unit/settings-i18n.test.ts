// UI strings follow the reader's chosen language, not only the browser's, and every locale file
// is a complete, well-formed `_locales` catalogue that the browser itself would also accept.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CATALOGUES,
  createTranslator,
  formatMessage,
  localeForBrowserLanguage,
  resolveUiLocale,
  translate,
  type UiLocale,
} from '../../src/core/i18n.ts';

const LOCALES: UiLocale[] = ['en', 'zh_CN', 'zh_TW'];

describe('choosing the UI language', () => {
  it('follows the browser when asked to', () => {
    expect(localeForBrowserLanguage('en-US')).toBe('en');
    expect(localeForBrowserLanguage('fr')).toBe('en');
    expect(localeForBrowserLanguage('zh-CN')).toBe('zh_CN');
    expect(localeForBrowserLanguage('zh')).toBe('zh_CN');
    expect(localeForBrowserLanguage('zh-SG')).toBe('zh_CN');
    expect(localeForBrowserLanguage('zh-TW')).toBe('zh_TW');
    expect(localeForBrowserLanguage('zh_TW')).toBe('zh_TW');
    expect(localeForBrowserLanguage('zh-HK')).toBe('zh_TW');
    expect(localeForBrowserLanguage('zh-MO')).toBe('zh_TW');
    expect(localeForBrowserLanguage('zh-Hant')).toBe('zh_TW');
    expect(localeForBrowserLanguage('zh-Hans-HK')).toBe('zh_CN');
    expect(localeForBrowserLanguage('zha')).toBe('en');
  });

  it('an explicit choice wins over the browser language', () => {
    expect(resolveUiLocale('zh_TW', 'en-US')).toBe('zh_TW');
    expect(resolveUiLocale('en', 'zh-CN')).toBe('en');
    expect(resolveUiLocale('browser', 'zh-HK')).toBe('zh_TW');
    const t = createTranslator('zh_CN', 'en-GB');
    expect(t.locale).toBe('zh_CN');
    expect(t.lang).toBe('zh-Hans');
    expect(t.t('options_reset')).toBe('恢复默认设置');
    expect(createTranslator('zh_TW', 'en-GB').t('options_reset')).toBe('恢復預設值');
    expect(createTranslator('browser', 'en-GB').t('options_reset')).toBe('Reset to defaults');
  });
});

describe('messages', () => {
  it('fills named placeholders like i18n.getMessage, without re-expanding substituted text', () => {
    expect(translate('en', 'options_fontSize_value', ['22'])).toBe('22 px');
    expect(translate('zh_TW', 'options_reset_notice', ['主題、文字大小'])).toBe(
      '部分已儲存的設定無效，已更正（恢復預設值或調整到允許範圍）：主題、文字大小',
    );
    expect(translate('en', 'options_save_failed', ['cost $1 $ERROR$'])).toBe('Could not save the settings: cost $1 $ERROR$');
    expect(formatMessage({ message: 'a $$ b $2 $1 $X$', placeholders: { x: { content: '[$1]' } } }, ['one', 'two'])).toBe(
      'a $ b two one [one]',
    );
    expect(formatMessage({ message: 'missing $1' }, [])).toBe('missing ');
  });

  it('every locale has exactly the English keys, each with a non-empty message and matching placeholders', () => {
    const englishKeys = Object.keys(CATALOGUES.en).sort();
    for (const locale of LOCALES) {
      const catalogue = CATALOGUES[locale];
      expect(Object.keys(catalogue).sort(), locale).toEqual(englishKeys);
      for (const key of englishKeys) {
        const entry = catalogue[key];
        const english = CATALOGUES.en[key];
        expect(entry?.message.trim(), `${locale}.${key}`).not.toBe('');
        expect(Object.keys(entry?.placeholders ?? {}).sort(), `${locale}.${key}`).toEqual(
          Object.keys(english?.placeholders ?? {}).sort(),
        );
        for (const name of Object.keys(entry?.placeholders ?? {})) {
          expect(entry?.message, `${locale}.${key} uses $${name}$`).toContain(`$${name}$`);
        }
      }
    }
  });

  it('the locale files are valid for the browser: keys are [A-Za-z0-9_@], names fit the store limits', () => {
    for (const locale of LOCALES) {
      const raw = JSON.parse(readFileSync(`assets/_locales/${locale}/messages.json`, 'utf8')) as Record<string, unknown>;
      for (const key of Object.keys(raw)) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
      expect(translate(locale, 'extName').length).toBeLessThanOrEqual(75);
      expect(translate(locale, 'extDescription').length).toBeLessThanOrEqual(132);
    }
  });

  it('Chinese catalogues are written in their own script', () => {
    // Characters whose simplified and traditional forms differ, checked on the same messages.
    expect(translate('zh_CN', 'options_title')).toBe('清读设置');
    expect(translate('zh_TW', 'options_title')).toBe('清讀設定');
    expect(translate('zh_CN', 'options_section_appearance')).toBe('外观');
    expect(translate('zh_TW', 'options_section_appearance')).toBe('外觀');
  });
});
