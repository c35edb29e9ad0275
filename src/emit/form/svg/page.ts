/** One page of the flowchart table as SVG elements (the <svg> around them is the caller's). */
import { markup } from '../text/escape.js';
import { LINE_HEIGHT_EM } from '../text/metrics.js';
import type { Cell, Connector, PageLayout, PlacedSymbol, Route } from '../layout/types.js';
import { FONT } from '../layout/style.js';
import { stubEnd } from '../layout/stub.js';
import { connectorShape } from '../layout/connector-shape.js';
import { arrowLine, num, pointList, textBlock } from './primitives.js';

const INK = '#000000';

function rect(x: number, y: number, width: number, height: number, extra: string): string {
  return `<rect x="${num(x)}" y="${num(y)}" width="${num(width)}" height="${num(height)}" ${extra}/>`;
}

function cell(c: Cell): string {
  const step = c.stepIndex === undefined ? '' : ` data-step="${c.stepIndex}"`;
  const border = rect(c.x, c.y, c.width, c.height, `fill="none" stroke="${INK}" stroke-width="0.75"`);
  return `<g data-cell="${markup(c.role)}"${step}>${border}${c.text ? textBlock(c.text) : ''}</g>`;
}

function symbol(s: PlacedSymbol): string {
  const kind = s.coActor ? 'co-actor' : s.kind;
  const data = `data-symbol="${kind}" data-actor="${markup(s.actorId)}" data-step="${s.stepIndex}" data-step-number="${markup(s.stepLabel)}"`;
  const style = `fill="#ffffff" stroke="${INK}" stroke-width="1.2"${s.dashed || s.coActor ? ' stroke-dasharray="4 2.5"' : ''}`;
  if (s.coActor) return rect(s.x, s.y, s.width, s.height, `${data} ${style}`);
  if (s.kind === 'decision') {
    const points: Array<[number, number]> = [
      [s.cx, s.y],
      [s.x + s.width, s.cy],
      [s.cx, s.y + s.height],
      [s.x, s.cy],
    ];
    return `<polygon ${data} points="${pointList(points)}" ${style}/>`;
  }
  const rounding = s.kind === 'terminator' ? ` rx="${num(s.height / 2)}" ry="${num(s.height / 2)}"` : '';
  return rect(s.x, s.y, s.width, s.height, `${data}${rounding} ${style}`);
}

function route(r: Route, index: number): string {
  const { line, head } = arrowLine(r.points, r.arrow);
  const data = `data-route="${r.kind}" data-from="${r.from}" data-to="${r.to}"`;
  const dash = r.dashed ? ' stroke-dasharray="3 2"' : '';
  const parts = [`<polyline ${data} points="${pointList(line)}" fill="none" stroke="${INK}" stroke-width="0.9"${dash}/>`];
  if (head) parts.push(`<polygon data-arrowhead="" points="${pointList(head)}" fill="${INK}"/>`);
  const end = stubEnd(r);
  if (end)
    parts.push(
      `<rect data-end-marker="${r.kind}" x="${num(end.x)}" y="${num(end.y)}" width="${num(end.width)}" height="${num(end.height)}" rx="${num(end.height / 2)}" ry="${num(end.height / 2)}" fill="#ffffff" stroke="${INK}" stroke-width="0.9"${r.kind === 'unknown' ? ' stroke-dasharray="2 1.5"' : ''}/>`,
    );
  if (r.label) {
    const { text, x, y, anchor, lines } = r.label;
    const content = lines
      ? lines.map((line, i) => `<tspan x="${num(x)}" y="${num(y + i * FONT.label * LINE_HEIGHT_EM)}">${markup(line)}</tspan>`).join('')
      : markup(text);
    parts.push(`<text data-edge-label="${index}" x="${num(x)}" y="${num(y)}" font-size="${FONT.label}" text-anchor="${anchor}">${content}</text>`);
  }
  return `<g data-route-id="${index}">${parts.join('')}</g>`;
}

export { stubEnd } from '../layout/stub.js';

/** An off-page connector: a pentagon pointing down (home plate) with its letter. */
function connector(c: Connector): string {
  const { points, letterBaseline: baseline } = connectorShape(c);
  const fontSize = c.size >= 14 ? FONT.connector : FONT.connector - 1;
  const letter = `<text x="${num(c.cx)}" y="${num(baseline)}" font-size="${fontSize}" font-weight="bold" text-anchor="middle">${markup(c.letter)}</text>`;
  return `<g data-connector="${markup(c.letter)}" data-role="${c.role}"><polygon points="${pointList(points)}" fill="#ffffff" stroke="${INK}" stroke-width="1"/>${letter}</g>`;
}

/** The elements of one page, in drawing order: heading, table, column areas, arrows, symbols, connectors. */
export function pageElements(page: PageLayout): string {
  const parts = [
    `<g data-heading="">${textBlock(page.title)}${textBlock(page.info)}${page.notice ? textBlock(page.notice, 'data-notice=""') : ''}</g>`,
    `<g data-table-header="">${page.headerCells.map(cell).join('')}</g>`,
    `<g data-table-body="">${page.cells.map(cell).join('')}</g>`,
    `<g data-actor-columns="">${page.actorAreas.map((a) => rect(a.x, a.y, a.width, a.height, `data-actor-column="${markup(a.actorId)}" fill="none" stroke="none"`)).join('')}</g>`,
    `<g data-routes="">${page.routes.map((r, i) => route(r, i)).join('')}</g>`,
    `<g data-symbols="">${page.symbols.map(symbol).join('')}</g>`,
    `<g data-connectors="">${page.connectors.map(connector).join('')}</g>`,
  ];
  return parts.join('\n');
}
