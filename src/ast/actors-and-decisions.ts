/** The two structured parts of a step: its actor list (`[kabid, tim]`) and its 'Keputusan:' exits. */
import type { IToken } from 'chevrotain';
import { localized } from '../diagnostics/diagnostic.js';
import type { DecisionNode, FlowTargetNode, NextNode } from '../syntax/syntax-tree.js';
import { EndTarget, StepTarget } from '../syntax/tokens.js';
import { isRecovered, nodeSpan, spanOfTokens, tokenSpan } from './spans.js';
import { SYNTAX, type Report } from './syntax-findings.js';
import type { ActorRef, Decision, DecisionExit, FlowTarget, NextSteps } from './types.js';

/** The actors named in a step's `[...]`, each with its own span. */
export function readActorRefs(token: IToken | undefined, report: Report): ActorRef[] {
  if (!token || isRecovered(token)) return [];
  const inner = token.image.slice(1, -1);
  const refs: ActorRef[] = [];
  let index = 0;
  for (const part of inner.split(',')) {
    const lead = part.length - part.trimStart().length;
    const id = part.trim();
    const start = token.startOffset + 1 + index + lead;
    if (id) refs.push({ id, span: { start, end: start + id.length } });
    index += part.length + 1;
  }
  if (refs.length === 0) {
    report(
      tokenSpan(token),
      SYNTAX.invalid,
      localized('Daftar pelaksana langkah ini kosong.', "This step's actor list is empty."),
      localized("tulis siapa yang melaksanakan, mis. '[kabid]'", "write who does it, e.g. '[kabid]'"),
    );
  }
  return refs;
}

/** The target of an exit or of 'Lanjut:' (a `flowTarget` node); undefined where the parser recovered. */
function readTarget(node: FlowTargetNode | undefined): { target: FlowTarget; token: IToken } | undefined {
  const token = node?.token;
  if (!token || isRecovered(token)) return undefined;
  const span = tokenSpan(token);
  if (token.tokenType === StepTarget) return { target: { kind: 'step', number: Number(token.image), span }, token };
  return { target: token.tokenType === EndTarget ? { kind: 'end', span } : { kind: 'unknown', span }, token };
}

/** A target as the author writes it: "4", "selesai", "?". */
export function targetText(target: FlowTarget): string {
  return target.kind === 'step' ? String(target.number) : target.kind === 'end' ? 'selesai' : '?';
}

/** The labelled exits of a 'Keputusan:' line. */
export function readDecision(node: DecisionNode, report: Report): Decision {
  const label = node.label!;
  const exits: DecisionExit[] = [];
  for (const exitNode of node.exits) {
    const exitLabel = exitNode.exitLabel;
    const read = readTarget(exitNode.target);
    const malformed = exitNode.malformed;
    if (malformed) {
      report(
        tokenSpan(malformed),
        SYNTAX.invalid,
        localized(
          `Cabang keputusan '${malformed.image.trim()}' tidak berbentuk 'Label -> nomor langkah'.`,
          `The decision exit '${malformed.image.trim()}' is not of the form 'Label -> step number'.`,
        ),
        localized(
          "mis. 'Keputusan: Ya -> 4, Tidak -> 2' (tujuan juga boleh 'selesai' atau '?')",
          "e.g. 'Keputusan: Ya -> 4, Tidak -> 2' (a target may also be 'selesai' or '?')",
        ),
      );
      continue;
    }
    if (!read) continue; // the parser already reported it
    const { target, token } = read;
    const span = spanOfTokens([exitLabel, token].filter((t): t is IToken => t !== undefined));
    const number = target.kind === 'step' ? target.number : null;
    const written = targetText(target);
    if (!exitLabel || isRecovered(exitLabel)) {
      const to = target.kind === 'step' ? `ke langkah ${written}` : `ke '${written}'`;
      const toEn = target.kind === 'step' ? `to step ${written}` : `to '${written}'`;
      report(
        tokenSpan(token),
        SYNTAX.invalid,
        localized(`Cabang keputusan ${to} tidak punya label.`, `The decision exit ${toEn} has no label.`),
        localized(`tulis labelnya: 'Ya -> ${written}' atau 'Tidak -> ${written}'`, `write its label: 'Ya -> ${written}' or 'Tidak -> ${written}'`),
      );
      exits.push({ label: null, target: number, to: target, span, targetSpan: tokenSpan(token) });
      continue;
    }
    exits.push({ label: exitLabel.image.trim(), target: number, to: target, span, targetSpan: tokenSpan(token) });
  }
  const span = nodeSpan(node);
  if (node.exits.length === 0) {
    report(
      tokenSpan(label),
      SYNTAX.invalid,
      localized("'Keputusan:' tanpa cabang.", "'Keputusan:' without any exit."),
      localized("mis. 'Keputusan: Ya -> 4, Tidak -> 2'", "e.g. 'Keputusan: Ya -> 4, Tidak -> 2'"),
    );
  }
  return { exits, span };
}

/** The targets of a 'Lanjut:' line. */
export function readNext(node: NextNode, report: Report): NextSteps {
  const label = node.label!;
  const targets: FlowTarget[] = [];
  for (const malformed of node.malformed) {
    if (isRecovered(malformed)) continue;
    report(
      tokenSpan(malformed),
      SYNTAX.invalid,
      localized(
        `Tujuan 'Lanjut:' '${malformed.image.trim()}' bukan nomor langkah, 'selesai' atau '?'.`,
        `The 'Lanjut:' target '${malformed.image.trim()}' is not a step number, 'selesai' or '?'.`,
      ),
      localized("mis. 'Lanjut: 14', 'Lanjut: 14, 15', 'Lanjut: selesai'", "e.g. 'Lanjut: 14', 'Lanjut: 14, 15', 'Lanjut: selesai'"),
    );
  }
  for (const targetNode of node.targets) {
    const read = readTarget(targetNode);
    if (read) targets.push(read.target);
  }
  if (node.targets.length === 0 && node.malformed.length === 0) {
    report(
      tokenSpan(label),
      SYNTAX.invalid,
      localized("'Lanjut:' tanpa tujuan.", "'Lanjut:' without a target."),
      localized(
        "mis. 'Lanjut: 14', 'Lanjut: selesai' atau 'Lanjut: ?' bila tujuannya hilang di sumber",
        "e.g. 'Lanjut: 14', 'Lanjut: selesai', or 'Lanjut: ?' when the source has lost it",
      ),
    );
  }
  targets.sort((a, b) => a.span.start - b.span.start);
  return { targets, span: nodeSpan(node) };
}
