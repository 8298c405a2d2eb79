// 朗讀/朗读: the read-aloud control in the toolbar and, while reading, its bar under the toolbar
// (previous / pause·resume / next / stop, speed, voice). Reads from the first sentence on screen,
// in the voice of the script shown (reader/speech/voices.ts), sentence by sentence
// (reader/speech/player.ts); highlights the sentence being read and keeps it in view
// (reader/speech/spoken-text.ts); a click on a sentence reads from there; R plays and pauses.
// Closing the reader (unmount), leaving the page or hiding the tab stops speech.
// speechSynthesis is first touched on the first press, never on opening the reader.
import type { JSX, RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Article } from '../../core/article.ts';
import { NUMBER_RANGES, type Settings } from '../../core/settings.ts';
import { browserSpeech, type BrowserSpeech } from '../speech/browser.ts';
import { SpeechPlayer, type SpeechState, type SpeechVoiceChoice, type VoiceLike } from '../speech/player.ts';
import { firstSentenceOnScreen, keepInView, readableSentences, sentenceAt, showSpeaking, type SpokenSentence } from '../speech/spoken-text.ts';
import { chooseVoice, speechLanguageFor, voicesFor, type SpeechLanguage } from '../speech/voices.ts';
import type { ReaderScript } from './format.ts';
import { IconButton } from './IconButton.tsx';
import { fill, type Labels } from './labels.ts';

/** How long to wait for the browser to list its voices (Chromium asks speech-dispatcher first). */
const VOICES_TIMEOUT_MS = 30_000;

const VOICE_SETTING: Record<SpeechLanguage, 'voiceZhCN' | 'voiceZhTW' | 'voiceZhHK'> = {
  'zh-CN': 'voiceZhCN',
  'zh-TW': 'voiceZhTW',
  'zh-HK': 'voiceZhHK',
};

const SPEEDS: number[] = (() => {
  const { min, max, step } = NUMBER_RANGES.speechRate;
  const list: number[] = [];
  for (let rate = min; rate <= max + 1e-9; rate += step) list.push(Math.round(rate * 100) / 100);
  return list;
})();

type Phase = 'off' | 'loading' | 'on' | 'no-voice' | 'unsupported';

interface Session {
  speech: BrowserSpeech;
  voices: VoiceLike[];
  player: SpeechPlayer;
  sentences: SpokenSentence[];
}

export interface ReadAloudProps {
  /** The overlay's scrolling dialog: where the sentences are read from and highlighted. */
  dialog: RefObject<HTMLDivElement | null>;
  /** The article in the script shown (a new object after each switch). */
  article: Article;
  script: ReaderScript;
  settings: Settings;
  labels: Labels;
  onSettingsChange?: (patch: Partial<Settings>) => void;
}

function choiceFor(voices: VoiceLike[], language: SpeechLanguage, settings: Settings): SpeechVoiceChoice | undefined {
  const voice = chooseVoice(voices, language, settings[VOICE_SETTING[language]]);
  return voice ? { lang: language, voice, rate: settings.speechRate } : undefined;
}

