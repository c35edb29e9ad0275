/**
 * Geometry of the rendered official form over every SOP of the book: the SVG parsed back, text boxes
 * measured with the font's own metrics, and nothing a reviewer holding the printed form would object
 * to: labels cut by a border or a gridline, labels on a symbol, a connector, another label or a route
 * they do not belong to, a label far from its route's start or nearer to another exit, routes sharing
 * a line, routes through symbols, symbols outside their column or out of shape, a decision drawn
 * twice, text out of its cell, connectors against the flow, unpaired, of two sizes or lettered on
 * from an earlier procedure.
 */
import { describe, expect, it } from 'vitest';
import { documentProblems, parseSheets } from './geometry.js';
import { CORPUS, rendered } from './render-helpers.js';

const describeProblem = (p: { sheet: string; kind: string; detail: string }) => `${p.sheet}: ${p.kind}: ${p.detail}`;

describe('geometry of the book, page by page (the SVG read back)', () => {
  it.each(CORPUS.map((f) => [rendered(f).file, f]))('%s', (_name, file) => {
    const sheets = parseSheets(rendered(file).svg);
    expect(documentProblems(sheets).map(describeProblem)).toEqual([]);
  });

  it('finds what it looks for (a label moved onto a border, routes made to share a lane)', () => {
    const svg = rendered(CORPUS.find((f) => f.endsWith('sop-309.sop'))!).svg;
    const sheets = parseSheets(svg);
    const label = sheets[0].routes.find((r) => r.label?.text === 'Tidak')!;
    const border = sheets[0].actorColumns[0].box.x2;
    const width = label.label!.box.x2 - label.label!.box.x1;
    label.label!.box = { ...label.label!.box, x1: border - width / 2, x2: border + width / 2 };
    const [a, b] = sheets[0].routes.filter((r) => r.kind === 'flow');
    b.points = [...a.points];
    b.to = `${a.to}x`;
    const kinds = new Set(documentProblems(sheets).map((p) => p.kind));
    expect(kinds).toContain('label-cut-by-border');
    expect(kinds).toContain('routes-share-segment');
  });
});
