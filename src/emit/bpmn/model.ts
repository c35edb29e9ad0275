/**
 * The BPMN model of one procedure, before it is written out: a start event, a task per step (in its
 * first actor's lane), an exclusive gateway after each decision step (its exits are the gateway's
 * named, conditional flows), a merging gateway before a task that several flows enter (BPMN's
 * "no fake join"), and an end event after the last step and after any step that leads nowhere.
 * A flow to `selesai` ends at an end event of its own; one to `?` (lost in the source) at an end
 * event named "?" with a text annotation saying the target is lost.
 */
import type { Procedure, Step } from '../../ast/types.js';
import { buildFlowGraph } from '../../resolve/flow-graph.js';

export type NodeKind = 'start' | 'end' | 'task' | 'fork' | 'merge';

export interface BpmnNode {
  id: string;
  kind: NodeKind;
  name: string;
  lane: number;
  /** Column of the layout: steps are columns; gateways sit just before/after their step's column. */
  column: number;
  /** `exit`: an end event of a flow to `selesai` or `?`, below-right of its step (k-th of the step). */
  offset: 'start' | 'before' | 'at' | 'after' | 'exit';
  /** For `exit` nodes: which of the step's exit events this is. */
  slot?: number;
}

/** A text annotation attached to a node. */
export interface BpmnAnnotation {
  id: string;
  text: string;
  node: string;
}

export interface BpmnFlow {
  id: string;
  from: string;
  to: string;
  name: string | null;
  /** A "Tidak" return to an earlier step: drawn below the row of shapes. */
  isReturn: boolean;
}

export interface BpmnProcessModel {
  nodes: BpmnNode[];
  flows: BpmnFlow[];
  annotations: BpmnAnnotation[];
  laneCount: number;
}

function laneIndex(step: Step, procedure: Procedure): number {
  const index = procedure.actors.findIndex((a) => a.id.toLowerCase() === step.actors[0]?.id.toLowerCase());
  return index < 0 ? procedure.actors.length : index;
}

export function buildProcessModel(procedure: Procedure, p: string): BpmnProcessModel {
  const graph = buildFlowGraph(procedure);
  const steps = procedure.steps;
  const extraLane = steps.some((s) => laneIndex(s, procedure) === procedure.actors.length);
  const laneCount = Math.max(1, procedure.actors.length + (extraLane ? 1 : 0));
  const nodes: BpmnNode[] = [];
  const flows: BpmnFlow[] = [];
  let flowCount = 0;
  const flow = (from: string, to: string, name: string | null = null, isReturn = false) =>
    flows.push({ id: `Flow_${p}_${++flowCount}`, from, to, name, isReturn });
  const taskId = (i: number) => `Task_${p}_${i + 1}`;
  const label = (step: Step) => `${step.number === null ? '' : `${step.number}. `}${step.kegiatan.text}`;

  if (steps.length === 0) {
    nodes.push({ id: `Start_${p}`, kind: 'start', name: 'Mulai', lane: 0, column: 0, offset: 'before' });
    nodes.push({ id: `End_${p}`, kind: 'end', name: 'Selesai', lane: 0, column: 0, offset: 'after' });
    flow(`Start_${p}`, `End_${p}`);
    return { nodes, flows, annotations: [], laneCount };
  }

  // Entries into each step: the start event for the first, then the flow graph's edges.
  const entries = steps.map(() => [] as { from: string; name: string | null; isReturn: boolean }[]);
  entries[0].push({ from: `Start_${p}`, name: null, isReturn: false });
  const exitsOf = (i: number) => graph.outgoing[i];

  const annotations: BpmnAnnotation[] = [];
  // The flows to exit events are written after the steps' own, so that the other flows keep their ids.
  const deferred: (() => void)[] = [];
  steps.forEach((step, i) => {
    const lane = laneIndex(step, procedure);
    nodes.push({ id: taskId(i), kind: 'task', name: label(step), lane, column: i, offset: 'at' });
    const out = exitsOf(i);
    const terminals = graph.terminalsOf[i];
    // A gateway only where the flow really splits (a decision whose other exits lead to lost steps does not).
    const source = out.length + terminals.length > 1 ? `Gateway_${p}_${i + 1}` : taskId(i);
    if (source !== taskId(i)) {
      nodes.push({ id: source, kind: 'fork', name: `Keputusan langkah ${step.number ?? '?'}`, lane, column: i, offset: 'after' });
      flow(taskId(i), source);
    }
    // Only a gateway's exits carry their label (BPMN: a label on a plain flow is superfluous).
    for (const edge of out) entries[edge.to].push({ from: source, name: source === taskId(i) ? null : edge.label, isReturn: edge.isReturn });
    terminals.forEach((terminal, k) => {
      const id = `End_${p}_${i + 1}_${k + 1}`;
      nodes.push({ id, kind: 'end', name: terminal.kind === 'end' ? 'Selesai' : '?', lane, column: i, offset: 'exit', slot: k });
      if (terminal.kind === 'unknown') annotations.push({ id: `Annotation_${p}_${i + 1}_${k + 1}`, text: 'Tujuan alur hilang di sumber (?)', node: id });
      deferred.push(() => flow(source, id, source === taskId(i) ? null : terminal.label));
    });
  });

  nodes.push({ id: `Start_${p}`, kind: 'start', name: 'Mulai', lane: laneIndex(steps[0], procedure), column: 0, offset: 'start' });

  const endId = `End_${p}`;
  const last = steps.length - 1;
  nodes.push({ id: endId, kind: 'end', name: 'Selesai', lane: laneIndex(steps[last], procedure), column: last, offset: 'after' });
  steps.forEach((step, i) => {
    const target = entries[i];
    if (target.length > 1) {
      const merge = `Merge_${p}_${i + 1}`;
      nodes.push({ id: merge, kind: 'merge', name: '', lane: laneIndex(step, procedure), column: i, offset: 'before' });
      for (const entry of target) flow(entry.from, merge, entry.name, entry.isReturn);
      flow(merge, taskId(i));
    } else if (target.length === 1) flow(target[0].from, taskId(i), target[0].name, target[0].isReturn);
    // A step that leads nowhere (the last, or a decision whose exits are all lost) ends the process.
    const hasOut = exitsOf(i).length + graph.terminalsOf[i].length > 0;
    if (!hasOut) {
      const gateway = nodes.find((n) => n.id === `Gateway_${p}_${i + 1}`);
      flow(gateway ? gateway.id : taskId(i), endId);
    }
  });
  for (const write of deferred) write();
  // The last step may go on elsewhere ('Lanjut: 2') and every end be a 'selesai': no flow to the shared end.
  if (!flows.some((f) => f.to === endId))
    nodes.splice(
      nodes.findIndex((n) => n.id === endId),
      1,
    );
  return { nodes, flows, annotations, laneCount };
}
