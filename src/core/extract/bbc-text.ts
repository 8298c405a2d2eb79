// The BBC's own boilerplate sentences that must never reach the reader: the screen-reader-only
// prefixes in front of credits and captions, and the sentence a video shows when it cannot play.
// Matched on text, never on class names, in every era's wording (full-width comma in 2020s pages,
// "prefix, " with an ASCII comma and a space in older ones) and in both scripts.

/** 图像来源， / 圖像來源， / Image source, — in front of a photo's credit. */
const CREDIT_PREFIX = /^\s*(?:图像来源|圖像來源|图片来源|圖片來源|Image source)\s*[，,:：]\s*/i;

/** 图像加注文字， / 视频加注文字， / 音頻加註文字， / Image caption, … — in front of a caption. */
const CAPTION_PREFIX =
  /^\s*(?:(?:图像|圖像|图片|圖片|视频|視頻|影片|音频|音頻|媒体|媒體)加[注註]文字|视频说明|視頻說明|(?:Image|Media|Video|Audio) caption)\s*[，,:：]\s*/i;

/** 作者， / 職務， / Author, / Role, — screen-reader labels in front of a byline's name and role. */
const BYLINE_PREFIX = /^\s*(?:作者|職務|职务|職位|职位|Author|Role)\s*[，,:：]\s*/i;

/**
 * "Reporting from" (Simorgh's default, which the zhongwen service does not translate) and its
 * Chinese wordings, in front of a byline's location; written without a comma, the location follows.
 */
const BYLINE_LOCATION_PREFIX = /^\s*(?:報道地點|报道地点|报道自|報道自|報導地點|Reporting from)\s*[，,:：]?\s*/i;

/** A social handle item in a byline list ("Twitter, @name" / "@name"). */
const BYLINE_HANDLE = /^\s*(?:(?:Twitter|X)\s*[，,]\s*)?@\S+$/i;

/**
 * The page's read time ("閱讀時間: 4 分鐘", "阅读时间：4分钟", "Estimated Read Time: 4 minutes"),
 * shown beside the dateline: a label, not a sentence of the story.
 */
const READ_TIME = /^\s*(?:閱讀時間|阅读时间|閱讀時長|阅读时长|Estimated Read Time|Read time)\s*[:：]\s*(\d{1,3})\s*(?:分鐘|分钟|minutes?|mins?)\s*$/i;

/** "Your device cannot play this media" in its simplified and traditional wordings. */
const PLAYBACK_FALLBACK = /^\s*(?:你的|您的)(?:设备|設備|器材|裝置|装置)(?:不支持|不支援|無法|无法)播放/;

export function stripCreditPrefix(text: string): string {
  return text.replace(CREDIT_PREFIX, '');
}

export function stripCaptionPrefix(text: string): string {
  return text.replace(CAPTION_PREFIX, '');
}

export function stripBylinePrefix(text: string): string {
  return text.replace(BYLINE_PREFIX, '');
}

/** The location of a byline item that starts with "Reporting from" (or a Chinese wording), else null. */
export function bylineLocation(text: string): string | null {
  const stripped = text.replace(BYLINE_LOCATION_PREFIX, '');
  return stripped === text ? null : stripped.trim();
}

export function isBylineHandle(text: string): boolean {
  return BYLINE_HANDLE.test(text);
}

/** The minutes of a read-time label, or null when the text is anything else. */
export function readTimeMinutes(text: string): number | null {
  const match = READ_TIME.exec(text);
  return match?.[1] ? Number(match[1]) : null;
}

export function startsWithCreditPrefix(text: string): boolean {
  return CREDIT_PREFIX.test(text);
}

/** True when the whole text is nothing but a screen-reader prefix (the hidden `<span>`s). */
export function isScreenReaderPrefix(text: string): boolean {
  const trimmed = text.trim();
  return trimmed !== '' && (stripCreditPrefix(trimmed) === '' || stripCaptionPrefix(trimmed) === '');
}

export function isPlaybackFallback(text: string): boolean {
  return PLAYBACK_FALLBACK.test(text);
}

/** Any prefix, fallback or interface wording anywhere in a text (for tests and leak checks). */
export const LEAK_PATTERNS: readonly RegExp[] = [
  /(?:图像来源|圖像來源|图片来源|圖片來源)\s*[，,]/,
  /(?:图像|圖像|图片|圖片|视频|視頻|影片|音频|音頻|媒体|媒體)加[注註]文字\s*[，,]/,
  /(?:你的|您的)(?:设备|設備|器材|裝置|装置)(?:不支持|不支援|無法|无法)播放/,
  // The page's own interface words: the read time, the byline's screen-reader labels, the
  // continue-reading and lite-image buttons, the embeds' skip links.
  /(?:閱讀時間|阅读时间)\s*[:：]/,
  /\bAuthor,/, /\bRole,/, /Reporting from/i, /Article information/i, /Continue reading/i, /继续阅读|繼續閱讀/, /Load Image/i,
  /(?:跳過|跳过) \S+ 帖子/, /(?:結尾|结尾) \S+ 帖子/,
];
