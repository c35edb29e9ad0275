/**
 * Diagram coordinates for a procedure's pool: lanes are horizontal bands in declared order, each
 * step is a column (flow runs left to right), gateways sit just before or after their step, return
 * flows are routed below the row of shapes of their lanes. Nothing overlaps by construction.
 */
import type { BpmnNode, BpmnProcessModel } from './model.js';

export const POOL_LABEL = 30;
export const LANE_HEIGHT = 140;
const COLUMN = 260;
const FIRST_COLUMN = 150;

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

const SIZE: Record<BpmnNode['kind'], { width: number; height: number }> = {
  start: { width: 36, height: 36 },
  end: { width: 36, height: 36 },
  task: { width: 110, height: 80 },
  fork: { width: 50, height: 50 },
  merge: { width: 50, height: 50 },
};

export function poolSize(model: BpmnProcessModel): { width: number; height: number } {
  const columns = Math.max(1, ...model.nodes.map((n) => n.column + 1));
  return { width: FIRST_COLUMN + columns * COLUMN + 60, height: model.laneCount * LANE_HEIGHT };
}

export function nodeBounds(node: BpmnNode, poolY: number): Bounds {
  const size = SIZE[node.kind];
  const columnX = POOL_LABEL + FIRST_COLUMN + node.column * COLUMN;
  if (node.offset === 'exit') {
    // Below-right of the step, under where its gateway would stand, one beside the other.
    const centerY = poolY + node.lane * LANE_HEIGHT + LANE_HEIGHT / 2 + 45;
    return { x: columnX + 170 + (node.slot ?? 0) * 44, y: centerY - size.height / 2, width: size.width, height: size.height };
  }
  const x = node.offset === 'at' ? columnX : node.offset === 'before' ? columnX - 80 : node.offset === 'start' ? columnX - 140 : columnX + 135;
  const centerY = poolY + node.lane * LANE_HEIGHT + LANE_HEIGHT / 2;
  return { x, y: centerY - size.height / 2, width: size.width, height: size.height };
}

export type Point = { x: number; y: number };

/** From a step (or its gateway) down and right into one of its exit events (layout's `exit` offset). */
export function routeToExit(from: Bounds, to: Bounds): Point[] {
  const fx = from.x + from.width / 2;
  const ty = to.y + to.height / 2;
  return [
    { x: fx, y: from.y + from.height },
    { x: fx, y: ty },
    { x: to.x, y: ty },
  ];
}

/** Orthogonal waypoints from one shape to another. */
export function route(from: Bounds, to: Bounds, isBackward: boolean): Point[] {
  const fy = from.y + from.height / 2;
  const ty = to.y + to.height / 2;
  if (isBackward) {
    // Down from the source, along below both shapes' lanes' rows, up into the target.
    const below = Math.max(from.y + from.height, to.y + to.height) + 18;
    const fx = from.x + from.width / 2;
    const tx = to.x + to.width / 2;
    return [
      { x: fx, y: from.y + from.height },
      { x: fx, y: below },
      { x: tx, y: below },
      { x: tx, y: to.y + to.height },
    ];
  }
  const start = { x: from.x + from.width, y: fy };
  const end = { x: to.x, y: ty };
  if (fy === ty) return [start, end];
  const mid = Math.round((start.x + end.x) / 2);
  return [start, { x: mid, y: fy }, { x: mid, y: ty }, end];
}
