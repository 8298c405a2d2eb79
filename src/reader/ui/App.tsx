// The reader overlay: a modal dialog that renders one Article (or the loading/error state) under
// the reader's settings, switches its script in place, and handles keys and focus inside itself.
// No extension APIs here: the host (src/reader/index.ts) and the options page's live preview both
// render this component and supply the dictionaries, the settings and what closing means.
import type { JSX } from 'preact';
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Article, Block, NotAnArticle } from '../../core/article.ts';
import { NUMBER_RANGES, normalizeNumber, type Settings } from '../../core/settings.ts';
import {
  convertArticle,
  createConverter,
  type BlockRange,
  type Converter,
  type DictionaryLoader,
} from '../../core/zh/index.ts';
import { ArticleBlock, safeHref } from './Body.tsx';
import { conversionKey, conversionStyle, zhTarget } from './conversion-style.ts';
import { langFor, variantFromUrl, type ReaderScript } from './format.ts';
import { ArticleHeader } from './Header.tsx';
import { createFontProbe } from './fonts.ts';
import { labelLocale, readerLabels, toolbarLocale, type Labels } from './labels.ts';
import { LiveBody, LiveHeader } from './Live.tsx';
import { LIVE_CSS } from './live-styles.ts';
import { useLiveSettings } from './live-settings.ts';
import { SCRIPTS } from './ScriptControl.tsx';
import { ReadingTools } from './ReadingTools.tsx';
import { scrollByKey } from './scrolling.ts';
import { READER_CSS as ARTICLE_CSS } from './styles.ts';
import { TOOLS_CSS } from './tools-styles.ts';
import { Toolbar } from './Toolbar.tsx';

export const READER_CSS = ARTICLE_CSS + LIVE_CSS + TOOLS_CSS;

export type ReaderState =
  | { status: 'loading' }
  | { status: 'ready'; article: Article }
  | { status: 'error'; pageKind: NotAnArticle['pageKind'] | 'failed'; url: string; detail?: string };

export interface ReaderAppProps {
  state: ReaderState;
  settings: Settings;
  /** Passed to createConverter on the first switch to a script; never called on open otherwise. */
  loadDictionary: DictionaryLoader;
  onClose: () => void;
  /** Persists changes made from inside the reader (the Aa panel, the text-size keys and buttons). */
  onSettingsChange?: (patch: Partial<Settings>) => void;
  /** Whether a local font family is installed; measured in the page by default (fonts.ts). */
  fontInstalled?: (family: string) => boolean;
}

let pageFontProbe: ((family: string) => boolean) | undefined;
/** One probe per page, made when the panel first asks. */
function measuredFontInstalled(family: string): boolean {
  pageFontProbe ??= createFontProbe();
  return pageFontProbe(family);
}

function scriptFromSetting(defaultScript: Settings['defaultScript']): ReaderScript {
  return defaultScript === 'page' ? 'original' : defaultScript;
}

function browserLanguage(): string {
  return typeof navigator === 'undefined' ? '' : navigator.language;
}

/** What is on screen: the article in one script, and the converter that made it (for the labels). */
interface Shown {
  script: ReaderScript;
  /** The article as extracted, which `article` was made from. */
  source: Article | undefined;
  article: Article | undefined;
  convert: Converter | undefined;
  /** Only the blocks that were on screen are converted yet; the rest follows after the next paint. */
  partial?: boolean;
}

/** A block near the top of the reading area and where it was, so a switch keeps the reader's place. */
interface ScrollAnchor {
  index: string;
  offset: number;
}

/** Blocks converted first around those on screen: block sizes off screen are estimates. */
const VISIBLE_MARGIN_BLOCKS = 2;

/**
 * Where the reader is: the first block at the top of the article's scroller (kept in place by a switch) and the blocks
 * on screen (converted first by a first switch). `visible` is left out when it would not help:
 * no layout, no block on screen, or the end of the article (the related stories) in view.
 */
