import type { Actor } from '../../ast/types.js';
import { localized } from '../../diagnostics/diagnostic.js';
import { ActorMentions } from '../../checker/actor-mentions.js';
import type { FileRule } from '../../checker/rule.js';

/** "meneruskan kepada", "diserahkan ke", "mengembalikan kepada": the work goes to someone. */
const HANDOVER = /\b(?:menyerahkan|meneruskan|mengirim(?:kan)?|menyampaikan|mengembalikan|diserahkan|diteruskan|disampaikan|dikirim(?:kan)?|dikembalikan)\b[^.;]*?\b(?:kepada|ke)\s+/gi;

/** The last hand-over in a Kegiatan that names an actor column: to whom, and where the name starts. */
function lastHandover(text: string, mentions: ActorMentions): { to: Actor; at: number; phraseStart: number } | undefined {
  let found: { to: Actor; at: number; phraseStart: number } | undefined;
  HANDOVER.lastIndex = 0;
  for (let match = HANDOVER.exec(text); match; match = HANDOVER.exec(text)) {
    const at = match.index + match[0].length;
    const to = mentions.atStart(text.slice(at));
    if (to) found = { to, at, phraseStart: match.index }; // else to someone outside the table ("ke penerima bantuan")
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
        const mentions = ActorMentions.of(procedure.actors);
        procedure.steps.forEach((step, index) => {
          // A decision's hand-overs belong to its exits ("jika setuju meneruskan ..., jika tidak ...").
          if (step.decision || graph.outgoing[index].length === 0) return;
          const text = step.kegiatan.text;
          const handed = lastHandover(text, mentions);
          if (!handed) return;
          const next = graph.outgoing[index].map((edge) => procedure.steps[edge.to]).filter((s) => s.actors.length > 0);
          if (next.length === 0) return;
          const doneByOneOf = (actors: Iterable<Actor>) => {
            const ids = new Set([...actors].map((a) => a.id.toLowerCase()));
            return next.some((s) => s.actors.some((r) => ids.has(r.id.toLowerCase())));
          };
          if (doneByOneOf([handed.to])) return;
          // To the end of the sentence: "kepada Kaban melalui Kabid" names both.
          const rest = text.slice(handed.at).split(/;|\.(?:\s|$)/)[0];
          if (doneByOneOf(mentions.anywhere(rest))) return;
          const phrase = text.slice(handed.phraseStart, handed.at + rest.length).replace(/\s+/g, ' ').trim();
          const following = next[0];
          const labelOf = (id: string) => procedure.actors.find((a) => a.id.toLowerCase() === id.toLowerCase())?.label ?? id;
          const doneBy = following.actors.map((r) => labelOf(r.id)).join(', ');
          const number = following.number ?? '?';
          context.report({
            span: step.kegiatan.span,
            message: localized(
              `Langkah ${step.number ?? '?'} menyerahkan pekerjaan kepada ${handed.to.label} ('${phrase}'), tetapi langkah berikutnya, ${number}, dikerjakan ${doneBy}.`,
              `Step ${step.number ?? '?'} hands the work to ${handed.to.label} ('${phrase}'), but the next step, ${number}, is done by ${doneBy}.`,
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
