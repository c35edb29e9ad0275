import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { renderMermaid } from '../../../src/emit/mermaid/flowchart.js';
import { parseSop } from '../../../src/ast/parse.js';
import { runBrowserTests } from '../../helpers/browser.js';
import { filesIn, fromRoot } from '../../helpers/paths.js';
import { chartProblems, expectedChart, laneProblems } from './geometry-checks.js';
import { drawChart, useMermaidPage } from './page.js';

// Chromium lays out every chart with mermaid: slow by nature, on a loaded 2-vCPU machine.
vi.setConfig({ testTimeout: 180_000 });

const files = [
  ...filesIn(fromRoot('sops'), '.sop'),
  ...filesIn(fromRoot('test/fixtures/offices'), '.sop'),
  ...filesIn(fromRoot('test/render/fixtures'), '.sop'),
];

describe.runIf(runBrowserTests)('mermaid output rendered by mermaid in Chromium', () => {
  const { page, errors } = useMermaidPage();

  it.each(files.map((f) => [basename(f), f]))(
    '%s: lanes in order at one height, every actor in its lane, no spilled text or shared path',
    async (name, file) => {
      const { document: sop } = parseSop(readFileSync(file, 'utf8'), String(name));
      const { geometry, text, error } = await drawChart(page(), renderMermaid(sop));
      expect(error).toBe(false);
      expect(chartProblems(geometry, expectedChart(sop))).toEqual([]);
      // Every step and every lost range is drawn.
      const ids = new Set(geometry.nodes.map((n) => n.id));
      sop.procedures.forEach((procedure, p) => {
        procedure.steps.forEach((_, i) => expect(ids, `p${p + 1}s${i + 1}`).toContain(`p${p + 1}s${i + 1}`));
        procedure.missing.forEach((_, i) => expect(ids, `p${p + 1}m${i + 1}`).toContain(`p${p + 1}m${i + 1}`));
      });
      // The largest diamond: a decision holding its whole text on one line was 2676 px wide.
      const decisions = sop.procedures.flatMap((procedure, p) => procedure.steps.flatMap((s, i) => (s.symbol === 'decision' ? [`p${p + 1}s${i + 1}`] : [])));
      const widest = Math.max(0, ...geometry.nodes.filter((n) => decisions.includes(n.id)).map((n) => n.shape.right - n.shape.left));
      expect(widest, 'the widest decision diamond (px)').toBeLessThan(400);
      if (String(name) === 'hostile.sop') expect(text).toContain('<script>alert(1)</script>');
      expect(errors).toEqual([]);
    },
  );

  it("sees Dagre's lanes out of order (negative control: the lane check really measures)", async () => {
    const { document: sop } = parseSop(readFileSync(fromRoot('test/render/fixtures/decisions.sop'), 'utf8'), 'decisions.sop');
    const dagre = renderMermaid(sop).replace(/^---\n[\s\S]*?\n---\n/, '');
    expect(dagre.startsWith('flowchart TD')).toBe(true);
    const { geometry, error } = await drawChart(page(), dagre);
    expect(error).toBe(false);
    expect(laneProblems(geometry, expectedChart(sop))).not.toEqual([]);
  });
});
