// The reader UI harness: renders the real ReaderApp in an open shadow root on a <qingdu-reader>
// host (as the extension does) over a deliberately ugly page, with a real Article and local
// placeholder photos, under settings taken from the query string:
//   ?theme=light|sepia|dark|system &font=sans|serif|kai &script=page|simp|tw|hk
//   &images=on|off|captions &ui=browser|zh_CN|zh_TW|en &size=20 &state=ready|loading|error
//   &broken=N (photo N's file is missing, to show the collapse to its caption)
// reader-ui.spec.ts drives it (screenshots, axe-core, layout checks); to look at it by hand:
//   npx vite --config test/e2e/ui-harness/vite.config.ts   then open http://127.0.0.1:5173/?theme=sepia
import { render } from 'preact';
import type { Article, Block } from '../../../src/core/article.ts';
import { parseSettings, type Settings } from '../../../src/core/settings.ts';
import type { DictionaryLoader } from '../../../src/core/zh/index.ts';
import { READER_CSS, ReaderApp, type ReaderState } from '../../../src/reader/ui/App.tsx';
import fixture from '../../fixtures/articles/trad-2023-chinese-news-66762882.json';

const params = new URLSearchParams(location.search);

const { settings: initialSettings } = parseSettings({
  theme: params.get('theme') ?? 'light',
  font: params.get('font') ?? undefined,
  defaultScript: params.get('script') ?? undefined,
  images: params.get('images') ?? undefined,
  uiLanguage: params.get('ui') ?? 'browser',
  fontSize: params.has('size') ? Number(params.get('size')) : undefined,
});

const WIDTHS = [240, 320, 480, 624, 800];
const broken = Number(params.get('broken') ?? -1);

/** Swaps the BBC photo URLs (no network here) for local placeholders of the same size. */
function withLocalPhotos(article: Article): Article {
  let n = 0;
  const blocks = article.blocks.map((block): Block => {
    if (block.type !== 'figure') return block;
    n += 1;
    const { width = 976, height = 549 } = block.image;
    const at = (w: number): string => `${location.origin}/placeholder/${w}x${Math.round((w * height) / width)}/${n}.svg`;
    if (n === broken) return { ...block, image: { ...block.image, src: `${location.origin}/missing-photo.jpg`, srcset: undefined } };
    return { ...block, image: { ...block.image, src: at(640), srcset: WIDTHS.map((w) => `${at(w)} ${w}w`).join(', ') } };
  });
  return { ...article, blocks };
}

const article = withLocalPhotos(fixture as Article);

function stateFromParams(): ReaderState {
  switch (params.get('state')) {
    case 'loading':
      return { status: 'loading' };
    case 'error':
      return { status: 'error', pageKind: 'live', url: 'https://www.bbc.com/zhongwen/trad/live/world-66783048' };
    default:
      return { status: 'ready', article };
  }
}

const loadDictionary: DictionaryLoader = async (pack) => {
  const response = await fetch(`/zh/${pack}.bin`);
  if (!response.ok) throw new Error(`dictionary file ${pack}: HTTP ${response.status}`);
  return response.arrayBuffer();
};

const host = document.createElement('qingdu-reader');
const shadow = host.attachShadow({ mode: 'open' });
const style = document.createElement('style');
style.textContent = READER_CSS;
const mount = document.createElement('div');
shadow.append(style, mount);
document.body.append(host);

let settings: Settings = initialSettings;
const events: string[] = [];

function draw(): void {
  render(
    <ReaderApp
      state={stateFromParams()}
      settings={settings}
      loadDictionary={loadDictionary}
      onClose={() => events.push('close')}
      onSettingsChange={(patch) => {
        events.push(`settings ${JSON.stringify(patch)}`);
        settings = { ...settings, ...patch };
        draw();
      }}
    />,
    mount,
  );
}
draw();

// For the screenshot script: what the reader asked the host to do.
Object.assign(window, { qingduHarnessEvents: events });
