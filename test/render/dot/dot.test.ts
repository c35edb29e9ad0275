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

const box = (bb: string) => {
  const [x1, y1, x2, y2] = bb.split(',').map(Number);
  return { x1, y1, x2, y2 };
};

describe('dot output read back by Graphviz (@viz-js/viz)', () => {
  it.each(all.map((f) => [basename(f), f]))('%s renders with status success and no warnings', (_, file) => {
    const result = viz.render(renderDot(parsed(file)), { format: 'svg' });
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('success');
  });

  // Graphviz orders clusters itself (mincross); the columns are side by side, not always in declared order.
  it.each(all.map((f) => [basename(f), f]))('%s draws the actor lanes as side-by-side columns that do not overlap, each step inside its lane', (_, file) => {
    const document = parsed(file);
    const json = viz.renderJSON(renderDot(document)) as { objects: GvObject[] };
    document.procedures.forEach((procedure, p) => {
      const used = procedure.actors.map((_, lane) => json.objects.find((o) => o.name === `cluster_p${p + 1}_l${lane + 1}`));
      const lanes = used.filter((o): o is GvObject => o !== undefined).map((o) => box(o.bb!));
      expect(lanes.length).toBe(procedure.actors.length);
      for (let i = 0; i < lanes.length; i++) {
        for (let j = i + 1; j < lanes.length; j++) {
          const apart = lanes[i].x2 <= lanes[j].x1 || lanes[j].x2 <= lanes[i].x1;
          expect(apart, `lanes ${i + 1} and ${j + 1} are separate columns`).toBe(true);
        }
      }
      procedure.steps.forEach((step, s) => {
        const lane = procedure.actors.findIndex((a) => a.id.toLowerCase() === step.actors[0]?.id.toLowerCase());
        if (lane < 0) return;
        const node = json.objects.find((o) => o.name === `p${p + 1}_s${s + 1}`)!;
        const [x, y] = node.pos!.split(',').map(Number);
        const b = lanes[lane];
        expect(x >= b.x1 && x <= b.x2 && y >= b.y1 && y <= b.y2, `step ${step.number} inside lane ${lane + 1}`).toBe(true);
      });
    });
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
