/**
 * The grammar of a .sop file, as a Chevrotain parser with embedded actions: each rule returns its
 * typed node (syntax-tree.ts), so no CST is built and nothing reads nodes through rule or token names.
 *
 * The top level accepts every kind of line, so a misplaced line (a `Kelengkapan:` before any step,
 * a step before any `Prosedur:`) is parsed as a `strayLine` and reported by the AST builder in plain
 * words, and parsing goes on: a file with several mistakes reports all of them in one run.
 *
 * One definition, two instances: `parseTokens` reads with error recovery off (the fast path, taken by
 * every well-formed file), and only when that pass finds an error reads the tokens again with recovery
 * on, for the diagnostics and for the partial tree the AST builder reads. A pass without errors makes
 * no recovery move, so the two instances build the same tree for every file the first one accepts.
 * Each rule's node is attached to its parent's as the rule starts, so that where the recovering parser
 * gives up on a rule its node as read so far stays in the tree (a CST parser keeps such partial nodes
 * too), and no rule needs to hand a value back up.
 */
import { EmbeddedActionsParser, type IOrAlt, type IRecognitionException, type IToken } from 'chevrotain';
import * as T from './tokens.js';
import { parserErrorMessages } from './parser-messages.js';
import type {
  ActorBlockNode,
  ActorDeclarationNode,
  ContinuationLineNode,
  DecisionExitNode,
  DecisionNode,
  FieldBodyNode,
  FlowTargetNode,
  IdentityFieldNode,
  ListItemNode,
  MissingStepsNode,
  NextNode,
  ProcedureNode,
  SopFileNode,
  StepFieldNode,
  StepNode,
  StrayNode,
  SyntaxNode,
} from './syntax-tree.js';
import { attach, grow } from './syntax-tree.js';

type Alternatives = IOrAlt<unknown>[];

export class SopParser extends EmbeddedActionsParser {
  /** The node of the innermost rule being read: where its tokens and its subrules' nodes go. */
  private current: SyntaxNode | undefined;
  private root: SopFileNode | undefined;
  // The alternatives of each OR, built once (Chevrotain's advice): they read `current`, not a closure.
  private topLevelAlts: Alternatives | undefined;
  private procedureAlts: Alternatives | undefined;
  private strayInProcedureAlts: Alternatives | undefined;
  private stepAlts: Alternatives | undefined;
  private decisionExitAlts: Alternatives | undefined;
  private nextAlts: Alternatives | undefined;
  private flowTargetAlts: Alternatives | undefined;
  private strayLineAlts: Alternatives | undefined;

  /**
   * `validate`: run Chevrotain's grammar checks (the tests do; the CLI skips them to start fast).
   * `recover`: read past errors (the second pass); without it the parser stops at the first error.
   */
  constructor(validate = false, recover = true) {
    super(T.allTokens, {
      recoveryEnabled: recover,
      maxLookahead: 1,
      errorMessageProvider: parserErrorMessages,
      skipValidations: !validate,
    });
    this.performSelfAnalysis();
  }

  /** Starts a rule's node: attached to the current one, and current until `close`. Returns the parent. */
  private open(node: SyntaxNode): SyntaxNode | undefined {
    const parent = this.current;
    if (parent && !this.RECORDING_PHASE) attach(parent, node);
    this.current = node;
    return parent;
  }

  /** Ends a rule's node (also when the rule failed): its offsets widen its parent's. */
  private close(parent: SyntaxNode | undefined, node: SyntaxNode): void {
    this.current = parent;
    if (parent) grow(parent, node.start, node.end);
  }

  /** A token of the current node: widens its offsets. */
  private tok(token: IToken): IToken {
    grow(this.current!, token.startOffset, token.startOffset + token.image.length);
    return token;
  }

  /** In `Keputusan:` and `Lanjut:` lists the separating commas are part of the line (and of its offsets). */
  private separator(): void {
    if (!this.RECORDING_PHASE) this.tok(this.LA(0));
  }

  public sopFile = this.RULE(
    'sopFile',
    () => {
      const node: SopFileNode = { kind: 'sopFile', statements: [], start: Number.NaN, end: Number.NaN };
      this.root = node;
      const parent = this.open(node);
      try {
        this.MANY(() => {
          this.OR(
            (this.topLevelAlts ??= [
              // A label of both kinds (`Persyaratan:`) outside any step is the identity field.
              { ALT: () => this.SUBRULE(this.identityField), IGNORE_AMBIGUITIES: true },
              { ALT: () => this.SUBRULE(this.actorBlock) },
              { ALT: () => this.SUBRULE(this.procedure) },
              { ALT: () => this.SUBRULE(this.strayLine) },
            ]),
          );
        });
        return node;
      } finally {
        this.close(parent, node);
      }
    },
    { recoveryValueFunc: () => this.root as SopFileNode },
  );

