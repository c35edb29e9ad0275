/**
 * The off-page connector's outline, shared by the SVG and PDF forms: a pentagon pointing down (home
 * plate), flipped for a return so that the flow enters its flat side and leaves through its point.
 */
import type { Connector, Point } from './types.js';

export function connectorShape(c: Connector): { points: Point[]; letterBaseline: number } {
  const half = c.size / 2;
  const up = c.pointing === 'up';
  const y = (dy: number) => (up ? c.y + c.size - dy : c.y + dy);
  return {
    points: [
      [c.cx - half, y(0)],
      [c.cx + half, y(0)],
      [c.cx + half, y(c.size * 0.6)],
      [c.cx, y(c.size)],
      [c.cx - half, y(c.size * 0.6)],
    ],
    letterBaseline: up ? c.y + c.size * 0.78 : c.y + c.size * 0.62,
  };
}
