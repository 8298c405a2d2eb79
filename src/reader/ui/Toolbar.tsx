// The reader's toolbar, one row above the scrolling article (never inside it, so keyboard focus
// moving through it never scrolls the article): the name, the script control, the text size (on
// wide screens; on phones it is in the panel), the "Aa" settings panel and close. It speaks the
// toolbar's language (labels.ts), not the article's.
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ReaderScript } from './format.ts';
import type { Labels } from './labels.ts';
import type { LiveSettings } from './live-settings.ts';
import { ScriptControl } from './ScriptControl.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';

export interface ToolbarProps {
  labels: Labels;
  /** The script control and the text size only when there is an article to act on. */
  script?: { current: ReaderScript; pending: ReaderScript | undefined; choose: (script: ReaderScript) => void; prepare: (script: ReaderScript) => void };
  live: LiveSettings;
  resize: (steps: number) => void;
  textLang: string;
  fontInstalled: (family: string) => boolean;
  onClose: () => void;
  /** The reading tools (read aloud, save, copy, print), after the spacer. */
  tools?: ComponentChildren;
}

export function Toolbar({ labels, script, live, resize, textLang, fontInstalled, onClose, tools }: ToolbarProps): JSX.Element {
  const [panelOpen, setPanelOpen] = useState(false);
  const panelId = useId();
  const settingsButton = useRef<HTMLButtonElement>(null);
  const toolbar = useRef<HTMLDivElement>(null);
  // A tap or click anywhere outside the panel (on the article, say) closes it.
  useEffect(() => {
    const root = toolbar.current?.getRootNode();
    if (!panelOpen || !root) return undefined;
    const onPointerDown = (event: Event): void => {
      const target = event.target;
      const panel = toolbar.current?.querySelector('.qd-panel');
      if (target instanceof Node && (panel?.contains(target) || settingsButton.current?.contains(target))) return;
      setPanelOpen(false);
    };
    root.addEventListener('pointerdown', onPointerDown);
    return () => root.removeEventListener('pointerdown', onPointerDown);
  }, [panelOpen]);
  return (
    <div ref={toolbar} class="qd-toolbar" lang={labels.lang}>
      <span class="qd-brand" aria-hidden="true">
        {labels.reader_app_name}
      </span>
      {script && (
        <ScriptControl
          current={script.current}
          pending={script.pending}
          groupLabel={labels.reader_script_group}
          onChoose={script.choose}
          onIntent={script.prepare}
        />
      )}
      <span class="qd-spacer" />
      {tools}
      {script && (
        <span class="qd-size">
          <button type="button" data-action="smaller" title={`${labels.reader_text_smaller} (−)`} onClick={() => resize(-1)}>
            <span aria-hidden="true">A−</span>
            <span class="qd-visually-hidden">{labels.reader_text_smaller}</span>
          </button>
          <button type="button" data-action="larger" title={`${labels.reader_text_larger} (+)`} onClick={() => resize(1)}>
            <span aria-hidden="true">A+</span>
            <span class="qd-visually-hidden">{labels.reader_text_larger}</span>
          </button>
        </span>
      )}
      <button
        ref={settingsButton}
        type="button"
        data-action="settings"
        aria-expanded={panelOpen ? 'true' : 'false'}
        aria-controls={panelId}
        aria-label={labels.reader_settings}
        title={labels.reader_settings}
        onClick={() => setPanelOpen((open) => !open)}
      >
        <span aria-hidden="true" class="qd-aa">
          Aa
        </span>
      </button>
      {panelOpen && (
        <SettingsPanel
          id={panelId}
          live={live}
          labels={labels}
          textLang={textLang}
          fontInstalled={fontInstalled}
          onDismiss={() => {
            setPanelOpen(false);
            settingsButton.current?.focus();
          }}
        />
      )}
      <button type="button" class="qd-close" data-action="close" aria-label={labels.reader_close} title={`${labels.reader_close} (Esc)`} onClick={onClose}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
