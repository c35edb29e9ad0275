import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BLOCK_LABELS, IDENTITY_LABELS, STEP_FIELD_LABELS } from '../../src/syntax/labels.js';
import { expectGolden } from '../helpers/golden.js';
import { fromRoot } from '../helpers/paths.js';
import { copyOfBook, LspClient, type PublishedDiagnostics } from './client.js';

// The server is a separate process reading a whole book: generous timeouts on a busy machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const CONFIG = `preset: recommended
externalSops:
  - SOP Surat Keluar
  - SOP Pembentukan Tim
  - SOP SPPD
  - SOP Penetapan Produk Hukum
  - SOP Permintaan GU
`;

type Position = { line: number; character: number };
type Range = { start: Position; end: Position };
type TextEdit = { range: Range; newText: string };

/** Apply LSP text edits (non-overlapping) to a text. */
function applyEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: Position) => lineStarts[p.line] + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

/** The position of the `nth` occurrence of `needle` on 0-based `line` (plus `shift` characters). */
function positionOf(text: string, line: number, needle: string, shift = 0): Position {
  const character = text.split('\n')[line].indexOf(needle);
  if (character < 0) throw new Error(`'${needle}' not on line ${line + 1}`);
  return { line, character: character + shift };
}

const book = copyOfBook(CONFIG);
const client = new LspClient();
const uri = book.uri('sops/sop-506.sop');
const original = readFileSync(join(book.root, 'sops/sop-506.sop'), 'utf8');
const lines = original.split('\n');
const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle));
const answers: Record<string, unknown> = {};

beforeAll(async () => {
  const init = await client.initialize(book.root, { lang: 'en', debounceMs: 20 });
  expect(init.capabilities).toMatchObject({ hoverProvider: true, definitionProvider: true, renameProvider: { prepareProvider: true } });
  await client.open(uri, original);
  await client.waitForDiagnostics((p) => p.uri === uri);
});

afterAll(async () => {
  await client.stop();
  book.dispose();
  // Links to the docs name this checkout: written relative to it.
  const golden = `${JSON.stringify(answers, null, 2)}\n`.replaceAll(pathToFileURL(fromRoot()).href, '<project>');
  expectGolden(fromRoot('test/lsp/fixtures/answers.json'), golden);
});

describe('soplint lsp over stdio, on a copy of the bundled book', () => {
  it('publishes the findings of the other files of the book too (the Problems panel)', () => {
    const files = new Set(client.published.map((p) => p.uri.replace(/^.*\/sops\//, '')));
    expect(files.has('sop-407.sop')).toBe(true); // its step/numbering-gap, a defect of the source
    const gap = client.published.find((p) => p.uri.endsWith('sop-407.sop'))!.diagnostics.find((d) => d.code === 'step/numbering-gap');
    expect(gap?.message).toMatch(/Step numbers jump from 4 to 6/);
  });

  it('reports a mistake typed in the editor at its range, fixes it by the quick fix, and the finding goes', async () => {
    const at = lineOf('     Waktu: 1 jam');
    const typed = lines.map((l, i) => (i === at ? l.replace('Waktu:', 'Waktuu:') : l)).join('\n');
    const since = client.published.length;
    await client.change(uri, 2, typed);
    const published = await client.waitForDiagnostics((p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'syntax/unknown-label'), since);
    const finding = published.diagnostics.find((d) => d.code === 'syntax/unknown-label')!;
    expect(finding.range).toEqual({ start: { line: at, character: 5 }, end: { line: at, character: 12 } });
    expect(finding.message).toMatch(/Unknown label 'Waktuu:'/);
    expect(published.version).toBe(2);

    const actions = await client.request<{ title: string; kind: string; edit: { changes: Record<string, TextEdit[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: finding.range,
      context: { diagnostics: [finding], only: ['quickfix'] },
    });
    const quickFix = actions.find((a) => a.kind === 'quickfix' && a.title.includes('syntax/unknown-label'))!;
    expect(quickFix.edit.changes[uri]).toEqual([{ range: finding.range, newText: 'Waktu:' }]);
    const fixed = applyEdits(typed, quickFix.edit.changes[uri]);
    expect(fixed).toBe(original);

    const after = client.published.length;
    await client.change(uri, 3, fixed);
    const clean = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 3, after);
    expect(clean.diagnostics.filter((d) => d.code === 'syntax/unknown-label')).toEqual([]);
  });

  it('offers "fix all" (source.fixAll.soplint) for the fixable findings of a file', async () => {
    const first = lineOf('     Waktu: 1 jam');
    const second = lineOf('     Waktu: 30 menit');
    const typed = lines.map((l, i) => (i === first || i === second ? l.replace('Waktu:', 'Waktuu:') : l)).join('\n');
    const since = client.published.length;
    await client.change(uri, 4, typed);
    await client.waitForDiagnostics(
      (p) => p.uri === uri && p.version === 4 && p.diagnostics.filter((d) => d.code === 'syntax/unknown-label').length === 2,
      since,
    );
    const actions = await client.request<{ kind: string; edit: { changes: Record<string, TextEdit[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    const all = actions.find((a) => a.kind === 'source.fixAll.soplint')!;
    expect(applyEdits(typed, all.edit.changes[uri])).toBe(original);
    const after = client.published.length;
    await client.change(uri, 5, original);
    await client.waitForDiagnostics((p) => p.uri === uri && p.version === 5, after);
  });

  it('completes labels, actor ids inside [...], step numbers after ->, SOP names after "SOP "', async () => {
    const complete = async (name: string, text: string, position: Position) => {
      const since = client.published.length;
      await client.change(uri, 10 + Object.keys(answers).length, text);
      await client.waitForDiagnostics((p) => p.uri === uri, since);
      const items = await client.request<{ label: string; detail?: string; textEdit?: TextEdit }[]>('textDocument/completion', {
        textDocument: { uri },
        position,
      });
      answers[`completion: ${name}`] = items.map((i) => `${i.label}${i.detail ? ` (${i.detail.slice(0, 40)})` : ''}`);
      return items.map((i) => i.label);
    };
    const step2 = lineOf('2. [jfu]');
    const withLine = (at: number, text: string) => [...lines.slice(0, at), text, ...lines.slice(at)].join('\n');
    // An actor list being typed on a new step line.
    expect(await complete('actor ids', withLine(step2, '  2. [ka'), { line: step2, character: 8 })).toEqual(['kasubbid', 'jfu', 'kabid', 'kaban']);
    // A decision's exit.
    const exit = '     Keputusan: Ya -> ';
    const exitItems = await complete('step numbers', withLine(step2, exit), { line: step2, character: exit.length });
    expect(exitItems.slice(0, 3)).toEqual(['1', '2', '3']);
    // A step field label under a step.
    // Labels come from the label table (src/syntax/labels.ts): checked against it, not a golden.
    const labels = await complete('step labels', withLine(step2, '     Wak'), { line: step2, character: 8 });
    expect(labels).toEqual([...STEP_FIELD_LABELS, ...BLOCK_LABELS.filter((b) => b.key === 'keputusan' || b.key === 'lanjut')].map((l) => `${l.canonical}:`));
    // An identity label before the first procedure.
    const identity = await complete('identity labels', withLine(1, 'Jud'), { line: 1, character: 3 });
    expect(identity).toEqual(expect.arrayContaining(IDENTITY_LABELS.map((l) => `${l.canonical}:`)));
    expect(identity).not.toContain('Waktu:');
    delete answers['completion: step labels'];
    delete answers['completion: identity labels'];
    // A reference to another SOP of the book.
    const keterkaitan = lineOf('  - SOP Surat Keluar');
    const sops = await complete('SOP names', withLine(keterkaitan + 1, '  - SOP Pen'), { line: keterkaitan + 1, character: 11 });
    expect(sops.length).toBeGreaterThan(5);
    expect(sops).not.toContain('Temu Forum Anak'); // this SOP itself
    const since = client.published.length;
    await client.change(uri, 50, original);
    await client.waitForDiagnostics((p) => p.uri === uri && p.version === 50, since);
  });

  it("hovers: an actor id, a decision target, a Waktu, a finding's rule", async () => {
    const hover = async (name: string, position: Position) => {
      const answer = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position });
      answers[`hover: ${name}`] = answer?.contents.value ?? null;
      return answer?.contents.value ?? '';
    };
    const step3 = lineOf('3. [kasubbid]');
    expect(await hover('actor id', positionOf(original, step3, 'kasubbid', 2))).toMatch(/\*\*kasubbid\*\*: Kasubbid/);
    const decision = lineOf('Keputusan: Ya -> 4, Tidak -> 2');
    expect(await hover('decision target', positionOf(original, decision, '-> 2', 3))).toMatch(/\*\*Step 2\*\*: Mengetik usulan/);
    const waktu = lineOf('     Waktu: 1 jam');
    expect(await hover('waktu', positionOf(original, waktu, '1 jam'))).toMatch(/\*\*60 minutes\*\*/);
    // A finding: hover shows its rule's summary (here the pipeline's own syntax/unknown-label).
    const typed = lines.map((l, i) => (i === waktu ? l.replace('Waktu:', 'Waktuu:') : l)).join('\n');
    const since = client.published.length;
    await client.change(uri, 51, typed);
    await client.waitForDiagnostics((p) => p.uri === uri && p.version === 51, since);
    expect(await hover('finding', { line: waktu, character: 7 })).toContain('**syntax/unknown-label**');
    const back = client.published.length;
    await client.change(uri, 52, original);
    await client.waitForDiagnostics((p) => p.uri === uri && p.version === 52, back);
  });

  it('goes to definitions: actor id -> its Pelaksana line, decision target -> the step, SOP reference -> the file', async () => {
    const definition = async (name: string, at: string, position: Position) => {
      const answer = await client.request<{ uri: string; range: Range } | null>('textDocument/definition', { textDocument: { uri: at }, position });
      answers[`definition: ${name}`] = answer && { file: answer.uri.replace(/^.*\/sops\//, 'sops/'), range: answer.range };
      return answer;
    };
    const step3 = lineOf('3. [kasubbid]');
    const declaration = await definition('actor id', uri, positionOf(original, step3, 'kasubbid', 1));
    expect(declaration?.range.start).toEqual({ line: lineOf('kasubbid = Kasubbid'), character: 2 });
    const decision = lineOf('Keputusan: Ya -> 4, Tidak -> 2');
    const step = await definition('decision target', uri, positionOf(original, decision, '-> 2', 3));
    expect(step?.range.start).toEqual({ line: lineOf('  2. [jfu]'), character: 2 });
    // A reference to another SOP of the book, typed under Keterkaitan: to its file, at its title.
    const keterkaitan = lineOf('  - SOP Surat Keluar');
    const withReference = [...lines.slice(0, keterkaitan + 1), '  - SOP Pelayanan Pembinaan Program KB', ...lines.slice(keterkaitan + 1)].join('\n');
    const since = client.published.length;
    await client.change(uri, 55, withReference);
    await client.waitForDiagnostics((p) => p.uri === uri && p.version === 55, since);
    const target = await definition('SOP reference', uri, positionOf(withReference, keterkaitan + 1, 'Pelayanan'));
    expect(target?.uri).toBe(book.uri('sops/sop-309.sop'));
    expect(target?.range.start.line).toBe(14); // Judul SOP: Pelayanan Pembinaan Program KB
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(withReference, keterkaitan + 1, 'Pelayanan'),
    });
    answers['hover: SOP reference'] = hover?.contents.value ?? null;
    expect(hover?.contents.value).toMatch(/SOP Pelayanan Pembinaan Program KB.*SOP-309/);
    const back = client.published.length;
    await client.change(uri, 56, original);
    await client.waitForDiagnostics((p) => p.uri === uri && p.version === 56, back);
  });

  it('renames an actor id across the file (declaration and every [...]), and finds its references', async () => {
    const step2 = lineOf('  2. [jfu]');
    const position = positionOf(original, step2, 'jfu', 1);
    const prepared = await client.request<{ placeholder: string } | null>('textDocument/prepareRename', { textDocument: { uri }, position });
    expect(prepared?.placeholder).toBe('jfu');
    const references = await client.request<Range[]>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } });
    const edit = await client.request<{ changes: Record<string, TextEdit[]> }>('textDocument/rename', { textDocument: { uri }, position, newName: 'staf' });
    const edits = edit.changes[uri];
    expect(edits.length).toBe(references.length);
    answers['rename: jfu -> staf'] = edits.map((e) => `${e.range.start.line + 1}:${e.range.start.character + 1}`);
    const renamed = applyEdits(original, edits);
    expect(renamed).toContain('  staf      = JFU Subbid');
    expect(renamed).not.toMatch(/\[jfu\b|\bjfu\]/);
    // The renamed file checks as the original did: nothing new is undeclared.
    const since = client.published.length;
    await client.change(uri, 60, renamed);
    const published: PublishedDiagnostics = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 60, since);
    expect(published.diagnostics.filter((d) => d.code === 'actor/undeclared')).toEqual([]);
  });

  it('gives the outline (procedures and steps) and folding ranges', async () => {
    const symbols = await client.request<{ name: string; kind: number; children?: { name: string }[] }[]>('textDocument/documentSymbol', {
      textDocument: { uri },
    });
    const procedure = symbols.find((s) => s.name === 'Prosedur Temu Forum Anak');
    expect(procedure?.children?.length).toBeGreaterThanOrEqual(10);
    expect(procedure?.children?.[0].name).toMatch(/^1\. Membuat telaahan/);
    const folds = await client.request<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', { textDocument: { uri } });
    expect(folds.some((f) => f.startLine === lineOf('Prosedur: Prosedur Temu Forum Anak'))).toBe(true);
  });

  it('checks a document that is no file yet (untitled) with the book, and forgets it when closed', async () => {
    const untitled = 'untitled:Untitled-1';
    const since = client.published.length;
    await client.open(untitled, original.replace('[jfu] Mengetik', '[jfx] Mengetik'));
    const published = await client.waitForDiagnostics((p) => p.uri === untitled, since);
    expect(published.diagnostics.map((d) => d.code)).toContain('actor/undeclared');
    // Checked with the book: sop-506.sop's number is now written twice, and the other file says so.
    await client.waitForDiagnostics((p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'corpus/duplicate-number'), since);
    const closed = client.published.length;
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: untitled } });
    await client.waitForDiagnostics((p) => p.uri === untitled && p.diagnostics.length === 0, closed);
    await client.waitForDiagnostics((p) => p.uri === uri && !p.diagnostics.some((d) => d.code === 'corpus/duplicate-number'), closed);
  });

  it('reloads the configuration when .soplintrc.yaml changes', async () => {
    const since = client.published.length;
    writeFileSync(join(book.root, '.soplintrc.yaml'), `${CONFIG}rules:\n  chain/unused-output: off\n  chain/unproduced-input: off\n`);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: book.uri('.soplintrc.yaml'), type: 2 }] });
    // The findings of sop-506.sop had chain/ rules' findings; a publish without them comes.
    expect(
      client.published
        .filter((p) => p.uri === uri)
        .at(-1)!
        .diagnostics.some((d) => String(d.code).startsWith('chain/')),
    ).toBe(true);
    const _published = await client.waitForDiagnostics((p) => p.uri === uri && !p.diagnostics.some((d) => String(d.code).startsWith('chain/')), since);
  });
});
