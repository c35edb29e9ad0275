import { instance, type Viz } from '@viz-js/viz';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { renderDot } from '../../../src/emit/dot/graph.js';
import { parseSop } from '../../../src/ast/parse.js';
import { expectGolden } from '../../helpers/golden.js';
import { filesIn, fromRoot } from '../../helpers/paths.js';

// Starts the system Graphviz (dot) for every SOP.
vi.setConfig({ testTimeout: 60_000 });

const fixtures = filesIn(fromRoot('test/render/fixtures'), '.sop');
const all = [...fixtures, ...filesIn(fromRoot('sops'), '.sop')];
const parsed = (file: string) => parseSop(readFileSync(file, 'utf8'), basename(file)).document;

interface GvObject {
  name: string;
  bb?: string;
  pos?: string;
}

let viz: Viz;
beforeAll(async () => {
  viz = await instance();
});

describe('dot output read back by Graphviz (@viz-js/viz)', () => {
  it.each(all.map((f) => [basename(f), f]))('%s renders with status success and no warnings', (_, file) => {
    const result = viz.render(renderDot(parsed(file)), { format: 'svg' });
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('success');
  });

  // The official form's columns: lane headers in declared order, each step in its first actor's
  // column, a mark in each co-actor's column, with Graphviz 16 (WASM) and Debian's Graphviz 2.43.
  const offices = filesIn(fromRoot('test/fixtures/offices'), '.sop');
  const layouts: [string, (dot: string) => GvObject[]][] = [
    ['@viz-js/viz', (dot) => (viz.renderJSON(dot) as { objects: GvObject[] }).objects],
    ...(existsSync('/usr/bin/dot') || process.env.CI
      ? [
          ['system dot', (dot: string) => JSON.parse(spawnSync('dot', ['-Tjson'], { input: dot, encoding: 'utf8' }).stdout).objects] as [
            string,
            (dot: string) => GvObject[],
          ],
        ]
      : []),
  ];
  it.each([...all, ...offices].flatMap((f) => layouts.map(([engine, layout]) => [`${basename(f)} (${engine})`, f, layout] as const)))(
    '%s: lanes in declared order, every actor of a step in its lane',
    (_, file, layout) => {
      const document = parsed(file);
      const objects = layout(renderDot(document));
      const x = (name: string) => {
        const node = objects.find((o) => o.name === name);
        expect(node?.pos, name).toBeDefined();
        return Number(node!.pos!.split(',')[0]);
      };
      document.procedures.forEach((procedure, p) => {
        const heads = procedure.actors.map((_, lane) => x(`p${p + 1}_h${lane + 1}`));
        heads.forEach((head, lane) => {
          if (lane > 0) expect(head, `lane ${lane + 1} right of lane ${lane}`).toBeGreaterThan(heads[lane - 1]);
        });
        const laneOf = (id: string) => procedure.actors.findIndex((a) => a.id.toLowerCase() === id.toLowerCase());
        procedure.steps.forEach((step, s) => {
          const [first, ...others] = step.actors.map((a) => laneOf(a.id));
          if (first >= 0) expect(Math.abs(x(`p${p + 1}_s${s + 1}`) - heads[first]), `step ${step.number} in its lane`).toBeLessThan(1);
          for (const lane of others.filter((l) => l >= 0 && l !== first))
            expect(Math.abs(x(`p${p + 1}_g${s + 1}_${lane + 1}`) - heads[lane]), `step ${step.number}: co-actor mark in lane ${lane + 1}`).toBeLessThan(1);
        });
      });
    },
  );

  it('draws a co-actor as a mark in its own column (negative control: the mark is there)', () => {
    const document = parseSop(
      [
        'Prosedur: Bersama',
        'Pelaksana:',
        '  a = Staf',
        '  b = Kasubbid',
        '',
        '1. [a] Menerima berkas',
        '2. [a, b] Memeriksa berkas bersama',
        '3. [a] Mengarsipkan',
        '',
      ].join('\n'),
      'bersama.sop',
    ).document;
    const dot = renderDot(document);
    expect(dot).toMatch(/"p1_g2_2" \[label="2", shape=box, style="dashed"/);
    expect(dot).toContain('"p1_s2" -> "p1_g2_2" [dir=none, style=dotted');
    expect(dot).toMatch(/"p1_g1_2" \[label="", shape=point, style=invis/);
  });

  it('keeps hostile text literal and the DOT valid', () => {
    const document = parsed(fromRoot('test/render/fixtures/hostile.sop'));
    const svg = viz.render(renderDot(document), { format: 'svg' }).output!;
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('\\n bukan baris baru');
  });

  it('rejects broken DOT (negative control)', () => {
    const result = viz.render('digraph { "a" -> [label="x"] }', { format: 'svg' });
    expect(result.status).toBe('failure');
    expect(result.errors.length).toBeGreaterThan(0);
  });

  it.runIf(existsSync('/usr/bin/dot') || !!process.env.CI)('Debian graphviz (dot -Tsvg) accepts every file without a message', () => {
    for (const file of all) {
      const run = spawnSync('dot', ['-Tsvg'], { input: renderDot(parsed(file)), encoding: 'utf8' });
      expect(run.status, basename(file)).toBe(0);
      expect(run.stderr, basename(file)).toBe('');
    }
  });

  it.each(fixtures.map((f) => [basename(f), f]))('%s matches its golden output', (name, file) => {
    expectGolden(fromRoot('test/render/dot/golden', String(name).replace(/\.sop$/, '.dot')), renderDot(parsed(file)));
  });
});
