/**
 * The geometry checks on made-up charts: each one finds what it is meant to find (negative
 * controls) and passes a chart that is right. The browser tests run them on Mermaid's real layouts.
 */
import { describe, expect, it } from 'vitest';
import { parseSop } from '../../../src/ast/parse.js';
import type { Box, ChartGeometry, NodeGeometry } from './geometry.js';
import { actorProblems, edgeEnds, expectedChart, laneProblems, overlapProblems, textProblems } from './geometry-checks.js';

const box = (left: number, top: number, right: number, bottom: number): Box => ({ left, top, right, bottom });
const node = (id: string, shape: Box, text: Box | null = null, textCornersInside = true): NodeGeometry => ({ id, shape, text, textCornersInside });
const line = (x1: number, y1: number, x2: number, y2: number) =>
  Array.from({ length: 21 }, (_, k) => ({ x: x1 + ((x2 - x1) * k) / 20, y: y1 + ((y2 - y1) * k) / 20 }));

const sop = parseSop(['Prosedur: Dua', 'Pelaksana:', '  a = Staf', '  b = Kabag', '', '1. [a, b] Mulai', '2. [b] Selesai', ''].join('\n')).document;
const expected = expectedChart(sop);

/** Two lanes side by side, headers in one row, step 1 in lane a with its mark in lane b, step 2 in lane b. */
function goodChart(): ChartGeometry {
  return {
    lanes: [
      { id: 'p1l1', box: box(0, 0, 200, 500), title: null },
      { id: 'p1l2', box: box(200, 0, 400, 500), title: null },
    ],
    nodes: [
      node('actor_p1l1', box(50, 10, 150, 40), box(70, 15, 130, 35)),
      node('actor_p1l2', box(250, 10, 350, 40), box(270, 15, 330, 35)),
      node('p1s1', box(40, 100, 160, 160), box(50, 110, 150, 150)),
      node('p1s1_p1l2', box(290, 120, 310, 140), box(295, 122, 305, 138)),
      node('p1s2', box(240, 300, 360, 360), box(250, 310, 350, 350)),
    ],
    edges: [
      { id: 'L_p1s1_p1s2_0', points: line(100, 160, 300, 300) },
      { id: 'L_p1s2_p1s1_0', points: line(280, 300, 80, 160) },
    ],
    labels: [
      { text: 'Ya', box: box(180, 220, 200, 235) },
      { text: 'Tidak', box: box(160, 240, 200, 255) },
    ],
  };
}

describe('the geometry checks', () => {
  it('pass a chart that is right', () => {
    const chart = goodChart();
    expect([...laneProblems(chart, expected), ...actorProblems(chart, expected), ...textProblems(chart), ...overlapProblems(chart)]).toEqual([]);
  });

  it('see lanes out of declared order, or starting at different heights', () => {
    const swapped = goodChart();
    swapped.lanes = [
      { id: 'p1l1', box: box(200, 0, 400, 500), title: null },
      { id: 'p1l2', box: box(0, 0, 200, 500), title: null },
    ];
    expect(laneProblems(swapped, expected).join('\n')).toMatch(/lane p1l2 .* is not right of lane p1l1/);
    const lower = goodChart();
    lower.lanes[1].box = box(200, 80, 400, 500);
    expect(laneProblems(lower, expected).join('\n')).toMatch(/lane p1l2 starts at y=80, lane p1l1 at y=0/);
  });

  it('see a header out of its row, or a node above it', () => {
    const chart = goodChart();
    chart.nodes[1] = node('actor_p1l2', box(250, 60, 350, 90));
    expect(laneProblems(chart, expected).join('\n')).toMatch(/header of lane p1l2 is centred at y=75/);
    const above = goodChart();
    above.nodes[3] = node('p1s1_p1l2', box(290, 5, 310, 25));
    expect(laneProblems(above, expected).join('\n')).toMatch(/p1s1_p1l2 stands above or beside the header of lane p1l2/);
  });

  it('see an actor of a step with nothing of the step in its lane', () => {
    const chart = goodChart();
    chart.nodes.splice(3, 1);
    expect(actorProblems(chart, expected)).toEqual(['step p1s1: nothing of it in the lane of its actor p1l2']);
    chart.nodes.splice(2, 1);
    expect(actorProblems(chart, expected)).toContain('step p1s1 is not drawn');
  });

  it('see text outside its shape: past its box, or past its outline at a corner', () => {
    const chart = goodChart();
    chart.nodes[2] = node('p1s1', box(40, 100, 160, 160), box(30, 110, 150, 150));
    chart.nodes[4] = node('p1s2', box(240, 300, 360, 360), box(250, 310, 350, 350), false);
    const problems = textProblems(chart);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/text of p1s1 .* spills out of its shape's box/);
    expect(problems[1]).toMatch(/corner of the text of p1s2 .* outside its shape's outline/);
  });

  it('see two edges drawn along one path, and two labels at one place', () => {
    const chart = goodChart();
    chart.edges[1] = { id: 'L_p1s2_p1s1_0', points: line(300, 300, 100, 160).map((p) => ({ x: p.x + 1, y: p.y })) };
    chart.labels[1] = { text: 'Tidak', box: box(185, 225, 215, 240) };
    const problems = overlapProblems(chart);
    expect(problems[0]).toMatch(/edges L_p1s1_p1s2_0 and L_p1s2_p1s1_0 share 100% of a path/);
    expect(problems[1]).toMatch(/edge labels "Ya" .* and "Tidak" .* overlap/);
  });

  it('compare only edges joining the same two steps when asked, reading the ends from ids holding _', () => {
    expect(edgeEnds('L_p1s3_p1l2_p1s2_0', new Set(['p1s3_p1l2', 'p1s2', 'p1s3']))).toEqual(['p1s3_p1l2', 'p1s2']);
    expect(edgeEnds('L_x_y', new Set(['x', 'y']))).toBeNull();
    const chart = goodChart();
    chart.nodes.push(node('p1s9', box(0, 400, 10, 410)));
    chart.labels = [];
    chart.edges[1] = { id: 'L_p1s9_p1s2_0', points: line(100, 160, 300, 300) };
    expect(overlapProblems(chart)).toHaveLength(1);
    expect(overlapProblems(chart, 'same-ends')).toEqual([]);
    chart.edges[1] = { id: 'L_p1s2_p1s1_0', points: line(100, 160, 300, 300) };
    expect(overlapProblems(chart, 'same-ends')).toHaveLength(1);
  });
});
