/**
 * SOP AP documents of other Indonesian offices (test/fixtures/offices/, issue 12): real published
 * documents with shapes the bundled Banjarmasin book lacks. Each one names its source, parses with no
 * syntax finding, renders in every format, and its JSON form validates against the schema.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS, loadEmitter } from '../../src/emit/registry.js';
import { parseSop } from '../../src/ast/parse.js';
import { UNKNOWN_ACTOR_ID, type Step } from '../../src/ast/types.js';
import { filesIn, fromRoot } from '../helpers/paths.js';
import { schemaValidator } from '../helpers/schema.js';

const FILES = filesIn(fromRoot('test/fixtures/offices'), '.sop');
const parsed = FILES.map((file) => ({ name: basename(file), text: readFileSync(file, 'utf8'), ...parseSop(readFileSync(file, 'utf8'), basename(file)) }));
const cases = parsed.map((p) => [p.name, p] as const);

describe('office fixtures', () => {
  it('are at least six documents, each listed in the folder README', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(6);
    const readme = readFileSync(fromRoot('test/fixtures/offices/README.md'), 'utf8');
    expect(parsed.map((p) => p.name).filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
  });

  it.each(cases)('%s names its source: a comment with the page address and the date it was read', (_, p) => {
    const head = p.text
      .split('\n')
      .filter((line) => line.startsWith('#'))
      .join('\n');
    expect(head).toMatch(/^# Source: /);
    expect(head).toMatch(/Published at https?:\/\/\S+/);
    expect(head).toMatch(/Read \d{4}-\d{2}-\d{2}/);
  });

  it.each(cases)('%s parses with no syntax error or warning', (_, p) => {
    const syntax = p.diagnostics.filter((d) => d.ruleId.startsWith('syntax/') && d.severity !== 'info');
    expect(syntax.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message.en}`)).toEqual([]);
  });

  // The only syntax finding a fixture may have is the info that reports a partly lost cell ('…').
  it.each(cases)('%s: each partly lost cell is reported once, at info level, and nothing else of syntax/', (_, p) => {
    const infos = p.diagnostics.filter((d) => d.ruleId.startsWith('syntax/') && d.severity === 'info');
    expect([...new Set(infos.map((d) => d.ruleId))].filter((id) => id !== 'syntax/partly-lost')).toEqual([]);
    const partial = p.text.split('\n').filter((line) => !line.trimStart().startsWith('#') && line.includes('…')).length;
    expect(infos.length).toBe(partial);
  });

  // A label line that the parser does not know would silently join the field above (issue 12).
  it.each(cases)('%s reads every label line as a field of its own, not as text of the field above', (_, p) => {
    const labels = p.text
      .split('\n')
      .map((line) => /^\s*([A-Za-z][A-Za-z./ ]*[A-Za-z.]):/.exec(line)?.[1])
      .filter((label): label is string => label !== undefined);
    expect(labels.length).toBeGreaterThan(0);
    const { comments: _comments, ...fields } = p.document;
    const text = JSON.stringify(fields);
    expect([...new Set(labels)].filter((label) => text.includes(`${label}:`))).toEqual([]);
  });

  it.each(cases)('%s keeps every step it transcribes', (_, p) => {
    const written = p.text.split('\n').filter((line) => /^\s*(\d+|\?)\.\s+\[/.test(line)).length;
    expect(p.document.procedures.reduce((n, procedure) => n + procedure.steps.length, 0)).toBe(written);
  });

  it.each(cases)('%s renders in every format without throwing, with non-empty output', async (_, p) => {
    expect(FORMATS.length).toBeGreaterThan(0);
    for (const format of FORMATS) {
      const emitter = await loadEmitter(format);
      const out = await emitter.render({ document: p.document, source: p.source });
      // A text format renders to a string, a binary one (pdf) to the bytes of a file.
      if (typeof out === 'string') expect(out.trim().length, `${format} output`).toBeGreaterThan(0);
      else expect(out.byteLength, `${format} output`).toBeGreaterThan(0);
      if (format === 'pdf')
        expect(
          Buffer.from(out as Uint8Array)
            .subarray(0, 5)
            .toString('latin1'),
        ).toBe('%PDF-');
    }
  });

  it.each(cases)('%s: its JSON form validates against schemas/sop.schema.json', async (_, p) => {
    const json = await loadEmitter('json');
    const validate = schemaValidator('sop.schema.json');
    const ok = validate(JSON.parse((await json.render({ document: p.document, source: p.source })) as string));
    expect(ok, JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  // The set is test data for issue 12's shapes: if a fixture is dropped or misread, a shape may
  // silently go missing. Each shape is looked for in the AST, where the parser put it.
  it('together exercise every shape of issue 12, read into the AST', () => {
    const steps = parsed.flatMap((p) => p.document.procedures.flatMap((procedure) => procedure.steps));
    const exits = steps.flatMap((step) => step.decision?.exits ?? []);
    const jumps = (step: Step) =>
      (step.decision?.exits ?? []).flatMap((e) => (e.to.kind === 'step' && step.number !== null ? [e.to.number - step.number] : []));
    const has = (key: string) => parsed.filter((p) => (p.document.identity as unknown as Record<string, unknown>)[key] !== undefined).length;
    const shapes: Record<string, boolean> = {
      'a three-way decision': steps.some((step) => (step.decision?.exits.length ?? 0) >= 3),
      'an exit that ends the procedure (-> selesai)': exits.some((e) => e.to.kind === 'end'),
      'an exit whose target is lost (-> ?)': exits.some((e) => e.to.kind === 'unknown'),
      'a step whose next step is lost (Lanjut: ?)': steps.some((step) => step.next?.targets.some((t) => t.kind === 'unknown') ?? false),
      'a jump back': steps.some((step) => jumps(step).some((d) => d < 0)),
      'a jump ahead over steps': steps.some((step) => jumps(step).some((d) => d > 1)),
      'several actors in one step': steps.some((step) => step.actors.length > 1),
      'an unknown actor ([?])': steps.some((step) => step.actors.some((a) => a.id === UNKNOWN_ACTOR_ID)),
      'a step without a number (?.)': steps.some((step) => step.number === null),
      'a duplicate step number': parsed.some((p) => p.document.procedures.some((pr) => new Set(pr.steps.map((s) => s.number)).size < pr.steps.length)),
      'steps lost to the end of the table (Hilang: N-?)': parsed.some((p) => p.document.procedures.some((pr) => pr.missing.some((m) => m.to === null))),
      'no identity sheet (Identitas: (hilang))': parsed.some((p) => p.document.identity.missing),
      'No. Revisi': has('revisi') > 0,
      Tujuan: has('tujuan') > 0,
      'Ruang Lingkup': has('ruangLingkup') > 0,
      Definisi: has('definisi') > 0,
      'Persyaratan (identity level)': has('persyaratan') > 0,
      'Catatan Pelaksanaan': has('catatanPelaksanaan') > 0,
    };
    expect(
      Object.entries(shapes)
        .filter(([, found]) => !found)
        .map(([shape]) => shape),
    ).toEqual([]);
  });
});
