// One clock for the bench and the page it drives (used on both sides: probe.ts and extension-rows.ts).

/** Where the clocks come from: this global's, or a window's (Firefox's privileged bench code reads a page's). */
export interface Clocks {
  performance: Pick<Performance, 'now' | 'timeOrigin'>;
  Date: Pick<DateConstructor, 'now'>;
}

/**
 * How far the wall clock (`Date.now()`) is ahead of the high-resolution one
 * (`performance.timeOrigin + performance.now()`), averaged over samples 0.25 ms apart so that
 * Date.now()'s 1 ms steps average out. Measured in the page and in the bench, it lines the page's
 * clock up with the bench's to a fraction of a millisecond, without a round trip between them.
 */
export function clockDrift(samples = 24, clocks: Clocks = globalThis): number {
  const { performance, Date } = clocks;
  let sum = 0;
  for (let index = 0; index < samples; index += 1) {
    const until = performance.now() + 0.25;
    while (performance.now() < until) {
      // spread the samples over Date.now()'s 1 ms steps
    }
    sum += Date.now() - (performance.timeOrigin + performance.now());
  }
  return sum / samples;
}
