// Which voice reads which script: 简体 → Mandarin (zh-CN), 繁體·台灣 → Mandarin as spoken in Taiwan
// (zh-TW, or any Mandarin voice), 繁體·香港 → Cantonese (zh-HK / yue), 原文 → the page's own script.
// Voices on the device (`localService`) come first: a network voice sends the article's text to
// its service, so one is used only when the reader chose it. Voice tags differ by platform
// (`zh-CN` on Windows and macOS, `cmn` and `yue` from espeak-ng through speech-dispatcher), so
// they are matched by what they mean. Pure.
import type { VoiceLike } from './player.ts';

export type SpeechLanguage = 'zh-CN' | 'zh-TW' | 'zh-HK';

export function speechLanguageFor(script: 'original' | 'simp' | 'tw' | 'hk', pageVariant: 'simp' | 'trad'): SpeechLanguage {
  if (script === 'simp') return 'zh-CN';
  if (script === 'tw') return 'zh-TW';
  if (script === 'hk') return 'zh-HK';
  return pageVariant === 'trad' ? 'zh-TW' : 'zh-CN';
}

type Kind = 'mandarin-cn' | 'mandarin-tw' | 'cantonese' | undefined;

/** What a voice's language tag says it speaks (`zh_HK`, `zh-Hant-HK`, `yue`, `cmn-Latn-pinyin`…). */
function kindOf(voice: VoiceLike): Kind {
  const subtags = voice.lang.toLowerCase().replace(/_/g, '-').split('-');
  const [primary, ...rest] = subtags;
  // Voices that read Latin letters as pinyin or jyutping are for romanised text, not characters
  // (espeak-ng's `cmn-latn-pinyin`, and its `yue` "latin as Jyutping"); its plain Mandarin voice is
  // "Chinese (Mandarin, latin as English)": Latin words in it are read as English.
  if (rest.includes('latn') || /latin as (?:pinyin|jyutping)/i.test(voice.name)) return undefined;
  if (primary === 'yue' || (primary === 'zh' && rest.includes('yue'))) return 'cantonese';
  if (primary === 'zh' && (rest.includes('hk') || rest.includes('mo'))) return 'cantonese';
  if (primary === 'cmn' || (primary === 'zh' && !rest.some((s) => ['yue', 'hak', 'nan', 'wuu', 'gan', 'hsn'].includes(s)))) {
    return rest.includes('tw') || (rest.includes('hant') && !rest.includes('cn')) ? 'mandarin-tw' : 'mandarin-cn';
  }
  return undefined;
}

/** How well a voice fits a language: 2 exactly, 1 acceptably (any Mandarin for zh-TW), 0 not. */
function fit(voice: VoiceLike, language: SpeechLanguage): number {
  const kind = kindOf(voice);
  if (language === 'zh-HK') return kind === 'cantonese' ? 2 : 0;
  if (language === 'zh-CN') return kind === 'mandarin-cn' ? 2 : kind === 'mandarin-tw' ? 1 : 0;
  return kind === 'mandarin-tw' ? 2 : kind === 'mandarin-cn' ? 1 : 0;
}

/**
 * The voices that can read `language`, best first: on the device before network voices, an exact
 * language before a related one, a platform's own voice before its variants (espeak-ng lists every
 * voice again with each of its ~70 timbres, `+Adam`, `+Annie`…), then by name.
 */
export function voicesFor(voices: readonly VoiceLike[], language: SpeechLanguage): VoiceLike[] {
  const variant = (voice: VoiceLike): number => (voice.name.includes('+') ? 1 : 0);
  return voices
    .filter((voice) => fit(voice, language) > 0)
    .sort(
      (a, b) =>
        Number(b.localService) - Number(a.localService) ||
        fit(b, language) - fit(a, language) ||
        variant(a) - variant(b) ||
        Number(b.default) - Number(a.default) ||
        a.name.localeCompare(b.name),
    );
}

/**
 * The voice to read `language` with: the one the reader chose (by voiceURI) while it still exists
 * and fits, otherwise the best voice on the device. A network voice is never chosen for the
 * reader; undefined when the device has none.
 */
export function chooseVoice(voices: readonly VoiceLike[], language: SpeechLanguage, chosenUri: string): VoiceLike | undefined {
  const candidates = voicesFor(voices, language);
  const chosen = chosenUri ? candidates.find((voice) => voice.voiceURI === chosenUri) : undefined;
  return chosen ?? candidates.find((voice) => voice.localService);
}
