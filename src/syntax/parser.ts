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
 * Where the recovering parser re-synchronises inside a rule, the rule's node as read so far is its
 * value (as a CST parser keeps its partial node): `lastNode` is that node.
 */
import { EmbeddedActionsParser, isRecognitionException, type IRecognitionException, type IRuleConfig, type IToken } from 'chevrotain';
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
  Located,
  MissingStepsNode,
  NextNode,
  ProcedureNode,
  SopFileNode,
  StepFieldNode,
  StepNode,
  StrayNode,
} from './syntax-tree.js';

/** Widens a node's offsets to a token or child node; tokens the parser inserted (NaN offsets) and empty nodes leave it as it is. */
function grow(node: Located, start: number, end: number): void {
  if (Number.isNaN(start)) return;
  if (Number.isNaN(node.start)) {
    node.start = start;
    node.end = end;
  } else if (end > node.end) node.end = end;
}

const at = () => ({ start: Number.NaN, end: Number.NaN });

export class SopParser extends EmbeddedActionsParser {
  /** The node of the rule that last finished or threw: the value of a rule the parser re-synchronised. */
  private lastNode: Located | undefined;
  private recovering = false;

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
    this.recovering = recover;
    this.performSelfAnalysis();
  }

  private recovered<N>(): IRuleConfig<N> {
    return { recoveryValueFunc: () => this.lastNode as N };
  }

  private tok(node: Located, token: IToken): IToken {
    grow(node, token.startOffset, token.startOffset + token.image.length);
    return token;
  }

  private child<N extends Located>(parent: Located, node: N): N {
    grow(parent, node.start, node.end);
    return node;
  }

  /**
   * Reads a subrule and hands its node to `attach`. When the recovering parser gives up on the
   * subrule and re-synchronises further up, the subrule's node as read so far is attached all the
   * same (a CST parser attaches such a partial node too), and the error goes on up.
   */
  private sub<N extends Located>(parent: Located, read: () => N, attach: (node: N) => unknown): void {
    let node: N;
    try {
      node = read();
    } catch (error) {
      if (this.recovering && isRecognitionException(error as Error) && this.lastNode) attach(this.child(parent, this.lastNode as N));
      throw error;
    }
    attach(this.child(parent, node));
  }

  /** In `Keputusan:` and `Lanjut:` lists the separating commas are part of the line (and of its offsets). */
  private separator(node: Located): void {
    if (!this.RECORDING_PHASE) this.tok(node, this.LA(0));
  }

  public sopFile = this.RULE(
    'sopFile',
    () => {
      const node: SopFileNode = { kind: 'sopFile', statements: [], ...at() };
      try {
        this.MANY(() => {
          this.OR([
            // A label of both kinds (`Persyaratan:`) outside any step is the identity field.
            {
              ALT: () =>
                this.sub(
                  node,
                  () => this.SUBRULE(this.identityField),
                  (n) => node.statements.push(n),
                ),
              IGNORE_AMBIGUITIES: true,
            },
            {
              ALT: () =>
                this.sub(
                  node,
                  () => this.SUBRULE(this.actorBlock),
                  (n) => node.statements.push(n),
                ),
            },
            {
              ALT: () =>
                this.sub(
                  node,
                  () => this.SUBRULE(this.procedure),
                  (n) => node.statements.push(n),
                ),
            },
            {
              ALT: () =>
                this.sub(
                  node,
                  () => this.SUBRULE(this.strayLine),
                  (n) => node.statements.push(n),
                ),
            },
          ]);
        });
        return node;
      } finally {
        this.lastNode = node;
      }
    },
    this.recovered<SopFileNode>(),
  );

  /** `Judul SOP: ...` and every other field of the identity sheet. */
  private identityField = this.RULE(
    'identityField',
    () => {
      const node: IdentityFieldNode = { kind: 'identityField', label: undefined, body: undefined, ...at() };
      try {
        node.label = this.tok(node, this.CONSUME(T.IdentityLabel));
        this.sub(
          node,
          () => this.SUBRULE(this.fieldBody),
          (n) => (node.body = n),
        );
        return node;
      } finally {
        this.lastNode = node;
      }
    },
    this.recovered<IdentityFieldNode>(),
  );

  /** The value of a field: text on the label's line, continuation lines, then `- item` lines. */
  private fieldBody = this.RULE(
    'fieldBody',
    () => {
      const node: FieldBodyNode = { kind: 'fieldBody', text: [], items: [], ...at() };
      try {
        this.OPTION(() => node.text.push(this.tok(node, this.CONSUME(T.ValueText))));
        this.MANY(() => node.text.push(this.tok(node, this.CONSUME(T.ContinuationText))));
        this.MANY2(() =>
          this.sub(
            node,
            () => this.SUBRULE(this.listItem),
            (n) => node.items.push(n),
          ),
        );
        return node;
      } finally {
        this.lastNode = node;
      }
    },
    this.recovered<FieldBodyNode>(),
  );

  private listItem = this.RULE(
    'listItem',
    () => {
      const node: ListItemNode = { kind: 'listItem', dash: undefined, text: [], ...at() };
      try {
        node.dash = this.tok(node, this.CONSUME(T.ListDash));
        this.OPTION(() => node.text.push(this.tok(node, this.CONSUME(T.ValueText))));
        this.MANY(() => node.text.push(this.tok(node, this.CONSUME(T.ContinuationText))));
        return node;
      } finally {
        this.lastNode = node;
      }
    },
    this.recovered<ListItemNode>(),
  );

  /** `Pelaksana:` then one `id = Label` line per actor column. */
  private actorBlock = this.RULE(
    'actorBlock',
    () => {
      const node: ActorBlockNode = { kind: 'actorBlock', label: undefined, trailing: undefined, declarations: [], ...at() };
      try {
        node.label = this.tok(node, this.CONSUME(T.PelaksanaLabel));
        this.OPTION(() => {
          node.trailing = this.tok(node, this.CONSUME(T.ValueText));
        });
        this.MANY(() =>
          this.sub(
            node,
            () => this.SUBRULE(this.actorDeclaration),
            (n) => node.declarations.push(n),
          ),
        );
        return node;
      } finally {
        this.lastNode = node;
      }
    },
    this.recovered<ActorBlockNode>(),
  );

  private actorDeclaration = this.RULE(
    'actorDeclaration',
    () => {
      const node: ActorDeclarationNode = { kind: 'actorDeclaration', decl: undefined, text: [], ...at() };
      try {
        node.decl = this.tok(node, this.CONSUME(T.ActorDecl));
        this.OPTION(() => node.text.push(this.tok(node, this.CONSUME(T.ValueText))));
        this.MANY(() => node.text.push(this.tok(node, this.CONSUME(T.ContinuationText))));
        return node;
      } finally {
        this.lastNode = node;
      }
    },
    this.recovered<ActorDeclarationNode>(),
  );

  /** `Prosedur: title`, its optional actor columns, then its steps and lost step ranges. */
  private procedure = this.RULE(
    'procedure',
    () => {
      const node: ProcedureNode = { kind: 'procedure', label: undefined, text: [], actorBlock: undefined, steps: [], missing: [], strays: [], ...at() };
      try {
        node.label = this.tok(node, this.CONSUME(T.ProsedurLabel));
        this.OPTION(() => node.text.push(this.tok(node, this.CONSUME(T.ValueText))));
        this.MANY(() => node.text.push(this.tok(node, this.CONSUME(T.ContinuationText))));
        this.OPTION2(() => {
          this.sub(
            node,
            () => this.SUBRULE(this.actorBlock),
            (n) => (node.actorBlock = n),
          );
        });
        this.MANY2(() => {
          this.OR([
            {
              ALT: () =>
                this.sub(
                  node,
                  () => this.SUBRULE(this.step),
                  (n) => node.steps.push(n),
                ),
            },
            {
              ALT: () =>
                this.sub(
                  node,
                  () => this.SUBRULE(this.missingSteps),
                  (n) => node.missing.push(n),
                ),
            },
            {
              ALT: () =>
                this.sub(
                  node,
                  () => this.SUBRULE(this.strayInProcedure),
                  (n) => node.strays.push(n),
                ),
            },
          ]);
        });
        return node;
      } finally {
        this.lastNode = node;
      }
    },
    this.recovered<ProcedureNode>(),
  );

  /** A misplaced line inside a procedure: reported, and the procedure goes on after it. */
  private strayInProcedure = this.RULE(
    'strayInProcedure',
    () => {
      const node: StrayNode = { kind: 'stray', line: undefined, ...at() };
      try {
        this.OR([
          {
            ALT: () =>
              this.sub(
                node,
                () => this.SUBRULE(this.stepField),
                (n) => (node.line = n),
              ),
          },
          {
            ALT: () =>
              this.sub(
                node,
                () => this.SUBRULE(this.decision),
                (n) => (node.line = n),
              ),
          },
          {
            ALT: () =>
              this.sub(
                node,
                () => this.SUBRULE(this.next),
                (n) => (node.line = n),
              ),
          },
          {
            ALT: () =>
              this.sub(
                node,
                () => this.SUBRULE(this.listItem),
                (n) => (node.line = n),
              ),
          },
          {
            ALT: () =>
              this.sub(
                node,
                () => this.SUBRULE(this.actorDeclaration),
                (n) => (node.line = n),
              ),
          },
          { ALT: () => (node.line = this.continuation(node, this.CONSUME(T.ContinuationText))) },
        ]);
        return node;
      } finally {
        this.lastNode = node;
      }
    },
    this.recovered<StrayNode>(),
  );

  /** `Hilang: 12-?` */
  private missingSteps = this.RULE(
    'missingSteps',
    () => {
      const node: MissingStepsNode = { kind: 'missingSteps', label: undefined, value: undefined, ...at() };
      try {
        node.label = this.tok(node, this.CONSUME(T.HilangLabel));
        this.OPTION(() => {
          node.value = this.tok(node, this.CONSUME(T.ValueText));
        });
        return node;
      } finally {
        this.lastNode = node;
      }
    },
    this.recovered<MissingStepsNode>(),
  );

  /** `3. [kasubbid] Kegiatan ...` and the step's fields. */
  private step = this.RULE(
    'step',
    () => {
      const node: StepNode = { kind: 'step', number: undefined, actorList: undefined, text: [], fields: [], decisions: [], nexts: [], ...at() };
      try {
        node.number = this.tok(node, this.CONSUME(T.StepNumber));
        this.OPTION(() => {
          node.actorList = this.tok(node, this.CONSUME(T.ActorList));
        });
        this.OPTION2(() => node.text.push(this.tok(node, this.CONSUME(T.ValueText))));
        this.MANY(() => node.text.push(this.tok(node, this.CONSUME(T.ContinuationText))));
        this.MANY2(() => {
          this.OR([
            {
              ALT: () =>
                this.sub(
                  node,
                  () => this.SUBRULE(this.stepField),
                  (n) => node.fields.push(n),
                ),
            },
            {
              ALT: () =>
                this.sub(
                  node,
                  () => this.SUBRULE(this.decision),
                  (n) => node.decisions.push(n),
                ),
            },
            {
              ALT: () =>
                this.sub(
                  node,
                  () => this.SUBRULE(this.next),
                  (n) => node.nexts.push(n),
                ),
            },
          ]);
        });
        return node;
      } finally {
        this.lastNode = node;
      }
    },
    this.recovered<StepNode>(),
  );

  private stepField = this.RULE(
    'stepField',
    () => {
      const node: StepFieldNode = { kind: 'stepField', label: undefined, body: undefined, ...at() };
      try {
        node.label = this.tok(node, this.CONSUME(T.StepFieldLabel));
        this.sub(
          node,
          () => this.SUBRULE(this.fieldBody),
          (n) => (node.body = n),
        );
        return node;
      } finally {
        this.lastNode = node;
      }
    },
    this.recovered<StepFieldNode>(),
  );

  /** `Keputusan: Ya -> 4, Tidak -> 2` */
  private decision = this.RULE(
    'decision',
    () => {
      const node: DecisionNode = { kind: 'decision', label: undefined, exits: [], ...at() };
      try {
        node.label = this.tok(node, this.CONSUME(T.KeputusanLabel));
        this.MANY_SEP({
          SEP: T.Comma,
          DEF: () => {
            this.separator(node);
            this.sub(
              node,
              () => this.SUBRULE(this.decisionExit),
              (n) => node.exits.push(n),
            );
          },
        });
        return node;
      } finally {
        this.lastNode = node;
      }
    },
    this.recovered<DecisionNode>(),
  );

  private decisionExit = this.RULE(
    'decisionExit',
    () => {
      const node: DecisionExitNode = { kind: 'decisionExit', exitLabel: undefined, target: undefined, malformed: undefined, ...at() };
      try {
        this.OR([
          {
            ALT: () => {
              node.exitLabel = this.tok(node, this.CONSUME(T.ExitLabel));
              this.tok(node, this.CONSUME(T.Arrow));
              this.sub(
                node,
                () => this.SUBRULE(this.flowTarget),
                (n) => (node.target = n),
              );
            },
          },
          { ALT: () => (node.malformed = this.tok(node, this.CONSUME(T.MalformedExit))) },
          {
            ALT: () =>
              this.sub(
                node,
                () => this.SUBRULE2(this.flowTarget),
                (n) => (node.target = n),
              ),
          },
        ]);
        return node;
      } finally {
        this.lastNode = node;
      }
    },
    this.recovered<DecisionExitNode>(),
  );

  /** `Lanjut: 14, 15`, `Lanjut: selesai`, `Lanjut: ?`: where a step goes when not to the step below it. */
  private next = this.RULE(
    'next',
    () => {
      const node: NextNode = { kind: 'next', label: undefined, targets: [], malformed: [], ...at() };
      try {
        node.label = this.tok(node, this.CONSUME(T.LanjutLabel));
        this.MANY_SEP({
          SEP: T.Comma,
          DEF: () => {
            this.separator(node);
            this.OR([
              {
                ALT: () => {
                  this.sub(
                    node,
                    () => this.SUBRULE(this.flowTarget),
                    (n) => node.targets.push(n),
                  );
                  // "14 dan 15": the rest is kept whole, so the AST builder can say what is wrong with it.
                  this.OPTION(() => node.malformed.push(this.tok(node, this.CONSUME(T.MalformedExit))));
                },
              },
              { ALT: () => node.malformed.push(this.tok(node, this.CONSUME2(T.MalformedExit))) },
            ]);
          },
        });
        return node;
      } finally {
        this.lastNode = node;
      }
    },
    this.recovered<NextNode>(),
  );

  /** Where a flow goes: a step number, `selesai` (the procedure ends) or `?` (lost in the source). */
  private flowTarget = this.RULE(
    'flowTarget',
    () => {
      const node: FlowTargetNode = { kind: 'flowTarget', token: undefined, ...at() };
      try {
        this.OR([
          { ALT: () => (node.token = this.tok(node, this.CONSUME(T.StepTarget))) },
          { ALT: () => (node.token = this.tok(node, this.CONSUME(T.EndTarget))) },
          { ALT: () => (node.token = this.tok(node, this.CONSUME(T.UnknownTarget))) },
        ]);
        return node;
      } finally {
        this.lastNode = node;
      }
    },
    this.recovered<FlowTargetNode>(),
  );

  /** A line that cannot stand where it is; the AST builder explains why. */
  private strayLine = this.RULE(
    'strayLine',
    () => {
      const node: StrayNode = { kind: 'stray', line: undefined, ...at() };
      try {
        this.OR([
          {
            ALT: () =>
              this.sub(
                node,
                () => this.SUBRULE(this.step),
                (n) => (node.line = n),
              ),
          },
          {
            ALT: () =>
              this.sub(
                node,
                () => this.SUBRULE(this.stepField),
                (n) => (node.line = n),
              ),
          },
          {
            ALT: () =>
              this.sub(
                node,
                () => this.SUBRULE(this.decision),
                (n) => (node.line = n),
              ),
          },
          {
            ALT: () =>
              this.sub(
                node,
                () => this.SUBRULE(this.next),
                (n) => (node.line = n),
              ),
          },
          {
            ALT: () =>
              this.sub(
                node,
                () => this.SUBRULE(this.missingSteps),
                (n) => (node.line = n),
              ),
          },
          {
            ALT: () =>
              this.sub(
                node,
                () => this.SUBRULE(this.listItem),
                (n) => (node.line = n),
              ),
          },
          {
            ALT: () =>
              this.sub(
                node,
                () => this.SUBRULE(this.actorDeclaration),
                (n) => (node.line = n),
              ),
          },
          { ALT: () => (node.line = this.continuation(node, this.CONSUME(T.ContinuationText))) },
        ]);
        return node;
      } finally {
        this.lastNode = node;
      }
    },
    this.recovered<StrayNode>(),
  );

  private continuation(parent: Located, token: IToken): ContinuationLineNode {
    const line: ContinuationLineNode = { kind: 'continuation', token, ...at() };
    return this.child(parent, this.tok(line, token) && line);
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
  return { tree, errors };
}

/** Reads the tokens fast; reads them again with error recovery only when the fast pass finds an error. */
export function parseTokens(tokens: IToken[]): ParseTreeResult {
  const fast = run(getParser(), tokens);
  return fast.errors.length === 0 ? fast : run(getRecoveringParser(), tokens);
}
