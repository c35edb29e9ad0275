/**
 * The Keterkaitan graph drawn as SVG, laid out in columns: the corpus's SOPs on the left (in number
 * order), the external SOPs they name on the right (ordered by the mean height of the SOPs naming
 * them, so that lines cross as little as they can), and between them a channel of vertical tracks,
 * one per line. Every line runs orthogonally from its own port on its source's side to its own
 * port on its target's side: a box named by twenty SOPs grows tall enough for twenty arrowheads
 * side by side instead of twenty curves ending in one point. Links between corpus SOPs run in
 * tracks on the left. Solid: named in Keterkaitan; dashed: only in a step's Keterangan. A corpus
 * SOP's box is a link to its page, an external SOP's to its entry below the graph.
 */
import { markup } from '../text/escape.js';
import { FONT_FAMILY } from '../text/metrics.js';
import { wrapText } from '../text/wrap.js';
import { num, pointList, textBlock } from '../svg/primitives.js';
import type { KeterkaitanGraph, SopLink, SopNode } from './links.js';

const FONT_SIZE = 10;
const LINE = FONT_SIZE * 1.25;
const NODE = { corpusWidth: 330, externalWidth: 280, paddingX: 8, paddingY: 6, minHeight: 28, gap: 12 };
/** Distance between two ports on a box's side, and between two tracks. */
const PORT_GAP = 9;
const TRACK_GAP = 7;
const MARGIN = 16;
const TOP = 40;
const ARROW = 7;

interface Box {
  node: SopNode;
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
}

interface Edge {
  link: SopLink;
  from: Box;
  to: Box;
  /** y of the line where it leaves its source and where it enters its target. */
  fromY: number;
  toY: number;
}

function measure(node: SopNode, width: number, ports: number): Omit<Box, 'x' | 'y'> {
  const lines = wrapText(node.label, width - 2 * NODE.paddingX, { fontSize: FONT_SIZE });
  const height = Math.max(NODE.minHeight, lines.length * LINE + 2 * NODE.paddingY, (ports + 1) * PORT_GAP);
  return { node, width, height, lines };
}

function stack(boxes: Omit<Box, 'x' | 'y'>[], x: number): Box[] {
  let y = TOP;
  return boxes.map((box) => {
    const placed = { ...box, x, y };
    y += box.height + NODE.gap;
    return placed;
  });
}

/**
 * Places boxes in the order given, each centred as near as it can be to its wanted height (the
 * SOPs naming it), without overlapping: pushed down past the one above.
 */
function placeNear(boxes: Omit<Box, 'x' | 'y'>[], x: number, wanted: (box: Omit<Box, 'x' | 'y'>) => number): Box[] {
  const placed: Box[] = [];
  let next = TOP;
  for (const box of boxes) {
    const want = wanted(box);
    const y = Math.max(next, Number.isFinite(want) && want < Number.MAX_SAFE_INTEGER ? want - box.height / 2 : next);
    placed.push({ ...box, x, y });
    next = y + box.height + NODE.gap;
  }
  return placed;
}

/** Spreads `count` ports evenly over a box's height; port i in the order given. */
function ports(box: Box, count: number): number[] {
  return Array.from({ length: count }, (_, i) => box.y + (box.height * (i + 1)) / (count + 1));
}

const center = (box: Box) => box.y + box.height / 2;

/**
 * Gives each edge a port on both ends: on each side, the ports are taken in the order of the
 * other ends' heights, so that no two lines cross next to a box.
 */
function assignPorts(edges: Edge[], side: (e: Edge) => 'from' | 'to', sideKey: (e: Edge) => string): void {
  const bySide = new Map<string, Edge[]>();
  for (const e of edges) {
    const list = bySide.get(sideKey(e));
    if (list) list.push(e);
    else bySide.set(sideKey(e), [e]);
  }
  for (const list of bySide.values()) {
    const end = side(list[0]);
    const box = end === 'from' ? list[0].from : list[0].to;
    const other = (e: Edge) => center(end === 'from' ? e.to : e.from);
    list.sort((a, b) => other(a) - other(b) || (a.link.from < b.link.from ? -1 : 1));
    ports(box, list.length).forEach((y, i) => {
      if (end === 'from') list[i].fromY = y;
      else list[i].toY = y;
    });
  }
}

