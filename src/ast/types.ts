/**
 * The typed AST of one .sop file. Every node carries the span of the source it came from
 * (offsets; lines and columns are computed by SourceFile when a finding is printed).
 */
import type { Span } from '../diagnostics/source.js';
import type { IdentityKey } from '../syntax/labels.js';

export type { Span };

/** What the source says about a cell: `(kosong)` empty in the source, `(hilang)` lost. */
export type Marker = 'kosong' | 'hilang';

export interface TextNode {
  text: string;
  span: Span;
}

/** A value as written: its text (continuation lines joined by single spaces) and/or its `- ` items. */
export interface FieldValue {
  /** The label as written in the file ("Nama SOP"), for messages that quote the author. */
  label: TextNode;
  /** Text on the label's line and its continuation lines; null when there is none. */
  text: TextNode | null;
  /** `- ` items; for Kelengkapan/Output also the parts of "A, B dan C". */
  items: TextNode[];
  marker?: Marker;
  /**
   * A placeholder written where the value belongs ("......./SOP/PROKOPIM/.........", "-", "…",
   * "___"): the field counts as empty (text null) and this is what was written.
   */
  placeholder?: TextNode;
  span: Span;
}

export interface DateField extends FieldValue {
  /** ISO date (YYYY-MM-DD) when the text is a valid date, else null. */
  date: string | null;
}

export interface Reference {
  /** "SOP Surat Keluar", "SOP-405/BKBPM" */
  text: string;
  kind: 'title' | 'number';
  span: Span;
}

export interface ReferenceListField extends FieldValue {
  references: Reference[];
}

export interface Identity {
  /** `Identitas: (hilang)`: the source has no identity sheet. */
  missing: boolean;
  instansi?: FieldValue;
  unitKerja?: FieldValue;
  nomor?: FieldValue;
  tanggalPembuatan?: DateField;
  tanggalRevisi?: DateField;
  tanggalEfektif?: DateField;
  disahkanOleh?: FieldValue;
  namaPengesah?: FieldValue;
  nipPengesah?: FieldValue;
  judul?: FieldValue;
  dasarHukum?: FieldValue;
  kualifikasiPelaksana?: FieldValue;
  keterkaitan?: ReferenceListField;
  peralatan?: FieldValue;
  peringatan?: FieldValue;
  pencatatan?: FieldValue;
  paraf?: FieldValue;
  masukanLuar?: FieldValue;
  /** `No. Revisi:` the revision number as written ("0", "01", "REV.02"). */
  revisi?: FieldValue;
  tujuan?: FieldValue;
  /** Text or a list. */
  ruangLingkup?: FieldValue;
  /** A list of terms ("- Istilah: arti"); each item is prose. */
  definisi?: FieldValue;
  /** Administrative requirements of the whole procedure (under a step, `Persyaratan:` is its Kelengkapan). */
  persyaratan?: FieldValue;
  /** Sheet-level notes, text or a list. */
  catatanPelaksanaan?: FieldValue;
  /** The office's logo for the printed form: a path relative to the .sop file (PNG, JPEG or SVG). */
  logo?: FieldValue;
  identitas?: FieldValue;
}

/** Every identity key names a field of the sheet (a FieldValue or a refinement of it). */
export type IdentityFields = { [K in IdentityKey]?: FieldValue };

/** One identity field by its key, for code that walks the sheet in label order. */
export function identityField(identity: Identity & IdentityFields, key: IdentityKey): FieldValue | undefined {
  return identity[key];
}

export interface Actor {
  id: string;
  label: string;
  span: Span;
  idSpan: Span;
}

export interface ActorRef {
  /** The id as written; `?` for an actor the source does not let anyone read (`[?]`). */
  id: string;
  span: Span;
}

/** The id of an actor the source has lost: `[?]`. */
export const UNKNOWN_ACTOR_ID = '?';

export type TimeUnit = 'menit' | 'jam' | 'jam kerja' | 'hari' | 'hari kerja' | 'minggu' | 'bulan';

