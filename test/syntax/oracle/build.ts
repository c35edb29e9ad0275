/**
 * CST → typed AST. Reads each line kind into its node, parses cell values (dates, Waktu, lists,
 * references), attaches comments and suppression directives, and reports, in plain words, the
 * lines that stand where they cannot (a step field before any step, a step before any procedure).
 * Its parts: actors-and-decisions.ts (a step's `[...]` and 'Keputusan:'), numbered-lists.ts (lists
 * numbered as on paper), stray-lines.ts (misplaced and suspicious lines), values.ts (cell values).
 */
import type { CstNode, IToken } from 'chevrotain';
import { diagnosticAt, localized, type Diagnostic, type Localized } from '../../../src/diagnostics/diagnostic.js';
import type { SourceFile, Span } from '../../../src/diagnostics/source.js';
import {
  IDENTITY_LABELS,
  LIST_IDENTITY_KEYS,
  STEP_FIELD_LABELS,
  TEXT_OR_LIST_IDENTITY_KEYS,
  type IdentityKey,
  type StepFieldKey,
} from '../../../src/syntax/labels.js';
import type {
  Actor,
  Comment,
  DateField,
  FieldValue,
  Identity,
  KeteranganField,
  MissingSteps,
  Procedure,
  ReferenceListField,
  SopDocument,
  Step,
  TextNode,
  WaktuField,
} from '../../../src/ast/types.js';
import {
  JoinedText,
  findReferences,
  isPlaceholder,
  parseDate,
  parseMarker,
  parseWaktu,
  parseMissingRange,
  parseSymbol,
  splitEnumeration,
  SYMBOL_SPELLINGS,
  TIME_UNITS,
} from '../../../src/ast/values.js';
import { readDirectives } from '../../../src/ast/directives.js';
import { reportPartlyLost } from '../../../src/ast/partly-lost.js';
import { nodes, nodeSpan, spanOfTokens, tokens, tokenSpan, isRecovered, type Children } from './cst.js';
import { readActorRefs, readDecision, readNext } from './actors-and-decisions.js';
import { SYNTAX, type Report } from '../../../src/ast/syntax-findings.js';
import { absorbListLine, numberedListLine, openListOf, type OpenList } from './numbered-lists.js';
import { findUnknownLabels, reportSuspiciousContinuations, reportStrayLine, type StrayKind, type UnknownLabels } from './stray-lines.js';

const identityKeyOfToken = new Map(IDENTITY_LABELS.map((l) => [`Label_${l.key}`, l.key]));
const stepFieldKeyOfToken = new Map<string, StepFieldKey>([
  ...STEP_FIELD_LABELS.map((l): [string, StepFieldKey] => [`Label_${l.key}`, l.key]),
  // `Persyaratan:` under a step is its Kelengkapan.
  ...IDENTITY_LABELS.flatMap((l): [string, StepFieldKey][] => (l.inStep ? [[`Label_${l.key}`, l.inStep]] : [])),
]);
const canonicalLabel = new Map<string, string>([...IDENTITY_LABELS, ...STEP_FIELD_LABELS].map((l) => [l.key, l.canonical]));

export interface BuildResult {
  document: SopDocument;
  diagnostics: Diagnostic[];
}

class AstBuilder {
  readonly diagnostics: Diagnostic[] = [];
  /** Offsets of stray lines that look like steps, and of stray step fields (which may follow from them). */
  readonly strayStepLines: number[] = [];
  readonly strayStepFields: number[] = [];
  private readonly identity: Identity = { missing: false };
  private readonly procedures: Procedure[] = [];
  private topLevelActors: Actor[] | undefined;

  /** Offsets of the lines read as unknown labels: left out of the text of the field above. */
  private readonly unreadLines: ReadonlySet<number>;

  constructor(
    private readonly source: SourceFile,
    private readonly unknownLabels: UnknownLabels = new Map(),
  ) {
    this.unreadLines = new Set([...unknownLabels.values()].flatMap((u) => u.lines));
  }

  report(span: Span, ruleId: string, message: Localized, hint?: Localized, fix?: { span: Span; text: string }): void {
    this.diagnostics.push(diagnosticAt(this.source, span, { ruleId, severity: 'error', message, hint, fix }));
  }

  private noteStray(node: CstNode, kind: StrayKind): void {
    if (kind === 'step-like') this.strayStepLines.push(nodeSpan(node).start);
    else if (kind === 'step-field') this.strayStepFields.push(nodeSpan(node).start);
  }

