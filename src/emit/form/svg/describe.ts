/** Text alternatives of a flowchart page: the <title> and <desc> a screen reader reads for the SVG. */
import type { Procedure, SopDocument, Step } from '../../../ast/types.js';
import { buildFlowGraph, type FlowGraph, type FlowTerminal } from '../../../resolve/flow-graph.js';
import { drawnTerminals } from '../../flow-ends.js';
import { procedureTitle } from '../layout/document.js';
import { LOST_TABLE_ROLE, MISSING_TABLE } from '../layout/notice.js';
import type { PageLayout } from '../layout/types.js';

const SYMBOL_NAMES = { terminator: 'kapsul', process: 'kotak', decision: 'belah ketupat' } as const;

export function pageTitle(document: SopDocument, page: PageLayout): string {
  return `Bagan alir ${procedureTitle(document, page.procedureIndex)}, lembar ${page.sheet} dari ${page.sheetCount}`;
}

function stepName(step: Step): string {
  return step.number === null ? 'langkah tanpa nomor' : `langkah ${step.number}`;
}

function sentence(text: string): string {
  const trimmed = text.trim().replace(/[.;,\s]+$/, '');
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

interface ProcedureFacts {
  graph: FlowGraph;
  /** Each step's drawn terminals (flow-ends.ts). */
  ends: FlowTerminal[][];
  actorLabels: Map<string, string>;
}

/**
 * What every page of a procedure reads, built once per procedure rather than once per page: a
 * procedure of 100,000 steps has some 15,000 pages.
 */
const factsOf = new WeakMap<Procedure, ProcedureFacts>();

function procedureFacts(procedure: Procedure): ProcedureFacts {
  let facts = factsOf.get(procedure);
  if (!facts) {
    const graph = buildFlowGraph(procedure);
    const ends: FlowTerminal[][] = procedure.steps.map(() => []);
    for (const t of drawnTerminals(graph)) ends[t.from].push(t);
    const actorLabels = new Map<string, string>();
    for (const a of [...procedure.actors].reverse()) actorLabels.set(a.id, a.label);
    facts = { graph, ends, actorLabels };
    factsOf.set(procedure, facts);
  }
  return facts;
}

export function pageDescription(document: SopDocument, page: PageLayout): string {
  if (page.cells.some((cell) => cell.role === LOST_TABLE_ROLE)) return MISSING_TABLE;
  const procedure = document.procedures[page.procedureIndex];
  const { graph, ends: endsOf, actorLabels } = procedureFacts(procedure);
  const actorLabel = (id: string) => actorLabels.get(id) ?? id;
  const sentences = page.steps.map((index) => {
    const step = procedure.steps[index];
    const actors = step.actors.map((a) => actorLabel(a.id)).join(' dan ') || 'tanpa pelaksana';
    let text = `${stepName(step)} (${actors}, ${SYMBOL_NAMES[step.symbol]}): ${step.kegiatan.text.trim().replace(/[.;,\s]+$/, '')}`;
    const exits = graph.outgoing[index].filter((e) => e.label !== null || e.to !== index + 1);
    if (exits.length) text += `; ${exits.map((e) => `${e.label ?? 'lanjut'} ke ${stepName(procedure.steps[e.to])}`).join(', ')}`;
    const ends = endsOf[index];
    if (ends.length) text += `; ${ends.map((t) => `${t.label ?? 'lanjut'} ${t.kind === 'end' ? 'ke selesai' : 'ke tujuan yang hilang di sumber'}`).join(', ')}`;
    return text;
  });
  for (const c of page.connectors) {
    sentences.push(c.role === 'out' ? `bersambung ke lembar lain melalui penghubung ${c.letter}` : `sambungan dari lembar lain melalui penghubung ${c.letter}`);
  }
  if (sentences.length === 0) sentences.push('tabel tanpa langkah');
  return sentences.map(sentence).join('. ') + '.';
}
