/**
 * The BPMN model of one procedure, before it is laid out and written: a start event, a task per step
 * in its first actor's lane, and for a step with co-actors (`[a, b]`) a parallel split into a task in
 * each co-actor's lane and a parallel join (all of them do it, the flow goes on when all have);
 * an exclusive gateway after each decision (its exits are named, conditional flows), a merging
 * gateway before a step that several flows enter (BPMN's "no fake join"), and end events: after the
 * last step and any step that leads nowhere, for each flow to `selesai`, and, named, for a flow to
 * `?` or to a step that is lost. Lost steps (`Hilang:`, numbers the table skips) are text
 * annotations tied to the flow that runs where they are missing.
 */
import type { Procedure } from '../../ast/types.js';
import { buildFlowGraph } from '../../resolve/flow-graph.js';
import { groupBy } from './group.js';
import { lanesOf } from './lanes.js';
import { lostStretches } from './lost.js';

export type NodeKind = 'start' | 'end' | 'task' | 'decision' | 'merge' | 'split' | 'join';
/** Where in its column a node stands, left to right. `exit`: an end event of one of the step's exits. */
export type Slot = 'start' | 'merge' | 'split' | 'task' | 'join' | 'decision' | 'exit' | 'end';

export interface BpmnNode {
  id: string;
  kind: NodeKind;
  name: string;
  lane: number;
  /** Column 0 holds the start event, column i + 1 step i, the last the shared end event. */
  column: number;
  slot: Slot;
  /** For `exit` nodes: which of the step's exit events this is. */
  order?: number;
}

/** Where a flow leaves its source: its right side, or a gateway's bottom or top corner. */
export type Port = 'right' | 'bottom' | 'top';

export interface BpmnFlow {
  id: string;
  from: string;
  to: string;
  name: string | null;
  /** A decision's exit: named and conditional. */
  conditional: boolean;
  port: Port;
  /** Among the flows leaving one port, which this is (their labels stack). */
  stack: number;
  /** The steps it runs between (for lost steps' notes): -1 for the start event, `steps.length` for the end. */
  fromStep: number;
  toStep: number;
}

export interface BpmnAnnotation {
  id: string;
  text: string;
  /** The flow or node it is tied to. */
  target: string;
}

export interface BpmnProcessModel {
  nodes: BpmnNode[];
  flows: BpmnFlow[];
  annotations: BpmnAnnotation[];
  laneNames: string[];
  columns: number;
}

interface Exit {
  /** Step index, or a terminal's end event. */
  to: number | { id: string; name: string; note: string | null };
  name: string | null;
  isReturn: boolean;
}

