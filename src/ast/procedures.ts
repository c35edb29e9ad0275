/** A 'Prosedur:' block: its title, actor columns, steps (with their fields and flow) and lost step ranges. */
import { localized } from '../diagnostics/diagnostic.js';
import type { MissingStepsNode, ProcedureNode, StepNode } from '../syntax/syntax-tree.js';
import { readActorBlock } from './actor-columns.js';
import { readActorRefs, readDecision, readNext } from './actors-and-decisions.js';
import type { BuildContext } from './build-context.js';
import { readStepField } from './fields.js';
import { absorbListLine, numberedListLine, openListOf } from './numbered-lists.js';
import { addText, nodeSpan, spanOfTokens, tokenSpan } from './spans.js';
import { reportStrayLine } from './stray-lines.js';
import { SYNTAX } from './syntax-findings.js';
import type { MissingSteps, Procedure, Step } from './types.js';
import { JoinedText, parseMarker, parseMissingRange } from './values.js';

export function readProcedure(ctx: BuildContext, node: ProcedureNode): Procedure {
  const label = node.label!;
  const joined = new JoinedText();
  addText(joined, node.text, ctx.unreadLines);
  const titleNode = joined.node();
  const marker = titleNode ? parseMarker(titleNode.text) : undefined;
  const columnOf = (offset: number) => ctx.source.positionAt(offset).column;
  const steps: Step[] = [];
  for (const stepNode of node.steps) {
    const previous = steps[steps.length - 1];
    const line = previous ? numberedListLine(stepNode) : undefined;
    const list = line ? openListOf(previous) : undefined;
    // "1. Surat permohonan" indented under an empty 'Kelengkapan:': an item of that list, not a step.
    if (list && line && columnOf(line.number.startOffset) > columnOf(previous.numberSpan.start)) {
      absorbListLine(list, line, ctx.report);
      readStepFields(ctx, previous, stepNode);
      previous.span = { start: previous.span.start, end: Math.max(previous.span.end, nodeSpan(stepNode).end) };
      continue;
    }
    steps.push(readStep(ctx, stepNode));
  }
  for (const stray of node.strays) ctx.noteStray(stray, reportStrayLine(stray, ctx.source, ctx.report, ctx.unknownLabels));
  const missing = node.missing.map((m) => readMissingSteps(ctx, m)).filter((m): m is MissingSteps => m !== undefined);
  const procedure: Procedure = {
    title: marker ? null : titleNode,
    actors: node.actorBlock ? readActorBlock(ctx, node.actorBlock) : [],
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

function readMissingSteps(ctx: BuildContext, node: MissingStepsNode): MissingSteps | undefined {
  const label = node.label!;
  const value = node.value;
  const range = value ? parseMissingRange(value.image) : null;
  const span = spanOfTokens([label, ...(value ? [value] : [])]);
  if (!range) {
    ctx.report(
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

function readStep(ctx: BuildContext, node: StepNode): Step {
  const numberToken = node.number!;
  const numberText = numberToken.image.replace(/\.$/, '');
  const actors = readActorRefs(node.actorList, ctx.report);
  const kegiatan = new JoinedText();
  addText(kegiatan, node.text, ctx.unreadLines);
  const kegiatanNode = kegiatan.node() ?? { text: '', span: tokenSpan(numberToken) };
  if (kegiatan.isEmpty) {
    ctx.report(
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
  readStepFields(ctx, step, node);
  return step;
}

/** The Mutu Baku, Keterangan, Simbol, Keputusan and Lanjut lines of a step node, read into `step`. */
function readStepFields(ctx: BuildContext, step: Step, node: StepNode): void {
  for (const field of node.fields) readStepField(ctx, step, field);
  for (const decisionNode of node.decisions) {
    const decision = readDecision(decisionNode, ctx.report);
    const numberText = step.number ?? '?';
    if (!step.decision) step.decision = decision;
    else
      ctx.report(
        decision.span,
        SYNTAX.duplicate,
        localized(`Langkah ${numberText} punya dua baris 'Keputusan:'.`, `Step ${numberText} has two 'Keputusan:' lines.`),
        localized("tulis semua cabang dalam satu baris: 'Keputusan: Ya -> 4, Tidak -> 2'", "write every exit on one line: 'Keputusan: Ya -> 4, Tidak -> 2'"),
      );
  }
  for (const nextNode of node.nexts) {
    const next = readNext(nextNode, ctx.report);
    const numberText = step.number ?? '?';
    if (step.next) {
      ctx.report(
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
    ctx.report(
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
