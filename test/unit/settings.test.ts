// The settings schema: whatever storage or an imported file holds, the reader gets valid settings,
// and valid settings survive a round trip untouched.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCRIPTS,
  DEFAULT_SETTINGS,
  FONTS,
  IMAGE_MODES,
  MAX_VOICE_URI_LENGTH,
  NUMBER_RANGES,
  QUOTE_STYLES,
  SETTING_KEYS,
  SETTINGS_VERSION,
  TEXT_ALIGNS,
  THEMES,
  UI_LANGUAGES,
  applySettingsPatch,
  migrateSettings,
  migrateV1ToV2,
  migrateV2ToV3,
  parseSettings,
  toStoredSettings,
  type NumberRange,
  type Settings,
} from '../../src/core/settings.ts';

function steppedNumber(range: NumberRange): fc.Arbitrary<number> {
  const inverse = Math.round(1 / range.step);
  const min = Math.round(range.min / range.step);
  const max = Math.round(range.max / range.step);
  return fc.integer({ min, max }).map((n) => (range.step < 1 ? n / inverse : n * range.step));
}

const validSettings: fc.Arbitrary<Settings> = fc.record({
  theme: fc.constantFrom(...THEMES),
  font: fc.constantFrom(...FONTS),
  fontSize: steppedNumber(NUMBER_RANGES.fontSize),
  lineHeight: steppedNumber(NUMBER_RANGES.lineHeight),
  contentWidth: steppedNumber(NUMBER_RANGES.contentWidth),
  defaultScript: fc.constantFrom(...DEFAULT_SCRIPTS),
  quotes: fc.constantFrom(...QUOTE_STYLES),
  taiwanPhrases: fc.boolean(),
  images: fc.constantFrom(...IMAGE_MODES),
  indent: fc.boolean(),
  textAlign: fc.constantFrom(...TEXT_ALIGNS),
  autoOpen: fc.boolean(),
  uiLanguage: fc.constantFrom(...UI_LANGUAGES),
  speechRate: steppedNumber(NUMBER_RANGES.speechRate),
  voiceZhCN: fc.string({ maxLength: 40 }),
  voiceZhTW: fc.string({ maxLength: 40 }),
  voiceZhHK: fc.string({ maxLength: 40 }),
});

function isValid(settings: Settings): boolean {
  const inRange = (key: 'fontSize' | 'lineHeight' | 'contentWidth' | 'speechRate'): boolean => {
    const range = NUMBER_RANGES[key];
    const value = settings[key];
    const steps = value / range.step;
    return (
      Number.isFinite(value) &&
      value >= range.min &&
      value <= range.max &&
      Math.abs(steps - Math.round(steps)) < 1e-9 &&
      // The stored decimal is the short one a person would type (1.85, not 1.8500000000000003).
      Number(value.toFixed(2)) === value
    );
  };
  return (
    Object.keys(settings).sort().join() === [...SETTING_KEYS].sort().join() &&
    (THEMES as readonly unknown[]).includes(settings.theme) &&
    (FONTS as readonly unknown[]).includes(settings.font) &&
    (DEFAULT_SCRIPTS as readonly unknown[]).includes(settings.defaultScript) &&
    (QUOTE_STYLES as readonly unknown[]).includes(settings.quotes) &&
    (IMAGE_MODES as readonly unknown[]).includes(settings.images) &&
    (UI_LANGUAGES as readonly unknown[]).includes(settings.uiLanguage) &&
    typeof settings.autoOpen === 'boolean' &&
    typeof settings.taiwanPhrases === 'boolean' &&
    typeof settings.indent === 'boolean' &&
    (TEXT_ALIGNS as readonly unknown[]).includes(settings.textAlign) &&
    inRange('fontSize') &&
    inRange('lineHeight') &&
    inRange('contentWidth') &&
    inRange('speechRate') &&
    [settings.voiceZhCN, settings.voiceZhTW, settings.voiceZhHK].every((uri) => typeof uri === 'string' && uri.length <= MAX_VOICE_URI_LENGTH)
  );
}

// Anything a damaged or hostile storage area could hold for one field.
const anyValue = fc.oneof(
  fc.anything(),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, '20', 'dark ', 'DARK', '', null, [], {}),
  fc.string(),
);

const hostileFields: fc.Arbitrary<Record<string, unknown>> = fc.dictionary(
  fc.oneof(fc.constantFrom(...SETTING_KEYS, 'version', '__proto__', 'constructor', 'script', 'showImages'), fc.string()),
  anyValue,
);

// The same, claiming each version the migrations know (and some they do not), so every step runs on hostile input.
const hostileObject: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  hostileFields,
  fc
    .tuple(hostileFields, fc.constantFrom(1, 2, SETTINGS_VERSION, 0, -1, SETTINGS_VERSION + 1, 1.5, NaN, '1'))
    .map(([fields, version]) => ({ ...fields, version })),
);

