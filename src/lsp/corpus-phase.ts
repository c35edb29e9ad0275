/**
 * The corpus phase of the language server's book, kept incremental: corpus rules (cross-references,
 * duplicate numbers, unit codes) read only the corpus index, the few facts phase 1 keeps per file
 * (number, title, unit code, references, directives, with their locations). Typing in a Kegiatan,
 * a Waktu or any other step field leaves a file's entry the same apart from where things are (the
 * offsets after the cursor move). When every file that changed since the last check has an entry
 * equal to its last one in all but locations, the corpus rules would say the same things at the
 * moved places: their last findings are moved along (mapping each old location to the new one
 * written at the same place of the entry) instead of running them over the whole book again. When
 * anything else changed (a title, a reference, a file added, the configuration), or a finding's
 * place is not one the entry knows, they all run again, exactly as `soplint check` runs them.
 */
import { finishRun } from '../checker/run.js';
import type { FileOutcome } from '../checker/file-phase.js';
import { applySuppressions } from '../checker/suppressions.js';
import type { ResolvedConfig } from '../config/types.js';
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { IndexEntry } from '../resolve/corpus-index.js';
import { BUILTIN_FINDING_IDS } from '../rules/builtin-findings.js';
import type { Rule } from '../rules/rule.js';

const POSITION_KEYS = new Set(['offset', 'endOffset', 'line', 'column', 'endLine', 'endColumn']);

/** How an entry's places moved: old location → new one, by offsets and by line and column. */
interface Moves {
  byOffsets: Map<string, Place>;
  byLineColumn: Map<string, Place>;
  offsets: Map<number, number>;
  /** Set when one old place went to two new ones: nothing is moved then. */
  ambiguous: boolean;
}

interface Place {
  offset?: number;
  endOffset?: number;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

const offsetsKey = (p: Place) => `${p.offset}:${p.endOffset}:${p.line}:${p.column}`;
const lineColumnKey = (p: Place) => `${p.line}:${p.column}:${p.endLine}:${p.endColumn}`;

function record<K>(map: Map<K, unknown>, key: K, value: unknown, moves: Moves): void {
  const before = map.get(key);
  if (before !== undefined && JSON.stringify(before) !== JSON.stringify(value)) moves.ambiguous = true;
  map.set(key, value);
}

/**
 * Whether two entries are equal apart from the numbers that say where things are; if so, how each
 * place moved. Undefined when they differ in anything else.
 */
export function entryMoves(before: IndexEntry | undefined, after: IndexEntry | undefined): Moves | undefined {
  const moves: Moves = { byOffsets: new Map(), byLineColumn: new Map(), offsets: new Map(), ambiguous: false };
  const same = (a: unknown, b: unknown): boolean => {
    if (a === b) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    if (Array.isArray(a)) {
      const bs = b as unknown[];
      return a.length === bs.length && a.every((x, i) => same(x, bs[i]));
    }
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    const keys = Object.keys(ao);
    if (keys.length !== Object.keys(bo).length) return false;
    let place = false;
    for (const key of keys) {
      if (!(key in bo)) return false;
      if (POSITION_KEYS.has(key) && typeof ao[key] === 'number' && typeof bo[key] === 'number') {
        place = true;
        continue;
      }
      if (!same(ao[key], bo[key])) return false;
    }
    if (place) {
      const from = ao as Place;
      const to = bo as Place;
      const moved: Place = {};
      for (const key of POSITION_KEYS) if (key in to) moved[key as keyof Place] = to[key as keyof Place];
      record(moves.byOffsets, offsetsKey(from), moved, moves);
      record(moves.byLineColumn, lineColumnKey(from), moved, moves);
      if (from.offset !== undefined) record(moves.offsets, from.offset, to.offset, moves);
      if (from.endOffset !== undefined) record(moves.offsets, from.endOffset, to.endOffset, moves);
    }
    return true;
  };
  if (before === undefined || after === undefined) return before === after ? moves : undefined;
  return same(before, after) && !moves.ambiguous ? moves : undefined;
}

/** A corpus finding moved with its file's entry; undefined when one of its places is not known. */
function moveFinding(d: Diagnostic, movesOf: Map<string, Moves>): Diagnostic | undefined {
  let moved: Diagnostic = d;
  const own = movesOf.get(d.file);
  if (own) {
    const place = own.byOffsets.get(offsetsKey(d));
    if (!place) return undefined;
    moved = { ...d, ...place };
    if (d.fix) {
      const offset = own.offsets.get(d.fix.offset);
      const endOffset = own.offsets.get(d.fix.endOffset);
      if (offset === undefined || endOffset === undefined) return undefined;
      moved.fix = { ...d.fix, offset, endOffset };
    }
  }
  if (d.related?.some((r) => movesOf.has(r.file))) {
    const related = [];
    for (const r of d.related) {
      const moves = movesOf.get(r.file);
      if (!moves) {
        related.push(r);
        continue;
      }
      const place = moves.byLineColumn.get(lineColumnKey(r));
      if (!place) return undefined;
      related.push({ ...r, line: place.line!, column: place.column!, endLine: place.endLine!, endColumn: place.endColumn! });
    }
    moved = { ...moved, related };
  }
  return moved;
}

export interface CorpusPhaseResult {
  /** Findings per display path, sorted, after suppressions (the arrays of unchanged files are kept as they were). */
  byPath: Map<string, Diagnostic[]>;
  suppressed: Diagnostic[];
  /** Display paths whose findings are a new array since the last result. */
  changed: Set<string>;
  /** Whether the corpus rules ran over the whole book (false: their findings were moved along). */
  full: boolean;
}

/** The corpus phase and suppressions, redone only as far as the changed files need. */
export class IncrementalCorpusPhase {
  private last:
    | {
        config: ResolvedConfig;
        paths: string[];
        entries: Map<string, IndexEntry | undefined>;
        /** Corpus findings per path, before suppressions. */
        corpus: Map<string, Diagnostic[]>;
        byPath: Map<string, Diagnostic[]>;
        suppressedByPath: Map<string, Diagnostic[]>;
      }
    | undefined;

