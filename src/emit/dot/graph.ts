/**
 * Graphviz DOT of one SOP: per procedure (a cluster), a grid of actor columns in declared order, as
 * the official form draws it: each step in its first actor's column (capsule for start/end, box for
 * process, diamond for decision) and a small dashed mark in each co-actor's column, the flow's edges
 * with exit labels, return edges dashed without constraining the ranks. A flow to `selesai` ends at
 * an end capsule, one to `?` (lost in the source) at a dashed "?" circle; steps whose actor cannot
 * be read ('[?]') or is not declared get a dashed column of their own.
 */
import type { Procedure, SopDocument, Step } from '../../ast/types.js';
import { buildFlowGraph } from '../../resolve/flow-graph.js';
import { drawnTerminals, hasUnknownActor } from '../flow-ends.js';
import { procedureLanes } from '../procedure-lanes.js';
import { dotLabel, dotString } from './escape.js';

const COLORS = { lane: '#f4f6f8', laneBorder: '#8a949e', node: '#ffffff', note: '#fff8dc', returnEdge: '#a33a3a' };

function shapeOf(step: Step): string {
  const dashed = hasUnknownActor(step) ? ',dashed' : '';
  if (step.symbol === 'terminator') return `shape=box, style="rounded,filled${dashed}", peripheries=1`;
  if (step.symbol === 'decision') return dashed ? 'shape=diamond, style="filled,dashed"' : 'shape=diamond, style=filled';
  return dashed ? 'shape=box, style="filled,dashed"' : 'shape=box, style=filled';
}

function stepText(step: Step, procedure: Procedure): string {
  const others = step.actors.slice(1).map((ref) => procedure.actors.find((a) => a.id.toLowerCase() === ref.id.toLowerCase())?.label ?? ref.id);
  const number = step.number === null ? '' : `${step.number}. `;
  return `${number}${step.kegiatan.text}${others.length ? ` (bersama ${others.join(', ')})` : ''}`;
}

/**
 * One procedure as a grid, the way the official form draws it: a row of lane headers in declared
 * order, then one row per step, the step in its first actor's column and a small mark in each
 * co-actor's column. Every row is one rank whose cells are chained left to right by invisible flat
 * edges, and every column is chained top to bottom: Graphviz cannot reorder the lanes.
 */
function procedureLines(procedure: Procedure, p: string): string[] {
  const lines: string[] = [];
  const stepId = (i: number) => `"${p}_s${i + 1}"`;
  const { lanes, laneOfStep, coLanes } = procedureLanes(procedure, p);
  if (lanes.length === 0 && procedure.steps.length === 0) lanes.push({ id: `${p}l0`, label: '', dashed: true });
  const group = (lane: number) => `group="${p}_l${lane + 1}"`;
  const rows: string[][] = [];
  rows.push(
    lanes.map((lane, l) => {
      const id = `"${p}_h${l + 1}"`;
      const style = lane.dashed ? 'style="filled,dashed"' : 'style=filled';
      lines.push(`  ${id} [label="${dotLabel(lane.label, 24)}", shape=box, ${style}, fillcolor="${COLORS.lane}", color="${COLORS.laneBorder}", ${group(l)}];`);
      return id;
    }),
  );
  procedure.steps.forEach((step, i) => {
    const row = lanes.map((_, l) => `"${p}_g${i + 1}_${l + 1}"`);
    row[laneOfStep[i]] = stepId(i);
    lines.push(`  ${stepId(i)} [label="${dotLabel(stepText(step, procedure))}", ${shapeOf(step)}, fillcolor="${COLORS.node}", ${group(laneOfStep[i])}];`);
    for (const lane of coLanes[i]) {
      // A co-actor's mark: the step's symbol, small and dashed, in the co-actor's column.
      lines.push(
        `  ${row[lane]} [label="${step.number ?? ''}", shape=${step.symbol === 'decision' ? 'diamond' : 'box'}, style="dashed${step.symbol === 'terminator' ? ',rounded' : ''}", fontsize=8, width=0.3, height=0.25, ${group(lane)}];`,
      );
      const [left, right] = lane < laneOfStep[i] ? [row[lane], stepId(i)] : [stepId(i), row[lane]];
      lines.push(`  ${left} -> ${right} [dir=none, style=dotted, color="${COLORS.laneBorder}"];`);
    }
    row.forEach((id, l) => {
      if (l !== laneOfStep[i] && !coLanes[i].includes(l)) lines.push(`  ${id} [label="", shape=point, style=invis, width=0, height=0, ${group(l)}];`);
    });
    rows.push(row);
  });
  // Routes first: a jump that finds no free column gets a gutter column of its own at the right.
  const graph = buildFlowGraph(procedure);
  const router = jumpRouter(rows.slice(1), laneOfStep, coLanes, p);
  const paths = graph.edges.map((edge) => [stepId(edge.from), ...router.through(edge.from, edge.to), stepId(edge.to)]);
  router.gutters.forEach((_, g) => {
    rows.forEach((row, r) => {
      const id = `"${p}_r${r}_${g + 1}"`;
      lines.push(`  ${id} [label="", shape=point, style=invis, width=0, height=0];`);
      row.push(id);
    });
  });
  for (const row of rows) {
    lines.push(`  { rank=same; ${row.join('; ')}; }`);
    if (row.length > 1) lines.push(`  ${row.join(' -> ')} [style=invis];`);
  }
  rows[0].forEach((_, l) => {
    const column = rows.map((row) => row[l]);
    if (column.length > 1) lines.push(`  ${column.join(' -> ')} [style=invis, weight=100];`);
  });
  procedure.missing.forEach((m, i) => {
    lines.push(
      `  "${p}_m${i + 1}" [label="${dotLabel(`Langkah ${m.from}-${m.to ?? 'akhir'} hilang di sumber`)}", shape=note, style=filled, fillcolor="${COLORS.note}"];`,
    );
    // The note stands where the steps were lost: after the last step numbered before the range.
    const before = procedure.steps.reduce((last, step, s) => (step.number !== null && step.number < m.from ? s : last), -1);
    lines.push(`  ${before >= 0 ? stepId(before) : `"${p}_h1"`} -> "${p}_m${i + 1}" [style=invis];`);
  });
  graph.edges.forEach((edge, e) => {
    // The grid alone sets the ranks: a flow edge that constrained them would let Graphviz reorder
    // the columns to shorten it.
    const style = edge.isReturn ? `style=dashed, color="${COLORS.returnEdge}"` : '';
    const attributes = [edge.label ? `label="${dotString(edge.label)}"` : '', style, 'constraint=false'].filter(Boolean);
    const path = paths[e];
    // A jump over rows runs down a column through their empty cells, so that Graphviz does not send
    // it round the outside of the drawing; only its last leg has an arrowhead.
    for (let k = 1; k < path.length; k++) {
      const leg = k === 1 ? attributes : [style, 'constraint=false'].filter(Boolean);
      if (k < path.length - 1) leg.push('arrowhead=none');
      lines.push(`  ${path[k - 1]} -> ${path[k]} [${leg.join(', ')}];`);
    }
  });
  drawnTerminals(graph).forEach((terminal, k) => {
    const id = `"${p}_${terminal.kind === 'end' ? 'e' : 'q'}${k + 1}"`;
    const label = terminal.label ? `label="${dotString(terminal.label)}"` : '';
    const lane = group(laneOfStep[terminal.from]);
    if (terminal.kind === 'end') {
      lines.push(`  ${id} [label="Selesai", shape=box, style="rounded,filled", fillcolor="${COLORS.node}", ${lane}];`);
      lines.push(`  ${stepId(terminal.from)} -> ${id}${label ? ` [${label}]` : ''};`);
    } else {
      lines.push(`  ${id} [label="?", shape=circle, style="filled,dashed", fillcolor="${COLORS.node}", ${lane}];`);
      lines.push(`  ${stepId(terminal.from)} -> ${id} [${[label, 'style=dashed'].filter(Boolean).join(', ')}];`);
    }
  });
  return lines;
}

