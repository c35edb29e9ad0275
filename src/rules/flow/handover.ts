import type { Actor } from '../../ast/types.js';
import { localized } from '../../diagnostics/diagnostic.js';
import { ActorMentions } from '../../checker/actor-mentions.js';
import type { FileRule } from '../../checker/rule.js';

/** "meneruskan kepada", "diserahkan ke", "mengembalikan kepada": the work goes to someone. */
const HANDOVER = /\b(?:menyerahkan|meneruskan|mengirim(?:kan)?|menyampaikan|mengembalikan|diserahkan|diteruskan|disampaikan|dikirim(?:kan)?|dikembalikan)\b[^.;]*?\b(?:kepada|ke)\s+/gi;

/** The last hand-over in a Kegiatan that names an actor column: who it names, and the words that say so. */
function lastHandover(text: string, mentions: ActorMentions): { to: Actor; named: Set<Actor>; phrase: string } | undefined {
  let found: { to: Actor; named: Set<Actor>; phrase: string } | undefined;
  for (const match of text.matchAll(HANDOVER)) {
    // To the end of the sentence: "kepada Kaban melalui Kabid" names both.
    const rest = text.slice(match.index! + match[0].length).split(/[;]|\.(?:\s|$)/)[0];
    const to = mentions.atStart(rest);
    if (!to) continue; // to someone outside the table ("ke penerima bantuan")
    const named = mentions.anywhere(rest);
    named.add(to);
    found = { to, named, phrase: `${match[0]}${rest}`.replace(/\s+/g, ' ').trim() };
  }
  return found;
}

/** A Kegiatan that hands the work to one actor while the next step is in another actor's column. */
export const handover: FileRule = {
  meta: {
    id: 'flow/handover',
    description: localized(
      'Kegiatan menyerahkan pekerjaan kepada pelaksana lain daripada pelaksana langkah berikutnya.',
      'A Kegiatan hands the work to another actor than the one of the next step.',
    ),
    rationale: localized(
      'Di bagan SOP AP, panah dari sebuah langkah menuju kolom pelaksana yang menerima pekerjaan. Bila Kegiatan berkata "meneruskan kepada Kabid" tetapi langkah berikutnya ada di kolom Kaban, salah satunya keliru: kolomnya atau nama di teksnya.',
      'In an SOP AP chart the arrow from a step goes to the column of the actor who receives the work. When the Kegiatan says "meneruskan kepada Kabid" but the next step is in the Kaban column, one of them is wrong: the column or the name in the text.',
    ),
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: false,
  },
  create(context) {
    return {
      procedure(procedure, graph) {
        const mentions = new ActorMentions(procedure.actors);
        procedure.steps.forEach((step, index) => {
          // A decision's hand-overs belong to its exits ("jika setuju meneruskan ..., jika tidak ...").
          if (step.decision) return;
          const next = graph.outgoing[index].map((edge) => procedure.steps[edge.to]).filter((s) => s.actors.length > 0);
          if (next.length === 0) return;
          const handed = lastHandover(step.kegiatan.text, mentions);
          if (!handed) return;
          const ids = new Set([...handed.named].map((a) => a.id.toLowerCase()));
          if (next.some((s) => s.actors.some((r) => ids.has(r.id.toLowerCase())))) return;
          const following = next[0];
          const labelOf = (id: string) => procedure.actors.find((a) => a.id.toLowerCase() === id.toLowerCase())?.label ?? id;
          const doneBy = following.actors.map((r) => labelOf(r.id)).join(', ');
          const number = following.number ?? '?';
          context.report({
            span: step.kegiatan.span,
            message: localized(
              `Langkah ${step.number ?? '?'} menyerahkan pekerjaan kepada ${handed.to.label} ('${handed.phrase}'), tetapi langkah berikutnya, ${number}, dikerjakan ${doneBy}.`,
              `Step ${step.number ?? '?'} hands the work to ${handed.to.label} ('${handed.phrase}'), but the next step, ${number}, is done by ${doneBy}.`,
            ),
            hint: localized(
              `bila ${handed.to.label} yang mengerjakan langkah ${number}, tulis [${handed.to.id}] pada langkah itu; bila bukan, perbaiki nama pelaksana di Kegiatan ini`,
              `if ${handed.to.label} does step ${number}, write [${handed.to.id}] on that step; if not, correct the name in this Kegiatan`,
            ),
            related: [{ span: following.actors[0].span, message: localized(`pelaksana langkah ${number}`, `the actor of step ${number}`) }],
          });
        });
      },
    };
  },
};
