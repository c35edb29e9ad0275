import { describe, expect, it } from 'vitest';
import { connectorShape } from '../../../src/emit/form/layout/connector-shape.js';

describe('the off-page connector outline (SVG and PDF share it)', () => {
  const base = { letter: 'A', cx: 100, y: 50, size: 16, role: 'out' } as const;

  it('points down along a forward flow: the tip is below the flat side', () => {
    const { points, letterBaseline } = connectorShape({ ...base } as never);
    expect(points[3]).toEqual([100, 66]);
    expect(points[0][1]).toBe(50);
    expect(letterBaseline).toBeCloseTo(59.92);
  });

  it('points up for a return: the tip is above the flat side, the letter lower in the body', () => {
    const { points, letterBaseline } = connectorShape({ ...base, pointing: 'up' } as never);
    expect(points[3]).toEqual([100, 50]);
    expect(points[0][1]).toBe(66);
    expect(letterBaseline).toBeCloseTo(62.48);
  });
});
