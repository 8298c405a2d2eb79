// The reader's "Aa" panel: theme, font, text size, line spacing, line length, 段首缩进, justified or
// ragged lines, photos — real labelled form controls that apply at once and save through the same
// settings model as the options page (`commit`; a slider saves when it is let go, as there). Fonts
// this device does not have are offered disabled, and a saved choice that falls back says so.
import type { JSX } from 'preact';
import { useId, useMemo } from 'preact/hooks';
import { FONTS, IMAGE_MODES, NUMBER_RANGES, THEMES } from '../../core/settings.ts';
import { fontAvailability, fontScriptOf, shownFont } from './fonts.ts';
import { fill, type Labels } from './labels.ts';
import type { LiveSettings } from './live-settings.ts';
import { lineHeightText, RangeField } from './RangeField.tsx';

export interface SettingsPanelProps {
  id: string;
  live: LiveSettings;
  labels: Labels;
  /** The `lang` of the text shown: which script's fonts count. */
  textLang: string;
  /** Whether a local font family is installed (see fonts.ts). */
  fontInstalled: (family: string) => boolean;
  /** Closes the panel and gives focus back to its button (Esc inside the panel). */
  onDismiss: () => void;
}

export function SettingsPanel({ id, live, labels, textLang, fontInstalled, onDismiss }: SettingsPanelProps): JSX.Element {
  const { settings, preview, commit } = live;
  const available = useMemo(() => fontAvailability(fontScriptOf(textLang), fontInstalled), [textLang, fontInstalled]);
  const shown = shownFont(settings.font, available);
  const fontName = (font: (typeof FONTS)[number]): string => labels[`reader_font_${font}`];

  const ranges = [
    { name: 'fontSize', label: labels.reader_settings_size, valueText: `${settings.fontSize} px` },
    { name: 'lineHeight', label: labels.reader_settings_line_height, valueText: lineHeightText(settings.lineHeight) },
    { name: 'contentWidth', label: labels.reader_settings_width, valueText: fill(labels.reader_settings_width_value, settings.contentWidth) },
  ] as const;

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onDismiss();
  };

  return (
    <div id={id} class="qd-panel" role="group" aria-label={labels.reader_settings} lang={labels.lang} onKeyDown={onKeyDown}>
      <Choice
        name="theme"
        legend={labels.reader_settings_theme}
        value={settings.theme}
        options={THEMES.map((theme) => ({ value: theme, label: labels[`reader_theme_${theme}`] }))}
        onChange={(theme) => commit({ theme })}
      />
      <Choice
        name="font"
        legend={labels.reader_settings_font}
        value={settings.font}
        options={FONTS.map((font) => ({
          value: font,
          label: fontName(font),
          note: available[font] ? undefined : labels.reader_font_missing,
          disabled: !available[font] && settings.font !== font,
        }))}
        onChange={(font) => commit({ font })}
      />
      {shown !== settings.font && (
        <p class="qd-panel-note" role="note">
          {fill(labels.reader_font_fallback, fontName(shown))}
        </p>
      )}
      {ranges.map(({ name, label, valueText }) => (
        <RangeField
          key={name}
          id={`${id}-${name}`}
          className="qd-field qd-range"
          setting={name}
          label={label}
          range={NUMBER_RANGES[name]}
          value={settings[name]}
          valueText={valueText}
          onInput={(value) => preview({ [name]: value })}
          onCommit={(value) => commit({ [name]: value })}
        />
      ))}
      <Check name="indent" label={labels.reader_settings_indent} checked={settings.indent} onChange={(indent) => commit({ indent })} />
      <Check
        name="justify"
        label={labels.reader_settings_justify}
        checked={settings.textAlign === 'justify'}
        onChange={(justify) => commit({ textAlign: justify ? 'justify' : 'start' })}
      />
      <Choice
        name="images"
        legend={labels.reader_settings_images}
        value={settings.images}
        options={IMAGE_MODES.map((mode) => ({ value: mode, label: labels[`reader_images_${mode}`] }))}
        onChange={(images) => commit({ images })}
      />
    </div>
  );
}

interface ChoiceOption<V extends string> {
  value: V;
  label: string;
  note?: string | undefined;
  disabled?: boolean;
}

function Choice<V extends string>({
  name,
  legend,
  value,
  options,
  onChange,
}: {
  name: string;
  legend: string;
  value: V;
  options: ChoiceOption<V>[];
  onChange: (value: V) => void;
}): JSX.Element {
  const group = useId();
  return (
    <fieldset class="qd-field qd-choice" data-setting={name}>
      <legend>{legend}</legend>
      <div class="qd-choices">
        {options.map((option) => (
          <label key={option.value} class="qd-chip" data-disabled={option.disabled ? 'true' : undefined}>
            <input
              type="radio"
              name={`${group}-${name}`}
              value={option.value}
              checked={option.value === value}
              disabled={option.disabled}
              onChange={() => onChange(option.value)}
            />
            <span>
              {option.label}
              {option.note && <small class="qd-chip-note">（{option.note}）</small>}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function Check({ name, label, checked, onChange }: { name: string; label: string; checked: boolean; onChange: (checked: boolean) => void }): JSX.Element {
  return (
    <label class="qd-field qd-check" data-setting={name}>
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.currentTarget.checked)} />
      <span>{label}</span>
    </label>
  );
}