/**
 * Tracks for the vertical segments: per target, its lines take adjacent tracks, the shortest
 * nearest to the target, so that lines into one box never cross each other.
 */
function trackOrder(edges: Edge[]): Edge[] {
  const groups = new Map<string, Edge[]>();
  for (const e of edges) {
    const list = groups.get(e.link.to);
    if (list) list.push(e);
    else groups.set(e.link.to, [e]);
  }
  return [...groups.values()]
    .sort((a, b) => center(a[0].to) - center(b[0].to))
    .flatMap((group) => group.sort((a, b) => Math.abs(b.fromY - b.toY) - Math.abs(a.fromY - a.toY)));
}

function arrowhead(x: number, y: number, direction: 1 | -1): string {
  const points: Array<[number, number]> = [
    [x, y],
    [x - direction * ARROW, y - 3.5],
    [x - direction * ARROW, y + 3.5],
  ];
  return `<polygon points="${pointList(points)}" fill="#000000"/>`;
}

function edgeSvg(edge: Edge, points: Array<[number, number]>, direction: 1 | -1): string {
  const [x, y] = points[points.length - 1];
  const line = [...points.slice(0, -1), [x - direction * ARROW, y] as [number, number]];
  return [
    `<g class="edge" data-from="${markup(edge.link.from)}" data-to="${markup(edge.link.to)}">`,
    `<polyline points="${pointList(line)}" fill="none" stroke="#000000"${dash(edge.link.inKeterkaitan)}/>`,
    arrowhead(x, y, direction),
    '</g>',
  ].join('');
}

