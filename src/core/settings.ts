// The reader's preferences: one typed schema, its defaults, and the only way to read a stored value.
// Storage (sync or local), an imported file and a message from another part are all untrusted: every
// read goes through `parseSettings`, which never throws and always returns a complete, valid
// `Settings` plus the names of the settings it had to repair, so the options page can say so.
// Pure TypeScript: no extension APIs here (the storage access lives in `src/storage.ts`).

export const SETTINGS_VERSION = 3;

/** `contrast`: black and white with yellow accents, for low vision and bright sunlight. */
export const THEMES = ['system', 'light', 'sepia', 'dark', 'contrast'] as const;
/** `kai` is 楷体/標楷體 where the system has one; the reader's font stack falls back to serif. */
export const FONTS = ['sans', 'serif', 'kai'] as const;
/** `page` keeps the script the page was published in (原文). */
export const DEFAULT_SCRIPTS = ['page', 'simp', 'tw', 'hk'] as const;
/** Quotation marks in traditional text: `corner` turns “” ‘’ into 「」 『』, `keep` leaves them. */
export const QUOTE_STYLES = ['corner', 'keep'] as const;
/** `captions`: no photos, but each photo's caption stays in place as text. */
export const IMAGE_MODES = ['on', 'off', 'captions'] as const;
/** `browser` follows the browser's language; the others choose a UI language explicitly. */
export const UI_LANGUAGES = ['browser', 'zh_CN', 'zh_TW', 'en'] as const;
/** Body text set flush on both sides (`justify`, the Chinese book norm) or ragged on the line end (`start`). */
export const TEXT_ALIGNS = ['justify', 'start'] as const;

export type Theme = (typeof THEMES)[number];
export type FontFamily = (typeof FONTS)[number];
export type DefaultScript = (typeof DEFAULT_SCRIPTS)[number];
export type QuoteMarks = (typeof QUOTE_STYLES)[number];
export type ImageMode = (typeof IMAGE_MODES)[number];
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export type TextAlign = (typeof TEXT_ALIGNS)[number];

export interface Settings {
  theme: Theme;
  font: FontFamily;
  /** Body text size in CSS pixels (integer). */
  fontSize: number;
  /** Unitless CSS line-height, in steps of 0.05. */
  lineHeight: number;
  /** Width of the text column in `em` of the body text, i.e. about that many Chinese characters per line (integer). */
  contentWidth: number;
  defaultScript: DefaultScript;
  quotes: QuoteMarks;
  /**
   * 繁體·台灣 with Taiwan's own words (OpenCC's s2twp: 软件 → 軟體, 信息 → 資訊), not only its
   * characters. Off by default: the BBC's traditional edition keeps the mainland words.
   */
  taiwanPhrases: boolean;
  images: ImageMode;
  /** 段首缩进 / 段首縮排: each paragraph's first line indented by two characters. */
  indent: boolean;
  textAlign: TextAlign;
  /** Open the reader by itself on BBC 中文 article pages. */
  autoOpen: boolean;
  uiLanguage: UiLanguage;
  /** Read-aloud speed, 0.5–2 (1 is the voice's own). */
  speechRate: number;
  /** Read-aloud voice per language, by `voiceURI`; '' chooses the best voice on the device. */
  voiceZhCN: string;
  voiceZhTW: string;
  voiceZhHK: string;
}

/** What is written to storage and to an exported file: the settings plus the schema version. */
export type StoredSettings = Settings & { version: typeof SETTINGS_VERSION };

export interface NumberRange {
  min: number;
  max: number;
  /** Values are rounded to a multiple of `step`. */
  step: number;
}

export const NUMBER_RANGES = {
  fontSize: { min: 14, max: 32, step: 1 },
  lineHeight: { min: 1.4, max: 2.4, step: 0.05 },
  contentWidth: { min: 24, max: 50, step: 1 },
  speechRate: { min: 0.5, max: 2, step: 0.25 },
} as const satisfies Record<'fontSize' | 'lineHeight' | 'contentWidth' | 'speechRate', NumberRange>;

/** A voiceURI is a platform's name for a voice; longer than this is not one. */
export const MAX_VOICE_URI_LENGTH = 300;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  theme: 'system',
  font: 'sans',
  fontSize: 20,
  lineHeight: 1.8,
  contentWidth: 36,
  defaultScript: 'page',
  quotes: 'corner',
  taiwanPhrases: false,
  images: 'on',
  indent: false,
  textAlign: 'justify',
  autoOpen: false,
  uiLanguage: 'browser',
  speechRate: 1,
  voiceZhCN: '',
  voiceZhTW: '',
  voiceZhHK: '',
});

export type SettingKey = keyof Settings;

