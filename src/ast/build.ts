/**
 * The parser's typed nodes → the AST. Walks the top-level statements in source order, keeps what
 * spans the file (the identity sheet, the shared actor columns, the list a numbered line extends),
 * attaches comments and suppression directives, and reports the lines that stand where they cannot.
 * Its parts: fields.ts (a label's value, identity and step fields), actor-columns.ts ('Pelaksana:'),
 * procedures.ts (procedures and steps), actors-and-decisions.ts (a step's `[...]`, 'Keputusan:' and
 * 'Lanjut:'), numbered-lists.ts (lists numbered as on paper), stray-lines.ts (misplaced and
 * suspicious lines), unknown-labels.ts and step-like-lines.ts (two kinds of them), values.ts (cell values).
 */
import type { IToken } from 'chevrotain';
import { diagnosticAt, localized, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../diagnostics/source.js';
import { LIST_IDENTITY_KEYS, TEXT_OR_LIST_IDENTITY_KEYS } from '../syntax/labels.js';
import type { ActorBlockNode, Located, SopFileNode, Statement } from '../syntax/syntax-tree.js';
import { readActorBlock } from './actor-columns.js';
import type { BuildContext } from './build-context.js';
import { readDirectives } from './directives.js';
import { canonicalLabel, readIdentityField } from './fields.js';
import { absorbListLine, numberedListLine, type OpenList } from './numbered-lists.js';
import { reportPartlyLost } from './partly-lost.js';
import { readProcedure } from './procedures.js';
import { nodeSpan, tokenSpan } from './spans.js';
import { reportStrayLine, reportSuspiciousContinuations, type StrayKind } from './stray-lines.js';
import { findUnknownLabels, type UnknownLabels } from './unknown-labels.js';
import { SYNTAX, type Report } from './syntax-findings.js';
import { identityField, type Actor, type Comment, type Identity, type Procedure, type SopDocument } from './types.js';

export interface BuildResult {
  document: SopDocument;
  diagnostics: Diagnostic[];
}

class AstBuilder implements BuildContext {
  readonly diagnostics: Diagnostic[] = [];
  /** Offsets of stray lines that look like steps, and of stray step fields (which may follow from them). */
  readonly strayStepLines: number[] = [];
  readonly strayStepFields: number[] = [];
  readonly unreadLines: ReadonlySet<number>;
  private readonly identity: Identity = { missing: false };
  private readonly procedures: Procedure[] = [];
  private topLevelActors: Actor[] | undefined;

  constructor(
    readonly source: SourceFile,
    readonly unknownLabels: UnknownLabels = new Map(),
  ) {
    this.unreadLines = new Set([...unknownLabels.values()].flatMap((u) => u.lines));
  }

  readonly report: Report = (span, ruleId, message, hint, fix) => {
    this.diagnostics.push(diagnosticAt(this.source, span, { ruleId, severity: 'error', message, hint, fix }));
  };

  noteStray(node: Located, kind: StrayKind): void {
    if (kind === 'step-like') this.strayStepLines.push(nodeSpan(node).start);
    else if (kind === 'step-field') this.strayStepFields.push(nodeSpan(node).start);
  }

  build(tree: SopFileNode, comments: IToken[]): SopDocument {
    // The list field just above (Dasar Hukum:, ...), which numbered lines below it extend.
    let listAbove: OpenList | undefined;
    for (const statement of inSourceOrder(tree.statements)) {
      switch (statement.kind) {
        case 'identityField': {
          const key = readIdentityField(this, this.identity, statement);
          const field = identityField(this.identity, key);
          const takesItems = LIST_IDENTITY_KEYS.has(key) || TEXT_OR_LIST_IDENTITY_KEYS.has(key);
          listAbove = takesItems && field ? { field, label: canonicalLabel.get(key)! } : undefined;
          break;
        }
        case 'actorBlock':
          this.topLevelActorBlock(statement);
          listAbove = undefined;
          break;
        case 'procedure':
          this.procedures.push(readProcedure(this, statement));
          listAbove = undefined;
          break;
        case 'stray': {
          const step = statement.line?.kind === 'step' ? statement.line : undefined;
          const line = step && listAbove ? numberedListLine(step) : undefined;
          if (listAbove && line) absorbListLine(listAbove, line, this.report);
          else {
            this.noteStray(statement, reportStrayLine(statement, this.source, this.report, this.unknownLabels));
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

  private topLevelActorBlock(node: ActorBlockNode): void {
    const actors = readActorBlock(this, node);
    if (this.topLevelActors) {
      this.report(
        tokenSpan(node.label!),
        SYNTAX.duplicate,
        localized("Blok 'Pelaksana:' umum ditulis dua kali.", "The shared 'Pelaksana:' block is written twice."),
        localized("tulis 'Pelaksana:' di bawah tiap 'Prosedur:' bila kolomnya berbeda", "put a 'Pelaksana:' under each 'Prosedur:' when the columns differ"),
      );
      return;
    }
    this.topLevelActors = actors;
  }
}

const KIND_ORDER: Record<Statement['kind'], number> = { identityField: 0, actorBlock: 1, procedure: 2, stray: 3 };

/**
 * The statements by where they start. The parser reads them in that order; a node the recovering
 * parser left without any token counts as starting at 0 (and among equals, identity fields come
 * first, then actor blocks, procedures and stray lines), so it is read first, as it always was.
 */
function inSourceOrder(statements: Statement[]): Statement[] {
  if (statements.every((s) => !Number.isNaN(s.start))) return statements;
  return [...statements].sort((a, b) => nodeSpan(a).start - nodeSpan(b).start || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

export function buildDocument(tree: SopFileNode, tokens: IToken[], comments: IToken[], source: SourceFile): BuildResult {
  const unknownLabels = findUnknownLabels(tokens, source);
  const builder = new AstBuilder(source, unknownLabels);
  const document = builder.build(tree, comments);
  const misreadSteps = reportSuspiciousContinuations(tokens, unknownLabels, (offset) => builder.diagnostics.some((d) => d.offset === offset), builder.report);
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
