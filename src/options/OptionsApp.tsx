// The options page: every setting with a label in the chosen UI language, saved as soon as it
// changes; a live preview of the reader; the keyboard shortcut; reset, export and import; and a
// notice naming the settings that were repaired when storage held something unreadable.
// Browser APIs come in through `OptionsEnvironment`, so the page logic stays testable.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { Article } from '../core/article.ts';
import { createTranslator, LOCALE_LANG, type MessageKey, type Translator } from '../core/i18n.ts';
import {
  DEFAULT_SCRIPTS,
  DEFAULT_SETTINGS,
  FONTS,
  IMAGE_MODES,
  NUMBER_RANGES,
  QUOTE_STYLES,
  TEXT_ALIGNS,
  THEMES,
  UI_LANGUAGES,
  applySettingsPatch,
  settingsEqual,
  type SettingKey,
  type Settings,
} from '../core/settings.ts';
import type { DictionaryLoader } from '../core/zh/index.ts';
import { lineHeightText, RangeField } from '../reader/ui/RangeField.tsx';
import { ReaderPreview } from './Preview.tsx';
import { readSettingsFile, settingsFileText, SETTINGS_FILE_NAME } from './settings-file.ts';
import type { BrowserFamily } from './shortcut.ts';
import type { LoadedSettings, SettingsAreaName } from '../storage.ts';

export interface OptionsEnvironment {
  browserLanguage: string;
  family: BrowserFamily;
  /** The toggle command's shortcut, '' when none is set; `undefined` if the browser would not say. */
  shortcut: string | undefined;
  /** `undefined` if the packaged sample could not be read: the preview then shows the reader loading. */
  sampleArticle: Article | undefined;
  loadDictionary: DictionaryLoader;
  save: (settings: Settings) => Promise<SettingsAreaName>;
  watch: (onChange: (loaded: LoadedSettings) => void) => () => void;
  openShortcutSettings: () => Promise<void>;
}

export interface OptionsAppProps {
  initial: LoadedSettings;
  env: OptionsEnvironment;
}

const SETTING_LABELS: Record<SettingKey, MessageKey> = {
  theme: 'options_theme_label',
  font: 'options_font_label',
  fontSize: 'options_fontSize_label',
  lineHeight: 'options_lineHeight_label',
  contentWidth: 'options_contentWidth_label',
  defaultScript: 'options_defaultScript_label',
  quotes: 'options_quotes_label',
  taiwanPhrases: 'options_taiwanPhrases_label',
  images: 'options_images_label',
  indent: 'options_indent_label',
  textAlign: 'options_textAlign_label',
  autoOpen: 'options_autoOpen_label',
  uiLanguage: 'options_uiLanguage_label',
  speechRate: 'options_speechRate_label',
  voiceZhCN: 'options_voiceZhCN_label',
  voiceZhTW: 'options_voiceZhTW_label',
  voiceZhHK: 'options_voiceZhHK_label',
};

type Status = { text: string; tone: 'info' | 'error' };

