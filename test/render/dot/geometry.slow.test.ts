/**
 * The DOT drawing as Graphviz lays it out (Graphviz 16 in WASM, and Debian's dot when installed), on
 * every SOP of the book, the other offices and the fixtures, and on generated SOPs: every line of text
 * inside its own shape, every edge but a step's loop to itself inside the drawing (none going round
 * its outside), and a note
 * for every range of steps lost in the source.
 */
import { instance, type Viz } from '@viz-js/viz';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parseSop } from '../../../src/ast/parse.js';
import type { SopDocument } from '../../../src/ast/types.js';
import { renderDot } from '../../../src/emit/dot/graph.js';
import { generatedSop, generatedSopText } from '../../helpers/generated-sop.js';
import { filesIn, fromRoot } from '../../helpers/paths.js';

// Graphviz lays out every SOP of the tree, twice with the system dot: tens of seconds on a busy machine.
vi.setConfig({ testTimeout: 300_000 });

/** What the checks read of Graphviz's JSON output (xdot drawing operations). */
interface XdotOp {
  op: string;
  points?: [number, number][];
  rect?: [number, number, number, number];
  pt?: [number, number];
  align?: string;
  width?: number;
  size?: number;
  text?: string;
}
interface GvObject {
  _gvid: number;
  name: string;
  label?: string;
  _draw_?: XdotOp[];
  _ldraw_?: XdotOp[];
  nodes?: number[];
  bb?: string;
}
interface GvEdge {
  tail: number;
  head: number;
  style?: string;
  _draw_?: XdotOp[];
}
interface GvGraph {
  objects?: GvObject[];
  edges?: GvEdge[];
}

type Box = { x1: number; y1: number; x2: number; y2: number };
type Problem = string;

/** A point inside a convex polygon (Graphviz's box, diamond, note and capsule outlines), with a tolerance. */
function inside([x, y]: [number, number], polygon: [number, number][], tolerance = 0.75): boolean {
  let sign = 0;
  for (let i = 0; i < polygon.length; i++) {
    const [ax, ay] = polygon[i];
    const [bx, by] = polygon[(i + 1) % polygon.length];
    const length = Math.hypot(bx - ax, by - ay);
    if (length === 0) continue;
    const cross = ((bx - ax) * (y - ay) - (by - ay) * (x - ax)) / length;
    if (Math.abs(cross) <= tolerance) continue;
    const s = Math.sign(cross);
    if (sign === 0) sign = s;
    else if (s !== sign) return false;
  }
  return true;
}

/** The outline a node's text must stay in: its polygon, or its ellipse's bounding polygon. */
function outline(node: GvObject): [number, number][] | undefined {
  for (const op of node._draw_ ?? []) {
    if ((op.op === 'P' || op.op === 'p') && op.points) return op.points;
    // A rounded box is drawn as Bézier curves: its control points' bounding box is the outline.
    if ((op.op === 'b' || op.op === 'B') && op.points) {
      const xs = op.points.map((p) => p[0]);
      const ys = op.points.map((p) => p[1]);
      const [x1, x2, y1, y2] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      return [
        [x1, y1],
        [x2, y1],
        [x2, y2],
        [x1, y2],
      ];
    }
    if ((op.op === 'E' || op.op === 'e') && op.rect) {
      const [cx, cy, rx, ry] = op.rect;
      return Array.from({ length: 32 }, (_, i) => [cx + rx * Math.cos((i * Math.PI) / 16), cy + ry * Math.sin((i * Math.PI) / 16)]);
    }
  }
  return undefined;
}

