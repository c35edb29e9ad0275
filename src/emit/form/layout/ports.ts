/**
 * Where each edge leaves its step's symbol: the edge to the next step leaves from the bottom (a
 * decision's first exit to the next step), every other exit from the side that faces its target
 * (for a target in the same column: right, then left).
 */
import type { FlowEdge, FlowGraph } from '../../../resolve/flow-graph.js';
import type { Side } from './lanes.js';

export type Port = 'bottom' | Side;

/**
 * `offset(from, to)`: how far right of the source's symbol the target's lies (nearest copies);
 * `linked`: the sides joined to a co-actor's mark, where no exit leaves unless both are.
 */
export function assignPorts(
  graph: FlowGraph,
  stepIndex: number,
  offset: (from: number, to: number) => number,
  linked: Set<Side> = new Set(),
): Map<FlowEdge, Port> {
  const ports = new Map<FlowEdge, Port>();
  // A side joined to a co-actor's mark is taken by that line.
  const used = new Set<Port>(linked);
  for (const edge of graph.outgoing[stepIndex]) {
    if (!used.has('bottom') && edge.to === stepIndex + 1) {
      ports.set(edge, 'bottom');
      used.add('bottom');
      continue;
    }
    const dx = offset(stepIndex, edge.to);
    let side: Side;
    if (dx < 0 && !linked.has('left')) side = 'left';
    else if (dx > 0 && !linked.has('right')) side = 'right';
    else side = !used.has('right') ? 'right' : !used.has('left') ? 'left' : linked.has('right') ? 'left' : 'right';
    ports.set(edge, side);
    used.add(side);
  }
  return ports;
}

/** A free side for something else drawn on the symbol (an unresolved exit's stub). */
export function freeSide(ports: Map<FlowEdge, Port>): Side {
  const used = new Set(ports.values());
  return !used.has('right') ? 'right' : 'left';
}
