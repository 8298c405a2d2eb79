// Bench rows: the statistics of one measurement, the table printed on stdout and the JSON written to
// bench/results.json, so a later run can be compared row by row with this one.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type Unit = 'ms' | 'bytes' | 'MB';

export interface BenchRow {
  name: string;
  unit: Unit;
  median: number;
  min: number;
  max: number;
  /** The row passes when median ≤ budget; null when the row is reported only. */
  budget: number | null;
  /** The same work done by what a reader would otherwise use, measured in the same run. */
  anchor: number | null;
  /** median / anchor. */
  ratio: number | null;
  samples: number;
  note?: string;
}

export interface RowInput {
  name: string;
  unit: Unit;
  samples: number[];
  budget?: number | null;
  /** Samples of the anchor, measured side by side with `samples`. */
  anchorSamples?: number[];
  /** The budget is the anchor's median (e.g. "no slower than plain Readability"). */
  budgetIsAnchor?: boolean;
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

export function makeRow(input: RowInput): BenchRow {
  const { samples } = input;
  const anchor = input.anchorSamples && input.anchorSamples.length > 0 ? median(input.anchorSamples) : null;
  const value = median(samples);
  const budget = input.budgetIsAnchor ? anchor : (input.budget ?? null);
  const row: BenchRow = {
    name: input.name,
    unit: input.unit,
    median: value,
    min: samples.length > 0 ? Math.min(...samples) : Number.NaN,
    max: samples.length > 0 ? Math.max(...samples) : Number.NaN,
    budget,
    anchor,
    ratio: anchor !== null && anchor > 0 && Number.isFinite(value) ? value / anchor : null,
    samples: samples.length,
  };
  if (input.note) row.note = input.note;
  return row;
}

/** A row that could not be measured in this run; it prints as "not measured" with the reason. */
export function missingRow(name: string, unit: Unit, budget: number | null, reason: string): BenchRow {
  return { name, unit, median: Number.NaN, min: Number.NaN, max: Number.NaN, budget, anchor: null, ratio: null, samples: 0, note: reason };
}

export type Verdict = 'pass' | 'OVER' | 'report' | 'not measured';

export function verdict(row: BenchRow): Verdict {
  if (row.samples === 0 || Number.isNaN(row.median)) return 'not measured';
  if (row.budget === null) return 'report';
  return row.median <= row.budget ? 'pass' : 'OVER';
}

function formatValue(value: number | null, unit: Unit): string {
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

export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['row', 'median', 'min–max', 'n', 'budget', 'anchor', 'ratio', 'result'];
  const body = rows.map((row) => [
    row.name,
    formatValue(row.median, row.unit),
    formatRange(row),
    String(row.samples),
    row.budget === null ? '—' : `≤ ${formatValue(row.budget, row.unit)}`,
    formatValue(row.anchor, row.unit),
    row.ratio === null ? '—' : `${row.ratio.toFixed(2)}×`,
    verdict(row),
  ]);
  const widths = header.map((title, column) =>
    Math.max(displayWidth(title), ...body.map((cells) => displayWidth(cells[column] ?? ''))),
  );
  const line = (cells: string[]): string =>
    cells.map((cell, column) => pad(cell, widths[column] ?? 0, column > 0 && column < 7)).join('  ').trimEnd();
  const out = [line(header), widths.map((width) => '─'.repeat(width)).join('  ')];
  for (const cells of body) out.push(line(cells));
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
