// Real voices for the read-aloud suites: Debian's speech-dispatcher with espeak-ng gives Chromium
// (with --enable-speech-dispatcher) and Firefox local Mandarin (`cmn`) and Cantonese (`yue`) voices.
// speech-dispatcher plays through PulseAudio; a machine without a sound card (CI) needs a sound
// server whose only sink is a null sink, or speech-dispatcher cannot open audio and an utterance
// starts but never ends. This starts one when none answers; the browser starts speech-dispatcher
// itself (autospawn) on its first request.
import { spawnSync } from 'node:child_process';

function pulseAnswers(): boolean {
  return spawnSync('pactl', ['info'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
}

/** Makes sure a PulseAudio server (with its automatic null sink when there is no card) is running. */
export function startSoundServer(): void {
  if (pulseAnswers()) return;
  // As root PulseAudio warns that it is meant for a user session, and runs all the same.
  const started = spawnSync('pulseaudio', ['--daemonize=yes', '--exit-idle-time=-1', '--log-target=stderr'], { encoding: 'utf8', timeout: 20_000 });
  if (!pulseAnswers()) {
    throw new Error(`no sound server for speech-dispatcher: pulseaudio exited ${started.status}: ${started.stderr}`);
  }
}
