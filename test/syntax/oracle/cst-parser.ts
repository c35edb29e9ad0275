/**
 * The grammar of a .sop file, as a Chevrotain CST parser. One instance is built lazily and reused.
 *
 * The top level accepts every kind of line, so a misplaced line (a `Kelengkapan:` before any step,
 * a step before any `Prosedur:`) is parsed as a `strayLine` and reported by the AST builder in plain
 * words, and parsing goes on: a file with several mistakes reports all of them in one run.
 */
import { CstParser, type CstNode, type IToken, type IRecognitionException } from 'chevrotain';
import * as T from '../../../src/syntax/tokens.js';
import { parserErrorMessages } from '../../../src/syntax/parser-messages.js';

export class SopParser extends CstParser {
  /** `validate`: run Chevrotain's grammar checks (the tests do; the CLI skips them to start fast). */
  constructor(validate = false) {
    super(T.allTokens, {
      recoveryEnabled: true,
      maxLookahead: 1,
      errorMessageProvider: parserErrorMessages,
      skipValidations: !validate,
      // Every CST node knows its offsets, so the AST builder never walks a subtree for a span.
      nodeLocationTracking: 'onlyOffset',
    });
    this.performSelfAnalysis();
  }

  public sopFile = this.RULE('sopFile', () => {
    this.MANY(() => {
      this.OR([
        // A label of both kinds (`Persyaratan:`) outside any step is the identity field.
        { ALT: () => this.SUBRULE(this.identityField), IGNORE_AMBIGUITIES: true },
        { ALT: () => this.SUBRULE(this.actorBlock) },
        { ALT: () => this.SUBRULE(this.procedure) },
        { ALT: () => this.SUBRULE(this.strayLine) },
      ]);
    });
  });

  /** `Judul SOP: ...` and every other field of the identity sheet. */
  private identityField = this.RULE('identityField', () => {
    this.CONSUME(T.IdentityLabel);
    this.SUBRULE(this.fieldBody);
  });

  /** The value of a field: text on the label's line, continuation lines, then `- item` lines. */
  private fieldBody = this.RULE('fieldBody', () => {
    this.OPTION(() => this.CONSUME(T.ValueText));
    this.MANY(() => this.CONSUME(T.ContinuationText));
    this.MANY2(() => this.SUBRULE(this.listItem));
  });

  private listItem = this.RULE('listItem', () => {
    this.CONSUME(T.ListDash);
    this.OPTION(() => this.CONSUME(T.ValueText));
    this.MANY(() => this.CONSUME(T.ContinuationText));
  });

  /** `Pelaksana:` then one `id = Label` line per actor column. */
  private actorBlock = this.RULE('actorBlock', () => {
    this.CONSUME(T.PelaksanaLabel);
    this.OPTION(() => this.CONSUME(T.ValueText));
    this.MANY(() => this.SUBRULE(this.actorDeclaration));
  });

  private actorDeclaration = this.RULE('actorDeclaration', () => {
    this.CONSUME(T.ActorDecl);
    this.OPTION(() => this.CONSUME(T.ValueText));
    this.MANY(() => this.CONSUME(T.ContinuationText));
  });

  /** `Prosedur: title`, its optional actor columns, then its steps and lost step ranges. */
  private procedure = this.RULE('procedure', () => {
    this.CONSUME(T.ProsedurLabel);
    this.OPTION(() => this.CONSUME(T.ValueText));
    this.MANY(() => this.CONSUME(T.ContinuationText));
    this.OPTION2(() => this.SUBRULE(this.actorBlock));
    this.MANY2(() => {
      this.OR([{ ALT: () => this.SUBRULE(this.step) }, { ALT: () => this.SUBRULE(this.missingSteps) }, { ALT: () => this.SUBRULE(this.strayInProcedure) }]);
    });
  });

