// Chinese typography fixed at extraction: no space before or after full-width punctuation. Pages
// carry stray spaces there ("Mate 60 Pro ，在", "二十大结果“尘埃落定” ？"); in a reader a line can
// then start with "，", and a justified line stretches the space. The rule works on plain text and
// on inline runs, across the edges of links and emphasis.

import type { Inline } from '../article.ts';

/** Full-width punctuation that carries its own spacing: ，。；：？！、「」『』（）《》〈〉【】. */
const FULL_WIDTH = '，。；：？！、「」『』（）《》〈〉【】';
const SPACE_BEFORE = new RegExp(`[ \\u00a0\\u3000]+([${FULL_WIDTH}])`, 'g');
const SPACE_AFTER = new RegExp(`([${FULL_WIDTH}])[ \\u00a0\\u3000]+`, 'g');
const STARTS_FULL_WIDTH = new RegExp(`^[${FULL_WIDTH}]`);
const ENDS_FULL_WIDTH = new RegExp(`[${FULL_WIDTH}]$`);

export function tightenPunctuation(text: string): string {
  return text.replace(SPACE_BEFORE, '$1').replace(SPACE_AFTER, '$1');
}

/** The same rule over inline runs: inside each text run and where two runs meet. */
export function tightenInlinePunctuation(runs: readonly Inline[]): Inline[] {
  const tightened = runs.map(tightenRun);
  const leaves: { get: () => string; set: (text: string) => void }[] = [];
  collectLeaves(tightened, leaves);
  for (let index = 0; index + 1 < leaves.length; index += 1) {
    const current = leaves[index];
    const next = leaves[index + 1];
    if (!current || !next) continue;
    if (STARTS_FULL_WIDTH.test(next.get().trimStart()) && /\s$/.test(current.get())) current.set(current.get().replace(/[ \u00a0\u3000]+$/, ''));
    if (ENDS_FULL_WIDTH.test(current.get()) && /^\s/.test(next.get())) next.set(next.get().replace(/^[ \u00a0\u3000]+/, ''));
  }
  return withoutEmptyRuns(tightened);
}

function withoutEmptyRuns(runs: Inline[]): Inline[] {
  return runs.flatMap((run): Inline[] => {
    if (typeof run === 'string') return run === '' ? [] : [run];
    return [{ ...run, children: withoutEmptyRuns(run.children) }];
  });
}

function tightenRun(run: Inline): Inline {
  if (typeof run === 'string') return tightenPunctuation(run);
  return { ...run, children: run.children.map(tightenRun) };
}

/** Accessors for every text leaf, in reading order (a run list is rebuilt in place through them). */
function collectLeaves(runs: Inline[], leaves: { get: () => string; set: (text: string) => void }[]): void {
  runs.forEach((run, index) => {
    if (typeof run === 'string') {
      leaves.push({ get: () => runs[index] as string, set: (text) => { runs[index] = text; } });
    } else {
      collectLeaves(run.children, leaves);
    }
  });
}
