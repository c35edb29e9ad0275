/**
 * A Mermaid flowchart of one SOP, laid out in swimlanes: one lane (subgraph) per actor in declared
 * order, each headed by a box with the actor's name; start and end steps as stadiums, decisions as
 * diamonds with their exit labels on the edges (two exits to one step share one arrow), processes
 * as boxes; return edges dotted, a return to the step itself ending at a connector naming it. A step
 * with several actors sits in its first actor's lane, names the others in its label and has a small
 * mark in each of their lanes, joined to it by a dotted line. Lost step ranges appear as notes in
 * the lane of the step before them. A flow to `selesai` ends at an end stadium, one to `?` (lost in
 * the source) at a "?" circle by a dotted arrow; steps whose actor cannot be read ('[?]') sit in a
 * dashed "?" lane, those of an undeclared actor in a dashed lane of their own.
 */
import type { Procedure, SopDocument } from '../../ast/types.js';
import { buildFlowGraph, type FlowEdge } from '../../resolve/flow-graph.js';
import { drawnTerminals, hasUnknownActor } from '../flow-ends.js';
import { coActorMark, headerNode, quoted, stepNode } from './labels.js';
import { procedureLanes } from '../procedure-lanes.js';

/**
 * Mermaid refuses to draw more edges than this unless the page's Mermaid configuration raises
 * `maxEdges` (a secure key: a diagram's own directive cannot). A larger chart says so in a comment.
 */
export const MERMAID_DEFAULT_MAX_EDGES = 500;

/**
 * Mermaid's swimlane layout (bundled with Mermaid 11, no extra package) keeps the lanes in the order
 * written and gives them one top and one height; Dagre, Mermaid's default, drew the lanes of 28 of
 * 36 charts (book, offices, fixtures) out of order or at different heights. A Mermaid without it
 * falls back to Dagre with a warning.
 */
const HEADER = ['---', 'config:', '  layout: swimlane', '  swimlane:', '    automaticLaneOrdering: false', '---', 'flowchart TD'];

/**
 * One edge per pair of steps: a decision whose exits both lead to one step ("Ya -> 4, Ditunda -> 4")
 * gets one arrow labelled with both, where two arrows along one path put their labels on one spot.
 */
function mergedEdges(edges: FlowEdge[]): FlowEdge[] {
  const byPair = new Map<string, FlowEdge>();
  for (const edge of edges) {
    const key = `${edge.from}>${edge.to}`;
    const seen = byPair.get(key);
    if (!seen) byPair.set(key, { ...edge });
    else if (edge.label && seen.label !== edge.label) seen.label = seen.label ? `${seen.label} / ${edge.label}` : edge.label;
  }
  return [...byPair.values()];
}

