// Export and import: a file written by export reads back to the same settings; import reads a file
// exactly as storage is read, and refuses (changes nothing) what is not a settings object at all.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, parseSettings } from '../../src/core/settings.ts';
import { readSettingsFile, settingsFileText } from '../../src/options/settings-file.ts';

describe('settings files', () => {
  it('export then import restores the same settings', () => {
    const changed = { ...DEFAULT_SETTINGS, theme: 'dark', fontSize: 23, lineHeight: 2.05, defaultScript: 'hk', quotes: 'keep' } as const;
    const text = settingsFileText(changed);
    expect(JSON.parse(text)).toMatchObject({ version: SETTINGS_VERSION, theme: 'dark', lineHeight: 2.05 });
    expect(readSettingsFile(text)).toEqual({ ok: true, settings: changed, resetKeys: [] });
  });

  it('reads an exported file with a byte-order mark (as some editors save it)', () => {
    expect(readSettingsFile(`\uFEFF${settingsFileText(DEFAULT_SETTINGS)}`)).toEqual({
      ok: true,
      settings: DEFAULT_SETTINGS,
      resetKeys: [],
    });
  });

  it('refuses files that are not JSON objects', () => {
    for (const text of ['', 'theme=dark', '[1,2]', '"dark"', '42', 'null', '{"theme": "dark"']) {
      expect(readSettingsFile(text)).toEqual({ ok: false });
    }
  });

  it('imports any JSON object exactly as storage would read it', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => {
        expect(readSettingsFile(JSON.stringify(object))).toEqual({ ok: true, ...parseSettings(object) });
      }),
    );
  });

  it('an older exported file is migrated on import', () => {
    const v1 = JSON.stringify({ version: 1, theme: 'sepia', script: 'original', showImages: false });
    expect(readSettingsFile(v1)).toEqual({
      ok: true,
      settings: { ...DEFAULT_SETTINGS, theme: 'sepia', defaultScript: 'page', images: 'off' },
      resetKeys: [],
    });
  });
});
