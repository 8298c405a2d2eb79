// The browser's speechSynthesis as the player's port, and its voice list. Touched only when the
// reader first asks to read aloud: opening the reader never wakes the speech service.
import type { SpeechPort, UtteranceLike, VoiceLike } from './player.ts';

/** How often the voice list is looked at while the browser has not listed any yet. */
const VOICE_POLL_MS = 250;

export interface BrowserSpeech {
  port: SpeechPort;
  /** The voices, once the browser has listed them (empty after `timeoutMs` when it lists none). */
  voices(timeoutMs: number): Promise<VoiceLike[]>;
  /** Calls `listener` when the list changes (voices installed or removed); returns the unsubscribe. */
  onVoicesChanged(listener: () => void): () => void;
}

export function browserSpeech(): BrowserSpeech | undefined {
  const synthesis = globalThis.speechSynthesis;
  const Utterance = globalThis.SpeechSynthesisUtterance;
  if (!synthesis || typeof Utterance !== 'function') return undefined;
  const port: SpeechPort = {
    createUtterance: (text) => new Utterance(text) as unknown as UtteranceLike,
    speak: (utterance) => synthesis.speak(utterance as unknown as SpeechSynthesisUtterance),
    cancel: () => synthesis.cancel(),
  };
  return {
    port,
    voices(timeoutMs) {
      const now = synthesis.getVoices();
      if (now.length > 0) return Promise.resolve(now);
      // Chromium lists speech-dispatcher's voices some time after the first request and says so
      // with `voiceschanged`, but a tab that asks after another tab already caused the listing may
      // never get the event: the list is also looked at a few times a second until it arrives.
      return new Promise((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          clearInterval(poll);
          synthesis.removeEventListener('voiceschanged', changed);
          resolve(synthesis.getVoices());
        };
        const changed = (): void => {
          if (synthesis.getVoices().length > 0) done();
        };
        const timer = setTimeout(done, timeoutMs);
        const poll = setInterval(changed, VOICE_POLL_MS);
        synthesis.addEventListener('voiceschanged', changed);
      });
    },
    onVoicesChanged(listener) {
      synthesis.addEventListener('voiceschanged', listener);
      return () => synthesis.removeEventListener('voiceschanged', listener);
    },
  };
}