export function ReadAloud({ dialog, article, script, settings, labels, onSettingsChange }: ReadAloudProps): JSX.Element {
  const [phase, setPhase] = useState<Phase>('off');
  const [state, setState] = useState<SpeechState>({ status: 'idle', index: -1 });
  const [error, setError] = useState<string | undefined>(undefined);
  const session = useRef<Session | undefined>(undefined);
  const language = speechLanguageFor(script, article.variant);
  const latest = useRef({ language, settings });
  latest.current = { language, settings };

  /** Ends reading aloud: silence, no highlight, the control back to its resting state. */
  const end = (): void => {
    session.current?.player.stop();
    session.current = undefined;
    if (dialog.current) showSpeaking(dialog.current, undefined);
    setPhase('off');
  };

  const start = async (): Promise<void> => {
    const speech = browserSpeech();
    if (!speech) {
      setPhase('unsupported');
      return;
    }
    setPhase('loading');
    setError(undefined);
    const voices = await speech.voices(VOICES_TIMEOUT_MS);
    const root = dialog.current;
    if (!root || !root.isConnected) return;
    const { language: now, settings: current } = latest.current;
    const choice = choiceFor(voices, now, current);
    if (!choice) {
      setPhase('no-voice');
      return;
    }
    const player = new SpeechPlayer(speech.port, choice, (next) => {
      setState(next);
      if (next.error) setError(next.error);
      if (next.status === 'idle' && session.current?.player === player) {
        session.current = undefined;
        showSpeaking(root, undefined);
        setPhase('off');
      }
    });
    const sentences = readableSentences(root);
    session.current = { speech, voices, player, sentences };
    player.load(sentences);
    setPhase('on');
    player.play(firstSentenceOnScreen(root, sentences));
  };

  const toggle = (): void => {
    const player = session.current?.player;
    if (player?.snapshot.status === 'speaking') player.pause();
    else if (player?.snapshot.status === 'paused') player.resume();
    else if (phase === 'off' || phase === 'no-voice' || phase === 'unsupported') void start();
  };
  const toggleRef = useRef(toggle);
  toggleRef.current = toggle;

  // Another script (or the rest of a first switch converted): the same sentence goes on in the new
  // text and voice; a language without a voice stops and says so.
  useEffect(() => {
    const current = session.current;
    const root = dialog.current;
    if (!current || !root) return;
    const choice = choiceFor(current.voices, language, settings);
    if (!choice) {
      end();
      setPhase('no-voice');
      return;
    }
    current.sentences = readableSentences(root);
    current.player.load(current.sentences, choice);
  }, [article, language, settings.speechRate, settings.voiceZhCN, settings.voiceZhTW, settings.voiceZhHK]);

  // The sentence being read: highlighted, and kept on screen.
  useEffect(() => {
    const root = dialog.current;
    const current = session.current;
    if (!root || !current) return;
    const sentence = state.status === 'idle' ? undefined : current.sentences[state.index];
    const range = showSpeaking(root, sentence);
    if (state.status === 'speaking') keepInView(root, range);
  }, [state, article]);

  // A click on a sentence reads from there; R plays and pauses; leaving stops.
  useEffect(() => {
    const root = dialog.current;
    if (!root) return undefined;
    const lifetime = new AbortController();
    const { signal } = lifetime;
    root.addEventListener(
      'click',
      (event) => {
        const current = session.current;
        if (!current || !(event.target instanceof Element) || event.target.closest('a, button, select, .qd-toolbar')) return;
        const index = sentenceAt(current.sentences, event.target, event.clientX, event.clientY);
        if (index >= 0) current.player.play(index);
      },
      { signal },
    );
    root.addEventListener(
      'keydown',
      (event) => {
        if (event.key !== 'r' && event.key !== 'R') return;
        if (event.ctrlKey || event.metaKey || event.altKey || (event.target instanceof Element && event.target.closest('input, select, textarea'))) return;
        event.preventDefault();
        toggleRef.current();
      },
      { signal },
    );
    const stopOnLeave = (): void => {
      if (document.visibilityState === 'hidden' || !root.isConnected) end();
    };
    window.addEventListener('pagehide', end, { signal });
    document.addEventListener('visibilitychange', stopOnLeave, { signal });
    return () => {
      lifetime.abort();
      end();
    };
  }, []);

  const speaking = state.status === 'speaking';
  const current = session.current;
  const voiceOptions = current ? voicesFor(current.voices, language) : [];
  const chosen = current?.player && phase === 'on' ? choiceFor(current.voices, language, settings)?.voice : undefined;
  return (
    <>
      <IconButton action="read-aloud" label={labels.reader_speech_read_aloud} title={`${labels.reader_speech_read_aloud} (R)`} pressed={speaking} onClick={toggle}>
        {speaking ? <path d="M5 3.5v9M11 3.5v9" /> : <path d="M2.5 6h2.5l3.5-3v10l-3.5-3H2.5zM11 5.5a3.5 3.5 0 0 1 0 5M12.8 3.8a6 6 0 0 1 0 8.4" />}
      </IconButton>
      {(phase !== 'off' || error) && (
        <div
          class="qd-speech"
          role="group"
          aria-label={labels.reader_speech_controls}
          lang={labels.lang}
          // The language and voice utterances are spoken with (for people inspecting it, and tests).
          data-lang={language}
          data-voice={chosen?.name}
        >
          {phase === 'loading' && <span class="qd-speech-note">{labels.reader_speech_loading}</span>}
          {phase === 'unsupported' && <span class="qd-speech-note">{labels.reader_speech_unsupported}</span>}
          {phase === 'no-voice' && (
            <span class="qd-speech-note" data-speech="no-voice">
              {language === 'zh-HK' ? labels.reader_speech_no_cantonese : labels.reader_speech_no_mandarin} {labels.reader_speech_how_to_add}
            </span>
          )}
          {phase === 'on' && current && (
            <>
              <IconButton action="speech-previous" label={labels.reader_speech_previous} onClick={() => current.player.step(-1)}>
                <path d="M4 3.5v9M12.5 3.5 6 8l6.5 4.5z" />
              </IconButton>
              <IconButton
                action="speech-pause"
                label={speaking ? labels.reader_speech_pause : labels.reader_speech_resume}
                onClick={() => (speaking ? current.player.pause() : current.player.resume())}
              >
                {speaking ? <path d="M5 3.5v9M11 3.5v9" /> : <path d="M4.5 3 12.5 8l-8 5z" />}
              </IconButton>
              <IconButton action="speech-next" label={labels.reader_speech_next} onClick={() => current.player.step(1)}>
                <path d="M12 3.5v9M3.5 3.5 10 8l-6.5 4.5z" />
              </IconButton>
              <IconButton action="speech-stop" label={labels.reader_speech_stop} onClick={end}>
                <rect x="4" y="4" width="8" height="8" rx="1" />
              </IconButton>
              <label class="qd-speech-field">
                <span>{labels.reader_speech_speed}</span>
                <select
                  data-setting="speechRate"
                  value={String(settings.speechRate)}
                  onChange={(event) => onSettingsChange?.({ speechRate: Number(event.currentTarget.value) })}
                >
                  {SPEEDS.map((rate) => (
                    <option key={rate} value={String(rate)}>
                      {rate}×
                    </option>
                  ))}
                </select>
              </label>
              <label class="qd-speech-field">
                <span>{labels.reader_speech_voice}</span>
                <select
                  data-setting="voice"
                  value={settings[VOICE_SETTING[language]]}
                  onChange={(event) => onSettingsChange?.({ [VOICE_SETTING[language]]: event.currentTarget.value })}
                >
                  <option value="">{labels.reader_speech_automatic}</option>
                  {voiceOptions.map((voice) => (
                    <option key={voice.voiceURI} value={voice.voiceURI}>
                      {voice.name}
                      {voice.localService ? '' : ` ${labels.reader_speech_network_option}`}
                    </option>
                  ))}
                </select>
              </label>
              {chosen && !chosen.localService && <span class="qd-speech-note">{labels.reader_speech_network_voice}</span>}
            </>
          )}
          {error && phase !== 'on' && <span class="qd-speech-note">{fill(labels.reader_speech_failed, error)}</span>}
        </div>
      )}
    </>
  );
}