  /** Lets go of the last file's tree, which holds every token (1.1 KB a step of a big table). */
  releaseTree(): void {
    this.root = undefined;
    this.current = undefined;
  }

  /** `Judul SOP: ...` and every other field of the identity sheet. */
  private identityField = this.RULE('identityField', () => {
    const node: IdentityFieldNode = { kind: 'identityField', label: undefined, body: undefined, start: Number.NaN, end: Number.NaN };
    const parent = this.open(node);
    try {
      node.label = this.tok(this.CONSUME(T.IdentityLabel));
      this.SUBRULE(this.fieldBody);
    } finally {
      this.close(parent, node);
    }
  });

  /** The value of a field: text on the label's line, continuation lines, then `- item` lines. */
  private fieldBody = this.RULE('fieldBody', () => {
    const node: FieldBodyNode = { kind: 'fieldBody', text: [], items: [], start: Number.NaN, end: Number.NaN };
    const parent = this.open(node);
    try {
      this.OPTION(() => node.text.push(this.tok(this.CONSUME(T.ValueText))));
      this.MANY(() => node.text.push(this.tok(this.CONSUME(T.ContinuationText))));
      this.MANY2(() => this.SUBRULE(this.listItem));
    } finally {
      this.close(parent, node);
    }
  });

  private listItem = this.RULE('listItem', () => {
    const node: ListItemNode = { kind: 'listItem', dash: undefined, text: [], start: Number.NaN, end: Number.NaN };
    const parent = this.open(node);
    try {
      node.dash = this.tok(this.CONSUME(T.ListDash));
      this.OPTION(() => node.text.push(this.tok(this.CONSUME(T.ValueText))));
      this.MANY(() => node.text.push(this.tok(this.CONSUME(T.ContinuationText))));
    } finally {
      this.close(parent, node);
    }
  });

  /** `Pelaksana:` then one `id = Label` line per actor column. */
  private actorBlock = this.RULE('actorBlock', () => {
    const node: ActorBlockNode = { kind: 'actorBlock', label: undefined, trailing: undefined, declarations: [], start: Number.NaN, end: Number.NaN };
    const parent = this.open(node);
    try {
      node.label = this.tok(this.CONSUME(T.PelaksanaLabel));
      this.OPTION(() => {
        node.trailing = this.tok(this.CONSUME(T.ValueText));
      });
      this.MANY(() => this.SUBRULE(this.actorDeclaration));
    } finally {
      this.close(parent, node);
    }
  });

  private actorDeclaration = this.RULE('actorDeclaration', () => {
    const node: ActorDeclarationNode = { kind: 'actorDeclaration', decl: undefined, text: [], start: Number.NaN, end: Number.NaN };
    const parent = this.open(node);
    try {
      node.decl = this.tok(this.CONSUME(T.ActorDecl));
      this.OPTION(() => node.text.push(this.tok(this.CONSUME(T.ValueText))));
      this.MANY(() => node.text.push(this.tok(this.CONSUME(T.ContinuationText))));
    } finally {
      this.close(parent, node);
    }
  });

  /** `Prosedur: title`, its optional actor columns, then its steps and lost step ranges. */
  private procedure = this.RULE('procedure', () => {
    const node: ProcedureNode = {
      kind: 'procedure',
      label: undefined,
      text: [],
      actorBlock: undefined,
      steps: [],
      missing: [],
      strays: [],
      start: Number.NaN,
      end: Number.NaN,
    };
    const parent = this.open(node);
    try {
      node.label = this.tok(this.CONSUME(T.ProsedurLabel));
      this.OPTION(() => node.text.push(this.tok(this.CONSUME(T.ValueText))));
      this.MANY(() => node.text.push(this.tok(this.CONSUME(T.ContinuationText))));
      this.OPTION2(() => this.SUBRULE(this.actorBlock));
      this.MANY2(() => {
        this.OR(
          (this.procedureAlts ??= [
            { ALT: () => this.SUBRULE(this.step) },
            { ALT: () => this.SUBRULE(this.missingSteps) },
            { ALT: () => this.SUBRULE(this.strayInProcedure) },
          ]),
        );
      });
    } finally {
      this.close(parent, node);
    }
  });

