import type { Actor, Step } from '../../ast/types.js';
import { localized } from '../../diagnostics/diagnostic.js';
import { ActorMentions } from '../../resolve/actor-mentions.js';
import { sourceOffsetOf } from '../../ast/values.js';
import type { FileRule } from '../rule.js';

/** "kepada", "ke": where a hand-over names its receiver... */
const TO = /\b(?:kepada|ke)\s+/gi;
/** ... after a verb of handing over in the same clause: "meneruskan", "diserahkan", "dilanjutkan", "mengembalikan". */
const HANDING_OVER =
  /\b(?:menyerahkan|meneruskan|teruskan|melanjutkan|mengirim(?:kan)?|menyampaikan|mengembalikan|diserahkan|diteruskan|dilanjutkan|disampaikan|dikirim(?:kan)?|dikembalikan)\b/gi;

interface Handover {
  /** The actor named first after "kepada"/"ke". */
  to: Actor;
  /** Where that name starts in the text, and where the hand-over's words start. */
  at: number;
  start: number;
}

/** The hand-overs of a Kegiatan to actor columns (one to someone outside the table, "ke kelurahan", is not one). */
function handoversIn(text: string, mentions: ActorMentions): Handover[] {
  const found: Handover[] = [];
  TO.lastIndex = 0;
  // Both scans only move forward (a long Kegiatan of many 'kepada' is read once, not once per 'kepada'):
  // the last clause boundary before 'kepada', and the first verb at or after that boundary.
  let boundary = -1;
  let scanned = 0;
  let verb: RegExpExecArray | null | undefined;
  for (let to = TO.exec(text); to; to = TO.exec(text)) {
    for (; scanned < to.index; scanned++) if (text[scanned] === '.' || text[scanned] === ';' || text[scanned] === ',') boundary = scanned;
    const clauseStart = boundary + 1;
    if (verb === undefined || (verb !== null && verb.index < clauseStart)) {
      HANDING_OVER.lastIndex = clauseStart;
      verb = HANDING_OVER.exec(text);
    }
    if (!verb || verb.index >= to.index) continue;
    const at = to.index + to[0].length;
    const actor = mentions.atStart(text, at);
    if (actor) found.push({ to: actor, at, start: verb.index });
  }
  return found;
}

const CLAUSE_END = /[;,]|\.(?:\s|$)|\s(?:dan\s+)?(?:jika|bila|apabila|kalau)\b/i;

