// The read-aloud state machine with a fake speechSynthesis port (it records utterances and lets the
// test end them, or fire an engine's late events), and voice choice on voice lists as Chrome with
// speech-dispatcher + espeak-ng, Windows and macOS report them.
import { describe, expect, it } from 'vitest';
import { SpeechPlayer, type SpeechItem, type SpeechPort, type SpeechState, type UtteranceLike, type VoiceLike } from '../../src/reader/speech/player.ts';
import { chooseVoice, speechLanguageFor, voicesFor } from '../../src/reader/speech/voices.ts';

class FakePort implements SpeechPort {
  spoken: UtteranceLike[] = [];
  cancels = 0;
  /** The utterance the engine is saying (speak after cancel replaces it). */
  active: UtteranceLike | undefined;
  createUtterance(text: string): UtteranceLike {
    return { text, lang: '', voice: null, rate: 1, onstart: null, onend: null, onerror: null };
  }
  speak(utterance: UtteranceLike): void {
    this.spoken.push(utterance);
    this.active = utterance;
    utterance.onstart?.({});
  }
  cancel(): void {
    this.cancels += 1;
    // Chrome: the cancelled utterance reports an `interrupted` error (and some engines a late end).
    const cancelled = this.active;
    this.active = undefined;
    cancelled?.onerror?.({ error: 'interrupted' });
    cancelled?.onend?.({});
  }
  /** The engine finishes the current utterance. */
  finish(): void {
    const done = this.active;
    this.active = undefined;
    done?.onend?.({});
  }
  texts(): string[] {
    return this.spoken.map((u) => u.text);
  }
}

const VOICE = (name: string, lang: string, localService = true, voiceURI = name): VoiceLike => ({ name, lang, localService, voiceURI, default: false });
const CMN = VOICE('Chinese (Mandarin, latin as English) espeak-ng', 'cmn');
const YUE = VOICE('Chinese (Cantonese) espeak-ng', 'yue');

const items = (prefix: string, n: number): SpeechItem[] => Array.from({ length: n }, (_, i) => ({ text: `${prefix}${i}。`, key: `b${i}:0` }));

function setup(n = 4) {
  const port = new FakePort();
  const states: SpeechState[] = [];
  const player = new SpeechPlayer(port, { lang: 'zh-CN', voice: CMN, rate: 1 }, (state) => states.push(state));
  player.load(items('简', n));
  return { port, player, states };
}

describe('SpeechPlayer', () => {
  it('reads the sentences in order, one utterance each, in the chosen language, voice and speed, then is idle', () => {
    const { port, player, states } = setup(3);
    player.play(0);
    expect(player.snapshot).toEqual({ status: 'speaking', index: 0 });
    port.finish();
    port.finish();
    port.finish();
    expect(port.texts()).toEqual(['简0。', '简1。', '简2。']);
    expect(port.spoken.every((u) => u.lang === 'zh-CN' && u.voice === CMN && u.rate === 1)).toBe(true);
    expect(states.map((s) => `${s.status}${s.index}`)).toEqual(['speaking0', 'speaking1', 'speaking2', 'idle-1']);
  });

  it('pause cancels the sentence; resume reads that sentence again from its start, exactly once', () => {
    const { port, player } = setup();
    player.play(1);
    port.finish(); // 1 done, 2 starts
    player.pause();
    expect(player.snapshot).toEqual({ status: 'paused', index: 2 });
    expect(port.cancels).toBe(1);
    // The cancelled utterance's late `interrupted` and `end` did not move on to sentence 3.
    expect(port.texts()).toEqual(['简1。', '简2。']);
    player.resume();
    expect(port.texts()).toEqual(['简1。', '简2。', '简2。']);
    expect(player.snapshot).toEqual({ status: 'speaking', index: 2 });
  });

  it('next and previous move by a sentence: read at once while speaking, only marked while paused', () => {
    const { port, player } = setup();
    player.play(0);
    player.step(1);
    expect(port.texts()).toEqual(['简0。', '简1。']);
    player.pause();
    player.step(-1);
    expect(player.snapshot).toEqual({ status: 'paused', index: 0 });
    expect(port.texts()).toHaveLength(2);
    player.step(-1); // before the first: stays
    expect(player.snapshot.index).toBe(0);
    player.resume();
    expect(port.texts().at(-1)).toBe('简0。');
  });

  it('a script switch while speaking goes on from the same sentence in the new text and voice', () => {
    const { port, player } = setup();
    player.play(0);
    port.finish(); // reading 1
    player.load(items('繁', 4), { lang: 'zh-HK', voice: YUE, rate: 1 });
    expect(port.texts()).toEqual(['简0。', '简1。', '繁1。']);
    expect(port.spoken.at(-1)).toMatchObject({ lang: 'zh-HK', voice: YUE });
    port.finish();
    expect(port.texts().at(-1)).toBe('繁2。');
  });

  it('the same sentences again (more of the article rendered) do not interrupt the sentence being read', () => {
    const { port, player } = setup();
    player.play(2);
    player.load(items('简', 6));
    expect(port.texts()).toEqual(['简2。']);
    expect(port.cancels).toBe(0);
  });

  it('a speed change reads the current sentence again at the new speed', () => {
    const { port, player } = setup();
    player.play(0);
    player.configure({ lang: 'zh-CN', voice: CMN, rate: 1.5 });
    expect(port.spoken.map((u) => u.rate)).toEqual([1, 1.5]);
    expect(port.texts()).toEqual(['简0。', '简0。']);
  });

  it('stop (closing the reader) cancels speech; nothing keeps talking and late events change nothing', () => {
    const { port, player, states } = setup();
    player.play(0);
    const spoken = port.spoken[0]!;
    player.stop();
    expect(player.snapshot).toEqual({ status: 'idle', index: -1 });
    spoken.onend?.({});
    expect(port.texts()).toEqual(['简0。']);
    expect(states.at(-1)).toEqual({ status: 'idle', index: -1 });
  });

  it('an engine error stops with its code; play at an index past the end reads the last sentence', () => {
    const { port, player } = setup();
    player.play(0);
    port.active!.onerror!({ error: 'synthesis-failed' });
    expect(player.snapshot).toEqual({ status: 'idle', index: -1, error: 'synthesis-failed' });
    player.play(99);
    expect(port.texts().at(-1)).toBe('简3。');
  });
});

