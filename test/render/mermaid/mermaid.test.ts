import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMermaid } from '../../../src/emit/mermaid/flowchart.js';
import { parseSop } from '../../../src/ast/parse.js';
import { expectGolden } from '../../helpers/golden.js';
import { mermaidParse } from '../../helpers/mermaid.js';
import { filesIn, fromRoot } from '../../helpers/paths.js';

const fixtures = filesIn(fromRoot('test/render/fixtures'), '.sop');
const corpus = filesIn(fromRoot('sops'), '.sop');
const render = (file: string) => renderMermaid(parseSop(readFileSync(file, 'utf8'), basename(file)).document);

describe('mermaid output', () => {
  it.each([...fixtures, ...corpus].map((f) => [basename(f), f]))('%s is accepted by mermaid.parse', async (_, file) => {
    await expect(mermaidParse(render(file))).resolves.toBeUndefined();
  });

  it.each(fixtures.map((f) => [basename(f), f]))('%s matches its golden output', (name, file) => {
    expectGolden(fromRoot('test/render/mermaid/golden', String(name).replace(/\.sop$/, '.mmd')), render(file));
  });

  it('says in a comment when a chart has more edges than Mermaid draws by default', async () => {
    const steps = Array.from({ length: 600 }, (_, i) => `${i + 1}. [staf] Langkah ${i + 1}`);
    const big = renderMermaid(parseSop(['Judul SOP: Besar', 'Prosedur: Besar', 'Pelaksana:', '  staf = Staf', '', ...steps, ''].join('\n')).document);
    // 599 steps to the next, and the lane header's ordering link to the first step.
    const lines = big.split('\n');
    expect(lines[lines.indexOf('flowchart TD') + 1]).toBe('%% 600 edges: Mermaid draws at most 500 unless its configuration sets maxEdges');
    await expect(mermaidParse(big)).resolves.toBeUndefined();
    const small = render(fromRoot('test/render/fixtures/decisions.sop'));
    expect(small).not.toContain('maxEdges');
  });

  it('puts the question in a diamond, not the paragraph, and wraps every label into short lines', () => {
    const document = parseSop(readFileSync(fromRoot('sops/sop-505.sop'), 'utf8'), 'sop-505.sop').document;
    const text = renderMermaid(document);
    const decision = document.procedures[0].steps.find((s) => s.symbol === 'decision' && s.kegiatan.text.length > 100)!;
    const label = text.match(new RegExp(`\\{"(${decision.number}\\. [^"]*)"\\}`))![1];
    expect(label.endsWith(' …')).toBe(true);
    expect(label.replaceAll('<br>', ' ').length).toBeLessThan(90);
    for (const line of [...text.matchAll(/"([^"]*)"/g)].flatMap((m) => m[1].split('<br>'))) expect(line.length, line).toBeLessThanOrEqual(60);
    const process = document.procedures[0].steps.find((s) => s.symbol === 'process' && s.kegiatan.text.length > 100)!;
    expect(text.replaceAll('<br>', ' ')).toContain(process.kegiatan.text.replace(/\s+/g, ' ').slice(0, 90));
  });

  it('rejects a broken chart (negative control: the parser really checks)', async () => {
    await expect(mermaidParse('flowchart TD\n  a["unclosed --> b\n')).rejects.toThrow();
    await expect(mermaidParse('flowchart TD\n  end["x"] --> b\n')).rejects.toThrow();
  });

  it('draws one node per step, a lane per used actor, labelled exits and dotted return edges', () => {
    const text = render(fromRoot('test/render/fixtures/decisions.sop'));
    expect(text.match(/^\s+p1s\d+[[({]/gm)).toHaveLength(6);
    expect(text).toContain('p1s3{"3. Memeriksa kelengkapan<br>berkas"}');
    expect(text).toContain('p1s1(["1. Mulai"])');
    expect(text).toMatch(/p1s2 -\.->\|"Tidak"\| p1s1/);
    expect(text).toMatch(/p1s4 -->\|"Setuju"\| p1s5/);
    expect(text).toMatch(/subgraph p1l1\[" "\]\n\s+actor_p1l1\["Kasubbid"\]/);
  });

  it('lays the lanes out with the swimlane layout, in declared order, a header first in each', () => {
    const text = render(fromRoot('test/render/fixtures/decisions.sop'));
    expect(text.startsWith('---\nconfig:\n  layout: swimlane\n')).toBe(true);
    expect([...text.matchAll(/subgraph (\w+)/g)].map((m) => m[1])).toEqual(['p1l1', 'p1l2']);
    expect(text).toMatch(/actor_p1l2 ~~~ p1s3/);
  });

  it('puts a mark of a step in the lane of each of its other actors, joined to it', () => {
    const document = parseSop(
      [
        'Prosedur: Bersama',
        'Pelaksana:',
        '  a = Staf',
        '  b = Kasubbag',
        '  c = Kabag',
        '',
        '1. [a, c] Mulai',
        '2. [b, a, c] Memeriksa',
        '   Keputusan: Ya -> 3, Tidak -> 2',
        '3. [c] Selesai',
        '',
      ].join('\n'),
    ).document;
    const text = renderMermaid(document);
    const lane = (id: string) => text.slice(text.indexOf(`subgraph ${id}[`), text.indexOf('end', text.indexOf(`subgraph ${id}[`)));
    expect(lane('p1l3')).toContain('p1s1_p1l3(["1"])');
    expect(lane('p1l1')).toContain('p1s2_p1l1{"2"}');
    expect(lane('p1l3')).toContain('p1s2_p1l3{"2"}');
    expect(text).toContain('p1s2 -.- p1s2_p1l1');
    expect(text.replaceAll('<br>', ' ')).toContain('(bersama Staf, Kabag)');
    // A loop back to the step itself ends at a connector naming it: the swimlane layout cannot draw a self-loop.
    expect(text).not.toMatch(/p1s2 -\.->\|"Tidak"\| p1s2\n/);
    const connector = /p1s2 -\.->\|"Tidak"\| (p1s2_r\d+)\n/.exec(text)?.[1];
    expect(connector).toBeDefined();
    expect(lane('p1l2')).toContain(`${connector}(("2"))`);
  });

  it('draws one arrow, labelled with both exits, where two exits lead to one step', () => {
    const document = parseSop(
      [
        'Prosedur: Dua',
        'Pelaksana:',
        '  a = Staf',
        '',
        '1. [a] Memeriksa',
        '   Keputusan: Ya -> 2, Ditunda -> 2, Tidak -> 3',
        '2. [a] Mengetik',
        '3. [a] Selesai',
        '',
      ].join('\n'),
    ).document;
    const text = renderMermaid(document);
    expect(text).toContain('p1s1 -->|"Ya / Ditunda"| p1s2');
    expect(text.match(/p1s1 -->/g)).toHaveLength(2);
  });

  it('gives undeclared actors and lost ones (?) dashed lanes after the declared ones', () => {
    const document = parseSop(
      ['Prosedur: Asing', 'Pelaksana:', '  a = Staf', '', '1. [x] Mulai', '2. [?] Memeriksa', '3. [a] Selesai', ''].join('\n'),
    ).document;
    const text = renderMermaid(document);
    expect([...text.matchAll(/subgraph (\w+)/g)].map((m) => m[1])).toEqual(['p1l1', 'p1lu1', 'p1lq']);
    expect(text).toContain('actor_p1lu1["x (tidak dideklarasikan)"]');
    expect(text).toContain('style p1lq stroke-dasharray: 4 3');
  });

  it('keeps hostile text literal: no raw quotes, angle brackets or pipes reach mermaid', () => {
    const text = render(fromRoot('test/render/fixtures/hostile.sop'));
    const labels = [...text.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
    // Only the line breaks soplint writes itself (`<br>`) may hold an angle bracket.
    for (const label of labels) expect(label.replaceAll('<br>', ' ')).not.toMatch(/[<>|`]/);
    expect(text).toContain('#lt;script#gt;alert(1)#lt;/script#gt;');
    expect(text).not.toMatch(/^\s*end\[/m); // `end` is not a usable node id
  });

  it('puts the lanes of several procedures side by side, each header naming its procedure', () => {
    const text = render(fromRoot('sops/sop-308.sop'));
    expect(text).toMatch(/subgraph p1l1\[/);
    expect(text).toMatch(/subgraph p2l1\[/);
    expect(text.replaceAll('<br>', ' ')).toMatch(/actor_p2l1\["[^"]*\(Prosedur Rakor Tingkat Kota\)"\]/);
    expect(text).toMatch(/p1m1\[\/"Langkah 12-akhir tabel hilang di sumber"\/\]/);
  });
});