/** The rest of the hand-over's clause: every actor it names ("kepada Kaban melalui Kabid"), and its words. */
function clauseOf(text: string, handover: Handover, mentions: ActorMentions): { named: Set<Actor>; phrase: string; end: number } {
  // To the end of the clause: a sentence end, a comma, or the next condition ("dan jika tidak ...").
  const tail = text.slice(handover.at);
  const clauseEnd = tail.search(CLAUSE_END);
  const rest = clauseEnd < 0 ? tail : tail.slice(0, clauseEnd);
  const named = mentions.anywhere(rest);
  named.add(handover.to);
  const end = handover.at + rest.trimEnd().length;
  return { named, phrase: text.slice(handover.start, end).replace(/\s+/g, ' '), end };
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
        // The resolve pass's table of the declared columns, by lower-case id.
        const columns = context.symbols.procedures.find((p) => p.procedure === procedure)!.actors;
        const actorOf = (id: string) => columns.get(id.toLowerCase());
        const actorsOf = (step: Step) => step.actors.map((r) => actorOf(r.id));
        const doneBy = (step: Step) => step.actors.map((r) => actorOf(r.id)?.label ?? r.id).join(', ');
        const doesStep = (actor: Actor, step: Step) => step.actors.some((r) => r.id === actor.id || r.id.toLowerCase() === actor.id.toLowerCase());
        procedure.steps.forEach((step, index) => {
          // The finding points at the hand-over's words, wherever they stand in a Kegiatan of several lines.
          const phraseSpan = (from: number, to: number) => ({
            start: sourceOffsetOf(context.source.text, step.kegiatan, from),
            end: sourceOffsetOf(context.source.text, step.kegiatan, to),
          });
          const edges = graph.outgoing[index];
          if (edges.length === 0) return;
          const handovers = handoversIn(step.kegiatan.text, mentions);
          if (handovers.length === 0) return;
          const next = edges.map((edge) => procedure.steps[edge.to]).filter((s) => s.actors.length > 0);
          // An undeclared actor (actor/undeclared reports it) leaves the hand-over undecidable.
          if (next.some((s) => actorsOf(s).includes(undefined))) return;
          const reaches = (handed: Handover) => {
            if (next.some((s) => doesStep(handed.to, s))) return true; // the common case
            const { named } = clauseOf(step.kegiatan.text, handed, mentions);
            return next.some((s) => actorsOf(s).some((a) => a !== undefined && named.has(a)));
          };
          const number = step.number ?? '?';
          if (!step.decision) {
            // Any hand-over may be the one to the next step ("menyerahkan kepada Kasubbid untuk
            // diteruskan kepada Kabid": the Kasubbid's step comes next); the last one is quoted.
            if (next.length === 0 || handovers.some(reaches)) return;
            const handed = handovers[handovers.length - 1];
            const { phrase, end } = clauseOf(step.kegiatan.text, handed, mentions);
            const following = next[0];
            const target = following.number ?? '?';
            context.report({
              span: phraseSpan(handed.start, end),
              message: localized(
                `Langkah ${number} menyerahkan pekerjaan kepada ${handed.to.label} ('${phrase}'), tetapi langkah berikutnya, ${target}, dikerjakan ${doneBy(following)}.`,
                `Step ${number} hands the work to ${handed.to.label} ('${phrase}'), but the next step, ${target}, is done by ${doneBy(following)}.`,
              ),
              hint: localized(
                `bila ${handed.to.label} yang mengerjakan langkah ${target}, tulis [${handed.to.id}] pada langkah itu; bila bukan, perbaiki nama pelaksana di Kegiatan ini`,
                `if ${handed.to.label} does step ${target}, write [${handed.to.id}] on that step; if not, correct the name in this Kegiatan`,
              ),
              related: [{ span: following.actors[0].span, message: localized(`pelaksana langkah ${target}`, `the actor of step ${target}`) }],
            });
            return;
          }
          // A decision hands over along its exits: each actor it names must do the step of one exit
          // (unless an exit leads to a step the table lacks, lost pages for one).
          if (step.decision.exits.length > edges.length) return;
          for (const handed of handovers) {
            if (next.length > 0 && reaches(handed)) continue;
            const { phrase, end } = clauseOf(step.kegiatan.text, handed, mentions);
            const exits = edges
              .map((edge) => `${edge.label ?? '?'} -> ${procedure.steps[edge.to].number ?? '?'} (${doneBy(procedure.steps[edge.to]) || '?'})`)
              .join(', ');
            context.report({
              span: phraseSpan(handed.start, end),
              message: localized(
                `Langkah keputusan ${number} menyerahkan pekerjaan kepada ${handed.to.label} ('${phrase}'), tetapi tidak ada cabangnya yang menuju langkah ${handed.to.label}: ${exits}.`,
                `Decision step ${number} hands the work to ${handed.to.label} ('${phrase}'), but none of its exits leads to a step of ${handed.to.label}: ${exits}.`,
              ),
              hint: localized(
                `arahkan cabang itu ke langkah yang dikerjakan ${handed.to.label} ([${handed.to.id}]), atau perbaiki nama pelaksana di Kegiatan ini`,
                `point that exit at a step ${handed.to.label} does ([${handed.to.id}]), or correct the name in this Kegiatan`,
              ),
              related: step.decision ? [{ span: step.decision.span, message: localized('cabang-cabangnya', 'its exits') }] : undefined,
            });
          }
        });
      },
    };
  },
};
