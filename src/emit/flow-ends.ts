/**
 * What every flowchart emitter draws beyond the steps: where a flow leaves them. A flow to `selesai`
 * ends at an end terminator, one to `?` (lost in the source) at a "?" marker, dashed. A step whose
 * own 'Lanjut: selesai' makes it the end terminator needs no second one.
 */
import { UNKNOWN_ACTOR_ID, type Step } from '../ast/types.js';
import type { FlowGraph, FlowTerminal } from '../resolve/flow-graph.js';

/** The terminals an emitter draws, in source order. */
export function drawnTerminals(graph: FlowGraph): FlowTerminal[] {
  return graph.terminals.filter((t) => !(t.kind === 'end' && t.via === 'next' && graph.steps[t.from].symbol === 'terminator'));
}

/** The words beside a terminal's arrow: the exit label and where it goes ("Tidak → selesai"). */
export function terminalText(terminal: FlowTerminal): string {
  const target = terminal.kind === 'end' ? 'selesai' : '?';
  return terminal.label ? `${terminal.label} → ${target}` : target;
}

/** A step whose actor (or one of them) cannot be read in the source: '[?]'. */
export function hasUnknownActor(step: Step): boolean {
  return step.actors.some((a) => a.id === UNKNOWN_ACTOR_ID);
}