function readingPosition(scroller: HTMLElement): { anchor?: ScrollAnchor; visible?: BlockRange } {
  const box = scroller.getBoundingClientRect();
  const blocks = scroller.querySelectorAll<HTMLElement>('[data-block]');
  let anchor: ScrollAnchor | undefined;
  let from: number | undefined;
  let to = 0;
  let beyond = false;
  for (const el of blocks) {
    const rect = el.getBoundingClientRect();
    if (!anchor && rect.bottom > box.top) anchor = { index: el.dataset.block ?? '', offset: rect.top - box.top };
    if (rect.bottom <= box.top) continue;
    if (rect.top >= box.bottom) {
      beyond = true;
      break;
    }
    from ??= Number(el.dataset.block);
    to = Number(el.dataset.block) + 1;
  }
  if (box.height <= 0 || from === undefined || !beyond) return anchor ? { anchor } : {};
  const visible = { from: Math.max(0, from - VISIBLE_MARGIN_BLOCKS), to: to + VISIBLE_MARGIN_BLOCKS };
  return anchor ? { anchor, visible } : { visible };
}

function restoreAnchor(scroller: HTMLElement, anchor: ScrollAnchor): void {
  const el = scroller.querySelector<HTMLElement>(`[data-block="${anchor.index}"]`);
  if (!el) return;
  const delta = el.getBoundingClientRect().top - scroller.getBoundingClientRect().top - anchor.offset;
  scroller.scrollTop += delta;
}

const FOCUSABLE = 'a[href], button:not([disabled]), [tabindex]:not([tabindex="-1"])';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
}

/**
 * How long a switch may wait for its dictionaries before the control says it is converting. A
 * first switch usually finishes well inside it, and then nothing flashes: the pressed button and the
 * text change together. Showing the busy state at once also cost the click a render and a frame,
 * time taken from the dictionary requests it had just started.
 */
const BUSY_DELAY_MS = 150;

/** Runs `run` after the next frame has been painted; returns a function that cancels it. */
function afterNextPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * Each article's conversions by converter key, kept for the overlay's life: switching back to a
 * script shown before renders the same text again without converting it again.
 */
type Conversions = WeakMap<Article, Map<string, Article>>;

function convertOnce(conversions: Conversions, source: Article, key: string, convert: Converter): Article {
  let byKey = conversions.get(source);
  if (!byKey) conversions.set(source, (byKey = new Map()));
  let result = byKey.get(key);
  if (!result) byKey.set(key, (result = convertArticle(source, convert)));
  return result;
}