/** Every setting, in the order the options page shows them. */
export const SETTING_KEYS: readonly SettingKey[] = [
  'theme',
  'font',
  'fontSize',
  'lineHeight',
  'contentWidth',
  'defaultScript',
  'quotes',
  'taiwanPhrases',
  'images',
  'indent',
  'textAlign',
  'autoOpen',
  'uiLanguage',
  'speechRate',
  'voiceZhCN',
  'voiceZhTW',
  'voiceZhHK',
];

export interface ParsedSettings {
  settings: Settings;
  /**
   * Settings whose stored value was unusable (wrong type, unknown choice, out of range, off-step)
   * and was replaced by the default or clamped. Missing keys are filled in silently: that is what
   * a first run or an older version looks like, not corruption. If the whole value is not an object
   * at all, every key is listed.
   */
  resetKeys: SettingKey[];
}

type RawRecord = Record<string, unknown>;

function isRecord(value: unknown): value is RawRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------
// Migrations. Each named step takes the stored object of one version and returns the next
// version's; `parseSettings` validates only the result, so a step may pass through anything it
// does not understand. Add a step here (and a test with a stored object of the old version)
// whenever a field is renamed or changes meaning; bump SETTINGS_VERSION with it.
// ---------------------------------------------------------------------------------------------

/**
 * Version 1 (the first drafts of the options page) stored `script: 'original'|'simp'|'tw'|'hk'`
 * and `showImages: boolean`. Version 2 names them `defaultScript` (with `page` for the original)
 * and `images: 'on'|'off'|'captions'`.
 */
export function migrateV1ToV2(stored: RawRecord): RawRecord {
  const { script, showImages, ...rest } = stored;
  const next: RawRecord = { ...rest, version: 2 };
  if (!('defaultScript' in rest) && script !== undefined) {
    next.defaultScript = script === 'original' ? 'page' : script;
  }
  if (!('images' in rest) && showImages !== undefined) {
    next.images = showImages === true ? 'on' : showImages === false ? 'off' : showImages;
  }
  return next;
}

/**
 * Version 2 stored `contentWidth` in CSS pixels (e.g. 720). Version 3 stores it in `em` of the body
 * text, so the column keeps the same number of characters per line when the text size changes.
 * The pixel width is converted with the stored font size (or the default one).
 */
export function migrateV2ToV3(stored: RawRecord): RawRecord {
  const next: RawRecord = { ...stored, version: 3 };
  const width = stored.contentWidth;
  if (typeof width === 'number' && Number.isFinite(width)) {
    const size =
      typeof stored.fontSize === 'number' && Number.isFinite(stored.fontSize) && stored.fontSize > 0
        ? stored.fontSize
        : DEFAULT_SETTINGS.fontSize;
    next.contentWidth = Math.round(width / size);
  }
  return next;
}

/** `MIGRATIONS[n]` turns a stored object of version n into version n + 1. */
export const MIGRATIONS: Readonly<Record<number, (stored: RawRecord) => RawRecord>> = {
  1: migrateV1ToV2,
  2: migrateV2ToV3,
};

/**
 * Brings a stored object up to SETTINGS_VERSION. An object without a usable version is read as the
 * current layout (a hand-written import, or storage damaged in that one field); an object from a
 * newer build (settings synced from another machine) is read as the current layout too, keeping
 * what this build understands.
 */
export function migrateSettings(stored: RawRecord): RawRecord {
  let version = stored.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return stored;
  let current = stored;
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) break;
    current = step(current);
    version += 1;
  }
  return current;
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

