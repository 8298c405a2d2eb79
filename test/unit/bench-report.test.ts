// The bench's verdicts (test/bench/report.ts): a budget written as a ratio or an offset is judged
// against the anchor measured in the same run, a row over budget says why, and a report-only limit
// never decides. Fixed sample numbers, no timing.
import { describe, expect, test } from 'vitest';
import { formatTable, makeRow, missingRow, resolveBudget, verdict } from '../../test/bench/report.ts';

describe('budgets against the anchor of the same run', () => {
  test('a ratio budget passes at exactly max × the anchor and is over just above it', () => {
    const at = makeRow({ name: 'switch', unit: 'ms', samples: [50], budget: { kind: 'ratio', max: 0.5 }, anchorSamples: [100] });
    expect(at.budget).toBe(50);
    expect(at.ratio).toBe(0.5);
    expect(verdict(at)).toBe('pass');
    const over = makeRow({ name: 'switch', unit: 'ms', samples: [50.5], budget: { kind: 'ratio', max: 0.5 }, anchorSamples: [100] });
    expect(verdict(over)).toBe('OVER');
  });

  test('the same sample passes or not depending only on the anchor measured with it', () => {
    const budget = { kind: 'ratio', max: 1 } as const;
    expect(verdict(makeRow({ name: 'open', unit: 'ms', samples: [150, 160, 170], budget, anchorSamples: [200, 210, 190] }))).toBe('pass');
    expect(verdict(makeRow({ name: 'open', unit: 'ms', samples: [150, 160, 170], budget, anchorSamples: [120, 130, 110] }))).toBe('OVER');
  });

  test('an offset budget is the anchor plus a fixed amount', () => {
    const row = makeRow({ name: 'later switch', unit: 'ms', samples: [15, 16, 17], budget: { kind: 'anchor-plus', plus: 4 }, anchorSamples: [12] });
    expect(row.budget).toBe(16);
    expect(verdict(row)).toBe('pass');
    expect(resolveBudget({ kind: 'anchor-plus', plus: 4 }, 12.6)).toBeCloseTo(16.6);
  });

  test('a relative budget with no anchor measured is neither pass nor over', () => {
    const row = makeRow({ name: 'x', unit: 'ms', samples: [1], budget: { kind: 'ratio', max: 0.5 }, anchorSamples: [] });
    expect(row.budget).toBeNull();
    expect(verdict(row)).toBe('no anchor');
  });

  test('a number is an absolute limit, as before; no budget is report only; no samples is not measured', () => {
    expect(verdict(makeRow({ name: 'size', unit: 'bytes', samples: [3000], budget: 3072 }))).toBe('pass');
    expect(verdict(makeRow({ name: 'size', unit: 'bytes', samples: [3100], budget: 3072 }))).toBe('OVER');
    expect(verdict(makeRow({ name: 'heap', unit: 'MB', samples: [2] }))).toBe('report');
    expect(verdict(missingRow('gone', 'ms', { kind: 'ratio', max: 1 }, 'not run'))).toBe('not measured');
  });

  test('the report-only limit is shown but never decides the result', () => {
    const row = makeRow({ name: 'first switch', unit: 'ms', samples: [60], budget: { kind: 'ratio', max: 0.5 }, anchorSamples: [130], reportLimit: 50 });
    expect(row.reportLimit).toEqual({ value: 50, within: false });
    expect(verdict(row)).toBe('pass');
    expect(formatTable([row])).toMatch(/pass\s+≤ 50\.0 ms: no/);
  });
});

describe('a row over budget names why', () => {
  test('by how much, against which anchor, and the stage with the largest difference from the anchor', () => {
    const row = makeRow({
      name: 'click → overlay painted',
      unit: 'ms',
      samples: [120],
      budget: { kind: 'ratio', max: 1 },
      anchorSamples: [100],
      anchorName: 'plain Readability',
      stages: { injection: 30, 'extraction and render': 70, paint: 20 },
      anchorStages: { injection: 28, 'extraction and render': 50, paint: 22 },
    });
    expect(row.why).toBe('20.0 ms over: 1.20× plain Readability, budget 1.00×; most of the difference: extraction and render 70.0 ms against 50.0 ms');
    const table = formatTable([row]);
    expect(table).toContain('over budget, and why:');
    expect(table).toContain(`click → overlay painted: ${row.why}`);
  });

  test('without stages of the anchor, its own largest stage', () => {
    const row = makeRow({ name: 's', unit: 'ms', samples: [20], budget: { kind: 'anchor-plus', plus: 4 }, anchorSamples: [12], anchorName: 'the frame floor', stages: { 'click → DOM': 6, 'DOM → painted': 14 } });
    expect(row.why).toBe('4.00 ms over the frame floor + 4.00 ms; its largest part: DOM → painted 14.0 ms');
  });

  test('rows within budget carry no explanation', () => {
    const row = makeRow({ name: 's', unit: 'ms', samples: [10], budget: { kind: 'ratio', max: 0.5 }, anchorSamples: [100], stages: { a: 10 } });
    expect(row.why).toBeUndefined();
    expect(formatTable([row])).not.toContain('over budget');
  });
});