describe('parseSettings', () => {
  it('returns the defaults for an empty storage area, reporting nothing as reset', () => {
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, resetKeys: [] });
    expect(parseSettings(null)).toEqual({ settings: DEFAULT_SETTINGS, resetKeys: [] });
    expect(parseSettings({})).toEqual({ settings: DEFAULT_SETTINGS, resetKeys: [] });
  });

  it('accepts every valid settings object unchanged, with or without the version', () => {
    fc.assert(
      fc.property(validSettings, (settings) => {
        const stored = { version: SETTINGS_VERSION, ...settings };
        expect(parseSettings(stored)).toEqual({ settings, resetKeys: [] });
        expect(parseSettings(settings)).toEqual({ settings, resetKeys: [] });
        expect(toStoredSettings(settings)).toEqual(stored);
        // What goes to storage survives JSON (sync storage and export files are JSON).
        expect(parseSettings(JSON.parse(JSON.stringify(stored)))).toEqual({ settings, resetKeys: [] });
      }),
      { numRuns: 500 },
    );
  });

  it('turns every invalid value into valid settings without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, hostileObject), (raw) => {
        const { settings, resetKeys } = parseSettings(raw);
        expect(isValid(settings)).toBe(true);
        for (const key of resetKeys) expect(SETTING_KEYS).toContain(key);
        // Parsing is idempotent: a repaired value is a valid one.
        expect(parseSettings(settings)).toEqual({ settings, resetKeys: [] });
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the valid fields of a partly damaged object and names exactly the damaged ones', () => {
    fc.assert(
      fc.property(validSettings, fc.subarray([...SETTING_KEYS], { minLength: 1 }), (settings, damaged) => {
        const stored: Record<string, unknown> = { version: SETTINGS_VERSION, ...settings };
        // A value of the wrong type for every field (numbers get strings, the rest get numbers).
        for (const key of damaged) stored[key] = typeof settings[key] === 'number' ? String(settings[key]) : 7;
        const { settings: parsed, resetKeys } = parseSettings(stored);
        expect([...resetKeys].sort()).toEqual([...damaged].sort());
        for (const key of SETTING_KEYS) {
          expect(parsed[key]).toEqual(damaged.includes(key) ? DEFAULT_SETTINGS[key] : settings[key]);
        }
      }),
    );
  });

  it('drops unknown keys, including ones that look like prototype pollution', () => {
    const raw = JSON.parse(
      '{"version":3,"theme":"dark","__proto__":{"polluted":true},"constructor":1,"evil":"x"}',
    ) as unknown;
    const { settings, resetKeys } = parseSettings(raw);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(Object.keys(settings)).not.toContain('evil');
    expect(resetKeys).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('clamps numbers to their range and reports them', () => {
    const { settings, resetKeys } = parseSettings({ fontSize: 400, lineHeight: 0.2, contentWidth: -5 });
    expect(settings.fontSize).toBe(NUMBER_RANGES.fontSize.max);
    expect(settings.lineHeight).toBe(NUMBER_RANGES.lineHeight.min);
    expect(settings.contentWidth).toBe(NUMBER_RANGES.contentWidth.min);
    expect(resetKeys).toEqual(['fontSize', 'lineHeight', 'contentWidth']);
  });

  it('rounds off-step numbers to the nearest step', () => {
    expect(parseSettings({ fontSize: 19.6 }).settings.fontSize).toBe(20);
    expect(parseSettings({ lineHeight: 1.83 }).settings.lineHeight).toBe(1.85);
    expect(parseSettings({ lineHeight: 1.83 }).resetKeys).toEqual(['lineHeight']);
  });

  it('replaces wrong types and unknown choices with the default', () => {
    const { settings, resetKeys } = parseSettings({
      theme: 'purple',
      font: 3,
      fontSize: '22',
      autoOpen: 'yes',
      uiLanguage: 'fr',
      quotes: null,
      taiwanPhrases: 'on',
    });
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(resetKeys).toEqual(['theme', 'font', 'fontSize', 'quotes', 'taiwanPhrases', 'autoOpen', 'uiLanguage']);
  });

  it('lists every setting as reset when the stored value is not an object at all', () => {
    for (const raw of ['garbage', 42, true, [1, 2]]) {
      expect(parseSettings(raw)).toEqual({ settings: DEFAULT_SETTINGS, resetKeys: [...SETTING_KEYS] });
    }
  });

  it('reads 台灣用語 as off when a version-3 object from before the option has none, and keeps it when set', () => {
    expect(parseSettings({ version: 3, theme: 'dark' })).toEqual({ settings: { ...DEFAULT_SETTINGS, theme: 'dark' }, resetKeys: [] });
    expect(DEFAULT_SETTINGS.taiwanPhrases).toBe(false);
    expect(parseSettings({ version: 3, taiwanPhrases: true }).settings.taiwanPhrases).toBe(true);
  });

  it('reads settings from a newer build as the current layout, keeping what it understands', () => {
    const { settings, resetKeys } = parseSettings({ version: SETTINGS_VERSION + 5, theme: 'sepia', newThing: 1 });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'sepia' });
    expect(resetKeys).toEqual([]);
  });
});