function useScriptSwitch(
  article: Article | undefined,
  settings: Settings,
  loadDictionary: DictionaryLoader,
): {
  shown: Shown;
  pending: ReaderScript | undefined;
  failed: boolean;
  choose: (script: ReaderScript, visible?: BlockRange) => void;
  prepare: (script: ReaderScript) => void;
} {
  const [shown, setShown] = useState<Shown>({ script: 'original', source: article, article, convert: undefined });
  const [pending, setPending] = useState<ReaderScript | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  // One converter per conversion key (target, quote style, 台灣用語), created on first use and kept for the overlay's life;
  // once it has loaded, later switches to it apply in the same task as the click (one render).
  const converters = useRef(new Map<string, Promise<Converter>>());
  const loaded = useRef(new Map<string, Converter>());
  const wanted = useRef<ReaderScript>('original');
  const conversions = useRef<Conversions>(new WeakMap());
  const busyTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const cancelRest = useRef<() => void>(() => undefined);
  useEffect(
    () => () => {
      clearTimeout(busyTimer.current);
      cancelRest.current();
    },
    [],
  );
  const latest = useRef({ article, style: conversionStyle(settings), loadDictionary, shown });
  latest.current = { article, style: conversionStyle(settings), loadDictionary, shown };

  /** The converter for a script under the current quote style and 台灣用語: started on first use, then kept. */
  const converterFor = useCallback((script: Exclude<ReaderScript, 'original'>): Promise<Converter> => {
    const { style, loadDictionary: load } = latest.current;
    const key = conversionKey(script, style);
    let converter = converters.current.get(key);
    if (!converter) {
      converter = createConverter({ from: 'auto', to: zhTarget(script, style), quotes: style.quotes }, load);
      converters.current.set(key, converter);
      converter.then(
        (convert) => loaded.current.set(key, convert),
        // A failed load (missing file) is not cached: the next switch tries again.
        () => converters.current.delete(key),
      );
    }
    return converter;
  }, []);

  // Resting the pointer on a script button, focusing or pressing it starts loading its dictionaries;
  // the switch itself happens on click.
  const prepare = useCallback(
    (script: ReaderScript) => {
      if (script !== 'original' && latest.current.article) converterFor(script).catch(() => undefined);
    },
    [converterFor],
  );

  const choose = useCallback((script: ReaderScript, visible?: BlockRange) => {
    wanted.current = script;
    clearTimeout(busyTimer.current);
    setFailed(false);
    const { article: source, style } = latest.current;
    if (script === 'original' || !source) {
      setPending(undefined);
      setShown({ script, source, article: source, convert: undefined });
      return;
    }
    const key = conversionKey(script, style);
    /** The dictionaries did not load, or a conversion failed on them: the page's own text, and a message. */
    const fail = (): void => {
      clearTimeout(busyTimer.current);
      wanted.current = 'original';
      setPending(undefined);
      setFailed(true);
      setShown({ script: 'original', source, article: source, convert: undefined });
    };
    /** Runs a conversion; one that throws (a damaged dictionary file, found by a lookup) fails like a load. */
    const orFail = (convertAndShow: () => void): void => {
      try {
        convertAndShow();
      } catch {
        fail();
      }
    };
    /**
     * Shows the article converted. The first time for this script, with blocks on screen known,
     * only those (and the headline and byline) are converted before the switch is shown; the rest
     * is converted after that frame is painted, out of sight, if that part is still what is shown
     * (another switch since replaces it; one still loading its dictionaries leaves it on screen, and
     * then it is completed).
     */
    const show = (convert: Converter): void => {
      const showWhole = (): void => setShown({ script, source, article: convertOnce(conversions.current, source, key, convert), convert });
      if (!visible || conversions.current.get(source)?.has(key)) {
        showWhole();
        return;
      }
      const part = convertArticle(source, convert, visible);
      setShown({ script, source, article: part, convert, partial: true });
      cancelRest.current();
      cancelRest.current = afterNextPaint(() => {
        cancelRest.current = () => undefined;
        if (latest.current.shown.article === part) orFail(showWhole);
      });
    };
    const ready = loaded.current.get(key);
    if (ready) {
      setPending(undefined);
      orFail(() => show(ready));
      return;
    }
    const converter = converterFor(script);
    // An earlier switch's busy state is no longer true; this one's shows only if it takes a while.
    setPending(undefined);
    busyTimer.current = setTimeout(() => {
      if (wanted.current === script) setPending(script);
    }, BUSY_DELAY_MS);
    converter.then(
      (convert) => {
        // Another switch, another article or another quote style or 台灣用語 since: that one's result counts.
        if (wanted.current !== script || latest.current.article !== source || conversionKey(script, latest.current.style) !== key) return;
        clearTimeout(busyTimer.current);
        setPending(undefined);
        orFail(() => show(convert));
      },
      () => {
        if (wanted.current === script) fail();
      },
    );
  }, [converterFor]);

  // A new article (in-page navigation), a changed default script, quote style or 台灣用語: show it afresh.
  useEffect(() => {
    choose(scriptFromSetting(settings.defaultScript));
  }, [article, settings.defaultScript, choose]);
  useEffect(() => {
    if (wanted.current !== 'original') choose(wanted.current);
  }, [settings.quotes, settings.taiwanPhrases, choose]);

  // Until the effect above has run for a new article, show that article as published, never the
  // previous one.
  const current = shown.source === article ? shown : { script: 'original' as const, source: article, article, convert: undefined };
  return { shown: current, pending, failed, choose, prepare };
}

