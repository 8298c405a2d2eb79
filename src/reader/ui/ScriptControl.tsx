// The segmented 原文 / 简体 / 繁體·台灣 / 繁體·香港 control. Its own labels are names of scripts and
// stay as written in every script and UI language, like language names in a language menu.
import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ReaderScript } from './format.ts';

export const SCRIPTS: readonly { script: ReaderScript; label: string; lang: string; key: string }[] = [
  { script: 'original', label: '原文', lang: 'zh', key: '1' },
  { script: 'simp', label: '简体', lang: 'zh-Hans', key: '2' },
  { script: 'tw', label: '繁體·台灣', lang: 'zh-Hant-TW', key: '3' },
  { script: 'hk', label: '繁體·香港', lang: 'zh-Hant-HK', key: '4' },
];

/**
 * How long the pointer rests on a button before the reader takes it as the intent to choose it (a
 * pointer merely crossing the toolbar passes a button in less; a hand moving to click rests longer).
 */
export const HOVER_INTENT_MS = 65;

export function ScriptControl({
  current,
  pending,
  groupLabel,
  onChoose,
  onIntent,
}: {
  current: ReaderScript;
  /** The script being prepared (dictionaries loading), shown as busy. */
  pending: ReaderScript | undefined;
  groupLabel: string;
  onChoose: (script: ReaderScript) => void;
  /**
   * The reader is about to choose a script: the pointer rests on its button, the button has keyboard
   * focus, or it is being pressed (the click follows on release, ~100 ms later for a mouse).
   */
  onIntent?: (script: ReaderScript) => void;
}): JSX.Element {
  const hover = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(hover.current), []);
  const intent = (script: ReaderScript): void => {
    clearTimeout(hover.current);
    onIntent?.(script);
  };
  const rest = (script: ReaderScript): void => {
    clearTimeout(hover.current);
    hover.current = setTimeout(() => onIntent?.(script), HOVER_INTENT_MS);
  };
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
          onPointerEnter={() => rest(script)}
          onPointerLeave={() => clearTimeout(hover.current)}
          onFocus={() => intent(script)}
          onPointerDown={() => intent(script)}
          onClick={() => onChoose(script)}
          aria-label={label}
        >
          <ScriptName label={label} />
        </button>
      ))}
    </div>
  );
}

/** 繁體·台灣 with 繁體· in its own span: phones show only 台灣 (the button's accessible name stays whole). */
function ScriptName({ label }: { label: string }): JSX.Element {
  const dot = label.indexOf('·');
  if (dot < 0) return <>{label}</>;
  return (
    <>
      <span class="qd-script-long">{label.slice(0, dot + 1)}</span>
      {label.slice(dot + 1)}
    </>
  );
}
