/**
 * The fuzz harness of issue 19, shared by test/robustness/fuzz.test.ts (a few thousand cases in
 * `npm test`) and bench/fuzz.mjs (100,000 cases): inputs of four kinds (random bytes, random
 * Unicode, grammar-shaped text, mutations of the book) checked by the library, asserting that nothing
 * throws, that no finding is an internal error and that every span lies inside its file and on its
 * line. Time per input is measured and returned, never asserted here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { SourceFile } from '../../src/diagnostics/source.js';
import { lintTexts } from '../../src/lint.js';
import { fromRoot } from '../helpers/paths.js';

/** One fuzz input: one to three files of one book, each as the bytes a file on disk would hold. */
export interface FuzzInput {
  kind: 'bytes' | 'unicode' | 'grammar' | 'mutation' | 'references';
  files: readonly { path: string; bytes: Uint8Array }[];
}

const BOOK_DIR = fromRoot('sops');
/** The book's files (name and text), read once. */
export const BOOK: { name: string; text: string }[] = readdirSync(BOOK_DIR)
  .filter((name) => name.endsWith('.sop'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(BOOK_DIR, name), 'utf8') }));

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

/** Words and marks the language gives meaning to, and characters that have broken scanners before. */
const PIECES = [
  'Nomor SOP:',
  'Judul SOP:',
  'Tanggal Pembuatan:',
  'Tanggal Efektif:',
  'Disahkan oleh:',
  'Keterkaitan:',
  'Prosedur:',
  'Pelaksana:',
  'Kelengkapan:',
  'Waktu:',
  'Output:',
  'Keterangan:',
  'Keputusan:',
  'Masukan Luar:',
  'Hilang:',
  'Dasar Hukum:',
  'Peralatan/Perlengkapan:',
  '# soplint-disable-next-line',
  '# soplint-disable',
  '# soplint-enable',
  '  - ',
  '  1. ',
  '  2. ',
  '  10. ',
  '[kabid]',
  '[jfu]',
  '[',
  ']',
  '=',
  '->',
  ' -> ',
  'Ya',
  'Tidak',
  'SOP',
  'SOP-401/BKBPM',
  'SOP Surat Keluar',
  'lihat SOP ',
  'dan',
  'serta',
  'atau',
  ',',
  ';',
  '.',
  '...',
  ':',
  '/',
  '(',
  ')',
  '1',
  '30 menit',
  '1 hari',
  '13 Oktober 2015',
  'kasubbid = Kasubbid',
  'kabid = Kabid',
  ' ',
  '   ',
  '\t',
  '\n',
  '\n',
  '\n',
  '\r\n',
  '\r',
  '\u00a0',
  '\u200b',
  '\u202e',
  '\ufeff',
  '\ufffd',
  '\u0000',
  '\x1b[2J',
  'é',
  '😀',
  '\ud800',
];

/** Text built from the language's own pieces: labels, list marks, steps, arrows, separators. */
const grammarText = fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), {
  maxLength: 400,
});

/** The edits a mutation applies to a text. */
type Mutation =
  | { op: 'delete'; at: number; length: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'duplicate'; at: number; length: number }
  | { op: 'swap-lines'; a: number; b: number }
  | { op: 'replace'; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 20 })) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ op: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), text: fc.constantFrom(...PIECES) }),
);

function mutate(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : ('at' in m ? m.at : 0) % (text.length + 1);
  switch (m.op) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'duplicate':
      return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
    case 'replace':
      return text.slice(0, at) + m.text + text.slice(at + m.text.length);
    case 'swap-lines': {
      const lines = text.split('\n');
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
  }
}

const bookFile = fc.nat({ max: BOOK.length - 1 });
const mutatedBookText = fc.tuple(bookFile, fc.array(mutation, { minLength: 1, maxLength: 8 })).map(([i, ms]) => ms.reduce(mutate, BOOK[i].text));

/** Pieces of SOP references and what surrounds them: continuations, separators, odd line ends and spaces. */
const REFERENCE_PIECES = [
  'SOP',
  'SOP ',
  'S.O.P',
  'SOP-',
  '401',
  '/BKBPM',
  'Surat Keluar',
  'Penetapan',
  ' ',
  '  ',
  '\t',
  ',',
  ', ',
  ';',
  ' dan ',
  ' serta ',
  '.',
  '-',
  '—',
  '(',
  ')',
  ':',
  'lihat ',
  'No. ',
  '\r',
  '\r\n',
  '\n',
  '\n    ',
  '\n  - ',
  '\u00a0',
  '\u2028',
  '\u200b',
  '\ufeff',
  '\u0301',
  'é',
  '😀',
  '#',
  "'",
];
const referenceText = fc.array(fc.constantFrom(...REFERENCE_PIECES), { minLength: 1, maxLength: 30 }).map((parts) => parts.join(''));

/** A book file whose Keterkaitan items and Keterangan values are replaced by reference-shaped text. */
const bookWithOddReferences = fc.tuple(bookFile, fc.array(referenceText, { minLength: 1, maxLength: 6 })).map(([i, texts]) => {
  let n = 0;
  const next = () => texts[n++ % texts.length];
  return BOOK[i].text.replace(/^( {2}- )(SOP.*)$/gm, (_, mark) => mark + next()).replace(/^( +Keterangan: )(.*)$/gm, (_, label) => label + next());
});

