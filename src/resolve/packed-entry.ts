/**
 * Index entries packed for a run over a large book (`lintStreamed`: 100,000 SOPs): an entry as
 * phase 1 makes it is some 11 KB of small objects (a location, a cell, a label each an object, each
 * text a string of its own); packed, it is numbers in a shared Int32Array, one string per entry for
 * its own texts (title, number, cells) and, for the words a book repeats (actor labels, subject
 * stems, references), one interned string per run: about 1.5 KB. A packed entry reads like any
 * other (its fields are getters building the objects when asked), so corpus rules need not know.
 *
 * Editors keep entries unpacked: the language server compares an entry with the last one field by
 * field (src/lsp/corpus-phase.ts), which needs the places as objects.
 */
import type { Reference, SuppressionDirective } from '../ast/types.js';
import type { ActorLabel, ContentCell, SopContent } from './sop-content.js';
import type { IndexedReference, IndexedText, IndexEntry, ListEnd, Location } from './corpus-index.js';

/** Numbers per chunk of the store (4 MB); an entry never spans two chunks. */
const CHUNK = 1 << 20;
const FIELDS: ContentCell['field'][] = ['kegiatan', 'kelengkapan', 'output'];
const KINDS: Reference['kind'][] = ['title', 'number'];
const NONE: never[] = [];
const KETERKAITAN = { kind: 'keterkaitan' } as const;

/** Where packed entries keep their numbers and their shared strings: one per run. */
export class EntryStore {
  private chunk = new Int32Array(CHUNK);
  private used = 0;
  /** Bytes of numbers stored (chunks are allocated ahead of them). */
  bytes = 0;
  private readonly ids = new Map<string, number>();
  readonly strings: string[] = [];

  intern(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.strings.length;
      this.ids.set(text, id);
      this.strings.push(text);
    }
    return id;
  }

  /** Copies `numbers` into the store: the chunk and the place they start at. */
  put(numbers: number[]): { data: Int32Array; at: number } {
    if (this.used + numbers.length > this.chunk.length) {
      this.chunk = new Int32Array(Math.max(CHUNK, numbers.length));
      this.used = 0;
    }
    const at = this.used;
    this.chunk.set(numbers, at);
    this.used += numbers.length;
    this.bytes += numbers.length * 4;
    return { data: this.chunk, at };
  }
}

// Flags of an entry's first number.
const HAS_NUMBER = 1;
const HAS_DIGITS = 2;
const HAS_UNIT = 4;
const HAS_TITLE = 8;
const IDENTITY_MISSING = 16;
const HAS_LIST_END = 32;
const HAS_CONTENT = 64;
// Fixed places after the flags: where the references and the content start, then the fields.
const REFERENCES_AT = 1;
const SUBJECTS_AT = 2;
const LABELS_AT = 3;
const CELLS_AT = 4;
const FILE_START = 5;
const NUMBER = FILE_START + 6; // text start, end, location
const DIGITS = NUMBER + 8; // text start, end
const UNIT = DIGITS + 2; // text start, end, location
const TITLE = UNIT + 8; // text start, end, location
const LIST_END = TITLE + 8; // offset, indent start, end, eol start, end

const isInt32 = (n: number) => (n | 0) === n;

/**
 * The entry packed into `store`, or the entry itself when a number does not fit in 32 bits (a step
 * numbered past 2^27, say): such an entry costs its usual size, and reads the same.
 */
export function packEntry(entry: IndexEntry, store: EntryStore): IndexEntry {
  const texts: string[] = [];
  let length = 0;
  /** A text of this entry: its start and end in the entry's one string. */
  const text = (value: string): [number, number] => {
    texts.push(value);
    length += value.length;
    return [length - value.length, length];
  };
  const location = (l: Location) => [l.offset, l.endOffset, l.line, l.column, l.endLine, l.endColumn];
  const indexed = (t: IndexedText | undefined) => (t ? [...text(t.text), ...location(t.location)] : [0, 0, 0, 0, 0, 0, 0, 0]);
  const end = entry.keterkaitanEnd;
  const content = entry.content;
  const flags =
    (entry.number ? HAS_NUMBER : 0) |
    (entry.numberDigits !== undefined ? HAS_DIGITS : 0) |
    (entry.unitCode ? HAS_UNIT : 0) |
    (entry.title ? HAS_TITLE : 0) |
    (entry.identityMissing ? IDENTITY_MISSING : 0) |
    (end ? HAS_LIST_END : 0) |
    (content ? HAS_CONTENT : 0);
  const numbers: number[] = [flags, 0, 0, 0, 0, ...location(entry.fileStart), ...indexed(entry.number)];
  numbers.push(...(entry.numberDigits !== undefined ? text(entry.numberDigits) : [0, 0]), ...indexed(entry.unitCode), ...indexed(entry.title));
  numbers.push(...(end ? [end.offset, ...text(end.indent), ...text(end.eol)] : [0, 0, 0, 0, 0]));
  numbers[REFERENCES_AT] = numbers.length;
  numbers.push(entry.references.length);
  for (const r of entry.references) {
    const step = r.origin.kind === 'step' ? r.origin.stepNumber : 0;
    const origin = r.origin.kind === 'keterkaitan' ? 0 : step === null ? 2 : 1;
    numbers.push(store.intern(r.text), KINDS.indexOf(r.kind), ...location(r.location), origin, step ?? 0);
  }
  if (content) {
    numbers[SUBJECTS_AT] = numbers.length;
    numbers.push(content.subjects.length);
    for (const subject of content.subjects) numbers.push(subject.length, ...subject.map((stem) => store.intern(stem)));
    numbers[LABELS_AT] = numbers.length;
    numbers.push(content.actorLabels.length);
    for (const a of content.actorLabels) numbers.push(store.intern(a.label), ...location(a.location));
    numbers[CELLS_AT] = numbers.length;
    numbers.push(content.cells.length);
    for (const c of content.cells) {
      // The step number and the field in one number: three bits of field (and "no number"), the step above.
      const step = c.stepNumber ?? 0;
      if (step < 0 || step >= 1 << 27) return entry;
      numbers.push(step * 8 + FIELDS.indexOf(c.field) + (c.stepNumber === null ? 4 : 0), ...text(c.text), c.offset, c.line, c.column);
    }
  }
  if (!numbers.every(isInt32)) return entry;
  const { data, at } = store.put(numbers);
  // One flat string (join copies): it refers to none of the texts it was made of.
  return new PackedEntry(entry.file, store, data, at, texts.join(''), entry.directives, entry.directiveLocations);
}