export function OptionsApp({ initial, env }: OptionsAppProps): JSX.Element {
  const [settings, setSettings] = useState<Settings>(initial.settings);
  const [resetKeys, setResetKeys] = useState<SettingKey[]>(initial.resetKeys);
  const [area, setArea] = useState<SettingsAreaName>(initial.area);
  const [status, setStatus] = useState<Status | undefined>(undefined);
  const lastWritten = useRef<Settings>(initial.settings);
  // While our own writes are in flight, storage echoes them back one by one; re-reading after an
  // echo may give an older value of ours, which must not move the controls backwards.
  const writesInFlight = useRef(0);
  const fileInput = useRef<HTMLInputElement>(null);

  const tr = useMemo(() => createTranslator(settings.uiLanguage, env.browserLanguage), [settings.uiLanguage, env.browserLanguage]);
  const { t } = tr;

  useEffect(() => {
    document.documentElement.lang = tr.lang;
    document.title = t('options_title');
  }, [tr]);

  useEffect(() => {
    document.documentElement.dataset.theme = settings.theme;
  }, [settings.theme]);

  // Another tab, the reader's size keys or a sync from another machine changed the settings.
  useEffect(
    () =>
      env.watch((loaded) => {
        setArea(loaded.area);
        if (loaded.resetKeys.length > 0) setResetKeys(loaded.resetKeys);
        if (writesInFlight.current > 0 || settingsEqual(loaded.settings, lastWritten.current)) return;
        lastWritten.current = loaded.settings;
        setSettings(loaded.settings);
      }),
    [env],
  );

  async function persist(next: Settings): Promise<boolean> {
    lastWritten.current = next;
    writesInFlight.current += 1;
    try {
      setArea(await env.save(next));
      return true;
    } catch (error) {
      setStatus({ text: t('options_save_failed', error instanceof Error ? error.message : String(error)), tone: 'error' });
      return false;
    } finally {
      writesInFlight.current -= 1;
    }
  }

  /** Shows a change at once (preview included); writes it to storage when `save` (a slider writes on release). */
  function change(patch: Partial<Settings>, save = true): void {
    const next = applySettingsPatch(settings, patch);
    setSettings(next);
    if (save) {
      setStatus(undefined);
      void persist(next);
    }
  }

  async function resetToDefaults(): Promise<void> {
    const defaults = { ...DEFAULT_SETTINGS };
    setSettings(defaults);
    if (await persist(defaults)) {
      setResetKeys([]);
      setStatus({ text: createTranslator(defaults.uiLanguage, env.browserLanguage).t('options_reset_done'), tone: 'info' });
    }
  }

  function exportFile(): void {
    const url = URL.createObjectURL(new Blob([settingsFileText(settings)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = SETTINGS_FILE_NAME;
    document.body.append(link);
    link.click();
    link.remove();
    // The download has its own copy of the bytes once it starts.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  async function importFile(file: File): Promise<void> {
    const result = readSettingsFile(await file.text());
    if (!result.ok) {
      setStatus({ text: t('options_import_failed'), tone: 'error' });
      return;
    }
    setSettings(result.settings);
    if (!(await persist(result.settings))) return;
    // Say it in the language the imported settings choose, since the page switches to it now.
    const after = createTranslator(result.settings.uiLanguage, env.browserLanguage);
    setStatus({
      text:
        result.resetKeys.length > 0
          ? after.t('options_import_repaired', settingNames(after, result.resetKeys))
          : after.t('options_import_done'),
      tone: 'info',
    });
  }

  const choice = <K extends ChoiceKey>(key: K, values: readonly Settings[K][], label: (value: Settings[K]) => MessageKey) => (
    <ChoiceField
      name={key}
      legend={t(SETTING_LABELS[key])}
      value={settings[key]}
      options={values.map((value) => ({ value, label: t(label(value)) }))}
      onChange={(value) => change({ [key]: value } as Partial<Settings>)}
    />
  );

  /** A setting that is on or off; `hint`, a line under its label (an example), read with it. */
  const checkbox = (key: BooleanKey, hint?: string) => (
    <div class="field field--checkbox">
      <input
        type="checkbox"
        id={`setting-${key}`}
        name={key}
        checked={settings[key]}
        aria-describedby={hint === undefined ? undefined : `setting-${key}-hint`}
        onChange={(event) => change({ [key]: event.currentTarget.checked })}
      />
      <div>
        <label for={`setting-${key}`}>{t(SETTING_LABELS[key])}</label>
        {hint !== undefined && (
          <p class="field__hint" id={`setting-${key}-hint`}>
            {hint}
          </p>
        )}
      </div>
    </div>
  );

  const range = (key: RangeKey, valueText: string) => (
    <RangeField
      id={`setting-${key}`}
      className="field field--range"
      setting={key}
      label={t(SETTING_LABELS[key])}
      range={NUMBER_RANGES[key]}
      value={settings[key]}
      valueText={valueText}
      onInput={(value) => change({ [key]: value }, false)}
      onCommit={(value) => change({ [key]: value })}
    />
  );

  return (
    <div class="options" lang={tr.lang}>
      <header class="options__header">
        <h1>{t('options_heading')}</h1>
        <p>{t('options_intro')}</p>
      </header>

      {resetKeys.length > 0 && (
        <div class="notice notice--warning" role="alert" data-testid="reset-notice">
          <p>{t('options_reset_notice', settingNames(tr, resetKeys))}</p>
          <button type="button" onClick={() => setResetKeys([])}>
            {t('options_dismiss')}
          </button>
        </div>
      )}
      {area === 'local' && <p class="notice">{t('options_storage_local')}</p>}

      <div class="options__layout">
        <form class="options__form" onSubmit={(event) => event.preventDefault()}>
          <section aria-labelledby="section-appearance">
            <h2 id="section-appearance">{t('options_section_appearance')}</h2>
            {choice('theme', THEMES, (v) => `options_theme_${v}`)}
            {choice('font', FONTS, (v) => `options_font_${v}`)}
            {range('fontSize', t('options_fontSize_value', String(settings.fontSize)))}
            {range('lineHeight', t('options_lineHeight_value', lineHeightText(settings.lineHeight)))}
            {range('contentWidth', t('options_contentWidth_value', String(settings.contentWidth)))}
            {choice('images', IMAGE_MODES, (v) => `options_images_${v}`)}
            {choice('textAlign', TEXT_ALIGNS, (v) => `options_textAlign_${v}`)}
            {checkbox('indent')}
          </section>

          <section aria-labelledby="section-script">
            <h2 id="section-script">{t('options_section_script')}</h2>
            {choice('defaultScript', DEFAULT_SCRIPTS, (v) => `options_defaultScript_${v}`)}
            {choice('quotes', QUOTE_STYLES, (v) => `options_quotes_${v}`)}
            {checkbox('taiwanPhrases', t('options_taiwanPhrases_example'))}
          </section>

          <section aria-labelledby="section-behaviour">
            <h2 id="section-behaviour">{t('options_section_behaviour')}</h2>
            {checkbox('autoOpen')}
            <ChoiceField
              name="uiLanguage"
              legend={t('options_uiLanguage_label')}
              value={settings.uiLanguage}
              options={UI_LANGUAGES.map((value) => ({
                value,
                label: t(`options_uiLanguage_${value}`),
                // Each language's own name is written in that language.
                lang: value === 'browser' ? undefined : LOCALE_LANG[value],
              }))}
              onChange={(value) => change({ uiLanguage: value })}
            />
          </section>

          <section aria-labelledby="section-shortcut">
            <h2 id="section-shortcut">{t('options_section_shortcut')}</h2>
            <p data-testid="shortcut">
              {env.shortcut ? t('options_shortcut_current', env.shortcut) : t('options_shortcut_none')}
            </p>
            <p>{t(env.family === 'firefox' ? 'options_shortcut_firefox' : 'options_shortcut_chrome')}</p>
            <button type="button" data-action="shortcuts" onClick={() => void env.openShortcutSettings().catch(() => undefined)}>
              {t('options_shortcut_open')}
            </button>
          </section>

          <section aria-labelledby="section-backup">
            <h2 id="section-backup">{t('options_section_backup')}</h2>
            <div class="buttons">
              <button type="button" data-action="reset" onClick={() => void resetToDefaults()}>
                {t('options_reset')}
              </button>
              <button type="button" data-action="export" onClick={exportFile}>
                {t('options_export')}
              </button>
              <button type="button" data-action="import" onClick={() => fileInput.current?.click()}>
                {t('options_import')}
              </button>
              <input
                ref={fileInput}
                class="visually-hidden"
                type="file"
                accept="application/json,.json"
                tabIndex={-1}
                aria-hidden="true"
                data-testid="import-file"
                onChange={(event) => {
                  const input = event.currentTarget;
                  const file = input.files?.[0];
                  input.value = '';
                  if (file) void importFile(file);
                }}
              />
            </div>
          </section>
          <p class={`status status--${status?.tone ?? 'info'}`} role="status" data-testid="status">
            {status?.text ?? ''}
          </p>
        </form>

        <section class="options__preview" aria-labelledby="section-preview">
          <h2 id="section-preview">{t('options_section_preview')}</h2>
          <p>{t('options_preview_note')}</p>
          <ReaderPreview
            settings={settings}
            article={env.sampleArticle}
            loadDictionary={env.loadDictionary}
            label={t('options_preview_label')}
          />
        </section>
      </div>
    </div>
  );
}

type ChoiceKey = 'theme' | 'font' | 'defaultScript' | 'quotes' | 'images' | 'uiLanguage' | 'textAlign';
type RangeKey = 'fontSize' | 'lineHeight' | 'contentWidth';
type BooleanKey = 'autoOpen' | 'taiwanPhrases' | 'indent';

function settingNames(tr: Translator, keys: readonly SettingKey[]): string {
  return keys.map((key) => tr.t(SETTING_LABELS[key])).join(tr.t('options_list_separator'));
}

interface ChoiceFieldProps<V extends string> {
  name: string;
  legend: string;
  value: V;
  options: { value: V; label: string; lang?: string | undefined }[];
  onChange: (value: V) => void;
}

function ChoiceField<V extends string>({ name, legend, value, options, onChange }: ChoiceFieldProps<V>): JSX.Element {
  return (
    <fieldset class="field field--choice" data-setting={name}>
      <legend>{legend}</legend>
      <div class="choices">
        {options.map((option) => {
          const id = `setting-${name}-${option.value}`;
          return (
            <div class="choice" key={option.value}>
              <input
                type="radio"
                id={id}
                name={name}
                value={option.value}
                checked={option.value === value}
                onChange={() => onChange(option.value)}
              />
              <label for={id} lang={option.lang}>
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
