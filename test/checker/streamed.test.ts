/**
 * `check` writes its reports as the files finish (issue 17: bounded memory): lintStreamed hands out
 * each file's findings, read back from disk, and the streaming formatters write them batch by batch.
 * Both must give exactly what the whole list gives.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/configuration.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { SourceFile } from '../../src/diagnostics/source.js';
import { FORMATTERS, STREAMING_FORMATTERS } from '../../src/format/registry.js';
import { type ReportInput, totalsOf } from '../../src/format/types.js';
import { lint, lintStreamed } from '../../src/lint.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { filesIn, fromRoot } from '../helpers/paths.js';

const CLEAN = readFileSync(fromRoot('test/cli/fixtures/clean.sop'), 'utf8');

/** A small book with corpus findings (two SOPs of one number) and suppressions (one used, one not). */
function book(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'soplint-streamed-'));
  const suppressed = CLEAN.replace('Keterkaitan:\n', 'Keterkaitan:\n  # soplint-disable-next-line xref/unresolved -- named by the source\n').replace(
    'Judul SOP: Contoh Bersih',
    'Judul SOP: Contoh Kedua',
  );
  const unused = CLEAN.replace('Judul SOP: Contoh Bersih', 'Judul SOP: Contoh Ketiga').replace(
    '  1. [kasubbid]',
    '  # soplint-disable-next-line step/numbering-gap -- nothing to suppress\n  1. [kasubbid]',
  );
  const files = { 'a.sop': CLEAN, 'b/c.sop': suppressed, 'b-d.sop': unused, 'z.sop': 'not an SOP at all\n' };
  return Object.entries(files).map(([name, text]) => {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    return path;
  });
}

async function streamedFindings(files: string[], options: Parameters<typeof lintStreamed>[1]) {
  const run = await lintStreamed(files, options);
  const all: Diagnostic[] = [];
  const batches: Diagnostic[][] = [];
  run.forEachFile((_, findings) => {
    all.push(...findings);
    batches.push(findings);
  });
  run.close();
  return { run, all, batches };
}

describe('lintStreamed', () => {
  it('gives the findings lint() gives, in the same order, for the book', async () => {
    const files = filesIn(fromRoot('sops'), '.sop');
    const options = { cwd: fromRoot(), config: loadConfigFile(fromRoot('.soplintrc.yaml'), fromRoot()), jobs: 1 };
    const whole = await lint(files, options);
    const { run, all } = await streamedFindings(files, options);
    expect(all.length).toBeGreaterThan(0);
    expect(all).toEqual(whole.diagnostics);
    expect(run.fileCount).toBe(whole.fileCount);
    expect(run.index.entries.map((e) => e.file)).toEqual(whole.index.entries.map((e) => e.file));
  }, 120_000);

  it('applies suppressions and adds corpus findings as lint() does', async () => {
    const files = book();
    const cwd = join(files[0], '..');
    const whole = await lint(files, { cwd, jobs: 1 });
    const { all, batches } = await streamedFindings(files, { cwd, jobs: 1 });
    const ids = new Set(all.map((d) => d.ruleId));
    expect(ids).toContain('corpus/duplicate-number');
    expect(ids).toContain('suppression/unused');
    expect(all).toEqual(whole.diagnostics);
    // One batch per file, each of one file.
    for (const batch of batches) expect(new Set(batch.map((d) => d.file)).size).toBeLessThanOrEqual(1);
  }, 120_000);
});

describe('streaming formatters', () => {
  it('write, batch by batch, the bytes of the whole report', async () => {
    const files = book();
    const cwd = join(files[0], '..');
    const { all, batches } = await streamedFindings(files, { cwd, jobs: 1 });
    const sources = new Map(files.map((f) => [f.slice(cwd.length + 1), new SourceFile(f.slice(cwd.length + 1), readFileSync(f, 'utf8'))]));
    const input: ReportInput = {
      diagnostics: all,
      fileCount: files.length,
      files: [...sources.keys()],
      language: 'en',
      color: false,
      sources,
      rules: ALL_RULES,
      toolVersion: '1.2.3',
      acceptedByBaseline: 2,
    };
    for (const format of Object.keys(STREAMING_FORMATTERS)) {
      const whole = (await FORMATTERS[format]())(input);
      const streaming = await STREAMING_FORMATTERS[format]();
      const chunks: string[] = [];
      const { diagnostics, ...head } = input;
      const writer = streaming.start({ ...head, totals: totalsOf(diagnostics) }, (chunk) => chunks.push(chunk));
      for (let pass = 0; pass < (streaming.passes ?? 1); pass++) for (const batch of batches) writer.findings(batch, pass);
      writer.end();
      expect(chunks.join(''), format).toBe(whole);
      expect(chunks.length, format).toBeGreaterThan(2);
    }
    // And with no findings at all.
    for (const format of Object.keys(STREAMING_FORMATTERS)) {
      const whole = (await FORMATTERS[format]())({ ...input, diagnostics: [] });
      const streaming = await STREAMING_FORMATTERS[format]();
      const chunks: string[] = [];
      const { diagnostics, ...head } = input;
      streaming.start({ ...head, totals: totalsOf([]) }, (chunk) => chunks.push(chunk)).end();
      expect(chunks.join(''), format).toBe(whole);
      expect(diagnostics.length).toBeGreaterThan(0);
    }
  }, 120_000);
});
