// The options page's live preview: the real reader (`ReaderApp` and `READER_CSS`, exactly what the
// overlay uses) in its own open shadow root, showing the bundled sample article under the settings
// being edited. The reader is a modal dialog that takes focus when it mounts; in the preview it is
// a picture of the reader, not a dialog, so its host is `inert` (no focus, no keys, hidden from
// assistive technology, which gets the label instead) and sized by the page instead of the viewport.
import { render, type JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Article } from '../core/article.ts';
import type { Settings } from '../core/settings.ts';
import type { DictionaryLoader } from '../core/zh/index.ts';
import { READER_CSS, ReaderApp } from '../reader/ui/App.tsx';

export interface ReaderPreviewProps {
  settings: Settings;
  article: Article | undefined;
  loadDictionary: DictionaryLoader;
  /** Read to assistive technology in place of the inert preview. */
  label: string;
}

const closePreview = (): void => {};

export function ReaderPreview({ settings, article, loadDictionary, label }: ReaderPreviewProps): JSX.Element {
  const hostRef = useRef<HTMLDivElement>(null);
  const mountRef = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return undefined;
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = READER_CSS;
    const mount = document.createElement('div');
    mount.className = 'qd-preview-mount';
    shadow.replaceChildren(style, mount);
    mountRef.current = mount;
    return () => {
      render(null, mount);
      mountRef.current = null;
    };
  }, []);

  useEffect(() => {
    const mount = mountRef.current;
    if (!mount) return;
    render(
      <ReaderApp
        state={article ? { status: 'ready', article } : { status: 'loading' }}
        settings={settings}
        loadDictionary={loadDictionary}
        onClose={closePreview}
      />,
      mount,
    );
  }, [settings, article, loadDictionary]);

  return (
    <div class="preview-frame" role="img" aria-label={label}>
      <div ref={hostRef} class="preview-host" data-testid="preview" inert />
    </div>
  );
}
