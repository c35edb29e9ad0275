/**
 * Geometry of the rendered official form over every SOP of the book, of the other offices' fixtures
 * and of the render fixtures: the SVG parsed back, text boxes measured with the font's own metrics,
 * and nothing a reviewer holding the printed form would object to: labels cut by a border or a
 * gridline, labels on a symbol, a connector, another label or a route they do not belong to, a label
 * far from its route's start or nearer to another exit, routes sharing a line, routes through
 * symbols, symbols outside their column or out of shape, a decision drawn twice, text out of its
 * cell, a word broken across lines off its hyphenation points or without a hyphen (word-breaks.ts),
 * connectors on each other or on a symbol, against the flow, unpaired, of two sizes or lettered on
 * from an earlier procedure. Every file must come out with none: a problem is reported without its
 * coordinates, so that the failure reads the same whatever the font sizes and widths.
 */
import { describe, expect, it } from 'vitest';
import { filesIn, fromRoot } from '../../helpers/paths.js';
import { documentProblems, parseSheets } from './geometry.js';
import { breakPoints } from './word-breaks.js';
import { CORPUS, FIXTURES, rendered } from './render-helpers.js';

const OFFICES = filesIn(fromRoot('test/fixtures/offices'), '.sop');

/** A problem without its coordinates, so that font sizes and widths may change. */
const describeProblem = (p: { sheet: string; kind: string; detail: string }) =>
  `${p.sheet}: ${p.kind}: ${p.detail}`
    .replace(/ \[[-\d., ]+\]/g, '')
    .replace(/ x=[-\d.]+| y=[-\d.]+/g, '')
    .replace(/ \([\d.]+\)/g, '')
    .replace(/ share [\d.]+ units/, ' share units');

describe('geometry of every rendered SOP, page by page (the SVG read back)', () => {
  it.each([...CORPUS, ...OFFICES, ...FIXTURES].map((f) => [rendered(f).file, f]))('%s', (_name, file) => {
    const sheets = parseSheets(rendered(file).svg);
    const found = [...new Set(documentProblems(sheets, rendered(file).input.source.text).map(describeProblem))];
    expect(found).toEqual([]);
  });

  it('finds what it looks for (a label moved onto a border, routes made to share a lane, connectors on a symbol)', () => {
    const svg = rendered(CORPUS.find((f) => f.endsWith('sop-309.sop'))!).svg;
    const sheets = parseSheets(svg);
    const label = sheets[0].routes.find((r) => r.label?.text === 'Tidak')!;
    const border = sheets[0].actorColumns[0].box.x2;
    const width = label.label!.box.x2 - label.label!.box.x1;
    label.label!.box = { ...label.label!.box, x1: border - width / 2, x2: border + width / 2 };
    const [a, b] = sheets[0].routes.filter((r) => r.kind === 'flow');
    b.points = [...a.points];
    b.to = `${a.to}x`;
    // Two connectors drawn on the first symbol.
    const symbol = sheets[0].symbols[0];
    const onSymbol = { letter: 'Z', role: 'in', box: symbol.box, polygon: symbol.polygon, tip: symbol.polygon[0], direction: [0, 1] as [number, number] };
    sheets[0].connectors.push(onSymbol, { ...onSymbol, role: 'out' });
    const kinds = new Set(documentProblems(sheets, rendered(CORPUS.find((f) => f.endsWith('sop-309.sop'))!).input.source.text).map((p) => p.kind));
    expect(kinds).toContain('label-cut-by-border');
    expect(kinds).toContain('routes-share-segment');
    expect(kinds).toContain('connector-overlaps-connector');
    expect(kinds).toContain('connector-overlaps-symbol');
  });

  it('finds a word broken off its hyphenation points, or without a hyphen, and passes one broken right', () => {
    const file = CORPUS.find((f) => f.endsWith('sop-309.sop')) ?? FIXTURES[0];
    const { svg, input } = rendered(file);
    const sheet = parseSheets(svg)[0];
    const cell = sheet.cells.find((c) => c.role === 'kegiatan' && c.lines.length > 0)!;
    const words = cell.lines[0].text.split(' ');
    const word = words.reduce((a, b) => (b.length > a.length ? b : a));
    // The word broken into two lines three ways: right (at its first hyphenation point, with a
    // hyphen), at no hyphenation point, and between two letters with no hyphen shown.
    const at = Math.min(...breakPoints(word));
    const problemsWith = (first: string, second: string) => {
      const line = (text: string) => ({ text, box: cell.lines[0].box });
      cell.lines = [line(first), line(second)];
      return documentProblems([sheet], input.source.text)
        .filter((p) => p.kind === 'word-broken-badly')
        .map((p) => p.detail);
    };
    expect(problemsWith(`${word.slice(0, at)}-`, word.slice(at))).toEqual([]);
    const off = [...word].findIndex((_, i) => i > 1 && !breakPoints(word).has(i));
    expect(problemsWith(`${word.slice(0, off)}-`, word.slice(off))).toEqual([expect.stringContaining('not a hyphenation point')]);
    expect(problemsWith(word.slice(0, at), word.slice(at))).toEqual([expect.stringContaining('without a hyphen')]);
  });
});
