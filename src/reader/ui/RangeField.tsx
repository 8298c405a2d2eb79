// A labelled slider for one numeric setting, with its value spoken and shown: the reader's Aa panel
// and the options page both use it. It reports each step while dragged (`onInput`, shown at once)
// and the value let go (`onCommit`, saved), so storage is written once per change, not per step.
import type { JSX } from 'preact';
import type { NumberRange } from '../../core/settings.ts';

export interface RangeFieldProps {
  id: string;
  /** The wrapper's class (each page styles its own fields). */
  className: string;
  /** The setting's name, as `data-setting` on the wrapper. */
  setting: string;
  label: string;
  range: NumberRange;
  value: number;
  valueText: string;
  onInput: (value: number) => void;
  onCommit: (value: number) => void;
}

export function RangeField({ id, className, setting, label, range, value, valueText, onInput, onCommit }: RangeFieldProps): JSX.Element {
  return (
    <div class={className} data-setting={setting}>
      <label for={id}>{label}</label>
      <input
        type="range"
        id={id}
        min={range.min}
        max={range.max}
        step={range.step}
        value={value}
        aria-valuetext={valueText}
        onInput={(event) => onInput(Number(event.currentTarget.value))}
        onChange={(event) => onCommit(Number(event.currentTarget.value))}
      />
      <output for={id}>{valueText}</output>
    </div>
  );
}

/** A line height as people write it: 1.8, 1.85, 2. */
export function lineHeightText(value: number): string {
  return value.toFixed(2).replace(/0$/, '').replace(/\.0$/, '');
}