export function ReaderApp(props: ReaderAppProps): JSX.Element {
  const { state, loadDictionary, onClose, onSettingsChange, fontInstalled = measuredFontInstalled } = props;
  const live = useLiveSettings(props.settings, onSettingsChange);
  const { settings } = live;
  const article = state.status === 'ready' ? state.article : undefined;
  const { shown, pending, failed, choose, prepare } = useScriptSwitch(article, settings, loadDictionary);

  const dialogRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const endScroll = useRef({ stop: () => undefined as void });
  const anchor = useRef<ScrollAnchor | undefined>(undefined);
  const titleId = useId();

  const pageVariant = article?.variant ?? (state.status === 'error' ? variantFromUrl(state.url) : undefined);
  const locale = labelLocale(shown.script, pageVariant, settings.uiLanguage, browserLanguage());
  const labels: Labels = useMemo(() => readerLabels(locale, shown.convert), [locale, shown.convert]);
  const uiLocale = toolbarLocale(settings.uiLanguage, browserLanguage());
  const uiLabels: Labels = useMemo(() => readerLabels(uiLocale), [uiLocale]);

  const textLang = langFor(shown.script, shown.article ?? (pageVariant ? { lang: '', variant: pageVariant } : undefined));

  const switchScript = useCallback(
    (script: ReaderScript) => {
      const position = scrollRef.current ? readingPosition(scrollRef.current) : {};
      anchor.current = position.anchor;
      choose(script, position.visible);
    },
    [choose],
  );

  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (scroller && anchor.current) restoreAnchor(scroller, anchor.current);
    anchor.current = undefined;
  }, [shown]);

  // Focus moves into the overlay when it opens (the host gives it back when it closes): onto the
  // article's scroller, so the keys that scroll (arrows, Page Down, space) move the article at once.
  useEffect(() => {
    scrollRef.current?.focus({ preventScroll: true });
    return () => endScroll.current.stop();
  }, []);

  const { fontSize } = settings;
  const { commit } = live;
  const resize = useCallback(
    (steps: number) => {
      const next = normalizeNumber(NUMBER_RANGES.fontSize, fontSize + steps * NUMBER_RANGES.fontSize.step);
      if (next !== fontSize) commit({ fontSize: next });
    },
    [fontSize, commit],
  );

  const backToTop = useCallback(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    endScroll.current.stop();
    scroller.scrollTop = 0;
    scroller.focus({ preventScroll: true });
  }, []);

  const onKeyDown = (event: KeyboardEvent): void => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key === 'Tab') {
      trapFocus(event, dialog, scrollRef.current);
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target)) return;
    const scroller = scrollRef.current;
    const onControl = !(event.target instanceof Node && scroller?.contains(event.target));
    const script = SCRIPTS.find((s) => s.key === event.key)?.script;
    if (scroller && scrollByKey(scroller, event, onControl, endScroll.current)) {
      // Moved the article (Home, End; Page Up/Down and arrows from a toolbar control).
    } else if (script && article) {
      switchScript(script);
    } else if (event.key === '+' || event.key === '=') {
      resize(1);
    } else if (event.key === '-' || event.key === '_') {
      resize(-1);
    } else {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  const style = {
    '--qd-font-size': `${settings.fontSize}px`,
    '--qd-line-height': String(settings.lineHeight),
    '--qd-measure': `${settings.contentWidth}em`,
  };

  return (
    <div
      ref={dialogRef}
      class="qd-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-busy={state.status === 'loading' ? 'true' : undefined}
      tabIndex={-1}
      lang={textLang}
      data-theme={settings.theme}
      data-font={settings.font}
      data-images={settings.images}
      data-align={settings.textAlign}
      data-indent={settings.indent ? 'true' : undefined}
      style={style}
      onKeyDown={onKeyDown}
    >
      <Toolbar
        labels={uiLabels}
        script={article ? { current: pending ?? shown.script, pending, choose: switchScript, prepare } : undefined}
        live={live}
        resize={resize}
        textLang={textLang}
        fontInstalled={fontInstalled}
        onClose={onClose}
        tools={shown.article && <ReadingTools article={shown.article} script={shown.script} lang={langFor(shown.script, shown.article)} labels={labels} locale={locale} settings={settings} dialog={scrollRef} onSettingsChange={onSettingsChange} />}
      />
      <div ref={scrollRef} class="qd-scroll" tabIndex={-1}>
      <p class="qd-status" role="status" lang={uiLabels.lang}>
        {pending ? uiLabels.reader_converting : failed ? uiLabels.reader_convert_failed : ''}
      </p>
      {shown.article ? (
        // Keyed by address: another article (in-page navigation) starts its progressive rendering afresh.
        <ArticleView key={shown.article.url} article={shown.article} converting={shown.partial === true} settings={settings} labels={labels} locale={locale} titleId={titleId} onClose={onClose} onTop={backToTop} />
      ) : state.status === 'error' ? (
        <ErrorView state={state} labels={labels} titleId={titleId} onClose={onClose} />
      ) : (
        <div class="qd-page qd-loading" lang={labels.lang}>
          <h1 id={titleId} class="qd-visually-hidden">
            {labels.reader_app_name}
          </h1>
          <p role="status">{labels.reader_loading}</p>
        </div>
      )}
      </div>
    </div>
  );
}

