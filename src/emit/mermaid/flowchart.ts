/**
 * A Mermaid flowchart of one SOP: one lane (subgraph) per actor column, in declared order; start and
 * end steps as stadiums, decisions as diamonds with their exit labels on the edges, processes as
 * boxes; the return edges of "Tidak" branches dotted. A step with several actors sits in its first
 * actor's lane and names the others in its label. Lost step ranges appear as notes. A flow to
 * `selesai` ends at an end stadium, one to `?` (lost in the source) at a "?" circle by a dotted
 * arrow; steps whose actor cannot be read ('[?]') sit in a "?" lane, dashed.
 */
import type { Procedure, SopDocument, Step } from '../../ast/types.js';
import { buildFlowGraph } from '../../resolve/flow-graph.js';
import { UNKNOWN_ACTOR_ID } from '../../ast/types.js';
import { drawnTerminals, hasUnknownActor } from '../flow-ends.js';
import { mermaidText } from './escape.js';
import { wrapWords } from '../../util/wrap-words.js';

/**
 * Mermaid refuses to draw more edges than this unless the page's Mermaid configuration raises
 * `maxEdges` (a secure key: a diagram's own directive cannot). A larger chart says so in a comment.
 */
export const MERMAID_DEFAULT_MAX_EDGES = 500;

function nodeShape(step: Step, id: string, label: string): string {
  const text = `"${label}"`;
  if (step.symbol === 'terminator') return `${id}([${text}])`;
  if (step.symbol === 'decision') return `${id}{${text}}`;
  return `${id}[${text}]`;
}

/**
 * Characters per line of a node's label. Mermaid does not wrap a quoted label, and a diamond grows
 * with both sides of its text: one long line made SOP-505's chart 2676 px wide.
 */
const LINE_WIDTH = { decision: 24, other: 34 };

/** Words wrapped into lines of about `width` characters, escaped, joined by Mermaid's `<br>`. */
function wrappedText(text: string, width: number): string {
  return wrapWords(text, width).map(mermaidText).join('<br>');
}

function stepLabel(step: Step, procedure: Procedure): string {
  const number = step.number === null ? '' : `${step.number}. `;
  const others = step.actors.slice(1).map((ref) => procedure.actors.find((a) => a.id.toLowerCase() === ref.id.toLowerCase())?.label ?? ref.id);
  const together = others.length ? ` (bersama ${others.join(', ')})` : '';
  if (step.symbol !== 'decision') return wrappedText(`${number}${step.kegiatan.text}${together}`, LINE_WIDTH.other);
  return wrappedText(`${number}${shortened(step.kegiatan.text, DECISION_TEXT)}${together}`, LINE_WIDTH.decision);
}

/**
 * A diamond holds the question, not the paragraph: its first words up to this many characters,
 * then '…' (the Markdown table and the form keep the whole Kegiatan).
 */
const DECISION_TEXT = 72;

function shortened(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat;
  const cut = flat.lastIndexOf(' ', limit);
  return `${flat.slice(0, cut > limit / 2 ? cut : limit).replace(/[\s,.;:]+$/, '')} …`;
}

function laneOf(step: Step, procedure: Procedure): string | undefined {
  const first = step.actors[0]?.id.toLowerCase();
  return procedure.actors.find((a) => a.id.toLowerCase() === first)?.id;
}

export function procedureChart(procedure: Procedure, prefix: string): string[] {
  const lines: string[] = [];
  const stepId = (index: number) => `${prefix}s${index + 1}`;
  const lanes = new Map<string, number[]>();
  const unplaced: number[] = [];
  const unknownLane: number[] = [];
  procedure.steps.forEach((step, index) => {
    const lane = laneOf(step, procedure);
    if (lane !== undefined) {
      const members = lanes.get(lane);
      if (members) members.push(index);
      else lanes.set(lane, [index]);
    } else if (step.actors[0]?.id === UNKNOWN_ACTOR_ID) unknownLane.push(index);
    else unplaced.push(index);
  });
  procedure.actors.forEach((actor, laneIndex) => {
    const members = lanes.get(actor.id);
    if (!members?.length) return;
    lines.push(`  subgraph ${prefix}l${laneIndex + 1}["${mermaidText(actor.label)}"]`);
    lines.push('    direction TB');
    for (const index of members) lines.push(`    ${nodeShape(procedure.steps[index], stepId(index), stepLabel(procedure.steps[index], procedure))}`);
    lines.push('  end');
  });
  if (unknownLane.length) {
    lines.push(`  subgraph ${prefix}lq["${mermaidText('? (pelaksana tidak terbaca)')}"]`);
    lines.push('    direction TB');
    for (const index of unknownLane) lines.push(`    ${nodeShape(procedure.steps[index], stepId(index), stepLabel(procedure.steps[index], procedure))}`);
    lines.push('  end');
  }
  for (const index of unplaced) lines.push(`  ${nodeShape(procedure.steps[index], stepId(index), stepLabel(procedure.steps[index], procedure))}`);
  procedure.missing.forEach((range, i) => {
    const to = range.to === null ? 'akhir tabel' : String(range.to);
    lines.push(`  ${prefix}m${i + 1}[/"${mermaidText(`Langkah ${range.from}-${to} hilang di sumber`)}"/]`);
  });
  const graph = buildFlowGraph(procedure);
  for (const edge of graph.edges) {
    const arrow = edge.isReturn ? '-.->' : '-->';
    const label = edge.label ? `|"${mermaidText(edge.label)}"|` : '';
    lines.push(`  ${stepId(edge.from)} ${arrow}${label} ${stepId(edge.to)}`);
  }
  drawnTerminals(graph).forEach((terminal, k) => {
    const id = `${prefix}${terminal.kind === 'end' ? 'e' : 'q'}${k + 1}`;
    const label = terminal.label ? `|"${mermaidText(terminal.label)}"|` : '';
    if (terminal.kind === 'end') lines.push(`  ${id}(["Selesai"])`, `  ${stepId(terminal.from)} -->${label} ${id}`);
    else lines.push(`  ${id}(("?"))`, `  ${stepId(terminal.from)} -.->${label} ${id}`, `  style ${id} stroke-dasharray: 4 3`);
  });
  procedure.steps.forEach((step, index) => {
    if (hasUnknownActor(step)) lines.push(`  style ${stepId(index)} stroke-dasharray: 4 3`);
  });
  return lines;
}

export function renderMermaid(document: SopDocument): string {
  const lines = ['flowchart TD'];
  const several = document.procedures.length > 1;
  document.procedures.forEach((procedure, i) => {
    const prefix = `p${i + 1}`;
    const body = procedureChart(procedure, prefix);
    if (several) {
      const name = procedure.title?.text ?? `Prosedur ${i + 1}`;
      lines.push(`  subgraph ${prefix}["${mermaidText(name)}"]`);
      for (const line of body) lines.push(`  ${line}`);
      lines.push('  end');
      // Line by line: spreading a body of 100,000 steps into push() overflows the stack.
    } else for (const line of body) lines.push(line);
  });
  if (lines.length === 1) lines.push(`  empty["${mermaidText('Tidak ada langkah prosedur di sumber')}"]`);
  const edges = lines.reduce((count, line) => count + (/ (?:-->|-\.->)/.test(line) ? 1 : 0), 0);
  if (edges > MERMAID_DEFAULT_MAX_EDGES)
    lines.splice(1, 0, `%% ${edges} edges: Mermaid draws at most ${MERMAID_DEFAULT_MAX_EDGES} unless its configuration sets maxEdges`);
  return lines.join('\n') + '\n';
}
