import type { Procedure, Step } from '../../ast/types.js';
import type { FlowEdge } from '../../resolve/flow-graph.js';
import { localized } from '../../diagnostics/diagnostic.js';
import type { FileRule } from '../rule.js';
import { ActorMentions } from '../../resolve/actor-mentions.js';

const CONDITION = /\b(jika|bila|apabila|kalau)\b/i;
const NEGATIVE = /\b(tidak setuju|tidak sesuai|tidak lengkap|jika tidak|bila tidak|apabila tidak|perlu perbaikan|dikembalikan|ditolak)\b/i;
/** "bila ringan ..., bila berat ...", "dalam hal ..., dalam hal ...": one case per clause. */
const CASE = /(?:^|[,;.:]\s*|\s)(?:jika|bila|apabila|kalau|dalam hal)\s+((?:[^\s,;.:]+\s*){1,6})/gi;
/** Words that say what is judged, not the case: "bila hasil identifikasi masalahnya ringan" is the case "ringan". */
const SUBJECT =
  /^(?:sudah|telah|ada|memang|masih|hasil(?:nya)?|identifikasi|pemeriksaan(?:nya)?|masalah(?:nya)?|kasus(?:nya)?|pasien|permohonan(?:nya)?|berkas(?:nya)?|dokumen(?:nya)?|kondisi(?:nya)?|keadaan(?:nya)?|data(?:nya)?)$/i;
/** Where the case ends and what happens in it begins. */
const CONSEQUENCE = /^(?:akan|langsung|maka|segera|dapat|harus|perlu|(?:di|me|ber|ter)\p{L}{4,})$/iu;

/** The case a clause names: its words after the subject, up to the verb ("tindakan medis dibawa" → "tindakan medis"). */
function caseLabel(clause: string): string {
  const words = clause.trim().split(/\s+/);
  let at = 0;
  while (at < words.length - 1 && SUBJECT.test(words[at])) at++;
  const label = [words[at]];
  if (at + 1 < words.length && !CONSEQUENCE.test(words[at + 1]) && !SUBJECT.test(words[at + 1])) label.push(words[at + 1]);
  return label.join(' ').toLowerCase();
}

/** The cases of a multi-way choice written in prose, when there are two or more different ones. */
function proseCases(text: string): string[] {
  const cases: string[] = [];
  for (const match of text.matchAll(CASE)) {
    const label = caseLabel(match[1]);
    if (label && !cases.includes(label)) cases.push(label);
  }
  return cases.length >= 2 && !cases.some((c) => c.startsWith('tidak')) ? cases : [];
}

const RETURNED_TO = /dikembalikan\s+(?:kepada|ke)\s+([^,.;]+?)(?=\s+untuk\b|[,.;]|$)/i;

/** "prosedur berhenti", "proses dihentikan": the rejecting exit ends the procedure. */
const ENDS = /\b(?:prosedur|proses|alur|layanan|pelayanan)(?:\s+(?:ini|pelayanan|permohonan))?\s+(?:selesai|berhenti|berakhir|dihentikan)\b/i;
/** "kembali ke langkah 2": the rejecting exit goes to that step. */
const BACK_TO_STEP = /\bkembali\s+ke\s+(?:langkah|kegiatan|tahap)\s+(?:no\.?\s*|nomor\s+)?(\d+)\b/i;

/** Whether this rule reports the step: a Kegiatan describing a decision on a step without 'Keputusan:'. */
export function describesUnmodelledDecision(step: Step): boolean {
  if (step.decision) return false;
  const text = step.kegiatan.text;
  return (CONDITION.test(text) && NEGATIVE.test(text)) || proseCases(text).length >= 2;
}

const normalized = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Whether the condition a Kegiatan states is the label of a decision exit that leads to this step:
 * "menghubungi admin jika tidak sesuai tupoksi" on the step that step 1's exit "tidak sesuai tupoksi"
 * goes to says when the step applies, not a new decision.
 */
