/**
 * Graphviz DOT of one SOP: per procedure, one cluster per actor column, side by side in declared
 * order (an invisible header node per lane, all on one rank, chained left to right), each step in its
 * first actor's lane (capsule for start/end, box for process, diamond for decision), the flow's edges
 * with exit labels, and return edges dashed without constraining the ranks. A flow to `selesai`
 * ends at an end capsule, one to `?` (lost in the source) at a dashed "?" circle; steps whose actor
 * cannot be read ('[?]') sit in a dashed "?" lane, dashed themselves.
 */
import type { Procedure, SopDocument, Step } from '../../ast/types.js';
import { buildFlowGraph } from '../../resolve/flow-graph.js';
import { UNKNOWN_ACTOR_ID } from '../../ast/types.js';
import { drawnTerminals, hasUnknownActor } from '../flow-ends.js';
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

function procedureLines(procedure: Procedure, p: string): string[] {
  const lines: string[] = [];
  const stepId = (i: number) => `"${p}_s${i + 1}"`;
  const laneOf = new Map(procedure.actors.map((a, i) => [a.id.toLowerCase(), i]));
  const members = procedure.actors.map(() => [] as number[]);
  const unplaced: number[] = [];
  const unknownLane: number[] = [];
  procedure.steps.forEach((step, i) => {
    const lane = laneOf.get(step.actors[0]?.id.toLowerCase() ?? '');
    if (lane !== undefined) members[lane].push(i);
    else if (step.actors[0]?.id === UNKNOWN_ACTOR_ID) unknownLane.push(i);
    else unplaced.push(i);
  });
  procedure.actors.forEach((actor, lane) => {
    lines.push(`  subgraph "cluster_${p}_l${lane + 1}" {`);
    lines.push(`    label="${dotString(actor.label)}"; style=filled; fillcolor="${COLORS.lane}"; color="${COLORS.laneBorder}";`);
    lines.push(`    "${p}_h${lane + 1}" [label="", shape=point, style=invis, width=0, height=0, group="${p}_l${lane + 1}"];`);
    for (const i of members[lane])
      lines.push(
        `    ${stepId(i)} [label="${dotLabel(stepText(procedure.steps[i], procedure))}", ${shapeOf(procedure.steps[i])}, fillcolor="${COLORS.node}", group="${p}_l${lane + 1}"];`,
      );
    lines.push('  }');
  });
  if (unknownLane.length) {
    lines.push(`  subgraph "cluster_${p}_lq" {`);
    lines.push(`    label="? (pelaksana tidak terbaca)"; style="filled,dashed"; fillcolor="${COLORS.lane}"; color="${COLORS.laneBorder}";`);
    for (const i of unknownLane)
      lines.push(
        `    ${stepId(i)} [label="${dotLabel(stepText(procedure.steps[i], procedure))}", ${shapeOf(procedure.steps[i])}, fillcolor="${COLORS.node}"];`,
      );
    lines.push('  }');
  }
  for (const i of unplaced)
    lines.push(`  ${stepId(i)} [label="${dotLabel(stepText(procedure.steps[i], procedure))}", ${shapeOf(procedure.steps[i])}, fillcolor="${COLORS.node}"];`);
  procedure.missing.forEach((m, i) => {
    lines.push(
      `  "${p}_m${i + 1}" [label="${dotLabel(`Langkah ${m.from}-${m.to ?? 'akhir'} hilang di sumber`)}", shape=note, style=filled, fillcolor="${COLORS.note}"];`,
    );
  });
  if (procedure.actors.length) {
    const heads = procedure.actors.map((_, lane) => `"${p}_h${lane + 1}"`);
    lines.push(`  { rank=same; ${heads.join('; ')}; }`);
    if (heads.length > 1) lines.push(`  ${heads.join(' -> ')} [style=invis];`);
    // Each lane is a column: its header on top, then its steps chained by invisible heavy edges, so
    // Graphviz keeps the lane's nodes stacked (group) under the header, in flow order.
    members.forEach((list, lane) => {
      const chain = [`"${p}_h${lane + 1}"`, ...list.map(stepId)];
      if (chain.length > 1) lines.push(`  ${chain.join(' -> ')} [style=invis, weight=100];`);
    });
  }
  const graph = buildFlowGraph(procedure);
  for (const edge of graph.edges) {
    const attributes = [
      edge.label ? `label="${dotString(edge.label)}"` : '',
      edge.isReturn ? `style=dashed, constraint=false, color="${COLORS.returnEdge}"` : '',
    ].filter(Boolean);
    lines.push(`  ${stepId(edge.from)} -> ${stepId(edge.to)}${attributes.length ? ` [${attributes.join(', ')}]` : ''};`);
  }
  drawnTerminals(graph).forEach((terminal, k) => {
    const id = `"${p}_${terminal.kind === 'end' ? 'e' : 'q'}${k + 1}"`;
    const label = terminal.label ? `label="${dotString(terminal.label)}"` : '';
    if (terminal.kind === 'end') {
      lines.push(`  ${id} [label="Selesai", shape=box, style="rounded,filled", fillcolor="${COLORS.node}"];`);
      lines.push(`  ${stepId(terminal.from)} -> ${id}${label ? ` [${label}]` : ''};`);
    } else {
      lines.push(`  ${id} [label="?", shape=circle, style="filled,dashed", fillcolor="${COLORS.node}"];`);
      lines.push(`  ${stepId(terminal.from)} -> ${id} [${[label, 'style=dashed'].filter(Boolean).join(', ')}];`);
    }
  });
  return lines;
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
    lines.push(...procedureLines(procedure, p).map((l) => `  ${l}`));
    lines.push('  }');
  });
  lines.push('}');
  return lines.join('\n') + '\n';
}