/** Names that are valid file names but odd: spaces, non-Latin letters, an SOP number. */
const fileName = fc.constantFrom('x.sop', 'sop-401.sop', 'a b.sop', 'é.sop', 'sop-999.sop', 'index.sop');

/** Adds, sometimes, an untouched file of the book beside the fuzzed one: references then have a target. */
const withNeighbour = (first: { path: string; bytes: Uint8Array }) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant([first]) },
    {
      weight: 1,
      arbitrary: bookFile.map((i) => (BOOK[i].name === first.path ? [first] : [first, { path: BOOK[i].name, bytes: utf8(BOOK[i].text) }])),
    },
  );

const input = (kind: FuzzInput['kind'], bytes: fc.Arbitrary<Uint8Array>): fc.Arbitrary<FuzzInput> =>
  fc
    .tuple(fileName, bytes)
    .chain(([path, b]) => withNeighbour({ path, bytes: b }))
    .map((files) => ({ kind, files }));

/** Every kind of input, in the proportions the bench and the test run. */
export const fuzzInput: fc.Arbitrary<FuzzInput> = fc.oneof(
  { weight: 1, arbitrary: input('bytes', fc.uint8Array({ maxLength: 2000 })) },
  { weight: 1, arbitrary: input('unicode', fc.string({ unit: 'binary', maxLength: 2000 }).map(utf8)) },
  {
    weight: 3,
    arbitrary: input(
      'grammar',
      grammarText.map((parts) => utf8(parts.join(''))),
    ),
  },
  { weight: 4, arbitrary: input('mutation', mutatedBookText.map(utf8)) },
  { weight: 1, arbitrary: input('references', bookWithOddReferences.map(utf8)) },
);

/** What a file's bytes are as text: as the CLI reads them (UTF-8, bad bytes as U+FFFD). */
export const textOf = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

/** Why a finding's location is not inside its file and on its line, or undefined when it is. */
export function spanProblem(d: { file: string; line: number; column: number; endLine: number; endColumn: number }, source: SourceFile): string | undefined {
  const where = `${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn}`;
  const lineLength = (line: number) => source.lineText(line).length;
  if (!(d.line >= 1 && d.line <= source.lineCount)) return `${where}: line outside the file (${source.lineCount} lines)`;
  if (!(d.endLine >= d.line && d.endLine <= source.lineCount)) return `${where}: end line outside the file or before the start`;
  if (!(d.column >= 1 && d.column <= lineLength(d.line) + 1)) return `${where}: column outside its line (${lineLength(d.line)} characters)`;
  if (!(d.endColumn >= 1 && d.endColumn <= lineLength(d.endLine) + 1)) return `${where}: end column outside its line (${lineLength(d.endLine)} characters)`;
  if (d.endLine === d.line && d.endColumn < d.column) return `${where}: ends before it starts`;
  return undefined;
}

/** Every problem of one finding's spans (its own, its related locations'). */
export function findingProblems(d: Diagnostic, sources: Map<string, SourceFile>): string[] {
  const problems: string[] = [];
  const own = sources.get(d.file);
  if (!own) return [`${d.ruleId}: file ${d.file} is not an input`];
  const p = spanProblem(d, own);
  if (p) problems.push(`${d.ruleId} ${p}`);
  if (!(d.offset >= 0 && d.endOffset >= d.offset && d.endOffset <= own.text.length))
    problems.push(`${d.ruleId}: offsets ${d.offset}-${d.endOffset} outside the text`);
  for (const r of d.related ?? []) {
    const source = sources.get(r.file);
    if (!source) continue; // a related location in a file outside the run (not produced today)
    const q = spanProblem(r, source);
    if (q) problems.push(`${d.ruleId} related ${q}`);
  }
  if (d.ruleId.startsWith('internal/')) problems.push(`${d.ruleId}: ${d.message.en}`);
  return problems;
}

export interface FuzzOutcome {
  /** Problems found (an exception, an internal error, a span outside its line): empty when clean. */
  problems: string[];
  /** Milliseconds the library took on this input. */
  ms: number;
  diagnostics: Diagnostic[];
}

/** Checks one input with the library and returns what is wrong with the result, and how long it took. */
export function checkInput(input: FuzzInput): FuzzOutcome {
  // In the order the CLI checks them (by path): which of two files a corpus finding names can depend on it.
  const files = input.files.map((f) => ({ path: f.path, text: textOf(f.bytes) })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const sources = new Map(files.map((f) => [f.path, new SourceFile(f.path, f.text)]));
  const started = performance.now();
  try {
    const result = lintTexts(files);
    const ms = performance.now() - started;
    return { problems: result.diagnostics.flatMap((d) => findingProblems(d, sources)), ms, diagnostics: result.diagnostics };
  } catch (error) {
    return {
      problems: [`exception: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`],
      ms: performance.now() - started,
      diagnostics: [],
    };
  }
}

/** A finding as compared between the CLI's JSON report and the library. */
export const findingKey = (d: { ruleId: string; file: string; line: number; column: number; endLine: number; endColumn: number; severity: string }) =>
  `${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.ruleId}`;