/** A number and a unit, or "Seketika" / "Menyesuaikan". */
export type Duration = { amount: number; unit: TimeUnit } | { special: 'seketika' | 'menyesuaikan' };

/** One of the times a Waktu offers ("120 menit / 3 hari"), with its qualifier ("paling lama"). */
export interface WaktuAlternative {
  text: string;
  duration: Duration | null;
  qualifier?: string;
}

export interface WaktuField extends FieldValue {
  /**
   * The (first alternative's) number and unit, "Seketika", "Menyesuaikan", or null when the text
   * (or any of its alternatives) does not parse. Totals add this one.
   */
  duration: Duration | null;
  /** What qualifies the time: "Seketika (otomatis)" → "otomatis", "paling lama 3 hari" → "paling lama". */
  qualifier?: string;
  /** Every alternative, when the Waktu offers several ("120 menit / 3 hari"). */
  alternatives?: WaktuAlternative[];
}

export interface KeteranganField extends FieldValue {
  references: Reference[];
}

/**
 * Where a flow goes: a step by its number, the end of the procedure (`selesai`), or a target the
 * source has lost (`?`).
 */
export type FlowTarget = { kind: 'step'; number: number; span: Span } | { kind: 'end'; span: Span } | { kind: 'unknown'; span: Span };

export interface DecisionExit {
  /** "Ya", "Tidak", "Tidak lengkap"; null when the exit was written without a label. */
  label: string | null;
  /** The target step's number; null when the exit goes to `selesai` or `?` (see `to`). */
  target: number | null;
  /** Where the exit goes. */
  to: FlowTarget;
  span: Span;
  targetSpan: Span;
}

/** `Lanjut: 14, 15`: where a step goes when that is not the step written below it. */
export interface NextSteps {
  targets: FlowTarget[];
  span: Span;
}

export interface Decision {
  exits: DecisionExit[];
  span: Span;
}

export type SymbolKind = 'terminator' | 'process' | 'decision';

export interface Step {
  /** The number as written; null for a step that has no number in the source (`?.`). */
  number: number | null;
  numberSpan: Span;
  actors: ActorRef[];
  /** The Kegiatan column. */
  kegiatan: TextNode;
  kelengkapan?: FieldValue;
  waktu?: WaktuField;
  output?: FieldValue;
  keterangan?: KeteranganField;
  /** `Catatan:` a note for this step, printed in Keterangan beside the step's Keterangan. */
  catatan?: FieldValue;
  decision?: Decision;
  /** `Lanjut:`: the step's next step(s), the end of the procedure, or a lost target. */
  next?: NextSteps;
  /** The symbol written with `Simbol:`, if any. */
  explicitSymbol?: SymbolKind;
  /**
   * The flowchart symbol: explicit, else decision with Keputusan, else terminator for the first step,
   * the last one (unless its `Lanjut:` goes on to a step) and one with `Lanjut: selesai`, else process.
   */
  symbol: SymbolKind;
  span: Span;
}

export interface MissingSteps {
  from: number;
  /** null: to the unknown end of the table (`Hilang: 12-?`). */
  to: number | null;
  note: string | null;
  span: Span;
}

export interface Procedure {
  title: TextNode | null;
  titleMarker?: Marker;
  /** Actor columns declared under this procedure, else those declared before the first procedure. */
  actors: Actor[];
  actorsInherited: boolean;
  steps: Step[];
  missing: MissingSteps[];
  span: Span;
  labelSpan: Span;
}

export interface Comment {
  text: string;
  span: Span;
}

export interface SuppressionDirective {
  kind: 'next-line' | 'file';
  ruleIds: string[];
  reason: string | null;
  /** The 1-based lines the directive covers (next-line), or null for the whole file. */
  appliesToLine: number | null;
  appliesToEndLine: number | null;
  span: Span;
}

export interface SopDocument {
  kind: 'SopDocument';
  /** Repo-relative path, POSIX slashes. */
  file: string;
  identity: Identity;
  procedures: Procedure[];
  comments: Comment[];
  directives: SuppressionDirective[];
  span: Span;
}
