/** A 'Pelaksana:' block: its `id = Label` lines read into the actor columns of a procedure. */
import { localized } from '../diagnostics/diagnostic.js';
import type { ActorBlockNode, ActorDeclarationNode } from '../syntax/syntax-tree.js';
import type { BuildContext } from './build-context.js';
import { addText, nodeSpan, tokenSpan } from './spans.js';
import { SYNTAX } from './syntax-findings.js';
import type { Actor } from './types.js';
import { JoinedText } from './values.js';

export function readActorBlock(ctx: BuildContext, node: ActorBlockNode): Actor[] {
  const label = node.label;
  const trailing = node.trailing;
  if (trailing) {
    ctx.report(
      tokenSpan(trailing),
      SYNTAX.invalid,
      localized(`Teks setelah 'Pelaksana:' tidak dipakai: '${trailing.image.trim()}'.`, `Text after 'Pelaksana:' is not used: '${trailing.image.trim()}'.`),
      localized("tulis tiap kolom pelaksana di barisnya sendiri: 'kabid = Kabid PMKS'", "write each actor column on its own line: 'kabid = Kabid PMKS'"),
    );
  }
  // Duplicate columns are kept as written: the actor/duplicate rule reports them.
  const actors: Actor[] = [];
  for (const decl of node.declarations) {
    const actor = readActorDeclaration(ctx, decl);
    if (!actor) continue;
    actors.push(actor);
  }
  if (actors.length === 0 && label) {
    ctx.report(
      tokenSpan(label),
      SYNTAX.invalid,
      localized("'Pelaksana:' tanpa kolom pelaksana.", "'Pelaksana:' without any actor column."),
      localized("tambahkan baris seperti 'kabid = Kabid PMKS' di bawahnya", "add lines such as 'kabid = Kabid PMKS' below it"),
    );
  }
  return actors;
}

function readActorDeclaration(ctx: BuildContext, node: ActorDeclarationNode): Actor | undefined {
  const decl = node.decl!;
  const id = decl.image.replace(/[ \t]*=$/, '');
  const joined = new JoinedText();
  addText(joined, node.text, ctx.unreadLines);
  const idSpan = { start: decl.startOffset, end: decl.startOffset + id.length };
  if (joined.isEmpty) {
    ctx.report(
      tokenSpan(decl),
      SYNTAX.invalid,
      localized(`Pelaksana '${id}' tidak punya label kolom.`, `The actor '${id}' has no column label.`),
      localized(`tulis label seperti tercetak, mis. '${id} = Kabid PMKS'`, `write the label as printed, e.g. '${id} = Kabid PMKS'`),
    );
    return undefined;
  }
  return { id, label: joined.text, span: nodeSpan(node), idSpan };
}
