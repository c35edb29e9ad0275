import type { Actor, Step } from '../../ast/types.js';
import { localized, type Localized } from '../../diagnostics/diagnostic.js';
import { ActorMentions } from '../../resolve/actor-mentions.js';
import type { FlowGraph } from '../../resolve/flow-graph.js';
import { sourceOffsetOf } from '../../ast/values.js';
import type { FileRule } from '../rule.js';
import { describesUnmodelledDecision } from './implicit-decision.js';

/**
 * "kembali ke langkah 2", "dilanjutkan ke langkah no. 14", "diulang dari kegiatan 3", "kembali ke
 * langkah sebelumnya": a verb of going on or back, then the step it names.
 */
const TO_STEP =
  /\b(?:kembali|dikembalikan|mengembalikan(?:nya)?|lanjut|dilanjutkan|melanjutkan|diteruskan|meneruskan|menuju|beralih|diulang|diulangi|mengulang|ulangi)\b(?:\s+(?:lagi|lah|proses(?:nya)?|berkas(?:nya)?|prosesnya))?\s+(?:(?:ke|kepada|pada|dari|dengan)\s+)?(?:langkah|kegiatan|tahap(?:an)?|nomor|no\.?|butir)\s*(?:(?:ke-?\s*|nomor\s+|no\.?\s*)?(\d+)\b|(sebelumnya|semula|awal))/gi;

/** "prosedur selesai", "proses berhenti", "pelayanan dihentikan", "prosedur berakhir". */
const ENDS =
  /\b(?:prosedur|proses|alur|layanan|pelayanan)(?:\s+(?:ini|pelayanan|permohonan))?\s+(?:selesai|berhenti|berakhir|dihentikan|dinyatakan\s+selesai)\b/gi;
/** "setelah proses selesai": a time, not the end of the procedure. */
const WHEN_BEFORE = /\b(?:setelah|sesudah|sebelum|hingga|sampai|menunggu|agar|supaya|untuk|sehingga|bahwa)\s+(?:\S+\s+){0,1}$/i;

/** "dikembalikan kepada JFU Subbid untuk diperbaiki": the work goes back to that actor's earlier step. */
const RETURNED = /\b(?:dikembalikan|mengembalikan(?:nya)?|kembalikan)\s+(?:lagi\s+)?(?:\S+\s+)?(?:kepada|ke)\s+/gi;
const FOR_CORRECTION = /^[^.;]*?\buntuk\s+(?:di)?(?:perbaiki|koreksi|lengkapi|revisi|sempurnakan|diperbaiki)/i;

interface Claim {
  /** Where the words stand in the Kegiatan text. */
  start: number;
  end: number;
  phrase: string;
  /** The steps the text sends the work to (any one of them will do), or 'end'. */
  expected: { kind: 'steps'; steps: number[]; name: Localized } | { kind: 'end' };
}

const stepName = (step: Step) => (step.number === null ? '?' : String(step.number));