  /** `report` as a function of its own, for the line checks in stray-lines.ts. */
  private readonly reportLine: Report = (span, ruleId, message, hint, fix) => this.report(span, ruleId, message, hint, fix);

  build(cst: CstNode, comments: IToken[]): SopDocument {
    const statements = [
      ...nodes(cst.children, 'identityField'),
      ...nodes(cst.children, 'actorBlock'),
      ...nodes(cst.children, 'procedure'),
      ...nodes(cst.children, 'strayLine'),
    ].sort((a, b) => nodeSpan(a).start - nodeSpan(b).start);
    // The list field just above (Dasar Hukum:, ...), which numbered lines below it extend.
    let listAbove: OpenList | undefined;
    for (const statement of statements) {
      switch (statement.name) {
        case 'identityField': {
          const key = this.identityField(statement);
          const field = (this.identity as unknown as Record<string, FieldValue | undefined>)[key];
          const takesItems = LIST_IDENTITY_KEYS.has(key) || TEXT_OR_LIST_IDENTITY_KEYS.has(key);
          listAbove = takesItems && field ? { field, label: canonicalLabel.get(key)! } : undefined;
          break;
        }
        case 'actorBlock':
          this.topLevelActorBlock(statement);
          listAbove = undefined;
          break;
        case 'procedure':
          this.procedures.push(this.procedure(statement));
          listAbove = undefined;
          break;
        case 'strayLine': {
          const step = nodes(statement.children, 'step')[0];
          const line = step && listAbove ? numberedListLine(step) : undefined;
          if (listAbove && line) absorbListLine(listAbove, line, this.reportLine);
          else {
            this.noteStray(statement, reportStrayLine(statement, this.source, this.reportLine, this.unknownLabels));
            listAbove = undefined;
          }
          break;
        }
      }
    }
    for (const procedure of this.procedures) {
      if (procedure.actors.length === 0 && this.topLevelActors) {
        procedure.actors = this.topLevelActors;
        procedure.actorsInherited = true;
      }
    }
    const commentNodes: Comment[] = comments.map((t) => ({ text: t.image.replace(/^#\s?/, '').trimEnd(), span: tokenSpan(t) }));
    const directives = readDirectives(this.source, commentNodes, this.procedures, (span, message, hint) => this.report(span, SYNTAX.invalid, message, hint));
    return {
      kind: 'SopDocument',
      file: this.source.path,
      identity: this.identity,
      procedures: this.procedures,
      comments: commentNodes,
      directives,
      span: { start: 0, end: this.source.text.length },
    };
  }

  // ---- fields -------------------------------------------------------------------------------

  /** The value of a label: same-line text, continuation lines, `- ` items. */
  private fieldValue(labelToken: IToken, body: CstNode | undefined, extraText: IToken[] = []): { value: FieldValue; joined: JoinedText } {
    const joined = new JoinedText();
    const items: TextNode[] = [];
    const bodyChildren = body?.children ?? {};
    for (const t of extraText) if (!isRecovered(t)) joined.add(t.image, t.startOffset);
    addText(joined, bodyChildren, this.unreadLines, true);
    for (const item of nodes(bodyChildren, 'listItem')) {
      if (this.unreadLines.has(tokens(item.children, 'ListDash')[0]?.startOffset)) continue;
      const itemText = new JoinedText();
      addText(itemText, item.children, this.unreadLines);
      const node = itemText.node();
      if (node) items.push(node);
      else
        this.report(
          tokenSpan(tokens(item.children, 'ListDash')[0]),
          SYNTAX.invalid,
          localized('Butir daftar kosong setelah "-".', 'Empty list item after "-".'),
          localized('tulis isinya atau hapus baris ini', 'write the item or delete the line'),
        );
    }
    const label: TextNode = { text: labelToken.image.endsWith(':') ? labelToken.image.slice(0, -1).trimEnd() : labelToken.image, span: tokenSpan(labelToken) };
    const textNode = joined.node();
    const span = body ? nodeSpan(body, labelToken) : spanOfTokens([labelToken, ...extraText]);
    const value: FieldValue = { label, text: textNode, items, span };
    const marker = textNode ? parseMarker(textNode.text) : undefined;
    if (marker) {
      value.marker = marker;
      value.text = null;
    }
    // "......./SOP/PROKOPIM/.........", "-", "___": nothing was filled in.
    if (textNode && !marker && isPlaceholder(textNode.text)) {
      value.placeholder = textNode;
      value.text = null;
    }
    const blankItems = value.items.filter((item) => isPlaceholder(item.text));
    if (blankItems.length) {
      value.items = value.items.filter((item) => !blankItems.includes(item));
      if (!value.text && !value.placeholder && value.items.length === 0) value.placeholder = blankItems[0];
    }
    return { value, joined };
  }

  /** Reads one identity field; returns its key. */
  private identityField(node: CstNode): IdentityKey {
    const labelToken = tokens(node.children, 'IdentityLabel')[0];
    const key = identityKeyOfToken.get(labelToken.tokenType.name) as IdentityKey;
    const body = nodes(node.children, 'fieldBody')[0];
    const { value, joined } = this.fieldValue(labelToken, body);
    if (this.identity[key] && key !== 'identitas') {
      this.report(
        value.label.span,
        SYNTAX.duplicate,
        localized(
          `Kolom '${canonicalLabel.get(key)}' ditulis dua kali; yang kedua diabaikan.`,
          `The field '${canonicalLabel.get(key)}' is written twice; the second one is ignored.`,
        ),
        localized('gabungkan keduanya menjadi satu', 'merge them into one'),
      );
      return key;
    }
    if (key === 'identitas') {
      if (value.marker === 'hilang') this.identity.missing = true;
      else
        this.report(
          value.span,
          SYNTAX.invalid,
          localized(`'Identitas:' hanya menerima '(hilang)', ditemukan '${joined.text}'.`, `'Identitas:' only takes '(hilang)', found '${joined.text}'.`),
          localized(
            "tulis 'Identitas: (hilang)' bila lembar identitas tidak ada di sumber",
            "write 'Identitas: (hilang)' when the source has no identity sheet",
          ),
        );
      this.identity.identitas = value;
      return key;
    }
    if (LIST_IDENTITY_KEYS.has(key) && value.text && value.items.length === 0) {
      // A one-item list written on the label's line.
      value.items = [value.text];
    }
    if (key === 'tanggalPembuatan' || key === 'tanggalRevisi' || key === 'tanggalEfektif') {
      (value as DateField).date = value.text ? parseDate(value.text.text) : null;
    }
    if (key === 'keterkaitan') {
      const refs = value.items.flatMap((item) => findReferences(item, (i) => item.span.start + i));
      (value as ReferenceListField).references = refs;
    }
    (this.identity as unknown as Record<string, FieldValue>)[key] = value;
    return key;
  }

  // ---- actors ---------------------------------------------------------------------------------

  private actorBlock(node: CstNode): Actor[] {
    const label = tokens(node.children, 'Label_pelaksana')[0];
    const trailing = tokens(node.children, 'ValueText')[0];
    if (trailing) {
      this.report(
        tokenSpan(trailing),
        SYNTAX.invalid,
        localized(`Teks setelah 'Pelaksana:' tidak dipakai: '${trailing.image.trim()}'.`, `Text after 'Pelaksana:' is not used: '${trailing.image.trim()}'.`),
        localized("tulis tiap kolom pelaksana di barisnya sendiri: 'kabid = Kabid PMKS'", "write each actor column on its own line: 'kabid = Kabid PMKS'"),
      );
    }
    // Duplicate columns are kept as written: the actor/duplicate rule reports them.
    const actors: Actor[] = [];
    for (const decl of nodes(node.children, 'actorDeclaration')) {
      const actor = this.actorDeclaration(decl);
      if (!actor) continue;
      actors.push(actor);
    }
    if (actors.length === 0 && label) {
      this.report(
        tokenSpan(label),
        SYNTAX.invalid,
        localized("'Pelaksana:' tanpa kolom pelaksana.", "'Pelaksana:' without any actor column."),
        localized("tambahkan baris seperti 'kabid = Kabid PMKS' di bawahnya", "add lines such as 'kabid = Kabid PMKS' below it"),
      );
    }
    return actors;
  }

  private actorDeclaration(node: CstNode): Actor | undefined {
    const decl = tokens(node.children, 'ActorDecl')[0];
    const id = decl.image.replace(/[ \t]*=$/, '');
    const joined = new JoinedText();
    addText(joined, node.children, this.unreadLines);
    const idSpan = { start: decl.startOffset, end: decl.startOffset + id.length };
    if (joined.isEmpty) {
      this.report(
        tokenSpan(decl),
        SYNTAX.invalid,
        localized(`Pelaksana '${id}' tidak punya label kolom.`, `The actor '${id}' has no column label.`),
        localized(`tulis label seperti tercetak, mis. '${id} = Kabid PMKS'`, `write the label as printed, e.g. '${id} = Kabid PMKS'`),
      );
      return undefined;
    }
    return { id, label: joined.text, span: nodeSpan(node), idSpan };
  }

  private topLevelActorBlock(node: CstNode): void {
    const actors = this.actorBlock(node);
    if (this.topLevelActors) {
      this.report(
        tokenSpan(tokens(node.children, 'Label_pelaksana')[0]),
        SYNTAX.duplicate,
        localized("Blok 'Pelaksana:' umum ditulis dua kali.", "The shared 'Pelaksana:' block is written twice."),
        localized("tulis 'Pelaksana:' di bawah tiap 'Prosedur:' bila kolomnya berbeda", "put a 'Pelaksana:' under each 'Prosedur:' when the columns differ"),
      );
      return;
    }
    this.topLevelActors = actors;
  }

  // ---- procedures and steps -------------------------------------------------------------------

  private procedure(node: CstNode): Procedure {
    const label = tokens(node.children, 'Label_prosedur')[0];
    const joined = new JoinedText();
    addText(joined, node.children, this.unreadLines);
    const titleNode = joined.node();
    const marker = titleNode ? parseMarker(titleNode.text) : undefined;
    const actorBlock = nodes(node.children, 'actorBlock')[0];
    const steps: Step[] = [];
    for (const stepNode of nodes(node.children, 'step')) {
      const previous = steps[steps.length - 1];
      const line = previous ? numberedListLine(stepNode) : undefined;
      const list = line ? openListOf(previous) : undefined;
      // "1. Surat permohonan" indented under an empty 'Kelengkapan:': an item of that list, not a step.
      if (list && line && this.columnOf(line.number.startOffset) > this.columnOf(previous.numberSpan.start)) {
        absorbListLine(list, line, this.reportLine);
        this.stepFields(previous, stepNode);
        previous.span = { start: previous.span.start, end: Math.max(previous.span.end, nodeSpan(stepNode).end) };
        continue;
      }
      steps.push(this.step(stepNode));
    }
    for (const stray of nodes(node.children, 'strayInProcedure')) {
      this.noteStray(stray, reportStrayLine(stray, this.source, this.reportLine, this.unknownLabels));
    }
    const missing = nodes(node.children, 'missingSteps')
      .map((m) => this.missingSteps(m))
      .filter((m): m is MissingSteps => m !== undefined);
    const procedure: Procedure = {
      title: marker ? null : titleNode,
      actors: actorBlock ? this.actorBlock(actorBlock) : [],
      actorsInherited: false,
      steps,
      missing,
      span: nodeSpan(node),
      labelSpan: tokenSpan(label),
    };
    if (marker) procedure.titleMarker = marker;
    assignSymbols(procedure);
    return procedure;
  }

  private missingSteps(node: CstNode): MissingSteps | undefined {
    const label = tokens(node.children, 'Label_hilang')[0];
    const value = tokens(node.children, 'ValueText')[0];
    const range = value ? parseMissingRange(value.image) : null;
    const span = spanOfTokens([label, ...(value ? [value] : [])]);
    if (!range) {
      this.report(
        span,
        SYNTAX.invalid,
        localized(
          `'Hilang:' perlu rentang langkah, ditemukan '${value?.image.trim() ?? ''}'.`,
          `'Hilang:' needs a range of steps, found '${value?.image.trim() ?? ''}'.`,
        ),
        localized("mis. 'Hilang: 1-11' atau 'Hilang: 12-?' (sampai akhir tabel)", "e.g. 'Hilang: 1-11' or 'Hilang: 12-?' (to the end of the table)"),
      );
      return undefined;
    }
    return { ...range, span };
  }

  private step(node: CstNode): Step {
    const numberToken = tokens(node.children, 'StepNumber')[0];
    const numberText = numberToken.image.replace(/\.$/, '');
    const actors = readActorRefs(tokens(node.children, 'ActorList')[0], this.reportLine);
    const kegiatan = new JoinedText();
    addText(kegiatan, node.children, this.unreadLines);
    const kegiatanNode = kegiatan.node() ?? { text: '', span: tokenSpan(numberToken) };
    if (kegiatan.isEmpty) {
      this.report(
        tokenSpan(numberToken),
        SYNTAX.invalid,
        localized(`Langkah ${numberText} tidak punya teks Kegiatan.`, `Step ${numberText} has no Kegiatan text.`),
        localized(
          `tulis kegiatannya setelah nomor: '${numberText}. [pelaksana] Memeriksa ...'`,
          `write the activity after the number: '${numberText}. [actor] Memeriksa ...'`,
        ),
      );
    }
    const step: Step = {
      number: numberText === '?' ? null : Number(numberText),
      numberSpan: tokenSpan(numberToken),
      actors,
      kegiatan: kegiatanNode,
      symbol: 'process',
      span: nodeSpan(node),
    };
    this.stepFields(step, node);
    return step;
  }

  /** The Mutu Baku, Keterangan, Simbol and Keputusan lines of a step node, read into `step`. */
  private stepFields(step: Step, node: CstNode): void {
    for (const field of nodes(node.children, 'stepField')) this.stepField(step, field);
    for (const decisionNode of nodes(node.children, 'decision')) {
      const decision = readDecision(decisionNode, this.reportLine);
      const numberText = step.number ?? '?';
      if (!step.decision) step.decision = decision;
      else
        this.report(
          decision.span,
          SYNTAX.duplicate,
          localized(`Langkah ${numberText} punya dua baris 'Keputusan:'.`, `Step ${numberText} has two 'Keputusan:' lines.`),
          localized("tulis semua cabang dalam satu baris: 'Keputusan: Ya -> 4, Tidak -> 2'", "write every exit on one line: 'Keputusan: Ya -> 4, Tidak -> 2'"),
        );
    }
    for (const nextNode of nodes(node.children, 'next')) {
      const next = readNext(nextNode, this.reportLine);
      const numberText = step.number ?? '?';
      if (step.next) {
        this.report(
          next.span,
          SYNTAX.duplicate,
          localized(`Langkah ${numberText} punya dua baris 'Lanjut:'.`, `Step ${numberText} has two 'Lanjut:' lines.`),
          localized("tulis semua tujuan dalam satu baris: 'Lanjut: 14, 15'", "write every target on one line: 'Lanjut: 14, 15'"),
        );
      } else step.next = next;
    }
    if (step.decision && step.next) {
      // The exits of a decision say where it goes; a second say would contradict them or repeat them.
      const numberText = step.number ?? '?';
      this.report(
        step.next.span,
        SYNTAX.invalid,
        localized(
          `Langkah ${numberText} adalah keputusan: cabang 'Keputusan:' sudah menentukan ke mana alurnya, 'Lanjut:' diabaikan.`,
          `Step ${numberText} is a decision: its 'Keputusan:' exits say where the flow goes, 'Lanjut:' is ignored.`,
        ),
        localized(
          "hapus 'Lanjut:', atau tulis tujuannya sebagai cabang: 'Keputusan: Ya -> 4, Tidak -> selesai'",
          "remove 'Lanjut:', or write its target as an exit: 'Keputusan: Ya -> 4, Tidak -> selesai'",
        ),
      );
      delete step.next;
    }
  }

  private columnOf(offset: number): number {
    return this.source.positionAt(offset).column;
  }

  private stepField(step: Step, node: CstNode): void {
    const labelToken = tokens(node.children, 'StepFieldLabel')[0];
    const key = stepFieldKeyOfToken.get(labelToken.tokenType.name) as StepFieldKey;
    const body = nodes(node.children, 'fieldBody')[0];
    const { value, joined } = this.fieldValue(labelToken, body);
    const existing = key === 'simbol' ? step.explicitSymbol : step[key];
    if (existing) {
      this.report(
        value.label.span,
        SYNTAX.duplicate,
        localized(
          `Langkah ini sudah punya '${canonicalLabel.get(key)}'; yang kedua diabaikan.`,
          `This step already has '${canonicalLabel.get(key)}'; the second one is ignored.`,
        ),
        localized('gabungkan keduanya menjadi satu', 'merge them into one'),
      );
      return;
    }
    switch (key) {
      case 'kelengkapan':
      case 'output':
        if (value.text && value.items.length === 0) value.items = splitEnumeration(value.text, joined.offsetOf);
        step[key] = value;
        break;
      case 'waktu': {
        const waktu = value as WaktuField;
        if (value.text) Object.assign(waktu, parseWaktu(value.text.text));
        else waktu.duration = null;
        step.waktu = waktu;
        break;
      }
      case 'keterangan': {
        const keterangan = value as KeteranganField;
        keterangan.references = value.text ? findReferences(value.text, joined.offsetOf) : [];
        keterangan.references.push(...value.items.flatMap((item) => findReferences(item, (i) => item.span.start + i)));
        step.keterangan = keterangan;
        break;
      }
      case 'catatan':
        step.catatan = value;
        break;
      case 'simbol': {
        const symbol = value.text ? parseSymbol(value.text.text) : undefined;
        if (!symbol) {
          this.report(
            value.span,
            SYNTAX.invalid,
            localized(`Simbol '${value.text?.text ?? ''}' tidak dikenal.`, `Unknown symbol '${value.text?.text ?? ''}'.`),
            localized(`pilih salah satu: ${SYMBOL_SPELLINGS.join(', ')}`, `choose one of: ${SYMBOL_SPELLINGS.join(', ')}`),
          );
        } else step.explicitSymbol = symbol;
        break;
      }
    }
  }
}

/** The text of a line and its continuation lines, in that order (recovered tokens skipped when asked). */
function addText(joined: JoinedText, children: Children, unread: ReadonlySet<number>, skipRecovered = false): void {
  for (const name of TEXT_TOKENS) {
    for (const t of tokens(children, name)) if ((!skipRecovered || !isRecovered(t)) && !unread.has(t.startOffset)) joined.add(t.image, t.startOffset);
  }
}
const TEXT_TOKENS = ['ValueText', 'ContinuationText'];

/** Symbols by convention: explicit, else decision for Keputusan, else terminator at the ends, else process. */
function assignSymbols(procedure: Procedure): void {
  const { steps, missing } = procedure;
  const lostBefore = (n: number | null) => n !== null && missing.some((m) => m.from < n);
  const lostAfter = (n: number | null) => n !== null && missing.some((m) => m.from > n);
  steps.forEach((step, index) => {
    const targets = step.next?.targets ?? [];
    if (step.explicitSymbol) step.symbol = step.explicitSymbol;
    else if (step.decision) step.symbol = 'decision';
    else if (index === 0 && !lostBefore(step.number)) step.symbol = 'terminator';
    // 'Lanjut: selesai': the procedure ends at this step, wherever it stands.
    else if (targets.length > 0 && targets.every((t) => t.kind === 'end')) step.symbol = 'terminator';
    // The last step written ends the procedure, unless its 'Lanjut:' goes on (to a step, or to one lost).
    else if (index === steps.length - 1 && !lostAfter(step.number) && !targets.some((t) => t.kind !== 'end')) step.symbol = 'terminator';
    else step.symbol = 'process';
  });
}

export function buildDocument(cst: CstNode, tokens: IToken[], comments: IToken[], source: SourceFile): BuildResult {
  const unknownLabels = findUnknownLabels(tokens, source);
  const builder = new AstBuilder(source, unknownLabels);
  const document = builder.build(cst, comments);
  const misreadSteps = reportSuspiciousContinuations(
    tokens,
    unknownLabels,
    (offset) => builder.diagnostics.some((d) => d.offset === offset),
    (span, ruleId, message, hint, fix) => builder.report(span, ruleId, message, hint, fix),
  );
  reportPartlyLost(document, (span, message, hint) =>
    builder.diagnostics.push(diagnosticAt(source, span, { ruleId: SYNTAX.partlyLost, severity: 'info', message, hint })),
  );
  return { document, diagnostics: withoutCascade(builder, document, misreadSteps) };
}

/**
 * A step line whose number did not lex ("2) [staf] ...") is reported once; what follows from it is
 * not reported again: its fields land in the step above as second copies (a line read as more text
 * of that step), or stand under no step (a stray line, after a Keputusan line).
 */
function withoutCascade(builder: AstBuilder, document: SopDocument, misreadSteps: number[]): Diagnostic[] {
  if (misreadSteps.length === 0 && builder.strayStepLines.length === 0) return builder.diagnostics;
  const steps = document.procedures.flatMap((procedure) => procedure.steps);
  const duplicateAfterMisread = (d: Diagnostic) =>
    d.ruleId === SYNTAX.duplicate &&
    misreadSteps.some((offset) => {
      const step = steps.find((s) => s.span.start <= offset && offset < s.span.end);
      return step !== undefined && offset < d.offset && d.offset < step.span.end;
    });
  const strayFields = new Set(
    builder.strayStepFields.filter((field) => {
      const line = Math.max(...builder.strayStepLines.filter((offset) => offset < field));
      return line > -Infinity && !steps.some((step) => line < step.span.start && step.span.start < field);
    }),
  );
  return builder.diagnostics.filter((d) => !duplicateAfterMisread(d) && !strayFields.has(d.offset));
}

export { TIME_UNITS };
