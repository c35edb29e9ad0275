/**
 * What the parser hands the AST builder: one typed node per grammar rule, holding its tokens by role
 * (`label`, `text`, `items`, …), so that the builder reads fields, never token or rule names. Every
 * node knows the offsets of the real tokens under it (`start`, `end`; NaN while it has none, as in a
 * node the parser recovered before reading anything). `attach` says where a rule's node goes in its
 * parent's, `grow` how a node's offsets follow the tokens and nodes added to it.
 */
import type { IToken } from 'chevrotain';

export interface Located {
  /** Offset of the first real token under the node, NaN if none. */
  start: number;
  /** Offset just past the last real token under the node, NaN if none. */
  end: number;
}

/** The value of a field: text on the label's line, continuation lines (in that order), then `- item` lines. */
export interface FieldBodyNode extends Located {
  kind: 'fieldBody';
  text: IToken[];
  items: ListItemNode[];
}

export interface ListItemNode extends Located {
  kind: 'listItem';
  dash: IToken | undefined;
  text: IToken[];
}

export interface IdentityFieldNode extends Located {
  kind: 'identityField';
  label: IToken | undefined;
  body: FieldBodyNode | undefined;
}

export interface StepFieldNode extends Located {
  kind: 'stepField';
  label: IToken | undefined;
  body: FieldBodyNode | undefined;
}

export interface ActorBlockNode extends Located {
  kind: 'actorBlock';
  label: IToken | undefined;
  /** Text after `Pelaksana:` on its line (not used; reported). */
  trailing: IToken | undefined;
  declarations: ActorDeclarationNode[];
}

export interface ActorDeclarationNode extends Located {
  kind: 'actorDeclaration';
  /** `kabid =` */
  decl: IToken | undefined;
  text: IToken[];
}

export interface ProcedureNode extends Located {
  kind: 'procedure';
  label: IToken | undefined;
  text: IToken[];
  actorBlock: ActorBlockNode | undefined;
  steps: StepNode[];
  missing: MissingStepsNode[];
  strays: StrayNode[];
}

export interface MissingStepsNode extends Located {
  kind: 'missingSteps';
  label: IToken | undefined;
  value: IToken | undefined;
}

export interface StepNode extends Located {
  kind: 'step';
  number: IToken | undefined;
  actorList: IToken | undefined;
  text: IToken[];
  fields: StepFieldNode[];
  decisions: DecisionNode[];
  nexts: NextNode[];
}

export interface DecisionNode extends Located {
  kind: 'decision';
  label: IToken | undefined;
  exits: DecisionExitNode[];
}

export interface DecisionExitNode extends Located {
  kind: 'decisionExit';
  exitLabel: IToken | undefined;
  target: FlowTargetNode | undefined;
  malformed: IToken | undefined;
}

export interface NextNode extends Located {
  kind: 'next';
  label: IToken | undefined;
  targets: FlowTargetNode[];
  /** Text that is no target ("14 dan 15"), in source order. */
  malformed: IToken[];
}

/** A step number, `selesai` or `?`; no token where the parser recovered. */
export interface FlowTargetNode extends Located {
  kind: 'flowTarget';
  token: IToken | undefined;
}

/** A line of text under no label. */
export interface ContinuationLineNode extends Located {
  kind: 'continuation';
  token: IToken;
}

/** A line that cannot stand where it is (at the top level, or inside a procedure); `line` is what it is. */
export interface StrayNode extends Located {
  kind: 'stray';
  line: StepNode | StepFieldNode | DecisionNode | NextNode | MissingStepsNode | ListItemNode | ActorDeclarationNode | ContinuationLineNode | undefined;
}

export type Statement = IdentityFieldNode | ActorBlockNode | ProcedureNode | StrayNode;

export interface SopFileNode extends Located {
  kind: 'sopFile';
  /** The top-level statements in source order. */
  statements: Statement[];
}

export type SyntaxNode =
  | SopFileNode
  | Statement
  | FieldBodyNode
  | ListItemNode
  | StepFieldNode
  | ActorDeclarationNode
  | MissingStepsNode
  | StepNode
  | DecisionNode
  | DecisionExitNode
  | NextNode
  | FlowTargetNode;

/** Widens a node's offsets to a token or child node; tokens the parser inserted (NaN offsets) and empty nodes leave it as it is. */
export function grow(node: Located, start: number, end: number): void {
  if (Number.isNaN(start)) return;
  if (Number.isNaN(node.start)) {
    node.start = start;
    node.end = end;
  } else if (end > node.end) node.end = end;
}

/** Where a rule's node goes in its parent's. */
export function attach(parent: SyntaxNode, child: SyntaxNode): void {
  switch (parent.kind) {
    case 'sopFile':
      parent.statements.push(child as Statement);
      return;
    case 'identityField':
    case 'stepField':
      parent.body = child as FieldBodyNode;
      return;
    case 'fieldBody':
      parent.items.push(child as ListItemNode);
      return;
    case 'actorBlock':
      parent.declarations.push(child as ActorDeclarationNode);
      return;
    case 'procedure':
      if (child.kind === 'step') parent.steps.push(child);
      else if (child.kind === 'missingSteps') parent.missing.push(child);
      else if (child.kind === 'stray') parent.strays.push(child);
      else if (child.kind === 'actorBlock') parent.actorBlock = child;
      return;
    case 'stray':
      parent.line = child as StrayNode['line'];
      return;
    case 'step':
      if (child.kind === 'stepField') parent.fields.push(child);
      else if (child.kind === 'decision') parent.decisions.push(child);
      else if (child.kind === 'next') parent.nexts.push(child);
      return;
    case 'decision':
      parent.exits.push(child as DecisionExitNode);
      return;
    case 'decisionExit':
      parent.target = child as FlowTargetNode;
      return;
    case 'next':
      parent.targets.push(child as FlowTargetNode);
      return;
  }
}