export function procedureChart(procedure: Procedure, prefix: string, title: string | null): string[] {
  const stepId = (index: number) => `${prefix}s${index + 1}`;
  const { lanes, laneOfStep, coLanes } = procedureLanes(procedure, prefix);
  const graph = buildFlowGraph(procedure);
  const members: string[][] = lanes.map(() => []);
  const loose: string[] = [];
  const edges: string[] = [];
  const dashed: string[] = [];
  procedure.steps.forEach((step, index) => {
    members[laneOfStep[index]].push(stepNode(step, stepId(index), procedure));
    if (hasUnknownActor(step)) dashed.push(stepId(index));
  });
  for (const edge of mergedEdges(graph.edges)) {
    const arrow = edge.isReturn ? '-.->' : '-->';
    const label = edge.label ? `|${quoted(edge.label)}|` : '';
    if (edge.from !== edge.to) edges.push(`${stepId(edge.from)} ${arrow}${label} ${stepId(edge.to)}`);
    else {
      // A loop back to the step itself ends at a connector naming the step, beside it: Mermaid's
      // swimlane layout cannot route an edge from a node to itself, and a waypoint's two edges,
      // there and back, were drawn on top of each other.
      const connector = `${stepId(edge.from)}_r${edges.length}`;
      members[laneOfStep[edge.from]].push(`${connector}((${quoted(String(procedure.steps[edge.from].number ?? '↺'))}))`);
      edges.push(`${stepId(edge.from)} ${arrow}${label} ${connector}`);
      dashed.push(connector);
    }
  }
  drawnTerminals(graph).forEach((terminal, k) => {
    const id = `${prefix}${terminal.kind === 'end' ? 'e' : 'q'}${k + 1}`;
    const label = terminal.label ? `|${quoted(terminal.label)}|` : '';
    members[laneOfStep[terminal.from]].push(terminal.kind === 'end' ? `${id}(["Selesai"])` : `${id}(("?"))`);
    edges.push(`${stepId(terminal.from)} ${terminal.kind === 'end' ? '-->' : '-.->'}${label} ${id}`);
    if (terminal.kind === 'unknown') dashed.push(id);
  });
  procedure.steps.forEach((step, index) => {
    for (const lane of coLanes[index]) {
      const mark = `${stepId(index)}_${lanes[lane].id}`;
      members[lane].push(coActorMark(step, mark));
      edges.push(`${stepId(index)} -.- ${mark}`);
      dashed.push(mark);
    }
  });
  procedure.missing.forEach((range, i) => {
    const to = range.to === null ? 'akhir tabel' : String(range.to);
    const note = `${prefix}m${i + 1}[/${quoted(`Langkah ${range.from}-${to} hilang di sumber`)}/]`;
    // The note stands in the lane of the last step numbered before the lost ones.
    const before = procedure.steps.reduce((last, step, s) => (step.number !== null && step.number < range.from ? s : last), -1);
    (members[before >= 0 ? laneOfStep[before] : 0] ?? loose).push(note);
  });
  const lines: string[] = [];
  const headers: string[] = [];
  lanes.forEach((lane, k) => {
    if (!members[k].length) return;
    // The lane's name is its first node, not the subgraph's title: a title wider than the lane's
    // nodes spilled into the next lane, and a header node widens its lane to fit. The swimlane
    // layout ranks nodes in the order of their ids, and its edge labels' ids begin with
    // `edge-label-`: a header id sorting before those is ranked first, so every header is on top.
    const header = `actor_${lane.id}`;
    const name = title === null ? lane.label : `${lane.label} (${title})`;
    lines.push(`  subgraph ${lane.id}[" "]`, `    ${headerNode(header, name)}`);
    for (const member of members[k]) lines.push(`    ${member}`);
    lines.push('  end');
    edges.push(`${header} ~~~ ${/^\w+/.exec(members[k][0])![0]}`);
    headers.push(header);
    if (lane.dashed) dashed.push(lane.id, header);
  });
  // Line by line: spreading 100,000 steps into push() overflows the stack.
  for (const line of [...loose, ...edges]) lines.push(`  ${line}`);
  for (const id of headers) lines.push(`  style ${id} fill:#ffffde,stroke:#aaaa33`);
  for (const id of dashed) lines.push(`  style ${id} stroke-dasharray: 4 3`);
  return lines;
}

export function renderMermaid(document: SopDocument): string {
  const lines = [...HEADER];
  const several = document.procedures.length > 1;
  // Mermaid's lanes cannot nest: the lanes of several procedures stand side by side, each header
  // naming its procedure.
  document.procedures.forEach((procedure, i) => {
    const name = several ? (procedure.title?.text ?? `Prosedur ${i + 1}`) : null;
    for (const line of procedureChart(procedure, `p${i + 1}`, name)) lines.push(line);
  });
  if (lines.length === HEADER.length) lines.push(`  empty[${quoted('Tidak ada langkah prosedur di sumber')}]`);
  const edges = lines.reduce((count, line) => count + (/ (?:-->|-\.->|-\.-|~~~)/.test(line) ? 1 : 0), 0);
  if (edges > MERMAID_DEFAULT_MAX_EDGES)
    lines.splice(HEADER.length, 0, `%% ${edges} edges: Mermaid draws at most ${MERMAID_DEFAULT_MAX_EDGES} unless its configuration sets maxEdges`);
  return lines.join('\n') + '\n';
}