/** The problems of one laid-out graph. */
function dotProblems(graph: GvGraph, document: SopDocument): Problem[] {
  const problems: Problem[] = [];
  const nodes = (graph.objects ?? []).filter((o) => !o.nodes);
  const area: Box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  for (const node of nodes) {
    const shape = outline(node);
    if (!shape) continue;
    for (const [x, y] of shape) {
      area.x1 = Math.min(area.x1, x);
      area.x2 = Math.max(area.x2, x);
      area.y1 = Math.min(area.y1, y);
      area.y2 = Math.max(area.y2, y);
    }
    let size = 10;
    for (const op of node._ldraw_ ?? []) {
      if (op.op === 'F' && op.size) size = op.size;
      if (op.op !== 'T' || !op.pt || op.width === undefined || !op.text?.trim()) continue;
      const [x, y] = op.pt;
      const left = op.align === 'l' ? x : op.align === 'r' ? x - op.width : x - op.width / 2;
      // The baseline is at y (y grows upwards): ascenders to about 0.8 em above it, descenders 0.2 below.
      const corners: [number, number][] = [
        [left, y - 0.2 * size],
        [left + op.width, y - 0.2 * size],
        [left, y + 0.75 * size],
        [left + op.width, y + 0.75 * size],
      ];
      if (!corners.every((c) => inside(c, shape))) problems.push(`text '${op.text}' of ${node.name} is outside its shape`);
    }
  }
  const nameOf = (gvid: number) => (graph.objects ?? []).find((o) => o._gvid === gvid)?.name;
  // The drawing is the procedures' frames (clusters) where there are any.
  const frames = (graph.objects ?? []).filter((o) => o.nodes && o.name.startsWith('cluster') && o.bb).map((o) => o.bb!.split(',').map(Number));
  if (frames.length) {
    area.x1 = Math.min(...frames.map((f) => f[0]));
    area.y1 = Math.min(...frames.map((f) => f[1]));
    area.x2 = Math.max(...frames.map((f) => f[2]));
    area.y2 = Math.max(...frames.map((f) => f[3]));
  }
  // An edge stays inside its frame (a point or two of a curve's control polygon may touch it).
  const margin = 10;
  for (const edge of graph.edges ?? []) {
    // A loop is drawn beside its own node, which may stand in the last column.
    if (edge.style === 'invis' || edge.tail === edge.head) continue;
    for (const op of edge._draw_ ?? []) {
      for (const [x, y] of op.points ?? []) {
        if (x < area.x1 - margin || x > area.x2 + margin || y < area.y1 - margin || y > area.y2 + margin) {
          problems.push(`edge ${nameOf(edge.tail)} -> ${nameOf(edge.head)} runs outside the drawing at (${x}, ${y})`);
          break;
        }
      }
    }
  }
  // Every lost range of every procedure has its note.
  const labels = nodes.map((n) => n.label ?? '').join('\n');
  for (const procedure of document.procedures)
    for (const lost of procedure.missing) {
      const said = `Langkah ${lost.from}-${lost.to ?? 'akhir'} hilang`;
      if (!labels.replace(/\\n/g, ' ').includes(said)) problems.push(`no note says '${said}'`);
    }
  return problems;
}

let viz: Viz;
beforeAll(async () => {
  viz = await instance();
});

const engines: [string, (dot: string) => GvGraph][] = [
  ['@viz-js/viz', (dot) => viz.renderJSON(dot) as GvGraph],
  ...(existsSync('/usr/bin/dot') || process.env.CI
    ? [
        ['system dot', (dot: string) => JSON.parse(spawnSync('dot', ['-Tjson'], { input: dot, encoding: 'utf8' }).stdout) as GvGraph] as [
          string,
          (dot: string) => GvGraph,
        ],
      ]
    : []),
];

const files = [
  ...filesIn(fromRoot('sops'), '.sop'),
  ...filesIn(fromRoot('test/fixtures/offices'), '.sop'),
  ...filesIn(fromRoot('test/render/fixtures'), '.sop'),
];

describe('DOT drawings laid out by Graphviz', () => {
  it.each(files.flatMap((f) => engines.map(([engine, layout]) => [`${basename(f)} (${engine})`, f, layout] as const)))(
    '%s: text in its shapes, edges inside the drawing, lost steps noted',
    (_, file, layout) => {
      const { document } = parseSop(readFileSync(file, 'utf8'), basename(file));
      expect(dotProblems(layout(renderDot(document)), document)).toEqual([]);
    },
  );

  it('finds what it looks for (text moved out of its box, an edge round the outside, a note removed)', () => {
    const { document } = parseSop(readFileSync(fromRoot('sops/sop-505.sop'), 'utf8'), 'sop-505.sop');
    const graph = viz.renderJSON(renderDot(document)) as GvGraph;
    const step = graph.objects!.find((o) => o.name === 'p1_s2')!;
    const line = step._ldraw_!.find((op) => op.op === 'T')!;
    line.pt = [line.pt![0] + 400, line.pt![1]];
    const edge = graph.edges!.find((e) => e.style !== 'invis' && e._draw_?.some((op) => op.points))!;
    edge._draw_!.find((op) => op.points)!.points![0] = [-500, -500];
    const lost = parseSop('Prosedur: P\nPelaksana:\n  a = A\n  1. [a] Mulai\nHilang: 2-?\n', 'lost.sop').document;
    expect(lost.procedures[0].missing).toHaveLength(1);
    const problems = [...dotProblems(graph, document), ...dotProblems({ objects: [], edges: [] }, lost)];
    expect(problems.some((p) => p.startsWith("text '") && p.includes('p1_s2'))).toBe(true);
    expect(problems.some((p) => p.includes('runs outside the drawing'))).toBe(true);
    expect(problems).toContain("no note says 'Langkah 2-akhir hilang'");
  });

  it('holds on generated SOPs (many actors, returns, three-way decisions, several actors per step, lost steps)', () => {
    fc.assert(
      fc.property(generatedSop({ lostSteps: true }), (sop) => {
        const { document, diagnostics } = parseSop(generatedSopText(sop), 'generated.sop');
        expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.message.en)).toEqual([]);
        expect(dotProblems(viz.renderJSON(renderDot(document)) as GvGraph, document)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
