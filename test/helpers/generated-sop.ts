/**
 * Random valid SOPs for the renderers' property tests: up to 9 actors, long texts, many returns,
 * decisions of two or three exits and of several actors, jumps ahead, early ends, and (when asked)
 * a range of steps lost in the source. Every generated file parses without a syntax finding.
 */
import fc from 'fast-check';

/** Words of SOP prose, with the hard cases: a 37-letter word, markup, quotes, an ampersand. */
export const SOP_WORDS = [
  'Memeriksa',
  'telaahan',
  'dan',
  'meneruskan',
  'kepada',
  'Kabid',
  'jika',
  'setuju',
  'Kasubbid',
  'Mengetik',
  'surat',
  'Pemberdayaan',
  'Masyarakatdanperempuankotabanjarmasin',
  'Perundang-undangan',
  'Permenpan',
  'No.',
  '35',
  'Tahun',
  '2012',
  'SOP-307/BKBPM',
  '(lima)',
  'hari,',
  'kerja;',
  '<b>',
  '&',
  '"x"',
];
const words = (max: number) => fc.array(fc.constantFrom(...SOP_WORDS), { minLength: 1, maxLength: max }).map((w) => w.join(' '));
const LABELS = ['Ya', 'Tidak', 'Lengkap', 'Tidak lengkap', 'Setuju', 'Perbaiki', 'Tolak', 'tidak memenuhi syarat', 'sesuai tupoksi', 'Ragu'];
const ACTOR_NAMES = ['Kepala Badan', 'Sekretaris', 'Kabid', 'Kasubbid', 'Bendahara Pengeluaran', 'JFU', 'Kasubbag Umum dan Kepegawaian', 'Staf', 'Pemohon'];

/** Where a flow goes: a step by its place in the table (1-based), or the end. */
export type Target = number | 'selesai';

export interface GeneratedStep {
  /** Indices into the procedure's actors. */
  actors: number[];
  kegiatan: string;
  output?: string;
  kelengkapan?: string;
  waktu?: string;
  keterangan?: string;
  /** Keputusan: two or three labelled exits. */
  exits?: Array<{ label: string; to: Target }>;
  /** Lanjut: a jump, a return or an early end. */
  next?: Target;
}

export interface GeneratedSop {
  actors: string[];
  steps: GeneratedStep[];
  /** Steps lost in the source: `count` numbers after the step at `after` (1-based place) are missing. */
  lost?: { after: number; count: number };
}

/** A target for step `index` (0-based) of `count`: mostly back (returns), else ahead or the end. */
const target = (index: number, count: number): fc.Arbitrary<Target> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 1, max: index + 1 }) },
    { weight: 2, arbitrary: fc.integer({ min: Math.min(index + 2, count), max: count }) },
    { weight: 1, arbitrary: fc.constant('selesai' as const) },
  );

const step = (index: number, count: number, actors: number): fc.Arbitrary<GeneratedStep> =>
  fc
    .record({
      actors: fc.uniqueArray(fc.integer({ min: 0, max: actors - 1 }), { minLength: 1, maxLength: Math.min(3, actors) }),
      kegiatan: words(40),
      output: fc.option(words(12), { nil: undefined }),
      kelengkapan: fc.option(words(12), { nil: undefined }),
      waktu: fc.option(fc.constantFrom('5 menit', '1 hari', '15 menit', '2 hari kerja'), { nil: undefined }),
      keterangan: fc.option(words(10), { nil: undefined }),
      flow: fc.oneof(
        { weight: 3, arbitrary: fc.constant(undefined) },
        {
          weight: 3,
          arbitrary: fc
            .uniqueArray(fc.constantFrom(...LABELS), { minLength: 2, maxLength: 3 })
            .chain((labels) => fc.tuple(...labels.map((label) => target(index, count).map((to) => ({ label, to }))))),
        },
        { weight: 1, arbitrary: target(index, count) },
      ),
    })
    .map(({ flow, ...rest }) => (Array.isArray(flow) ? { ...rest, exits: flow } : flow === undefined ? rest : { ...rest, next: flow }));

/** A procedure of 2-`maxSteps` steps; with `lostSteps`, sometimes a range of steps lost in the source. */
export function generatedSop({ maxSteps = 24, lostSteps = false }: { maxSteps?: number; lostSteps?: boolean } = {}): fc.Arbitrary<GeneratedSop> {
  return fc.record({ actors: fc.integer({ min: 1, max: 9 }), steps: fc.integer({ min: 2, max: maxSteps }) }).chain(({ actors, steps }) =>
    fc.record({
      actors: fc.shuffledSubarray(ACTOR_NAMES, { minLength: actors, maxLength: actors }),
      steps: fc.tuple(...Array.from({ length: steps }, (_, i) => step(i, steps, actors))),
      lost: lostSteps
        ? fc.option(fc.record({ after: fc.integer({ min: 1, max: steps }), count: fc.integer({ min: 1, max: 3 }) }), { nil: undefined })
        : fc.constant(undefined),
    }),
  );
}

/** The step number printed for the step at place `place` (1-based): numbers skip the lost range. */
export function stepNumber(sop: GeneratedSop, place: number): number {
  return sop.lost && place > sop.lost.after ? place + sop.lost.count : place;
}

/** The generated SOP as a .sop file. */
export function generatedSopText(sop: GeneratedSop): string {
  const to = (t: Target) => (t === 'selesai' ? t : String(stepNumber(sop, t)));
  const lines = ['Nomor SOP: SOP-999/UJI', 'Judul SOP: Dibangkitkan', 'Prosedur: Acak', 'Pelaksana:'];
  sop.actors.forEach((name, a) => lines.push(`  p${a} = ${name}`));
  sop.steps.forEach((s, i) => {
    lines.push(`  ${stepNumber(sop, i + 1)}. [${s.actors.map((a) => `p${a}`).join(', ')}] ${s.kegiatan}`);
    if (s.kelengkapan) lines.push(`     Kelengkapan: ${s.kelengkapan}`);
    if (s.waktu) lines.push(`     Waktu: ${s.waktu}`);
    if (s.output) lines.push(`     Output: ${s.output}`);
    if (s.keterangan) lines.push(`     Keterangan: ${s.keterangan}`);
    if (s.exits) lines.push(`     Keputusan: ${s.exits.map((e) => `${e.label} -> ${to(e.to)}`).join(', ')}`);
    if (s.next !== undefined) lines.push(`     Lanjut: ${to(s.next)}`);
    if (sop.lost?.after === i + 1) {
      const from = i + 2;
      lines.push(i + 1 === sop.steps.length ? `Hilang: ${from}-?` : `Hilang: ${from}-${from + sop.lost.count - 1}`);
    }
  });
  return `${lines.join('\n')}\n`;
}