/**
 * For an edge between rows that are not neighbours, the cells of one column on the rows in between,
 * in the order the edge passes them: the target's column, else the source's, else the nearest column
 * to the source's whose cells there are all empty and used by no other edge; else a gutter column
 * right of the lanes (`gutters`: the rows each one's routes use), so that no jump or return goes round
 * the outside of the drawing and no two share a line. None when the rows are neighbours or for a loop.
 */
function jumpRouter(rows: string[][], laneOfStep: number[], coLanes: number[][], p: string) {
  const used = new Set<string>();
  const free = (row: number, lane: number) => lane !== laneOfStep[row] && !coLanes[row].includes(lane) && !used.has(rows[row][lane]);
  const laneCount = rows[0]?.length ?? 0;
  const gutters: Set<number>[] = [];
  const through = (from: number, to: number): string[] => {
    const [low, high] = from < to ? [from, to] : [to, from];
    if (high - low < 2) return [];
    const between = Array.from({ length: high - low - 1 }, (_, k) => low + 1 + k);
    const byDistance = Array.from({ length: laneCount }, (_, l) => l).sort((a, b) => Math.abs(a - laneOfStep[from]) - Math.abs(b - laneOfStep[from]));
    let cells: string[] | undefined;
    for (const lane of new Set([laneOfStep[to], laneOfStep[from], ...byDistance])) {
      if (!between.every((row) => free(row, lane))) continue;
      cells = between.map((row) => rows[row][lane]);
      for (const cell of cells) used.add(cell);
      break;
    }
    if (!cells) {
      let g = gutters.findIndex((rowsUsed) => between.every((row) => !rowsUsed.has(row)));
      if (g < 0) g = gutters.push(new Set()) - 1;
      for (const row of between) gutters[g].add(row);
      // Row r of the grid (0: the lane headers) holds step r - 1.
      cells = between.map((row) => `"${p}_r${row + 1}_${g + 1}"`);
    }
    return from < to ? cells : cells.reverse();
  };
  return { through, gutters };
}

export function renderDot(document: SopDocument): string {
  const title = [document.identity.nomor?.text?.text, document.identity.judul?.text?.text].filter(Boolean).join(' ');
  const lines = [
    'digraph "sop" {',
    `  graph [rankdir=TB, newrank=true, nodesep=0.3, ranksep=0.35, fontname="DejaVu Sans", labelloc=t, label="${dotString(title || document.file)}"];`,
    '  node [fontname="DejaVu Sans", fontsize=10, margin="0.12,0.06"];',
    '  edge [fontname="DejaVu Sans", fontsize=9, color="#333333"];',
  ];
  document.procedures.forEach((procedure, i) => {
    const p = `p${i + 1}`;
    lines.push(
      `  subgraph "cluster_${p}" {`,
      `  label="${dotString(procedure.title?.text ?? `(${procedure.titleMarker ?? 'tanpa judul'})`)}"; color="#333333";`,
    );
    // Line by line: spreading a procedure of 100,000 steps into push() overflows the stack.
    for (const line of procedureLines(procedure, p)) lines.push(`  ${line}`);
    lines.push('  }');
  });
  lines.push('}');
  return lines.join('\n') + '\n';
}
