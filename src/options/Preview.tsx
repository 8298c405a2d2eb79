// The options page's live preview: the real reader (`ReaderApp` and `READER_CSS`, exactly what the
// overlay uses) in its own open shadow root, showing the bundled sample article under the settings
// being edited. The reader is a modal dialog that takes focus when it mounts; in the preview it is
// a picture of the reader, not a dialog, so its host is `inert` (no focus, no keys, hidden from
// assistive technology) and sized by the page instead of the viewport. Inert content receives no
// wheel or key events, so the frame around it (a focusable, labelled region) scrolls it instead.
import { render, type JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { TargetedKeyboardEvent } from 'preact';
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

  const scroller = (): HTMLElement | null | undefined => hostRef.current?.shadowRoot?.querySelector<HTMLElement>('.qd-scroll');

  useEffect(() => {
    const frame = hostRef.current?.parentElement;
    if (!frame) return undefined;
    // Not passive: a wheel turn the preview can take must not also scroll the page.
    const onWheel = (event: WheelEvent): void => {
      const dialog = scroller();
      if (!dialog) return;
      const unit = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? 40 : event.deltaMode === WheelEvent.DOM_DELTA_PAGE ? dialog.clientHeight : 1;
      const delta = event.deltaY * unit;
      const atTop = dialog.scrollTop <= 0;
      const atBottom = dialog.scrollTop + dialog.clientHeight >= dialog.scrollHeight - 1;
      if ((delta < 0 && atTop) || (delta > 0 && atBottom)) return; // let the page scroll on
      event.preventDefault();
      dialog.scrollTop += delta;
    };
    frame.addEventListener('wheel', onWheel, { passive: false });
    return () => frame.removeEventListener('wheel', onWheel);
  }, []);

  const onKeyDown = (event: TargetedKeyboardEvent<HTMLDivElement>): void => {
    const dialog = scroller();
    if (!dialog || event.altKey || event.ctrlKey || event.metaKey) return;
    const page = dialog.clientHeight * 0.9;
    const by: Record<string, number> = {
      ArrowDown: 40,
      ArrowUp: -40,
      PageDown: page,
      PageUp: -page,
      ' ': event.shiftKey ? -page : page,
      Home: -dialog.scrollHeight,
      End: dialog.scrollHeight,
    };
    const delta = by[event.key];
    if (delta === undefined) return;
    event.preventDefault();
    dialog.scrollTop += delta;
  };

  return (
    <div class="preview-frame" data-testid="preview-frame" role="region" aria-label={label} tabIndex={0} onKeyDown={onKeyDown}>
      <div ref={hostRef} class="preview-host" data-testid="preview" inert />
    </div>
  );
}