describe('voices', () => {
  // As Chromium lists espeak-ng's voices through speech-dispatcher (seen on this machine), plus
  // Windows' and macOS's own and Chrome's network voices.
  const VOICES: VoiceLike[] = [
    VOICE('Chinese (Cantonese)+Adam espeak-ng', 'yue'),
    YUE,
    VOICE('Chinese (Cantonese, latin as Jyutping) espeak-ng', 'yue'),
    VOICE('Chinese (Mandarin, latin as Pinyin) espeak-ng', 'cmn-LATN-PINYIN'),
    VOICE('Hakka Chinese espeak-ng', 'hak'),
    CMN,
    VOICE('English (Great Britain) espeak-ng', 'en-GB'),
    VOICE('Google 普通话（中国大陆）', 'zh-CN', false),
    VOICE('Google 粤語（香港）', 'zh-HK', false),
    VOICE('Microsoft HanHan - Chinese (Traditional, Taiwan)', 'zh-TW'),
    VOICE('Microsoft Tracy - Chinese (Traditional, Hong Kong S.A.R.)', 'zh-HK'),
    VOICE('Tingting', 'zh_CN'),
    VOICE('Min-nan', 'nan-TW'),
  ];
  const names = (list: VoiceLike[]): string[] => list.map((v) => v.name);

  it('the language follows the script shown; 原文 follows the page', () => {
    expect(speechLanguageFor('simp', 'trad')).toBe('zh-CN');
    expect(speechLanguageFor('tw', 'simp')).toBe('zh-TW');
    expect(speechLanguageFor('hk', 'simp')).toBe('zh-HK');
    expect(speechLanguageFor('original', 'trad')).toBe('zh-TW');
    expect(speechLanguageFor('original', 'simp')).toBe('zh-CN');
  });

  it('繁體·香港 is read in Cantonese: yue and zh-HK voices only, on the device first', () => {
    expect(names(voicesFor(VOICES, 'zh-HK'))).toEqual([
      'Chinese (Cantonese) espeak-ng',
      'Microsoft Tracy - Chinese (Traditional, Hong Kong S.A.R.)',
      'Chinese (Cantonese)+Adam espeak-ng',
      'Google 粤語（香港）',
    ]);
    expect(chooseVoice(VOICES, 'zh-HK', '')?.name).toBe('Chinese (Cantonese) espeak-ng');
  });

  it('简体 in Mandarin, 繁體·台灣 prefers a Taiwan voice and takes any Mandarin one; pinyin and other languages never', () => {
    expect(names(voicesFor(VOICES, 'zh-CN'))).toEqual(['Chinese (Mandarin, latin as English) espeak-ng', 'Tingting', 'Microsoft HanHan - Chinese (Traditional, Taiwan)', 'Google 普通话（中国大陆）']);
    expect(chooseVoice(VOICES, 'zh-TW', '')?.name).toBe('Microsoft HanHan - Chinese (Traditional, Taiwan)');
    expect(chooseVoice([CMN], 'zh-TW', '')).toBe(CMN);
  });

  it('a network voice is used only when chosen; a chosen voice that is gone falls back; none at all is undefined', () => {
    expect(chooseVoice(VOICES, 'zh-CN', '')?.localService).toBe(true);
    expect(chooseVoice(VOICES, 'zh-CN', 'Google 普通话（中国大陆）')?.name).toBe('Google 普通话（中国大陆）');
    expect(chooseVoice(VOICES, 'zh-CN', 'gone')?.name).toBe('Chinese (Mandarin, latin as English) espeak-ng');
    // A chosen voice must fit the language: a Cantonese voice is not used for 简体.
    expect(chooseVoice(VOICES, 'zh-CN', YUE.voiceURI)?.name).toBe('Chinese (Mandarin, latin as English) espeak-ng');
    expect(chooseVoice(VOICES.filter((v) => /English|Google|Hakka|Pinyin/.test(v.name) && !/Mandarin, latin as English/.test(v.name)).filter((v) => v.localService), 'zh-CN', '')).toBeUndefined();
    expect(chooseVoice([CMN], 'zh-HK', '')).toBeUndefined();
  });
});
