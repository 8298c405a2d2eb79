// The segmented 原文 / 简体 / 繁體·台灣 / 繁體·香港 control. Its own labels are names of scripts and
// stay as written in every script and UI language, like language names in a language menu.
import type { JSX } from 'preact';
import type { ReaderScript } from './format.ts';

export const SCRIPTS: readonly { script: ReaderScript; label: string; lang: string; key: string }[] = [
  { script: 'original', label: '原文', lang: 'zh', key: '1' },
  { script: 'simp', label: '简体', lang: 'zh-Hans', key: '2' },
  { script: 'tw', label: '繁體·台灣', lang: 'zh-Hant-TW', key: '3' },
  { script: 'hk', label: '繁體·香港', lang: 'zh-Hant-HK', key: '4' },
];

export function ScriptControl({
  current,
  pending,
  groupLabel,
  onChoose,
  onPress,
}: {
  current: ReaderScript;
  /** The script being prepared (dictionaries loading), shown as busy. */
  pending: ReaderScript | undefined;
  groupLabel: string;
  onChoose: (script: ReaderScript) => void;
  /** A button is being pressed: the click follows when it is released (a mouse click takes ~100 ms). */
  onPress?: (script: ReaderScript) => void;
}): JSX.Element {
  return (
    <div class="qd-scripts" role="group" aria-label={groupLabel}>
      {SCRIPTS.map(({ script, label, lang, key }) => (
        <button
          key={script}
          type="button"
          data-script={script}
          lang={lang}
          aria-pressed={current === script ? 'true' : 'false'}
          aria-busy={pending === script ? 'true' : undefined}
          title={`${label} (${key})`}
          onPointerDown={onPress && (() => onPress(script))}
          onClick={() => onChoose(script)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
