/**
 * The Keterkaitan graph drawn as SVG, in a simple two-column layout: the corpus's SOPs on the left,
 * the external SOPs they name on the right. Links to external SOPs cross the middle as curves; links
 * between corpus SOPs run orthogonally in lanes on the left. Solid: named in Keterkaitan; dashed: only
 * in a step's Keterangan.
 */
import { markup } from '../text/escape.js';
import { FONT_FAMILY } from '../text/metrics.js';
import { wrapText } from '../text/wrap.js';
import { num, pointList, textBlock } from '../svg/primitives.js';
import type { KeterkaitanGraph, SopNode } from './links.js';

const FONT_SIZE = 10;
const LINE = FONT_SIZE * 1.25;
const NODE = { corpusWidth: 330, externalWidth: 280, paddingX: 8, paddingY: 6, minHeight: 28, gap: 10 };
const MIDDLE = 220;
const LANE_STEP = 7;
const TOP = 40;

interface Box {
  node: SopNode;
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
}

function stack(nodes: SopNode[], x: number, width: number): Box[] {
  let y = TOP;
  return nodes.map((node) => {
    const lines = wrapText(node.label, width - 2 * NODE.paddingX, { fontSize: FONT_SIZE });
    const height = Math.max(NODE.minHeight, lines.length * LINE + 2 * NODE.paddingY);
    const box = { node, x, y, width, height, lines };
    y += height + NODE.gap;
    return box;
  });
}

function arrowhead(x: number, y: number, direction: 1 | -1): string {
  const points: Array<[number, number]> = [
    [x, y],
    [x - direction * 7, y - 3.5],
    [x - direction * 7, y + 3.5],
  ];
  return `<polygon points="${pointList(points)}" fill="#000000"/>`;
}

export function keterkaitanSvg(graph: KeterkaitanGraph, title: string, description: string): string {
  const internal = graph.links.filter((l) => l.to.startsWith('file:'));
  const left = 16 + LANE_STEP * (internal.length + 1);
  const corpus = stack(
    graph.nodes.filter((n) => n.kind === 'corpus'),
    left,
    NODE.corpusWidth,
  );
  const externalX = left + NODE.corpusWidth + MIDDLE;
  const external = stack(
    graph.nodes.filter((n) => n.kind === 'external'),
    externalX,
    NODE.externalWidth,
  );
  const boxes = new Map([...corpus, ...external].map((b) => [b.node.id, b]));
  const width = externalX + NODE.externalWidth + 16;
  const bottom = Math.max(TOP + 40, ...[...boxes.values()].map((b) => b.y + b.height)) + 12;

  const edges: string[] = [];
  internal.forEach((link, i) => {
    const [a, b] = [boxes.get(link.from)!, boxes.get(link.to)!];
    const lane = left - LANE_STEP * (i + 1);
    const [y1, y2] = [a.y + a.height / 2 - 4, b.y + b.height / 2 + 4];
    const points: Array<[number, number]> = [
      [left, y1],
      [lane, y1],
      [lane, y2],
      [left - 7, y2],
    ];
    edges.push(
      `<polyline data-link="${markup(link.from)}" points="${pointList(points)}" fill="none" stroke="#000000"${dash(link.inKeterkaitan)}/>${arrowhead(left, y2, 1)}`,
    );
  });
  for (const link of graph.links.filter((l) => !l.to.startsWith('file:'))) {
    const [a, b] = [boxes.get(link.from)!, boxes.get(link.to)!];
    const [x1, y1, x2, y2] = [a.x + a.width, a.y + a.height / 2, b.x, b.y + b.height / 2];
    const path = `M${num(x1)} ${num(y1)} C${num(x1 + 90)} ${num(y1)} ${num(x2 - 90)} ${num(y2)} ${num(x2 - 7)} ${num(y2)}`;
    edges.push(`<path d="${path}" fill="none" stroke="#000000"${dash(link.inKeterkaitan)}/>${arrowhead(x2, y2, 1)}`);
  }
  const nodes = [...boxes.values()].map((box) => {
    const fill = box.node.kind === 'corpus' ? '#ffffff' : '#eeeeee';
    const rect = `<rect x="${num(box.x)}" y="${num(box.y)}" width="${num(box.width)}" height="${num(box.height)}" rx="4" fill="${fill}" stroke="#000000"/>`;
    const textTop = box.y + (box.height - box.lines.length * LINE) / 2;
    const text = textBlock({ lines: box.lines, x: box.x + NODE.paddingX, y: textTop, fontSize: FONT_SIZE, anchor: 'start' });
    return `<g data-node="${markup(box.node.kind)}">${rect}${text}</g>`;
  });
  const headings = [
    `<text x="${num(left)}" y="20" font-size="11" font-weight="bold">SOP dalam korpus</text>`,
    external.length ? `<text x="${num(externalX)}" y="20" font-size="11" font-weight="bold">SOP lain yang disebut</text>` : '',
  ];
  return [
    `<svg viewBox="0 0 ${num(width)} ${num(bottom)}" width="${num(width)}" height="${num(bottom)}" role="img" aria-labelledby="graph-title graph-desc" font-family="${FONT_FAMILY}">`,
    `<title id="graph-title">${markup(title)}</title>`,
    `<desc id="graph-desc">${markup(description)}</desc>`,
    ...headings,
    ...edges,
    ...nodes,
    '</svg>',
  ].join('\n');
}

function dash(solid: boolean): string {
  return solid ? '' : ' stroke-dasharray="5 3"';
}