/** `hrefOf`: where a node links to (a corpus SOP's page, relative and encoded), if anywhere. */
export function keterkaitanSvg(
  graph: KeterkaitanGraph,
  title: string,
  description: string,
  hrefOf: (node: SopNode) => string | undefined = () => undefined,
): string {
  const internalLinks = graph.links.filter((l) => l.to.startsWith('file:'));
  const externalLinks = graph.links.filter((l) => !l.to.startsWith('file:'));
  const degree = new Map<string, { left: number; right: number }>();
  const count = (id: string, side: 'left' | 'right') => {
    const d = degree.get(id) ?? { left: 0, right: 0 };
    d[side]++;
    degree.set(id, d);
  };
  for (const l of internalLinks) {
    count(l.from, 'left');
    count(l.to, 'left');
  }
  for (const l of externalLinks) {
    count(l.from, 'right');
    count(l.to, 'left');
  }
  const portsOf = (id: string) => Math.max(degree.get(id)?.left ?? 0, degree.get(id)?.right ?? 0);

  const left = MARGIN + TRACK_GAP * (internalLinks.length + 1);
  const corpus = stack(
    graph.nodes.filter((n) => n.kind === 'corpus').map((n) => measure(n, NODE.corpusWidth, portsOf(n.id))),
    left,
  );
  const corpusById = new Map(corpus.map((b) => [b.node.id, b]));
  // External SOPs in the order of the mean height of the SOPs naming them.
  const meanSource = new Map<string, number>();
  for (const n of graph.nodes.filter((node) => node.kind === 'external')) {
    const sources = externalLinks.filter((l) => l.to === n.id).map((l) => center(corpusById.get(l.from)!));
    meanSource.set(n.id, sources.length ? sources.reduce((s, y) => s + y, 0) / sources.length : Number.MAX_SAFE_INTEGER);
  }
  const channel = TRACK_GAP * (externalLinks.length + 1) + 2 * ARROW + 20;
  const externalX = left + NODE.corpusWidth + channel;
  const external = placeNear(
    graph.nodes
      .filter((n) => n.kind === 'external')
      .sort((a, b) => meanSource.get(a.id)! - meanSource.get(b.id)! || (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))
      .map((n) => measure(n, NODE.externalWidth, portsOf(n.id))),
    externalX,
    (box) => meanSource.get(box.node.id)!,
  );
  const boxes = new Map([...corpus, ...external].map((b) => [b.node.id, b]));
  const width = (external.length ? externalX + NODE.externalWidth : left + NODE.corpusWidth) + MARGIN;
  const bottom = Math.max(TOP + 40, ...[...boxes.values()].map((b) => b.y + b.height)) + 12;

  const toEdge = (link: SopLink): Edge => ({ link, from: boxes.get(link.from)!, to: boxes.get(link.to)!, fromY: 0, toY: 0 });
  const internal = internalLinks.map(toEdge);
  const outward = externalLinks.map(toEdge);
  // Ports: internal links on the left side of both boxes (one list per box), external ones on the right of the source, the left of the target.
  const leftSide: { edge: Edge; end: 'from' | 'to' }[] = [
    ...internal.flatMap((edge) => [
      { edge, end: 'from' as const },
      { edge, end: 'to' as const },
    ]),
    ...outward.map((edge) => ({ edge, end: 'to' as const })),
  ];
  const byBox = new Map<Box, { edge: Edge; end: 'from' | 'to' }[]>();
  for (const item of leftSide) {
    const box = item.end === 'from' ? item.edge.from : item.edge.to;
    const list = byBox.get(box);
    if (list) list.push(item);
    else byBox.set(box, [item]);
  }
  for (const [box, list] of byBox) {
    const other = (i: { edge: Edge; end: 'from' | 'to' }) => center(i.end === 'from' ? i.edge.to : i.edge.from);
    list.sort((a, b) => other(a) - other(b) || (a.edge.link.from < b.edge.link.from ? -1 : 1));
    ports(box, list.length).forEach((y, i) => {
      if (list[i].end === 'from') list[i].edge.fromY = y;
      else list[i].edge.toY = y;
    });
  }
  assignPorts(
    outward,
    () => 'from',
    (e) => e.link.from,
  );

  const edges: string[] = [];
  // Between corpus SOPs: tracks on the left, the longest outermost, so nested lines do not cross.
  [...internal]
    .sort((a, b) => Math.abs(a.fromY - a.toY) - Math.abs(b.fromY - b.toY))
    .forEach((edge, i) => {
      const track = left - TRACK_GAP * (i + 1);
      edges.push(
        edgeSvg(
          edge,
          [
            [left, edge.fromY],
            [track, edge.fromY],
            [track, edge.toY],
            [left, edge.toY],
          ],
          1,
        ),
      );
    });
  const channelStart = left + NODE.corpusWidth + 10;
  trackOrder(outward).forEach((edge, i) => {
    const track = channelStart + TRACK_GAP * (i + 1);
    edges.push(
      edgeSvg(
        edge,
        [
          [left + NODE.corpusWidth, edge.fromY],
          [track, edge.fromY],
          [track, edge.toY],
          [externalX, edge.toY],
        ],
        1,
      ),
    );
  });

  const nodes = [...boxes.values()].map((box) => {
    const fill = box.node.kind === 'corpus' ? '#ffffff' : '#eeeeee';
    const rect = `<rect x="${num(box.x)}" y="${num(box.y)}" width="${num(box.width)}" height="${num(box.height)}" rx="4" fill="${fill}" stroke="#000000"/>`;
    const textTop = box.y + (box.height - box.lines.length * LINE) / 2;
    const text = textBlock({ lines: box.lines, x: box.x + NODE.paddingX, y: textTop, fontSize: FONT_SIZE, anchor: 'start' }, 'fill="currentColor"');
    const group = `<g data-node="${markup(box.node.kind)}" data-id="${markup(box.node.id)}">${rect}${text}</g>`;
    const href = hrefOf(box.node);
    return href ? `<a href="${markup(href)}" class="node">${group}</a>` : group;
  });
  const headings = [
    `<text x="${num(left)}" y="20" font-size="11" font-weight="bold">SOP dalam korpus</text>`,
    external.length ? `<text x="${num(externalX)}" y="20" font-size="11" font-weight="bold">SOP lain yang disebut</text>` : '',
  ];
  return [
    `<svg viewBox="0 0 ${num(width)} ${num(bottom)}" width="${num(width)}" height="${num(bottom)}" role="group" aria-labelledby="graph-title graph-desc" font-family="${FONT_FAMILY}">`,
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