function claimsOf(step: Step, index: number, graph: FlowGraph, mentions: ActorMentions): Claim[] {
  const text = step.kegiatan.text;
  const claims: Claim[] = [];
  const byNumber = (n: number) => graph.indexOfNumber(n);
  TO_STEP.lastIndex = 0;
  for (let m = TO_STEP.exec(text); m; m = TO_STEP.exec(text)) {
    let target: number | undefined;
    if (m[1]) target = byNumber(Number(m[1]));
    else if (/sebelumnya/i.test(m[2])) target = index > 0 ? index - 1 : undefined;
    else target = 0; // "ke langkah awal/semula": the first step
    // A step the table does not have (lost pages, a slip of the number) is another rule's business.
    if (target === undefined || target === index) continue;
    const name = stepName(graph.steps[target]);
    claims.push({
      start: m.index,
      end: m.index + m[0].length,
      phrase: m[0],
      expected: { kind: 'steps', steps: [target], name: localized(`langkah ${name}`, `step ${name}`) },
    });
  }
  ENDS.lastIndex = 0;
  for (let m = ENDS.exec(text); m; m = ENDS.exec(text)) {
    if (WHEN_BEFORE.test(text.slice(0, m.index))) continue;
    claims.push({ start: m.index, end: m.index + m[0].length, phrase: m[0], expected: { kind: 'end' } });
  }
  RETURNED.lastIndex = 0;
  for (let m = RETURNED.exec(text); m; m = RETURNED.exec(text)) {
    const at = m.index + m[0].length;
    const actor = mentions.atStart(text, at);
    if (!actor || !FOR_CORRECTION.test(text.slice(at))) continue;
    const earlier = doneBy(graph.steps, actor).filter((i) => i < index);
    if (earlier.length === 0) continue;
    const phraseEnd = at + (FOR_CORRECTION.exec(text.slice(at))?.[0].length ?? 0);
    claims.push({
      start: m.index,
      end: phraseEnd,
      phrase: text.slice(m.index, phraseEnd),
      expected: {
        kind: 'steps',
        steps: earlier,
        name: localized(
          `langkah ${actor.label} sebelumnya (${earlier.map((i) => stepName(graph.steps[i])).join(', ')})`,
          `an earlier step of ${actor.label} (${earlier.map((i) => stepName(graph.steps[i])).join(', ')})`,
        ),
      },
      ...{ actor },
    } as Claim);
  }
  return claims;
}

function doneBy(steps: Step[], actor: Actor): number[] {
  const id = actor.id.toLowerCase();
  return steps.flatMap((s, i) => (s.actors.some((r) => r.id.toLowerCase() === id) ? [i] : []));
}

/** Where the chart takes the step, in words: "to step 4", "to steps 4 and 2", "nowhere (the procedure ends)". */
function chartSays(step: Step, index: number, graph: FlowGraph): Localized {
  const targets = graph.outgoing[index].map((e) => stepName(graph.steps[e.to]));
  const ends = graph.terminalsOf[index].map((t) => (t.kind === 'end' ? 'selesai' : '?'));
  const all = [...targets, ...ends];
  if (all.length === 0) return localized('tidak ke mana pun (prosedur berakhir di sini)', 'nowhere (the procedure ends here)');
  const via = step.decision
    ? localized('cabangnya menuju ', 'its exits lead to ')
    : step.next
      ? localized("'Lanjut:'-nya menuju ", "its 'Lanjut:' leads to ")
      : localized('alurnya menuju ', 'the flow goes to ');
  return localized(`${via.id}${all.join(', ')}`, `${via.en}${all.join(', ')}`);
}

