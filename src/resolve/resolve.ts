/**
 * The linking pass over one document: actor tables, the flow graph of each procedure, the artifacts
 * each step produces and needs, and every SOP reference. Rules look things up here instead of
 * re-deriving them.
 */
import type { Actor, Procedure, SopDocument, TextNode } from '../ast/types.js';
import type { SourceFile } from '../diagnostics/source.js';
import { buildFlowGraph, type FlowGraph } from './flow-graph.js';
import { normalizeArtifact } from './artifacts.js';
import type { IndexedReference } from './corpus-index.js';
import { documentReferences } from './references.js';

export interface ArtifactItem {
  /** As written. */
  node: TextNode;
  /** Normalised for matching: lower case, no punctuation, single spaces. */
  key: string;
}

export interface ResolvedProcedure {
  procedure: Procedure;
  graph: FlowGraph;
  /** Declared actor columns by lower-case id. */
  actors: Map<string, Actor>;
  /** Per step index: the Kelengkapan items it needs and the Output items it produces. */
  inputs: ArtifactItem[][];
  outputs: ArtifactItem[][];
  /** Step indices by the artifact keys they need, and by those they produce. */
  consumersOf: Map<string, number[]>;
  producersOf: Map<string, number[]>;
}

export interface FileSymbols {
  procedures: ResolvedProcedure[];
  references: IndexedReference[];
}

function artifactItems(items: TextNode[] | undefined): ArtifactItem[] {
  return (items ?? []).map((node) => ({ node, key: normalizeArtifact(node.text) })).filter((i) => i.key.length > 0);
}

function stepsByKey(perStep: ArtifactItem[][]): Map<string, number[]> {
  const steps = new Map<string, number[]>();
  perStep.forEach((items, index) => {
    for (const { key } of items) {
      const list = steps.get(key);
      if (!list) steps.set(key, [index]);
      else if (list[list.length - 1] !== index) list.push(index);
    }
  });
  return steps;
}

export function resolveDocument(document: SopDocument, source: SourceFile): FileSymbols {
  const procedures = document.procedures.map((procedure): ResolvedProcedure => {
    const actors = new Map<string, Actor>();
    for (const actor of procedure.actors) if (!actors.has(actor.id.toLowerCase())) actors.set(actor.id.toLowerCase(), actor);
    const inputs = procedure.steps.map((s) => artifactItems(s.kelengkapan?.items));
    const outputs = procedure.steps.map((s) => artifactItems(s.output?.items));
    return { procedure, graph: buildFlowGraph(procedure), actors, inputs, outputs, consumersOf: stepsByKey(inputs), producersOf: stepsByKey(outputs) };
  });
  return { procedures, references: documentReferences(document, source) };
}