class PackedEntry implements IndexEntry {
  readonly directives: SuppressionDirective[];
  readonly directiveLocations: Location[];

  constructor(
    readonly file: string,
    private readonly store: EntryStore,
    private readonly data: Int32Array,
    private readonly at: number,
    private readonly text: string,
    directives: SuppressionDirective[],
    directiveLocations: Location[],
  ) {
    this.directives = directives.length ? directives : NONE;
    this.directiveLocations = directiveLocations.length ? directiveLocations : NONE;
  }

  private has(flag: number): boolean {
    return (this.data[this.at] & flag) !== 0;
  }

  private location(i: number): Location {
    const d = this.data;
    const at = this.at + i;
    return { offset: d[at], endOffset: d[at + 1], line: d[at + 2], column: d[at + 3], endLine: d[at + 4], endColumn: d[at + 5] };
  }

  private slice(i: number): string {
    return this.text.slice(this.data[this.at + i], this.data[this.at + i + 1]);
  }

  private indexed(flag: number, i: number): IndexedText | undefined {
    return this.has(flag) ? { text: this.slice(i), location: this.location(i + 2) } : undefined;
  }

  get number(): IndexedText | undefined {
    return this.indexed(HAS_NUMBER, NUMBER);
  }

  get numberDigits(): string | undefined {
    return this.has(HAS_DIGITS) ? this.slice(DIGITS) : undefined;
  }

  get unitCode(): IndexedText | undefined {
    return this.indexed(HAS_UNIT, UNIT);
  }

  get title(): IndexedText | undefined {
    return this.indexed(HAS_TITLE, TITLE);
  }

  get identityMissing(): boolean {
    return this.has(IDENTITY_MISSING);
  }

  get fileStart(): Location {
    return this.location(FILE_START);
  }

  get keterkaitanEnd(): ListEnd | undefined {
    if (!this.has(HAS_LIST_END)) return undefined;
    return { offset: this.data[this.at + LIST_END], indent: this.slice(LIST_END + 1), eol: this.slice(LIST_END + 3) };
  }

  get references(): IndexedReference[] {
    const d = this.data;
    let i = this.at + d[this.at + REFERENCES_AT];
    const references: IndexedReference[] = [];
    for (let n = d[i++]; n > 0; n--, i += 10) {
      const origin = d[i + 8];
      references.push({
        text: this.store.strings[d[i]],
        kind: KINDS[d[i + 1]],
        location: this.location(i + 2 - this.at),
        origin: origin === 0 ? KETERKAITAN : { kind: 'step', stepNumber: origin === 2 ? null : d[i + 9] },
      });
    }
    return references;
  }

  get content(): SopContent | undefined {
    if (!this.has(HAS_CONTENT)) return undefined;
    // Each part is read when asked for: a rule may need the subjects of every SOP, and the cells of one.
    const entry = this;
    return {
      get subjects() {
        return entry.subjects();
      },
      get actorLabels() {
        return entry.actorLabels();
      },
      get cells() {
        return entry.cells();
      },
    };
  }

  private subjects(): string[][] {
    const d = this.data;
    let i = this.at + d[this.at + SUBJECTS_AT];
    const subjects: string[][] = [];
    for (let n = d[i++]; n > 0; n--) {
      const stems: string[] = [];
      for (let k = d[i++]; k > 0; k--) stems.push(this.store.strings[d[i++]]);
      subjects.push(stems);
    }
    return subjects;
  }

  private actorLabels(): ActorLabel[] {
    const d = this.data;
    let i = this.at + d[this.at + LABELS_AT];
    const labels: ActorLabel[] = [];
    for (let n = d[i++]; n > 0; n--, i += 7) labels.push({ label: this.store.strings[d[i]], location: this.location(i + 1 - this.at) });
    return labels;
  }

  private cells(): ContentCell[] {
    const d = this.data;
    let i = this.at + d[this.at + CELLS_AT];
    const cells: ContentCell[] = [];
    for (let n = d[i++]; n > 0; n--, i += 6) {
      const code = d[i];
      cells.push({
        stepNumber: code & 4 ? null : code >>> 3,
        field: FIELDS[code & 3],
        text: this.text.slice(d[i + 1], d[i + 2]),
        offset: d[i + 3],
        line: d[i + 4],
        column: d[i + 5],
      });
    }
    return cells;
  }
}