/** A Kegiatan that says where the work goes while the modelled flow goes elsewhere. */
export const textMismatch: FileRule = {
  meta: {
    id: 'flow/text-mismatch',
    description: localized(
      'Kegiatan menyebut ke mana pekerjaan berlanjut, tetapi alur di bagan menuju tempat lain.',
      'A Kegiatan says where the work goes, but the charted flow goes elsewhere.',
    ),
    rationale: localized(
      'Bagan SOP AP digambar dari alur yang dimodelkan (langkah berikutnya, Lanjut, cabang Keputusan), sedangkan pembaca mengikuti teks Kegiatan. Bila teks berkata "kembali ke langkah 2" atau "prosedur selesai" tetapi panah menuju langkah berikutnya, bagan dan teks saling bertentangan dan salah satunya keliru.',
      'The chart of an SOP AP is drawn from the modelled flow (the next step, Lanjut, the Keputusan exits) while readers follow the Kegiatan text. When the text says "kembali ke langkah 2" or "prosedur selesai" but the arrow goes to the next step, chart and text contradict each other and one of them is wrong.',
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
          // An exit to a step on lost pages leaves the flow undecidable.
          if (graph.unresolved.some((u) => u.from === index)) return;
          // "jika ..., jika tidak ..." without 'Keputusan:' is flow/implicit-decision's, whose hint names the exits.
          if (describesUnmodelledDecision(step)) return;
          for (const claim of claimsOf(step, index, graph, mentions)) {
            const outgoing = graph.outgoing[index];
            if (claim.expected.kind === 'steps') {
              const expected = claim.expected.steps;
              if (outgoing.some((e) => expected.includes(e.to))) continue;
              const actor = (claim as Claim & { actor?: Actor }).actor;
              if (actor) {
                // Said already by flow/handover when no exit reaches that actor at all.
                const does = (a: Actor, i: number) => graph.steps[i].actors.some((r) => r.id.toLowerCase() === a.id.toLowerCase());
                const reachesActor = outgoing.some((e) => does(actor, e.to));
                // flow/handover is silent on a step without Keputusan when another actor it names does the next step.
                const othersReach =
                  !step.decision && [...mentions.anywhere(step.kegiatan.text)].some((a) => a !== actor && outgoing.some((e) => does(a, e.to)));
                const handoverSilent = reachesActor || othersReach || (step.decision !== undefined && step.decision.exits.length > outgoing.length);
                if (!handoverSilent) continue;
              }
            } else if (graph.terminalsOf[index].some((t) => t.kind === 'end') || outgoing.length === 0) continue;
            else if (outgoing.every((e) => graph.steps[e.to].symbol === 'terminator' && graph.outgoing[e.to].length === 0)) continue;
            report(claim, step, index);
          }
        });

        function report(claim: Claim, step: Step, index: number): void {
          const number = stepName(step);
          const chart = chartSays(step, index, graph);
          const span = {
            start: sourceOffsetOf(context.source.text, step.kegiatan, claim.start),
            end: sourceOffsetOf(context.source.text, step.kegiatan, claim.end),
          };
          const phrase = claim.phrase.replace(/\s+/g, ' ').trim();
          if (claim.expected.kind === 'end') {
            const fix = step.decision
              ? localized(
                  "arahkan cabang yang menghentikan prosedur ke 'selesai', mis. 'Tidak -> selesai'",
                  "point the exit that stops the procedure at 'selesai', e.g. 'Tidak -> selesai'",
                )
              : localized("tambahkan 'Lanjut: selesai' pada langkah ini, atau perbaiki teksnya", "add 'Lanjut: selesai' to this step, or correct the text");
            context.report({
              span,
              message: localized(
                `Kegiatan langkah ${number} berkata prosedur berakhir ('${phrase}'), tetapi di bagan ${chart.id}.`,
                `The Kegiatan of step ${number} says the procedure ends ('${phrase}'), but in the chart ${chart.en}.`,
              ),
              hint: fix,
            });
            return;
          }
          const target = stepName(graph.steps[claim.expected.steps[claim.expected.steps.length - 1]]);
          const label = step.decision?.exits[step.decision.exits.length - 1]?.label ?? 'Tidak';
          const fix = step.decision
            ? localized(
                `arahkan cabang yang dimaksud ke langkah ${target}, mis. '${label} -> ${target}', atau perbaiki teksnya`,
                `point the exit meant at step ${target}, e.g. '${label} -> ${target}', or correct the text`,
              )
            : localized(
                `tambahkan 'Lanjut: ${target}' (atau 'Keputusan:' bila langkah ini memutuskan), atau perbaiki teksnya`,
                `add 'Lanjut: ${target}' (or 'Keputusan:' if this step decides), or correct the text`,
              );
          context.report({
            span,
            message: localized(
              `Kegiatan langkah ${number} mengirim pekerjaan ke ${claim.expected.name.id} ('${phrase}'), tetapi di bagan ${chart.id}.`,
              `The Kegiatan of step ${number} sends the work to ${claim.expected.name.en} ('${phrase}'), but in the chart ${chart.en}.`,
            ),
            hint: fix,
          });
        }
      },
    };
  },
};