  constructor(private readonly rules: Rule[]) {}

  private get knownRuleIds(): string[] {
    return [...new Set(this.rules.map((r) => r.meta.id)), ...BUILTIN_FINDING_IDS];
  }

  /** `outcomes` in path order; `rerun`: the paths whose phase 1 ran again since the last call. */
  run(outcomes: FileOutcome[], config: ResolvedConfig, rerun: Set<string>): CorpusPhaseResult {
    const last = this.last;
    const paths = outcomes.map((o) => o.path);
    let corpus: Map<string, Diagnostic[]> | undefined;
    let touched = new Set<string>(rerun);
    if (last && last.config === config && last.paths.length === paths.length && last.paths.every((p, i) => p === paths[i])) {
      corpus = this.moveAlong(outcomes, rerun, touched);
    }
    const full = corpus === undefined;
    if (!corpus) {
      corpus = this.runRules(outcomes, config);
      touched = new Set(paths);
    }
    const byPath = new Map<string, Diagnostic[]>();
    const suppressedByPath = new Map<string, Diagnostic[]>();
    const changed = new Set<string>();
    const known = this.knownRuleIds;
    for (const outcome of outcomes) {
      const path = outcome.path;
      if (!touched.has(path) && last) {
        byPath.set(path, last.byPath.get(path)!);
        suppressedByPath.set(path, last.suppressedByPath.get(path)!);
        continue;
      }
      const findings = [...outcome.diagnostics, ...(corpus.get(path) ?? [])];
      const entry = outcome.entry;
      if (!entry || entry.directives.length === 0) {
        byPath.set(path, findings.sort(compareDiagnostics));
        suppressedByPath.set(path, []);
      } else {
        const result = applySuppressions(entry.file, findings, entry.directives, entry.directiveLocations, known);
        byPath.set(path, [...result.kept, ...result.directiveFindings].sort(compareDiagnostics));
        suppressedByPath.set(path, result.suppressed);
      }
      changed.add(path);
    }
    this.last = {
      config,
      paths,
      entries: new Map(outcomes.map((o) => [o.path, o.entry])),
      corpus,
      byPath,
      suppressedByPath,
    };
    return { byPath, suppressed: [...suppressedByPath.values()].flat(), changed, full };
  }

  /** The corpus rules over the whole book: their findings per path, before suppressions. */
  private runRules(outcomes: FileOutcome[], config: ResolvedConfig): Map<string, Diagnostic[]> {
    // Entries without directives and no phase-1 findings: what comes back is the corpus rules' own findings.
    const bare = outcomes.map((o) => ({ path: o.path, diagnostics: [], entry: o.entry && { ...o.entry, directives: [], directiveLocations: [] } }));
    const result = finishRun(bare, { config, rules: this.rules });
    const corpus = new Map<string, Diagnostic[]>();
    for (const d of result.diagnostics) {
      const list = corpus.get(d.file);
      if (list) list.push(d);
      else corpus.set(d.file, [d]);
    }
    return corpus;
  }

  /** The last corpus findings moved along with the changed entries, or undefined when they must be computed again. */
  private moveAlong(outcomes: FileOutcome[], rerun: Set<string>, touched: Set<string>): Map<string, Diagnostic[]> | undefined {
    const last = this.last!;
    const movesOf = new Map<string, Moves>();
    for (const outcome of outcomes) {
      if (!rerun.has(outcome.path)) continue;
      const moves = entryMoves(last.entries.get(outcome.path), outcome.entry);
      if (!moves) return undefined;
      movesOf.set(outcome.path, moves);
    }
    if (movesOf.size === 0) return last.corpus;
    const corpus = new Map<string, Diagnostic[]>();
    for (const [path, findings] of last.corpus) {
      if (!movesOf.has(path) && !findings.some((d) => d.related?.some((r) => movesOf.has(r.file)))) {
        corpus.set(path, findings);
        continue;
      }
      const moved: Diagnostic[] = [];
      let different = false;
      for (const d of findings) {
        const m = moveFinding(d, movesOf);
        if (!m) return undefined;
        different ||= m !== d && JSON.stringify(m) !== JSON.stringify(d);
        moved.push(m);
      }
      // Nothing moved (a word typed within a line, another file's related lines the same): the same findings.
      if (!different && !movesOf.has(path)) {
        corpus.set(path, findings);
        continue;
      }
      corpus.set(path, moved);
      touched.add(path);
    }
    return corpus;
  }
}
