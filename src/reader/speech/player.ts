// Read-aloud as a small state machine over a `speechSynthesis`-shaped port: a queue of sentences,
// the one being read, and idle / speaking / paused. One utterance per sentence. Pause cancels the
// utterance and remembers the sentence, resume speaks that sentence again from its start: exact on
// every engine (speechSynthesis.pause() is a no-op or loses the place on several, speech-dispatcher
// among them). Events of an utterance that was cancelled (Chrome reports `interrupted`/`canceled`,
// some engines a late `end`) are recognised by a generation number and ignored.
// No DOM here: the reader supplies the sentences and shows the state; tests use a fake port in Node.

/** What the reader needs of a SpeechSynthesisVoice. */
export interface VoiceLike {
  name: string;
  lang: string;
  localService: boolean;
  voiceURI: string;
  default: boolean;
}

/** What the player sets and listens to on a SpeechSynthesisUtterance. */
export interface UtteranceLike {
  text: string;
  lang: string;
  voice: VoiceLike | null;
  rate: number;
  onstart: ((event: unknown) => void) | null;
  onend: ((event: unknown) => void) | null;
  onerror: ((event: { error?: string }) => void) | null;
}

export interface SpeechPort {
  createUtterance(text: string): UtteranceLike;
  speak(utterance: UtteranceLike): void;
  cancel(): void;
}

export interface SpeechItem {
  text: string;
  /** Identifies the sentence across scripts: the same key in another script is the same sentence. */
  key: string;
}

export type SpeechStatus = 'idle' | 'speaking' | 'paused';

export interface SpeechState {
  status: SpeechStatus;
  /** The sentence being read (or to be read on resume); -1 when idle. */
  index: number;
  /** The engine's error code, when speech stopped because of one. */
  error?: string;
}

export interface SpeechVoiceChoice {
  /** BCP 47 language of the text, set on every utterance. */
  lang: string;
  voice: VoiceLike | null;
  /** 0.5–2. */
  rate: number;
}

/** Errors that mean "this utterance was cancelled", which the player itself causes. */
const CANCELLED = new Set(['interrupted', 'canceled']);

export class SpeechPlayer {
  private items: readonly SpeechItem[] = [];
  private state: SpeechState = { status: 'idle', index: -1 };
  private generation = 0;
  /** Kept referenced while it speaks: Chrome drops the events of an utterance that was collected. */
  private current: UtteranceLike | undefined;

  constructor(
    private readonly port: SpeechPort,
    private choice: SpeechVoiceChoice,
    private readonly onChange: (state: SpeechState) => void,
  ) {}

  get snapshot(): SpeechState {
    return this.state;
  }

  get sentences(): readonly SpeechItem[] {
    return this.items;
  }

  /**
   * New sentences (another script, or more of the article rendered). Reading goes on from the
   * sentence with the same key, spoken again in its new text and voice; a key that is gone leaves
   * the place at the same index (clamped).
   */
  load(items: readonly SpeechItem[], choice: SpeechVoiceChoice = this.choice): void {
    const key = this.items[this.state.index]?.key;
    const sameChoice = choice.lang === this.choice.lang && choice.voice === this.choice.voice && choice.rate === this.choice.rate;
    const textBefore = this.items[this.state.index]?.text;
    this.items = items;
    this.choice = choice;
    if (this.state.status === 'idle') return;
    const found = key === undefined ? -1 : items.findIndex((item) => item.key === key);
    const index = found >= 0 ? found : Math.min(this.state.index, items.length - 1);
    if (index < 0) {
      this.stop();
      return;
    }
    if (this.state.status === 'speaking' && (!sameChoice || items[index]!.text !== textBefore || index !== this.state.index)) {
      this.speakAt(index);
    } else {
      this.set({ status: this.state.status, index });
    }
  }

  /** Changes voice, language or speed; a sentence being read is read again with it at once. */
  configure(choice: SpeechVoiceChoice): void {
    this.load(this.items, choice);
  }

  /** Starts (or restarts) reading at sentence `index`. */
  play(index = 0): void {
    if (this.items.length === 0) return;
    this.speakAt(Math.max(0, Math.min(index, this.items.length - 1)));
  }

  pause(): void {
    if (this.state.status !== 'speaking') return;
    this.silence();
    this.set({ status: 'paused', index: this.state.index });
  }

  resume(): void {
    if (this.state.status !== 'paused') return;
    this.speakAt(this.state.index);
  }

  stop(): void {
    this.silence();
    if (this.state.status !== 'idle') this.set({ status: 'idle', index: -1 });
  }

  /** Next or previous sentence: read at once when speaking, marked as the place when paused. */
  step(delta: 1 | -1): void {
    if (this.state.status === 'idle') return;
    const index = this.state.index + delta;
    if (index < 0 || index >= this.items.length) {
      if (delta > 0) this.stop();
      return;
    }
    if (this.state.status === 'speaking') this.speakAt(index);
    else this.set({ status: 'paused', index });
  }

  private speakAt(index: number): void {
    this.silence();
    const generation = ++this.generation;
    const item = this.items[index]!;
    const utterance = this.port.createUtterance(item.text);
    utterance.lang = this.choice.lang;
    utterance.voice = this.choice.voice;
    utterance.rate = this.choice.rate;
    utterance.onend = () => {
      if (generation !== this.generation) return;
      this.current = undefined;
      if (index + 1 < this.items.length) this.speakAt(index + 1);
      else this.set({ status: 'idle', index: -1 });
    };
    utterance.onerror = (event) => {
      if (generation !== this.generation || CANCELLED.has(event.error ?? '')) return;
      this.current = undefined;
      this.generation += 1;
      this.set({ status: 'idle', index: -1, error: event.error ?? 'synthesis-failed' });
    };
    this.current = utterance;
    this.set({ status: 'speaking', index });
    this.port.speak(utterance);
  }

  /** Cancels what is being said; its late events are ignored. */
  private silence(): void {
    this.generation += 1;
    if (this.current) {
      this.current = undefined;
      this.port.cancel();
    }
  }

  private set(state: SpeechState): void {
    this.state = state;
    this.onChange(state);
  }
}
