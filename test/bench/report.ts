// Bench rows: the statistics of one measurement, the table printed on stdout and the JSON written to
// bench/results.json, so a later run can be compared row by row with this one.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type Unit = 'ms' | 'bytes' | 'MB';

/**
 * What a row must stay within. A ratio or an offset is judged against the row's anchor, measured in
 * the same run (on a loaded machine both move together; an absolute number moves with the load).
 *   limit:        median ≤ value (the row's unit)
 *   ratio:        median ≤ max × the anchor's median
 *   anchor-plus:  median ≤ the anchor's median + plus (the row's unit)
 */
export type Budget = { kind: 'limit'; value: number } | { kind: 'ratio'; max: number } | { kind: 'anchor-plus'; plus: number };

/** How long a part of the measured work took (medians, the row's unit), for saying why a row is over. */
export type Stages = Readonly<Record<string, number>>;

export interface BenchRow {
  name: string;
  unit: Unit;
  median: number;
  min: number;
  max: number;
  /** The budget as written ("≤ 0.50× anchor"); null when the row is reported only. */
  rule: string | null;
  /** The budget in the row's unit for this run (a ratio's is max × anchor); null when there is none or no anchor was measured. */
  budget: number | null;
  /** The same work done by what a reader would otherwise use, measured in the same run. */
  anchor: number | null;
  /** median / anchor. */
  ratio: number | null;
  samples: number;
  /** A second, absolute limit kept for reference only: it never decides the result. */
  reportLimit?: { value: number; within: boolean };
  /** For a row over budget: by how much, and the part of the work that made it so. */
  why?: string;
  note?: string;
}