export function buildProcessModel(procedure: Procedure, p: string): BpmnProcessModel {
  const graph = buildFlowGraph(procedure);
  const steps = procedure.steps;
  const lanes = lanesOf(procedure);
  const nodes: BpmnNode[] = [];
  const flows: BpmnFlow[] = [];
  const annotations: BpmnAnnotation[] = [];
  let flowCount = 0;
  const flow = (from: string, to: string, steps: [number, number], options: Partial<Pick<BpmnFlow, 'name' | 'conditional' | 'port' | 'stack'>> = {}) => {
    const id = `Flow_${p}_${++flowCount}`;
    flows.push({
      id,
      from,
      to,
      name: options.name ?? null,
      conditional: options.conditional ?? false,
      port: options.port ?? 'right',
      stack: options.stack ?? 0,
      fromStep: steps[0],
      toStep: steps[1],
    });
    return id;
  };
  const startId = `Start_${p}`;
  const endId = `End_${p}`;
  const firstLane = steps.length ? lanes.of(steps[0])[0] : 0;
  nodes.push({ id: startId, kind: 'start', name: 'Mulai', lane: firstLane, column: 0, slot: 'start' });
  const endColumn = steps.length + 1;

  // Each step's entry (merge, split or task) and exit (decision, join or task) node.
  const entryOf: string[] = [];
  const exitOf: string[] = [];
  const laneOfStep = steps.map((step) => lanes.of(step));
  steps.forEach((step, i) => {
    const [main, ...others] = laneOfStep[i];
    const column = i + 1;
    const task = `Task_${p}_${i + 1}`;
    const name = `${step.number === null ? '' : `${step.number}. `}${step.kegiatan.text}`;
    nodes.push({ id: task, kind: 'task', name, lane: main, column, slot: 'task' });
    let entry = task;
    let exit = task;
    if (others.length) {
      entry = `Split_${p}_${i + 1}`;
      exit = `Join_${p}_${i + 1}`;
      nodes.push({ id: entry, kind: 'split', name: '', lane: main, column, slot: 'split' });
      nodes.push({ id: exit, kind: 'join', name: '', lane: main, column, slot: 'join' });
      const copies = [
        task,
        ...others.map((lane, k) => {
          const id = `Task_${p}_${i + 1}_${k + 2}`;
          nodes.push({ id, kind: 'task', name, lane, column, slot: 'task' });
          return id;
        }),
      ];
      for (const copy of copies) {
        flow(entry, copy, [i, i]);
        flow(copy, exit, [i, i]);
      }
    }
    entryOf.push(entry);
    exitOf.push(exit);
  });

  // Every step's exits: the flow graph's edges, its terminals, and targets the procedure lacks.
  const unresolvedOf = new Map<number, typeof graph.unresolved>();
  for (const u of graph.unresolved) unresolvedOf.get(u.from)?.push(u) ?? unresolvedOf.set(u.from, [u]);
  const exitsOf = steps.map((_, i): Exit[] => [
    ...graph.outgoing[i].map((e) => ({ to: e.to, name: e.label, isReturn: e.isReturn })),
    ...graph.terminalsOf[i].map((t, k) => ({
      to: {
        id: `End_${p}_${i + 1}_${k + 1}`,
        name: t.kind === 'end' ? 'Selesai' : '?',
        note: t.kind === 'unknown' ? 'Tujuan alur hilang di sumber (?)' : null,
      },
      name: t.label,
      isReturn: false,
    })),
    ...(unresolvedOf.get(i) ?? []).map((u, k) => ({
      to: { id: `End_${p}_${i + 1}_lost${k + 1}`, name: `Ke langkah ${u.exit.target ?? '?'} (tidak ada)`, note: null },
      name: u.exit.label,
      isReturn: false,
    })),
  ]);

  const entries = steps.map(() => [] as { from: string; fromStep: number; name: string | null; conditional: boolean; port: Port; stack: number }[]);
  const toEnd: { from: string; fromStep: number; port: Port }[] = [];
  if (steps.length) entries[0].push({ from: startId, fromStep: -1, name: null, conditional: false, port: 'right', stack: 0 });
  steps.forEach((_, i) => {
    const exits = exitsOf[i];
    const lane = laneOfStep[i][0];
    let source = exitOf[i];
    if (exits.length > 1) {
      source = `Gateway_${p}_${i + 1}`;
      nodes.push({ id: source, kind: 'decision', name: `Keputusan langkah ${steps[i].number ?? '?'}`, lane, column: i + 1, slot: 'decision' });
      flow(exitOf[i], source, [i, i]);
    }
    const ports = assignPorts(exits, i);
    let exitSlot = 0;
    exits.forEach((exit, k) => {
      const conditional = exits.length > 1;
      const name = conditional ? (exit.name ?? 'lainnya') : null;
      const { port, stack } = ports[k];
      if (typeof exit.to === 'number') entries[exit.to].push({ from: source, fromStep: i, name, conditional, port, stack });
      else {
        nodes.push({ id: exit.to.id, kind: 'end', name: exit.to.name, lane, column: i + 1, slot: 'exit', order: exitSlot++ });
        flow(source, exit.to.id, [i, steps.length], { name, conditional, port, stack });
        if (exit.to.note) annotations.push({ id: `Annotation_${exit.to.id}`, text: exit.to.note, target: exit.to.id });
      }
    });
    // A step that leads nowhere (the last, or one whose exits are all lost) ends the process.
    if (exits.length === 0) toEnd.push({ from: source, fromStep: i, port: 'right' });
  });

  steps.forEach((_, i) => {
    const into = entries[i];
    if (into.length > 1) {
      const merge = `Merge_${p}_${i + 1}`;
      nodes.push({ id: merge, kind: 'merge', name: '', lane: laneOfStep[i][0], column: i + 1, slot: 'merge' });
      for (const entry of into) flow(entry.from, merge, [entry.fromStep, i], entry);
      flow(merge, entryOf[i], [i, i]);
    } else if (into.length === 1) flow(into[0].from, entryOf[i], [into[0].fromStep, i], into[0]);
  });
  if (steps.length === 0) toEnd.push({ from: startId, fromStep: -1, port: 'right' });
  if (toEnd.length) {
    const lane = steps.length ? laneOfStep[steps.length - 1][0] : 0;
    nodes.push({ id: endId, kind: 'end', name: 'Selesai', lane, column: endColumn, slot: 'end' });
    for (const end of toEnd) flow(end.from, endId, [end.fromStep, steps.length], { port: end.port });
  }

  // Flows between steps (not those inside one step's split and join), by the steps they join.
  const between = flows.filter((f) => f.fromStep !== f.toStep);
  const into = groupBy(between, (f) => f.toStep);
  const outOf = groupBy(between, (f) => f.fromStep);
  lostStretches(procedure).forEach((stretch, k) => {
    const target = flowAcross(into, outOf, stretch.before, stretch.after);
    if (target) annotations.push({ id: `Annotation_${p}_lost${k + 1}`, text: stretch.text, target });
  });
  return { nodes, flows, annotations, laneNames: lanes.names, columns: endColumn + 1 };
}

/**
 * Which port each exit leaves by: the right side for the one that runs straight on (to its own end
 * event, or to the next step), the top corner for one more going forward, the bottom for the rest
 * (returns always: they run back below the shapes).
 */
function assignPorts(exits: Exit[], step: number): { port: Port; stack: number }[] {
  const straight = Math.max(
    0,
    exits.findIndex((e) => typeof e.to !== 'number'),
  );
  const next = exits.findIndex((e) => e.to === step + 1);
  const right = exits.some((e) => typeof e.to !== 'number') ? straight : next >= 0 ? next : exits.findIndex((e) => !e.isReturn);
  let top = false;
  let bottom = 0;
  return exits.map((exit, k) => {
    if (k === right) return { port: 'right', stack: 0 };
    if (!exit.isReturn && !top && exits.length > 1) {
      top = true;
      return { port: 'top', stack: 0 };
    }
    return { port: 'bottom', stack: bottom++ };
  });
}

/** The flow that runs where steps are lost: from the step before them to the one after, else the nearest. */
function flowAcross(into: Map<number, BpmnFlow[]>, outOf: Map<number, BpmnFlow[]>, before: number, after: number): string | undefined {
  const entering = into.get(after) ?? [];
  return (entering.find((f) => f.fromStep === before) ?? entering.find((f) => f.fromStep < after) ?? outOf.get(before)?.[0] ?? entering[0])?.id;
}