function conditionOfIncomingExit(step: Step, incoming: FlowEdge[]): boolean {
  const text = ` ${normalized(step.kegiatan.text)} `;
  return incoming.some((edge) => {
    if (edge.via !== 'exit' || !edge.label) return false;
    const label = normalized(edge.label);
    const at = text.indexOf(` ${label} `);
    // A bare "Ya"/"Tidak" names no condition the text could be repeating.
    return label.includes(' ') && at >= 0 && /(?:^|\s)(?:jika|bila|apabila|kalau|dalam hal)$/.test(text.slice(0, at));
  });
}

/** The earlier step performed by the actor a text says the work is "dikembalikan kepada". */
function returnTarget(text: string, index: number, procedure: Procedure): Step | undefined {
  const match = RETURNED_TO.exec(text);
  if (!match) return undefined;
  const actor = new ActorMentions(procedure.actors).atStart(match[1]);
  if (!actor) return undefined;
  return procedure.steps
    .slice(0, index)
    .reverse()
    .find((s) => s.actors.some((r) => r.id.toLowerCase() === actor.id.toLowerCase()));
}

/** A step whose Kegiatan describes a decision ("jika setuju ..., jika tidak ...") that is not modelled. */
export const implicitDecision: FileRule = {
  meta: {
    id: 'flow/implicit-decision',
    description: localized(
      'Kegiatan menggambarkan keputusan tetapi langkahnya tidak punya Keputusan.',
      'A Kegiatan describes a decision that the step does not model.',
    ),
    rationale: localized(
      '"Jika setuju ..., jika tidak dikembalikan ..." adalah belah ketupat dengan cabang Ya/Tidak; tanpa Keputusan bagan menggambar kotak biasa dan jalur perbaikan hilang.',
      '"Jika setuju ..., jika tidak dikembalikan ..." is a diamond with Ya/Tidak exits; without Keputusan the chart draws a plain box and the correction path is lost.',
    ),
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: false,
  },
  create(context) {
    return {
      step({ step, index, procedure, graph }) {
        if (!describesUnmodelledDecision(step) || conditionOfIncomingExit(step, graph.incoming[index])) return;
        const text = step.kegiatan.text;
        const cases = proseCases(text);
        if (cases.length >= 2 && !NEGATIVE.test(text)) {
          const suggestion = `Keputusan: ${cases.map((c) => `${c[0].toUpperCase()}${c.slice(1)} -> ?`).join(', ')}`;
          context.report({
            span: step.kegiatan.span,
            message: localized(
              `Kegiatan langkah ${step.number ?? '?'} menggambarkan pilihan ${cases.length} kasus (${cases.map((c) => `"${c}"`).join(', ')}), tetapi langkah ini tidak punya 'Keputusan:'.`,
              `The Kegiatan of step ${step.number ?? '?'} describes a choice between ${cases.length} cases (${cases.map((c) => `"${c}"`).join(', ')}), but the step has no 'Keputusan:'.`,
            ),
            hint: localized(`tambahkan '${suggestion}' dengan nomor langkah tiap kasus`, `add '${suggestion}' with each case's step number`),
          });
          return;
        }
        const next = procedure.steps[index + 1]?.number;
        const back = returnTarget(text, index, procedure)?.number ?? BACK_TO_STEP.exec(text)?.[1] ?? (ENDS.test(text) ? 'selesai' : undefined);
        const suggestion = `Keputusan: Ya -> ${next ?? 'N'}, Tidak -> ${back ?? 'N'}`;
        context.report({
          span: step.kegiatan.span,
          message: localized(
            `Kegiatan langkah ${step.number ?? '?'} menggambarkan keputusan ("jika ... tidak ..."), tetapi langkah ini tidak punya 'Keputusan:'.`,
            `The Kegiatan of step ${step.number ?? '?'} describes a decision ("jika ... tidak ..."), but the step has no 'Keputusan:'.`,
          ),
          hint: localized(`tambahkan '${suggestion}'`, `add '${suggestion}'`),
        });
      },
    };
  },
};