  /** A misplaced line inside a procedure: reported, and the procedure goes on after it. */
  private strayInProcedure = this.RULE('strayInProcedure', () => {
    const node: StrayNode = { kind: 'stray', line: undefined, start: Number.NaN, end: Number.NaN };
    const parent = this.open(node);
    try {
      this.OR(
        (this.strayInProcedureAlts ??= [
          { ALT: () => this.SUBRULE(this.stepField) },
          { ALT: () => this.SUBRULE(this.decision) },
          { ALT: () => this.SUBRULE(this.next) },
          { ALT: () => this.SUBRULE(this.listItem) },
          { ALT: () => this.SUBRULE(this.actorDeclaration) },
          { ALT: () => this.continuation(this.CONSUME(T.ContinuationText)) },
        ]),
      );
    } finally {
      this.close(parent, node);
    }
  });

  /** `Hilang: 12-?` */
  private missingSteps = this.RULE('missingSteps', () => {
    const node: MissingStepsNode = { kind: 'missingSteps', label: undefined, value: undefined, start: Number.NaN, end: Number.NaN };
    const parent = this.open(node);
    try {
      node.label = this.tok(this.CONSUME(T.HilangLabel));
      this.OPTION(() => {
        node.value = this.tok(this.CONSUME(T.ValueText));
      });
    } finally {
      this.close(parent, node);
    }
  });

  /** `3. [kasubbid] Kegiatan ...` and the step's fields. */
  private step = this.RULE('step', () => {
    const node: StepNode = {
      kind: 'step',
      number: undefined,
      actorList: undefined,
      text: [],
      fields: [],
      decisions: [],
      nexts: [],
      start: Number.NaN,
      end: Number.NaN,
    };
    const parent = this.open(node);
    try {
      node.number = this.tok(this.CONSUME(T.StepNumber));
      this.OPTION(() => {
        node.actorList = this.tok(this.CONSUME(T.ActorList));
      });
      this.OPTION2(() => node.text.push(this.tok(this.CONSUME(T.ValueText))));
      this.MANY(() => node.text.push(this.tok(this.CONSUME(T.ContinuationText))));
      this.MANY2(() => {
        this.OR(
          (this.stepAlts ??= [{ ALT: () => this.SUBRULE(this.stepField) }, { ALT: () => this.SUBRULE(this.decision) }, { ALT: () => this.SUBRULE(this.next) }]),
        );
      });
    } finally {
      this.close(parent, node);
    }
  });

  private stepField = this.RULE('stepField', () => {
    const node: StepFieldNode = { kind: 'stepField', label: undefined, body: undefined, start: Number.NaN, end: Number.NaN };
    const parent = this.open(node);
    try {
      node.label = this.tok(this.CONSUME(T.StepFieldLabel));
      this.SUBRULE(this.fieldBody);
    } finally {
      this.close(parent, node);
    }
  });

  /** `Keputusan: Ya -> 4, Tidak -> 2` */
  private decision = this.RULE('decision', () => {
    const node: DecisionNode = { kind: 'decision', label: undefined, exits: [], start: Number.NaN, end: Number.NaN };
    const parent = this.open(node);
    try {
      node.label = this.tok(this.CONSUME(T.KeputusanLabel));
      this.MANY_SEP({
        SEP: T.Comma,
        DEF: () => {
          this.separator();
          this.SUBRULE(this.decisionExit);
        },
      });
    } finally {
      this.close(parent, node);
    }
  });

  private decisionExit = this.RULE('decisionExit', () => {
    const node: DecisionExitNode = { kind: 'decisionExit', exitLabel: undefined, target: undefined, malformed: undefined, start: Number.NaN, end: Number.NaN };
    const parent = this.open(node);
    try {
      this.OR(
        (this.decisionExitAlts ??= [
          {
            ALT: () => {
              (this.current as DecisionExitNode).exitLabel = this.tok(this.CONSUME(T.ExitLabel));
              this.tok(this.CONSUME(T.Arrow));
              this.SUBRULE(this.flowTarget);
            },
          },
          { ALT: () => ((this.current as DecisionExitNode).malformed = this.tok(this.CONSUME(T.MalformedExit))) },
          { ALT: () => this.SUBRULE2(this.flowTarget) },
        ]),
      );
    } finally {
      this.close(parent, node);
    }
  });

