// Timing a script switch the way the reader does one, for benches in Node (test/bench/zh-node.ts)
// and in a browser page: the same function measures our converter and plain opencc-js, so the two
// rows come from the same run. Never used by tests as an assertion.

import type { Converter } from './converter.ts';

export interface SwitchTiming {
  /** Creating the converter, including loading and parsing whatever dictionaries it needs. */
  createMs: number;
  /** Converting every text once. */
  convertMs: number;
  totalMs: number;
}

/** One switch: create (or fetch from cache) the converter, then convert every text of the article. */
export async function timeSwitch(texts: readonly string[], create: () => Converter | Promise<Converter>): Promise<SwitchTiming> {
  const start = performance.now();
  const convert = await create();
  const created = performance.now();
  let length = 0;
  for (const text of texts) length += convert(text).length;
  const end = performance.now();
  if (length < 0) throw new Error('unreachable'); // keeps the conversions from being optimised away
  return { createMs: created - start, convertMs: end - created, totalMs: end - start };
}

/** Median time of converting every text with an existing converter, over `runs` runs. */
export function medianConvertMs(texts: readonly string[], convert: Converter, runs = 21): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    for (const text of texts) convert(text);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}
