// The parent half of the Firefox bench's Reader View actor (firefox-actor-child.ts), and the timed
// actions the bench runs in Firefox's own window through Marionette. Built by bundle.ts as an ES
// module; firefox-rows.ts serves it at resource://qingdu-bench/ and imports it from its chrome
// scripts (ChromeUtils.importESModule), which share this one instance with the actor.

import { clockDrift, type Clocks } from './clock.ts';
import type { ReaderPainted } from './firefox-actor-child.ts';

declare class JSWindowActorParent {}

const received: ReaderPainted[] = [];
const waiting: ((painted: ReaderPainted) => void)[] = [];

export class QingduBenchReaderParent extends JSWindowActorParent {
  receiveMessage(message: { name: string; data: ReaderPainted }): void {
    if (message.name !== 'painted') return;
    const next = waiting.shift();
    if (next) next(message.data);
    else received.push(message.data);
  }
}

/** Forgets Reader View pages painted before now (call before the action that is timed). */
export function forgetPainted(): void {
  received.length = 0;
}

/** The next about:reader page painted. */
export function nextPainted(): Promise<ReaderPainted> {
  const ready = received.shift();
  return ready ? Promise.resolve(ready) : new Promise((resolve) => waiting.push(resolve));
}

/**
 * Does `action` (a click on a toolbar button, a navigation) and returns when it started, on the
 * wall clock as `clockDrift` lines it up: comparable with the page's times sent the same way.
 * `clocks`: Firefox's window (this module's own global has no `performance`).
 */
export function timed(action: () => void, clocks: Clocks): number {
  const drift = clockDrift(24, clocks);
  const at = clocks.performance.timeOrigin + clocks.performance.now();
  action();
  return at + drift;
}