  /** `Lanjut: 14, 15`, `Lanjut: selesai`, `Lanjut: ?`: where a step goes when not to the step below it. */
  private next = this.RULE('next', () => {
    const node: NextNode = { kind: 'next', label: undefined, targets: [], malformed: [], start: Number.NaN, end: Number.NaN };
    const parent = this.open(node);
    try {
      node.label = this.tok(this.CONSUME(T.LanjutLabel));
      this.MANY_SEP({
        SEP: T.Comma,
        DEF: () => {
          this.separator();
          this.OR(
            (this.nextAlts ??= [
              {
                ALT: () => {
                  this.SUBRULE(this.flowTarget);
                  // "14 dan 15": the rest is kept whole, so the AST builder can say what is wrong with it.
                  this.OPTION(() => (this.current as NextNode).malformed.push(this.tok(this.CONSUME(T.MalformedExit))));
                },
              },
              { ALT: () => (this.current as NextNode).malformed.push(this.tok(this.CONSUME2(T.MalformedExit))) },
            ]),
          );
        },
      });
    } finally {
      this.close(parent, node);
    }
  });

  /** Where a flow goes: a step number, `selesai` (the procedure ends) or `?` (lost in the source). */
  private flowTarget = this.RULE('flowTarget', () => {
    const node: FlowTargetNode = { kind: 'flowTarget', token: undefined, start: Number.NaN, end: Number.NaN };
    const parent = this.open(node);
    try {
      this.OR(
        (this.flowTargetAlts ??= [
          { ALT: () => ((this.current as FlowTargetNode).token = this.tok(this.CONSUME(T.StepTarget))) },
          { ALT: () => ((this.current as FlowTargetNode).token = this.tok(this.CONSUME(T.EndTarget))) },
          { ALT: () => ((this.current as FlowTargetNode).token = this.tok(this.CONSUME(T.UnknownTarget))) },
        ]),
      );
    } finally {
      this.close(parent, node);
    }
  });

  /** A line that cannot stand where it is; the AST builder explains why. */
  private strayLine = this.RULE('strayLine', () => {
    const node: StrayNode = { kind: 'stray', line: undefined, start: Number.NaN, end: Number.NaN };
    const parent = this.open(node);
    try {
      this.OR(
        (this.strayLineAlts ??= [
          { ALT: () => this.SUBRULE(this.step) },
          { ALT: () => this.SUBRULE(this.stepField) },
          { ALT: () => this.SUBRULE(this.decision) },
          { ALT: () => this.SUBRULE(this.next) },
          { ALT: () => this.SUBRULE(this.missingSteps) },
          { ALT: () => this.SUBRULE(this.listItem) },
          { ALT: () => this.SUBRULE(this.actorDeclaration) },
          { ALT: () => this.continuation(this.CONSUME(T.ContinuationText)) },
        ]),
      );
    } finally {
      this.close(parent, node);
    }
  });

  /** A line of text under no label: the line of the current stray node. */
  private continuation(token: IToken): void {
    const stray = this.current as StrayNode;
    const line: ContinuationLineNode = { kind: 'continuation', token, start: Number.NaN, end: Number.NaN };
    grow(line, token.startOffset, token.startOffset + token.image.length);
    if (!this.RECORDING_PHASE) stray.line = line;
    grow(stray, line.start, line.end);
  }
}

let fastParser: SopParser | undefined;
let recoveringParser: SopParser | undefined;

/** The parser of the first pass (recovery off); building it (grammar analysis) is paid once, on first use. */
export function getParser(): SopParser {
  fastParser ??= new SopParser(false, false);
  return fastParser;
}

/** The parser of the second pass, built only when some file has an error. */
function getRecoveringParser(): SopParser {
  recoveringParser ??= new SopParser(false, true);
  return recoveringParser;
}

export interface ParseTreeResult {
  tree: SopFileNode;
  errors: IRecognitionException[];
}

function run(parser: SopParser, tokens: IToken[]): ParseTreeResult {
  parser.input = tokens;
  const tree = parser.sopFile();
  const errors = parser.errors;
  // The shared parser would otherwise hold the last file's tokens (and so its text) until the next.
  parser.input = [];
  parser.releaseTree();
  return { tree, errors };
}

/** Reads the tokens fast; reads them again with error recovery only when the fast pass finds an error. */
export function parseTokens(tokens: IToken[]): ParseTreeResult {
  const fast = run(getParser(), tokens);
  return fast.errors.length === 0 ? fast : run(getRecoveringParser(), tokens);
}
