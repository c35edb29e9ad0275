/**
 * The rows of a procedure's table, measured: each step's cells wrapped to their columns, and a note
 * row where the source lost steps (`Hilang:`). Heights come from the wrapped line counts.
 */
import type { Procedure } from '../../../ast/types.js';
import { LINE_HEIGHT_EM } from '../text/metrics.js';
import { wrapText } from '../text/wrap.js';
import { fieldText, keteranganText, missingStepsText, stepNumberText } from './cell-text.js';
import { decisionRowHeight } from './decision-room.js';
import { CELL_PADDING_X, CELL_PADDING_Y, FONT, ROW_MIN_HEIGHT } from './style.js';
import type { Column, ColumnKind } from './types.js';

export interface MeasuredRow {
  kind: 'step' | 'note';
  /** The step's index, for a step row. */
  stepIndex?: number;
  /** Wrapped lines per text column (a note row fills only Kegiatan). */
  lines: Partial<Record<ColumnKind, string[]>>;
  /** Height before page-break connector space is added. */
  height: number;
}

export function textHeight(lineCount: number, fontSize: number): number {
  return lineCount * fontSize * LINE_HEIGHT_EM + 2 * CELL_PADDING_Y;
}

export function wrapInColumn(text: string, column: Column, fontSize: number, bold = false): string[] {
  return wrapText(text, column.width - 2 * CELL_PADDING_X, { fontSize, bold });
}

export function measureRows(procedure: Procedure, columns: Column[]): MeasuredRow[] {
  const byKind = (kind: ColumnKind) => columns.find((c) => c.kind === kind)!;
  const rows: MeasuredRow[] = [];
  const notes = [...procedure.missing].sort((a, b) => a.from - b.from);
  const noteRow = (text: string): MeasuredRow => {
    const lines = wrapInColumn(text, byKind('kegiatan'), FONT.body);
    return { kind: 'note', lines: { kegiatan: lines }, height: Math.max(ROW_MIN_HEIGHT.note, textHeight(lines.length, FONT.body)) };
  };
  procedure.steps.forEach((step, stepIndex) => {
    while (notes.length && step.number !== null && step.number >= notes[0].from) rows.push(noteRow(missingStepsText(notes.shift()!)));
    const texts: Partial<Record<ColumnKind, string>> = {
      no: stepNumberText(step),
      kegiatan: step.kegiatan.text,
      kelengkapan: fieldText(step.kelengkapan),
      waktu: fieldText(step.waktu),
      output: fieldText(step.output),
      keterangan: keteranganText(step),
    };
    const lines: Partial<Record<ColumnKind, string[]>> = {};
    let maxLines = 0;
    for (const [kind, text] of Object.entries(texts) as Array<[ColumnKind, string]>) {
      lines[kind] = wrapInColumn(text, byKind(kind), FONT.body);
      maxLines = Math.max(maxLines, lines[kind]!.length);
    }
    const minimum = step.symbol === 'decision' ? decisionRowHeight(procedure, stepIndex, columns) : ROW_MIN_HEIGHT.process;
    rows.push({ kind: 'step', stepIndex, lines, height: Math.max(minimum, textHeight(maxLines, FONT.body)) });
  });
  for (const note of notes) rows.push(noteRow(missingStepsText(note)));
  return rows;
}