export interface RowInput {
  name: string;
  unit: Unit;
  samples: number[];
  /** A number is a limit in the row's unit. */
  budget?: number | Budget | null;
  /** Samples of the anchor, measured side by side with `samples`. */
  anchorSamples?: number[];
  /** What the anchor is, for the row's explanation when over ("plain opencc-js"). */
  anchorName?: string;
  /** An absolute limit reported next to the budget, never deciding the result. */
  reportLimit?: number;
  /** The parts of this row's work, to name the one that made it go over. */
  stages?: Stages;
  /** The same parts of the anchor's work, when it has them: then the largest difference is named. */
  anchorStages?: Stages;
  note?: string;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

function asBudget(budget: RowInput['budget']): Budget | null {
  if (budget === undefined || budget === null) return null;
  return typeof budget === 'number' ? { kind: 'limit', value: budget } : budget;
}

/** The budget as printed: "≤ 100 ms", "≤ 0.50× anchor", "≤ anchor + 4.00 ms". */
export function ruleText(budget: Budget, unit: Unit): string {
  switch (budget.kind) {
    case 'limit':
      return `≤ ${formatValue(budget.value, unit)}`;
    case 'ratio':
      return `≤ ${budget.max.toFixed(2)}× anchor`;
    case 'anchor-plus':
      return `≤ anchor + ${formatValue(budget.plus, unit)}`;
  }
}

/** The budget in the row's unit, given the anchor's median (null: a relative budget with no anchor). */
export function resolveBudget(budget: Budget, anchor: number | null): number | null {
  if (budget.kind === 'limit') return budget.value;
  if (anchor === null || !Number.isFinite(anchor)) return null;
  return budget.kind === 'ratio' ? budget.max * anchor : anchor + budget.plus;
}

/**
 * Why a row is over its budget: by how much, then the stage that made it so: the one where this
 * row's work exceeds the anchor's most when both have the same stages, else this row's largest.
 */
export function explainOver(row: Pick<BenchRow, 'median' | 'budget' | 'ratio' | 'unit'>, budget: Budget, input: Pick<RowInput, 'stages' | 'anchorStages' | 'anchorName'>): string {
  const over = formatValue(row.median - (row.budget ?? Number.NaN), row.unit);
  const against = input.anchorName ? ` ${input.anchorName}` : ' the anchor';
  const head =
    budget.kind === 'ratio' && row.ratio !== null
      ? `${over} over: ${row.ratio.toFixed(2)}× ${against.trim()}, budget ${budget.max.toFixed(2)}×`
      : budget.kind === 'anchor-plus'
        ? `${over} over${against} + ${formatValue(budget.plus, row.unit)}`
        : `${over} over`;
  const stages = Object.entries(input.stages ?? {});
  if (stages.length === 0) return head;
  const anchorStages = input.anchorStages ?? {};
  const shared = stages.filter(([name]) => anchorStages[name] !== undefined);
  if (shared.length === stages.length) {
    const [name, value] = shared.reduce((most, stage) => (stage[1] - (anchorStages[stage[0]] ?? 0) > most[1] - (anchorStages[most[0]] ?? 0) ? stage : most));
    return `${head}; most of the difference: ${name} ${formatValue(value, row.unit)} against ${formatValue(anchorStages[name] ?? Number.NaN, row.unit)}`;
  }
  const [name, value] = stages.reduce((most, stage) => (stage[1] > most[1] ? stage : most));
  return `${head}; its largest part: ${name} ${formatValue(value, row.unit)}`;
}

export function makeRow(input: RowInput): BenchRow {
  const { samples } = input;
  const anchor = input.anchorSamples && input.anchorSamples.length > 0 ? median(input.anchorSamples) : null;
  const value = median(samples);
  const budget = asBudget(input.budget);
  const row: BenchRow = {
    name: input.name,
    unit: input.unit,
    median: value,
    min: samples.length > 0 ? Math.min(...samples) : Number.NaN,
    max: samples.length > 0 ? Math.max(...samples) : Number.NaN,
    rule: budget ? ruleText(budget, input.unit) : null,
    budget: budget ? resolveBudget(budget, anchor) : null,
    anchor,
    ratio: anchor !== null && anchor > 0 && Number.isFinite(value) ? value / anchor : null,
    samples: samples.length,
  };
  if (input.reportLimit !== undefined && Number.isFinite(value)) row.reportLimit = { value: input.reportLimit, within: value <= input.reportLimit };
  if (budget && verdict(row) === 'OVER') row.why = explainOver(row, budget, input);
  if (input.note) row.note = input.note;
  return row;
}

/** A row that could not be measured in this run; it prints as "not measured" with the reason. */
export function missingRow(name: string, unit: Unit, budget: number | Budget | null, reason: string): BenchRow {
  const rule = asBudget(budget);
  return {
    name, unit, median: Number.NaN, min: Number.NaN, max: Number.NaN,
    rule: rule ? ruleText(rule, unit) : null,
    budget: rule ? resolveBudget(rule, null) : null,
    anchor: null, ratio: null, samples: 0, note: reason,
  };
}

export type Verdict = 'pass' | 'OVER' | 'report' | 'not measured' | 'no anchor';

export function verdict(row: Pick<BenchRow, 'samples' | 'median' | 'rule' | 'budget'>): Verdict {
  if (row.samples === 0 || Number.isNaN(row.median)) return 'not measured';
  if (row.rule === null) return 'report';
  if (row.budget === null) return 'no anchor';
  return row.median <= row.budget ? 'pass' : 'OVER';
}

export function formatValue(value: number | null, unit: Unit): string {
  if (value === null || Number.isNaN(value)) return '—';
  if (unit === 'bytes') return `${value.toLocaleString('en-US')} B`;
  if (unit === 'MB') return `${value.toFixed(2)} MB`;
  return value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(1)} ms`;
}

function formatRange(row: BenchRow): string {
  if (row.samples === 0) return '—';
  if (row.unit === 'bytes') return formatValue(row.min, row.unit);
  const strip = (text: string): string => text.replace(/ (?:ms|MB|B)$/, '');
  return `${strip(formatValue(row.min, row.unit))}–${formatValue(row.max, row.unit)}`;
}

/** The report-only limit's cell: "≤ 50.0 ms: yes" / "…: no". */
function reportLimitText(row: BenchRow): string {
  return row.reportLimit ? `${ruleText({ kind: 'limit', value: row.reportLimit.value }, row.unit)}: ${row.reportLimit.within ? 'yes' : 'no'}` : '';
}

export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['row', 'median', 'min–max', 'n', 'budget', 'this run', 'anchor', 'ratio', 'result', 'report only'];
  const body = rows.map((row) => [
    row.name,
    formatValue(row.median, row.unit),
    formatRange(row),
    String(row.samples),
    row.rule ?? '—',
    // A relative budget's value in this run; an absolute one is its rule already.
    row.rule !== null && row.rule.includes('anchor') ? formatValue(row.budget, row.unit) : '',
    formatValue(row.anchor, row.unit),
    row.ratio === null ? '—' : `${row.ratio.toFixed(2)}×`,
    verdict(row),
    reportLimitText(row),
  ]);
  const widths = header.map((title, column) =>
    Math.max(displayWidth(title), ...body.map((cells) => displayWidth(cells[column] ?? ''))),
  );
  const alignRight = new Set([1, 2, 3, 5, 6, 7]);
  const line = (cells: string[]): string =>
    cells.map((cell, column) => pad(cell, widths[column] ?? 0, alignRight.has(column))).join('  ').trimEnd();
  const out = [line(header), widths.map((width) => '─'.repeat(width)).join('  ')];
  for (const cells of body) out.push(line(cells));
  const over = rows.filter((row) => row.why !== undefined && verdict(row) === 'OVER');
  if (over.length > 0) out.push('', 'over budget, and why:');
  for (const row of over) out.push(`  · ${row.name}: ${row.why}`);
  // One line per note, naming every row it applies to.
  const rowsByNote = new Map<string, string[]>();
  for (const row of rows) if (row.note) rowsByNote.set(row.note, [...(rowsByNote.get(row.note) ?? []), row.name]);
  if (rowsByNote.size > 0) out.push('', 'notes:');
  for (const [note, names] of rowsByNote) out.push(`  · ${names.length === 1 ? names[0] : `${names.length} rows (${names[0]} …)`}: ${note}`);
  return out.join('\n');
}

/** Column width in terminal cells: CJK characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return width;
}

function pad(text: string, width: number, alignRight: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return alignRight ? fill + text : text + fill;
}

export function writeResults(path: string, rows: readonly BenchRow[]): void {
  mkdirSync(dirname(path), { recursive: true });
  const clean = rows.map((row) => ({
    ...row,
    median: finiteOrNull(row.median),
    min: finiteOrNull(row.min),
    max: finiteOrNull(row.max),
    result: verdict(row),
  }));
  writeFileSync(path, `${JSON.stringify(clean, null, 2)}\n`);
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
