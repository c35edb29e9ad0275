/** The two structured parts of a step: its actor list (`[kabid, tim]`) and its 'Keputusan:' exits. */
import type { CstNode, IToken } from 'chevrotain';
import { localized } from '../diagnostics/diagnostic.js';
import { nodes, nodeSpan, spanOfTokens, tokens, tokenSpan, isRecovered } from './cst.js';
import { SYNTAX, type Report } from './syntax-findings.js';
import type { ActorRef, Decision, DecisionExit } from './types.js';

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
    report(tokenSpan(token), SYNTAX.invalid, localized('Daftar pelaksana langkah ini kosong.', "This step's actor list is empty."), localized("tulis siapa yang melaksanakan, mis. '[kabid]'", "write who does it, e.g. '[kabid]'"));
  }
  return refs;
}

/** The labelled exits of a 'Keputusan:' line. */
export function readDecision(node: CstNode, report: Report): Decision {
  const label = tokens(node.children, 'Label_keputusan')[0];
  const exits: DecisionExit[] = [];
  for (const exitNode of nodes(node.children, 'decisionExit')) {
    const exitLabel = tokens(exitNode.children, 'ExitLabel')[0];
    const target = tokens(exitNode.children, 'StepTarget')[0];
    const malformed = tokens(exitNode.children, 'MalformedExit')[0];
    if (malformed) {
      report(tokenSpan(malformed), SYNTAX.invalid, localized(`Cabang keputusan '${malformed.image.trim()}' tidak berbentuk 'Label -> nomor langkah'.`, `The decision exit '${malformed.image.trim()}' is not of the form 'Label -> step number'.`), localized("mis. 'Keputusan: Ya -> 4, Tidak -> 2'", "e.g. 'Keputusan: Ya -> 4, Tidak -> 2'"));
      continue;
    }
    if (!target || isRecovered(target)) continue; // the parser already reported it
    const span = spanOfTokens([exitLabel, target].filter((t): t is IToken => t !== undefined));
    if (!exitLabel || isRecovered(exitLabel)) {
      report(tokenSpan(target), SYNTAX.invalid, localized(`Cabang keputusan ke langkah ${target.image} tidak punya label.`, `The decision exit to step ${target.image} has no label.`), localized(`tulis labelnya: 'Ya -> ${target.image}' atau 'Tidak -> ${target.image}'`, `write its label: 'Ya -> ${target.image}' or 'Tidak -> ${target.image}'`));
      exits.push({ label: null, target: Number(target.image), span, targetSpan: tokenSpan(target) });
      continue;
    }
    exits.push({ label: exitLabel.image.trim(), target: Number(target.image), span, targetSpan: tokenSpan(target) });
  }
  const span = nodeSpan(node);
  if (nodes(node.children, 'decisionExit').length === 0) {
    report(tokenSpan(label), SYNTAX.invalid, localized("'Keputusan:' tanpa cabang.", "'Keputusan:' without any exit."), localized("mis. 'Keputusan: Ya -> 4, Tidak -> 2'", "e.g. 'Keputusan: Ya -> 4, Tidak -> 2'"));
  }
  return { exits, span };
}