describe('migrations', () => {
  // A settings object exactly as version 1 stored it.
  const storedV1 = {
    version: 1,
    theme: 'dark',
    font: 'serif',
    fontSize: 18,
    lineHeight: 1.7,
    script: 'original',
    quotes: 'keep',
    showImages: false,
    autoOpen: true,
    uiLanguage: 'zh_TW',
  };
  // And as version 2 stored it (text width in pixels).
  const storedV2 = {
    version: 2,
    theme: 'sepia',
    font: 'kai',
    fontSize: 18,
    lineHeight: 2,
    contentWidth: 720,
    defaultScript: 'tw',
    quotes: 'corner',
    images: 'captions',
    autoOpen: false,
    uiLanguage: 'en',
  };

  it('migrateV1ToV2 renames script → defaultScript (original → page) and showImages → images', () => {
    expect(migrateV1ToV2(storedV1)).toEqual({
      version: 2,
      theme: 'dark',
      font: 'serif',
      fontSize: 18,
      lineHeight: 1.7,
      defaultScript: 'page',
      quotes: 'keep',
      images: 'off',
      autoOpen: true,
      uiLanguage: 'zh_TW',
    });
    expect(migrateV1ToV2({ version: 1, script: 'hk', showImages: true })).toEqual({
      version: 2,
      defaultScript: 'hk',
      images: 'on',
    });
  });

  it('migrateV2ToV3 turns a pixel text width into characters per line at the stored text size', () => {
    expect(migrateV2ToV3(storedV2)).toEqual({ ...storedV2, version: 3, contentWidth: 40 });
    expect(migrateV2ToV3({ version: 2, contentWidth: 720 })).toEqual({ version: 3, contentWidth: 36 });
    expect(migrateV2ToV3({ version: 2 })).toEqual({ version: 3 });
  });

  const SPEECH_DEFAULTS = { speechRate: 1, voiceZhCN: '', voiceZhTW: '', voiceZhHK: '' };
  it('parseSettings runs every step from version 1 and keeps the reader’s choices', () => {
    expect(migrateSettings(storedV1).version).toBe(SETTINGS_VERSION);
    expect(parseSettings(storedV1)).toEqual({
      settings: {
        theme: 'dark',
        font: 'serif',
        fontSize: 18,
        lineHeight: 1.7,
        contentWidth: DEFAULT_SETTINGS.contentWidth,
        defaultScript: 'page',
        quotes: 'keep',
        taiwanPhrases: false,
        images: 'off',
        // Added later without a version step: an older object gets the defaults.
        indent: DEFAULT_SETTINGS.indent,
        textAlign: DEFAULT_SETTINGS.textAlign,
        autoOpen: true,
        uiLanguage: 'zh_TW',
        // Read-aloud settings came later: an older object gets their defaults.
        ...SPEECH_DEFAULTS,
      },
      resetKeys: [],
    });
    const { version: _version, ...v2Choices } = storedV2;
    expect(parseSettings(storedV2)).toEqual({
      settings: { ...v2Choices, indent: DEFAULT_SETTINGS.indent, textAlign: DEFAULT_SETTINGS.textAlign, contentWidth: 40, taiwanPhrases: false, ...SPEECH_DEFAULTS },
      resetKeys: [],
    });
  });

  it('a damaged old object still migrates into valid settings', () => {
    const { settings, resetKeys } = parseSettings({ version: 1, script: 'klingon', showImages: 'maybe' });
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(resetKeys).toEqual(['defaultScript', 'images']);
  });
});

describe('applySettingsPatch', () => {
  it('applies a change and validates it like storage', () => {
    const base = { ...DEFAULT_SETTINGS };
    expect(applySettingsPatch(base, { theme: 'dark', fontSize: 22 })).toEqual({ ...base, theme: 'dark', fontSize: 22 });
    expect(applySettingsPatch(base, { fontSize: 99 }).fontSize).toBe(NUMBER_RANGES.fontSize.max);
    expect(applySettingsPatch(base, { theme: 'nope' as Settings['theme'] }).theme).toBe(base.theme);
  });
});

describe('read-aloud settings', () => {
  it('a speed is clamped to 0.5–2 in quarter steps; a voice is a short string or the automatic choice', () => {
    const { settings, resetKeys } = parseSettings({ version: SETTINGS_VERSION, speechRate: 3, voiceZhCN: 42, voiceZhTW: 'x'.repeat(MAX_VOICE_URI_LENGTH + 1), voiceZhHK: 'Chinese (Cantonese) espeak-ng' });
    expect(settings).toMatchObject({ speechRate: 2, voiceZhCN: '', voiceZhTW: '', voiceZhHK: 'Chinese (Cantonese) espeak-ng' });
    expect(resetKeys).toEqual(['speechRate', 'voiceZhCN', 'voiceZhTW']);
    expect(parseSettings({ speechRate: 1.3 }).settings.speechRate).toBe(1.25);
  });
});
