/** The marker at the end of a stub, shared by the layout (labels keep clear of it) and the writers. */
import type { Route } from './types.js';

/**
 * The marker at the end of a stub: a small end capsule for `selesai`, a dashed one for `?` (its
 * label says '?'). Placed just past the arrowhead, in the direction the stub points.
 */
export function stubEnd(r: Route): { x: number; y: number; width: number; height: number } | undefined {
  if (r.kind !== 'end' && r.kind !== 'unknown') return undefined;
  const [from, to] = [r.points[r.points.length - 2], r.points[r.points.length - 1]];
  const width = 8;
  const height = 6;
  const x = to[0] >= from[0] ? to[0] : to[0] - width;
  return { x, y: to[1] - height / 2, width, height };
}
