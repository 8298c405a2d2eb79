// The Article model: the one typed shape that extraction produces and everything downstream
// (conversion, the reader overlay, the CLI, tests) reads. No HTML strings live here: page markup is
// sanitized and turned into typed inline runs before it becomes part of an Article.

export type ScriptVariant = 'simp' | 'trad';

export type Inline =
  | string
  | { kind: 'link'; href: string; children: Inline[] }
  | { kind: 'strong' | 'em'; children: Inline[] };

export interface ArticleImage {
  src: string;
  srcset?: string;
  width?: number;
  height?: number;
  alt: string;
}

export type Block =
  | { type: 'paragraph'; text: string; content: Inline[] }
  | { type: 'heading'; text: string; level: 2 | 3 }
  | { type: 'figure'; text: string; image: ArticleImage; caption?: string; credit?: string }
  | { type: 'list'; text: string; ordered: boolean; items: Inline[][] }
  | { type: 'quote'; text: string; content: Inline[] }
  | { type: 'media'; text: string; kind: 'video' | 'audio' | 'embed'; caption?: string; href?: string };

export interface BylineEntry {
  name: string;
  role?: string;
}

export interface RelatedStory {
  title: string;
  url: string;
}

export interface Article {
  url: string;
  variant: ScriptVariant;
  /** BCP 47 language of the page as published, e.g. `zh-Hans` or `zh-Hant`. */
  lang: string;
  title: string;
  byline: BylineEntry[];
  /** ISO 8601. */
  published?: string;
  /** ISO 8601. */
  updated?: string;
  /** Every block carries `text`: its plain text (a figure's is its caption). */
  blocks: Block[];
  /** Related-story link lists found inside the body. */
  related: RelatedStory[];
  textLength: number;
  readingMinutes: number;
}

/** What `extract` returns when the page is not something the reader can show. */
export interface NotAnArticle {
  kind: 'not-an-article';
  /** What the page is, as far as we can tell. */
  pageKind: 'live' | 'media' | 'index' | 'other';
  /** One plain sentence (English) saying why; the UI chooses its own localized wording from pageKind. */
  reason: string;
}

export type ExtractResult = Article | NotAnArticle;

export function isArticle(result: ExtractResult): result is Article {
  return !('kind' in result && result.kind === 'not-an-article');
}