function pickChoice<T extends string>(choices: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (choices as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Rounds to the range's step and clamps into it. Rounding works in whole steps to avoid 1.8500000000000003. */
export function normalizeNumber(range: NumberRange, value: number): number {
  const steps = Math.round(value / range.step);
  const minSteps = Math.ceil(range.min / range.step - 1e-9);
  const maxSteps = Math.floor(range.max / range.step + 1e-9);
  const clampedSteps = Math.min(maxSteps, Math.max(minSteps, steps));
  // Dividing by the inverse step keeps decimals exact: 37 / 20 is 1.85, while 37 * 0.05 is not.
  const inverse = Math.round(1 / range.step);
  return range.step < 1 ? clampedSteps / inverse : clampedSteps * range.step;
}

type FieldResult<V> = { value: V; reset: boolean };

function parseChoice<T extends string>(choices: readonly T[], raw: unknown, fallback: T): FieldResult<T> {
  if (raw === undefined) return { value: fallback, reset: false };
  const value = pickChoice(choices, raw);
  return value === undefined ? { value: fallback, reset: true } : { value, reset: false };
}

function parseNumber(range: NumberRange, raw: unknown, fallback: number): FieldResult<number> {
  if (raw === undefined) return { value: fallback, reset: false };
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return { value: fallback, reset: true };
  const value = normalizeNumber(range, raw);
  return { value, reset: value !== raw };
}

function parseVoiceUri(raw: unknown): FieldResult<string> {
  if (raw === undefined) return { value: '', reset: false };
  return typeof raw === 'string' && raw.length <= MAX_VOICE_URI_LENGTH ? { value: raw, reset: false } : { value: '', reset: true };
}

function parseBoolean(raw: unknown, fallback: boolean): FieldResult<boolean> {
  if (raw === undefined) return { value: fallback, reset: false };
  return typeof raw === 'boolean' ? { value: raw, reset: false } : { value: fallback, reset: true };
}

/**
 * Reads anything (a stored value, an imported file's JSON, a message) as `Settings`. Never throws.
 * Unknown keys are dropped, numbers clamped to their range, wrong types and unknown choices
 * replaced by the default, older versions migrated first.
 */
export function parseSettings(raw: unknown): ParsedSettings {
  if (raw === undefined || raw === null) return { settings: { ...DEFAULT_SETTINGS }, resetKeys: [] };
  if (!isRecord(raw)) return { settings: { ...DEFAULT_SETTINGS }, resetKeys: [...SETTING_KEYS] };

  const stored = migrateSettings(raw);
  const d = DEFAULT_SETTINGS;
  const fields = {
    theme: parseChoice(THEMES, stored.theme, d.theme),
    font: parseChoice(FONTS, stored.font, d.font),
    fontSize: parseNumber(NUMBER_RANGES.fontSize, stored.fontSize, d.fontSize),
    lineHeight: parseNumber(NUMBER_RANGES.lineHeight, stored.lineHeight, d.lineHeight),
    contentWidth: parseNumber(NUMBER_RANGES.contentWidth, stored.contentWidth, d.contentWidth),
    defaultScript: parseChoice(DEFAULT_SCRIPTS, stored.defaultScript, d.defaultScript),
    quotes: parseChoice(QUOTE_STYLES, stored.quotes, d.quotes),
    taiwanPhrases: parseBoolean(stored.taiwanPhrases, d.taiwanPhrases),
    images: parseChoice(IMAGE_MODES, stored.images, d.images),
    indent: parseBoolean(stored.indent, d.indent),
    textAlign: parseChoice(TEXT_ALIGNS, stored.textAlign, d.textAlign),
    autoOpen: parseBoolean(stored.autoOpen, d.autoOpen),
    uiLanguage: parseChoice(UI_LANGUAGES, stored.uiLanguage, d.uiLanguage),
    speechRate: parseNumber(NUMBER_RANGES.speechRate, stored.speechRate, d.speechRate),
    voiceZhCN: parseVoiceUri(stored.voiceZhCN),
    voiceZhTW: parseVoiceUri(stored.voiceZhTW),
    voiceZhHK: parseVoiceUri(stored.voiceZhHK),
  } satisfies { [K in SettingKey]: FieldResult<Settings[K]> };

  const settings: Settings = {
    theme: fields.theme.value,
    font: fields.font.value,
    fontSize: fields.fontSize.value,
    lineHeight: fields.lineHeight.value,
    contentWidth: fields.contentWidth.value,
    defaultScript: fields.defaultScript.value,
    quotes: fields.quotes.value,
    taiwanPhrases: fields.taiwanPhrases.value,
    images: fields.images.value,
    indent: fields.indent.value,
    textAlign: fields.textAlign.value,
    autoOpen: fields.autoOpen.value,
    uiLanguage: fields.uiLanguage.value,
    speechRate: fields.speechRate.value,
    voiceZhCN: fields.voiceZhCN.value,
    voiceZhTW: fields.voiceZhTW.value,
    voiceZhHK: fields.voiceZhHK.value,
  };
  const resetKeys = SETTING_KEYS.filter((key) => fields[key].reset);
  return { settings, resetKeys };
}

/** The value to write to storage or to an exported file. */
export function toStoredSettings(settings: Settings): StoredSettings {
  const { settings: clean } = parseSettings(settings);
  return { version: SETTINGS_VERSION, ...clean };
}

/** Applies a partial change (from the options page or the reader's size keys), validated like storage. */
export function applySettingsPatch(settings: Settings, patch: Partial<Settings>): Settings {
  return parseSettings({ ...settings, ...patch, version: SETTINGS_VERSION }).settings;
}

export function settingsEqual(a: Settings, b: Settings): boolean {
  return SETTING_KEYS.every((key) => a[key] === b[key]);
}
