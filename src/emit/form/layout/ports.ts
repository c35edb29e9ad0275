/**
 * Where each edge leaves its step's symbol: the edge to the next step leaves from the bottom (a
 * decision's first exit to the next step) unless its label only has room along a side exit, every
 * other exit from the side that faces its target (for a target in the same column: right, then left).
 */
import type { FlowEdge, FlowGraph } from '../../../resolve/flow-graph.js';
import type { Side } from './lanes.js';

export type Port = 'bottom' | Side;

/**
 * `offset(from, to)`: how far right of the source's symbol the target's lies (nearest copies);
 * `linked`: the sides joined to a co-actor's mark, where no exit leaves unless both are;
 * `sameColumnSide(edge)`: the side tried first by an exit to the same column (right by default), and
 * whether its label finds room on that side only (such exits choose first);
 * `fitsUnder(edge)`: whether the label of the exit to the next step has room beside a bottom exit.
 */
export function assignPorts(
  graph: FlowGraph,
  stepIndex: number,
  offset: (from: number, to: number) => number,
  linked: Set<Side> = new Set(),
  sameColumnSide: (edge: FlowEdge) => { side: Side; strict: boolean } = () => ({ side: 'right', strict: false }),
  fitsUnder: (edge: FlowEdge) => boolean = () => true,
): Map<FlowEdge, Port> {
  const chosen = new Map<FlowEdge, Port>();
  // A side joined to a co-actor's mark is taken by that line.
  const used = new Set<Port>(linked);
  const take = (edge: FlowEdge, port: Port) => {
    chosen.set(edge, port);
    used.add(port);
  };
  const edges = graph.outgoing[stepIndex];
  const next = edges.find((edge) => edge.to === stepIndex + 1);
  if (next) {
    // Out of the side facing it when its label has no room under the symbol and no other exit
    // leaves that way.
    const dx = offset(stepIndex, next.to);
    const facing: Side | undefined = dx < 0 ? 'left' : dx > 0 ? 'right' : undefined;
    const othersFacing = edges.some((e) => e !== next && Math.sign(offset(stepIndex, e.to)) === Math.sign(dx));
    take(next, facing && !fitsUnder(next) && !linked.has(facing) && !othersFacing ? facing : 'bottom');
  }
  // Exits towards another column first: an exit to the same column takes a side none of them faces.
  const sameColumn: FlowEdge[] = [];
  for (const edge of edges.filter((e) => !chosen.has(e))) {
    const dx = offset(stepIndex, edge.to);
    if (dx < 0 && !linked.has('left')) take(edge, 'left');
    else if (dx > 0 && !linked.has('right')) take(edge, 'right');
    else sameColumn.push(edge);
  }
  // Those that must leave by one side (their label only finds room there) choose first.
  const strict = (edge: FlowEdge) => Number(sameColumnSide(edge).strict);
  for (const edge of [...sameColumn].sort((a, b) => strict(b) - strict(a))) {
    const first = sameColumnSide(edge).side;
    const second: Side = first === 'right' ? 'left' : 'right';
    take(edge, !used.has(first) ? first : !used.has(second) ? second : linked.has(first) ? second : first);
  }
  // In the order of the source, which is the order the routes are drawn in.
  return new Map(edges.map((edge) => [edge, chosen.get(edge)!]));
}