/** A plain click on the link to the original closes the overlay (the original is the page under it); a
 * modified or middle click still opens it in a new tab or window as the browser would. */
function closeOnPlainClick(onClose: () => void) {
  return (event: MouseEvent): void => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onClose();
  };
}

/** Tab and Shift+Tab cycle inside the dialog; from the dialog or the article's scroller itself
 * (where focus rests after opening), Tab starts at the toolbar. */
function trapFocus(event: KeyboardEvent, dialog: HTMLElement, scroller: HTMLElement | null): void {
  const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[hidden]'));
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  const root = dialog.getRootNode() as Document | ShadowRoot;
  const active = root.activeElement;
  const inside = active instanceof Node && dialog.contains(active) && active !== dialog && active !== scroller;
  if (event.shiftKey && (!inside || active === first)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (!inside || active === last)) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * Blocks rendered in the first pass. Every real BBC article fits (they have 20–80 blocks); a page
 * with hundreds gets the rest in later tasks, so the tab never freezes and the top shows at once.
 */
const FIRST_PASS_BLOCKS = 120;
/** Blocks added per later task: a few tens of milliseconds of work on this machine. */
const LATER_PASS_BLOCKS = 200;

/** How many of `total` blocks to render now; grows by a pass per task until all are rendered. */
function useProgressiveCount(total: number): number {
  const [count, setCount] = useState(() => Math.min(total, FIRST_PASS_BLOCKS));
  useEffect(() => {
    if (count >= total) return undefined;
    const timer = setTimeout(() => setCount((shown) => Math.min(total, shown + LATER_PASS_BLOCKS)), 0);
    return () => clearTimeout(timer);
  }, [count, total]);
  return Math.min(count, total);
}

/** How many blocks the pass starting at block `start` renders. */
function passSize(start: number): number {
  return start === 0 ? FIRST_PASS_BLOCKS : LATER_PASS_BLOCKS;
}

/** The block ranges of the passes that cover the first `count` blocks: [0, 120), [120, 320), … */
function passRanges(count: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (let start = 0; start < count; start += passSize(start)) ranges.push([start, Math.min(count, start + passSize(start))]);
  return ranges;
}

/** One pass's blocks: its own component, so that a later pass leaves the earlier ones alone. */
function BlockRun({ children }: { children: JSX.Element[] }): JSX.Element {
  return <>{children}</>;
}

function ArticleView({
  article,
  converting,
  settings,
  labels,
  locale,
  titleId,
  onClose,
  onTop,
}: {
  article: Article;
  /** Blocks off screen are still being converted (see `Shown.partial`). */
  converting: boolean;
  settings: Settings;
  labels: Labels;
  locale: ReturnType<typeof labelLocale>;
  titleId: string;
  onClose: () => void;
  onTop: () => void;
}): JSX.Element {
  const original = safeHref(article.url);
  const rendered = useProgressiveCount(article.blocks.length);
  // Each block's element is kept while the block object and what its rendering depends on stay the
  // same; Preact skips a component whose element is reused, so a later pass, a status line or a
  // settings change that does not touch blocks re-renders none of them. A script switch brings new
  // block objects, and only then are they rendered again.
  const elements = useMemo(() => new WeakMap<Block, JSX.Element>(), [settings.images, article.url, labels]);
  const blockElement = (block: Block, index: number): JSX.Element => {
    let element = elements.get(block);
    if (!element) {
      element = <ArticleBlock key={index} block={block} index={index} images={settings.images} articleUrl={article.url} labels={labels} />;
      elements.set(block, element);
    }
    return element;
  };
  // Likewise each pass's run, found by its first block (a pass's range never changes once full).
  const runs = useMemo(() => new WeakMap<Block, JSX.Element>(), [elements]);
  const runElement = ([start, end]: [number, number]): JSX.Element => {
    const first = article.blocks[start]!;
    const full = end - start === passSize(start);
    const cached = full ? runs.get(first) : undefined;
    if (cached) return cached;
    const element = <BlockRun key={start}>{article.blocks.slice(start, end).map((block, i) => blockElement(block, start + i))}</BlockRun>;
    if (full) runs.set(first, element);
    return element;
  };
  const complete = rendered === article.blocks.length;
  return (
    <article class="qd-page">
      {article.live ? (
        <>
          <LiveHeader article={article} live={article.live} labels={labels} locale={locale} titleId={titleId} />
          <LiveBody live={article.live} rendered={rendered} busy={!complete || converting} blockElement={(index) => blockElement(article.blocks[index]!, index)} labels={labels} locale={locale} titleId={titleId} />
        </>
      ) : (
        <>
          <ArticleHeader article={article} labels={labels} locale={locale} titleId={titleId} />
          <div class="qd-body" aria-busy={complete && !converting ? undefined : 'true'}>
            {passRanges(rendered).map(runElement)}
          </div>
        </>
      )}
      {complete && article.related.length > 0 && (
        <nav class="qd-related" aria-labelledby={`${titleId}-related`}>
          <h2 id={`${titleId}-related`} lang={labels.lang}>
            {labels.reader_related}
          </h2>
          <ul>
            {article.related.map((story, i) => {
              const href = safeHref(story.url);
              return (
                <li key={i}>
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer">
                      {story.title}
                    </a>
                  ) : (
                    story.title
                  )}
                </li>
              );
            })}
          </ul>
        </nav>
      )}
      <footer class="qd-footer" lang={labels.lang}>
        {original && (
          <a class="qd-original" href={original} data-action="original" onClick={closeOnPlainClick(onClose)}>
            {labels.reader_original_link}
          </a>
        )}
        <p class="qd-keys">{labels.reader_keys_help}</p>
        <button type="button" class="qd-top" data-action="top" onClick={onTop}>
          {labels.reader_back_to_top}
        </button>
      </footer>
    </article>
  );
}

function ErrorView({
  state,
  labels,
  titleId,
  onClose,
}: {
  state: Extract<ReaderState, { status: 'error' }>;
  labels: Labels;
  titleId: string;
  onClose: () => void;
}): JSX.Element {
  const message = {
    live: labels.reader_error_live,
    media: labels.reader_error_media,
    index: labels.reader_error_index,
    other: labels.reader_error_other,
    failed: labels.reader_error_failed,
  }[state.pageKind];
  const original = safeHref(state.url);
  return (
    <div class="qd-page qd-error" lang={labels.lang}>
      <h1 id={titleId}>{labels.reader_error_title}</h1>
      <p class="qd-error-message">{message}</p>
      {state.detail && (
        <p class="qd-error-detail" lang="en">
          {state.detail}
        </p>
      )}
      {original && (
        <p>
          <a class="qd-original" href={original} data-action="original" onClick={closeOnPlainClick(onClose)}>
            {labels.reader_error_open_original}
          </a>
        </p>
      )}
    </div>
  );
}