  /** A misplaced line inside a procedure: reported, and the procedure goes on after it. */
  private strayInProcedure = this.RULE('strayInProcedure', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.stepField) },
      { ALT: () => this.SUBRULE(this.decision) },
      { ALT: () => this.SUBRULE(this.next) },
      { ALT: () => this.SUBRULE(this.listItem) },
      { ALT: () => this.SUBRULE(this.actorDeclaration) },
      { ALT: () => this.CONSUME(T.ContinuationText) },
    ]);
  });

  /** `Hilang: 12-?` */
  private missingSteps = this.RULE('missingSteps', () => {
    this.CONSUME(T.HilangLabel);
    this.OPTION(() => this.CONSUME(T.ValueText));
  });

  /** `3. [kasubbid] Kegiatan ...` and the step's fields. */
  private step = this.RULE('step', () => {
    this.CONSUME(T.StepNumber);
    this.OPTION(() => this.CONSUME(T.ActorList));
    this.OPTION2(() => this.CONSUME(T.ValueText));
    this.MANY(() => this.CONSUME(T.ContinuationText));
    this.MANY2(() => {
      this.OR([{ ALT: () => this.SUBRULE(this.stepField) }, { ALT: () => this.SUBRULE(this.decision) }, { ALT: () => this.SUBRULE(this.next) }]);
    });
  });

  private stepField = this.RULE('stepField', () => {
    this.CONSUME(T.StepFieldLabel);
    this.SUBRULE(this.fieldBody);
  });

  /** `Keputusan: Ya -> 4, Tidak -> 2` */
  private decision = this.RULE('decision', () => {
    this.CONSUME(T.KeputusanLabel);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.decisionExit) });
  });

  private decisionExit = this.RULE('decisionExit', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.ExitLabel);
          this.CONSUME(T.Arrow);
          this.SUBRULE(this.flowTarget);
        },
      },
      { ALT: () => this.CONSUME(T.MalformedExit) },
      { ALT: () => this.SUBRULE2(this.flowTarget) },
    ]);
  });

  /** `Lanjut: 14, 15`, `Lanjut: selesai`, `Lanjut: ?`: where a step goes when not to the step below it. */
  private next = this.RULE('next', () => {
    this.CONSUME(T.LanjutLabel);
    this.MANY_SEP({
      SEP: T.Comma,
      DEF: () =>
        this.OR([
          {
            ALT: () => {
              this.SUBRULE(this.flowTarget);
              // "14 dan 15": the rest is kept whole, so the AST builder can say what is wrong with it.
              this.OPTION(() => this.CONSUME(T.MalformedExit));
            },
          },
          { ALT: () => this.CONSUME2(T.MalformedExit) },
        ]),
    });
  });

  /** Where a flow goes: a step number, `selesai` (the procedure ends) or `?` (lost in the source). */
  private flowTarget = this.RULE('flowTarget', () => {
    this.OR([{ ALT: () => this.CONSUME(T.StepTarget) }, { ALT: () => this.CONSUME(T.EndTarget) }, { ALT: () => this.CONSUME(T.UnknownTarget) }]);
  });

  /** A line that cannot stand where it is; the AST builder explains why. */
  private strayLine = this.RULE('strayLine', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.step) },
      { ALT: () => this.SUBRULE(this.stepField) },
      { ALT: () => this.SUBRULE(this.decision) },
      { ALT: () => this.SUBRULE(this.next) },
      { ALT: () => this.SUBRULE(this.missingSteps) },
      { ALT: () => this.SUBRULE(this.listItem) },
      { ALT: () => this.SUBRULE(this.actorDeclaration) },
      { ALT: () => this.CONSUME(T.ContinuationText) },
    ]);
  });
}

let sharedParser: SopParser | undefined;

/** The one parser instance; building it (grammar analysis) is paid once, on first use. */
export function getParser(): SopParser {
  sharedParser ??= new SopParser();
  return sharedParser;
}

export interface CstParseResult {
  cst: CstNode;
  errors: IRecognitionException[];
}

export function parseTokens(tokens: IToken[]): CstParseResult {
  // The lexer tracks start offsets only (cheapest); node locations need end offsets too.
  for (const token of tokens) token.endOffset = token.startOffset + token.image.length - 1;
  const parser = getParser();
  parser.input = tokens;
  const cst = parser.sopFile();
  const errors = parser.errors;
  // The shared parser would otherwise hold the last file's tokens (and so its text) until the next.
  parser.input = [];
  return { cst, errors };
}
