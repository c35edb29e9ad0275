/**
 * Index entries packed for a run over a large book (`lintStreamed`: 100,000 SOPs). An entry as phase 1
 * makes it is some 11 KB of small objects (a location, a cell, a label each an object, each text a
 * string of its own); packed, it is 16-bit numbers and the bytes of its texts in shared arenas (off
 * the JavaScript heap, where the garbage collector's headroom would multiply them), plus one interned
 * string per run for the words a book repeats (actor labels, subject stems, references). A packed entry
 * reads like any other: its fields are getters that build the objects when asked, so corpus rules
 * need not know.
 *
 * Editors keep entries unpacked: the language server compares an entry with the last one field by
 * field (src/lsp/corpus-phase.ts), which needs the places as objects.
 */
import type { Reference, SuppressionDirective } from '../ast/types.js';
import type { ActorLabel, ContentCell, SopContent } from './sop-content.js';
import type { IndexedReference, IndexedText, IndexEntry, ListEnd, Location } from './corpus-index.js';

/** Elements per chunk of the store; an entry never spans two chunks. */
const CHUNK = 1 << 20;
const FIELDS: ContentCell['field'][] = ['kegiatan', 'kelengkapan', 'output'];
const KINDS: Reference['kind'][] = ['title', 'number'];
const NONE: never[] = [];
const KETERKAITAN = { kind: 'keterkaitan' } as const;
/** Distinct cell texts shared across a run; past them, each entry keeps its cells' texts itself. */
const MAX_CELL_TEXTS = 100_000;
/** A number of 0xFFFF or more takes three slots: this mark, then its high and low 16 bits. */
const WIDE = 0xffff;

/** An append-only arena of chunks of one typed-array kind. */
class Arena<T extends Uint8Array | Uint16Array> {
  private chunk: T;
  private used = 0;
  /** Elements stored (chunks are allocated ahead of them). */
  size = 0;

  constructor(private readonly make: (length: number) => T) {
    this.chunk = make(CHUNK);
  }

  /** Room for `length` elements: the chunk and the place they start at. */
  take(length: number): { data: T; at: number } {
    if (this.used + length > this.chunk.length) {
      this.chunk = this.make(Math.max(CHUNK, length));
      this.used = 0;
    }
    const at = this.used;
    this.used += length;
    this.size += length;
    return { data: this.chunk, at };
  }
}

/** Where packed entries keep their numbers, their texts and the strings they share: one per run. */
export class EntryStore {
  readonly numbers = new Arena((n) => new Uint16Array(n));
  readonly texts = new Arena((n) => Buffer.allocUnsafeSlow(n));
  private readonly ids = new Map<string, number>();
  readonly strings: string[] = [];

  /** Bytes stored: numbers and texts (chunks are allocated ahead of them). */
  get bytes(): number {
    return this.numbers.size * 2 + this.texts.size;
  }

  /**
   * A cell's text as a shared string while the book's vocabulary of cell texts is small (Kelengkapan
   * and Output name the same documents in SOP after SOP): its id plus one, or 0 once the table is
   * full, when the entry keeps the text in its own bytes.
   */
  internCell(text: string): number {
    const id = this.ids.get(text);
    if (id !== undefined) return id + 1;
    if (this.cellTexts >= MAX_CELL_TEXTS) return 0;
    this.cellTexts++;
    return this.intern(text) + 1;
  }

  private cellTexts = 0;

  intern(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.strings.length;
      this.ids.set(text, id);
      this.strings.push(text);
    }
    return id;
  }
}

// Flags of an entry's first number: which of the optional fields follow.
const HAS_NUMBER = 1;
const HAS_DIGITS = 2;
const HAS_UNIT = 4;
const HAS_TITLE = 8;
const IDENTITY_MISSING = 16;
const HAS_LIST_END = 32;
const HAS_CONTENT = 64;
/** The entry's texts are UTF-16 (two bytes a unit), not Latin-1 (one byte a character). */
const WIDE_TEXT = 128;

/**
 * The entry packed into `store`, or the entry itself when a number is not a whole number from 0 to
 * 2^31 (a step numbered past 2^27, say): such an entry costs its usual size, and reads the same.
 */
export function packEntry(entry: IndexEntry, store: EntryStore): IndexEntry {
  const texts: string[] = [];
  let length = 0;
  /** A text of this entry: its start and end in the entry's texts. */
  const text = (value: string): [number, number] => {
    texts.push(value);
    length += value.length;
    return [length - value.length, length];
  };
  const location = (l: Location) => [l.offset, l.endOffset, l.line, l.column, l.endLine, l.endColumn];
  const indexed = (t: IndexedText) => [...text(t.text), ...location(t.location)];
  const end = entry.keterkaitanEnd;
  const content = entry.content;
  const numbers: number[] = [0, 0, ...location(entry.fileStart)];
  let flags = entry.identityMissing ? IDENTITY_MISSING : 0;
  /** Marks an optional field present and writes its numbers. */
  const optional = (flag: number, values: number[]) => {
    flags |= flag;
    numbers.push(...values);
  };
  if (entry.number) optional(HAS_NUMBER, indexed(entry.number));
  if (entry.numberDigits !== undefined) optional(HAS_DIGITS, text(entry.numberDigits));
  if (entry.unitCode) optional(HAS_UNIT, indexed(entry.unitCode));
  if (entry.title) optional(HAS_TITLE, indexed(entry.title));
  if (end) optional(HAS_LIST_END, [end.offset, ...text(end.indent), ...text(end.eol)]);
  numbers.push(entry.references.length);
  for (const r of entry.references) {
    const step = r.origin.kind === 'step' ? r.origin.stepNumber : 0;
    const origin = r.origin.kind === 'keterkaitan' ? 0 : step === null ? 2 : 1;
    numbers.push(store.intern(r.text), KINDS.indexOf(r.kind), ...location(r.location), origin, step ?? 0);
  }
  if (content) {
    flags |= HAS_CONTENT;
    numbers.push(content.subjects.length);
    for (const subject of content.subjects) numbers.push(subject.length, ...subject.map((stem) => store.intern(stem)));
    numbers.push(content.actorLabels.length);
    for (const a of content.actorLabels) numbers.push(store.intern(a.label), ...location(a.location));
    numbers.push(content.cells.length);
    for (const c of content.cells) {
      // The step number and the field in one number: three bits of field (and "no number"), the step above.
      const step = c.stepNumber ?? 0;
      if (!(step >= 0 && step < 1 << 27)) return entry;
      const shared = store.internCell(c.text);
      numbers.push(step * 8 + FIELDS.indexOf(c.field) + (c.stepNumber === null ? 4 : 0), shared, ...(shared ? [] : text(c.text)), c.offset, c.line, c.column);
    }
  }
  const joined = texts.join('');
  // Latin-1 when every character fits in a byte (SOPs in Indonesian nearly always), else UTF-16.
  const wide = /[^\u0000-\u00ff]/.test(joined);
  numbers[0] = flags | (wide ? WIDE_TEXT : 0);
  numbers[1] = joined.length;
  let slots = 0;
  for (const n of numbers) {
    if (!Number.isInteger(n) || n < 0 || n > 0x7fffffff) return entry;
    slots += n < WIDE ? 1 : 3;
  }
  const packed = store.numbers.take(slots);
  let i = packed.at;
  for (const n of numbers) {
    if (n < WIDE) packed.data[i++] = n;
    else {
      packed.data[i++] = WIDE;
      packed.data[i++] = n >>> 16;
      packed.data[i++] = n & 0xffff;
    }
  }
  const bytes = store.texts.take(wide ? joined.length * 2 : joined.length);
  bytes.data.write(joined, bytes.at, wide ? 'utf16le' : 'latin1');
  return new PackedEntry(entry.file, store, packed.data, packed.at, bytes.data, bytes.at, entry.directives, entry.directiveLocations);
}

/** Reads an entry's numbers in the order they were written. */
class Reader {
  constructor(
    private readonly data: Uint16Array,
    private at: number,
  ) {}

  next(): number {
    const n = this.data[this.at++];
    if (n !== WIDE) return n;
    const value = this.data[this.at] * 0x10000 + this.data[this.at + 1];
    this.at += 2;
    return value;
  }

  skip(count: number): void {
    for (let i = 0; i < count; i++) this.next();
  }

  location(): Location {
    return { offset: this.next(), endOffset: this.next(), line: this.next(), column: this.next(), endLine: this.next(), endColumn: this.next() };
  }
}

/** The fields of a packed entry before its references, decoded, and a reader at its references. */
interface Head {
  number?: IndexedText;
  numberDigits?: string;
  unitCode?: IndexedText;
  title?: IndexedText;
  keterkaitanEnd?: ListEnd;
  fileStart: Location;
  references: Reader;
}

class PackedEntry implements IndexEntry {
  readonly directives: SuppressionDirective[];
  readonly directiveLocations: Location[];

  constructor(
    readonly file: string,
    private readonly store: EntryStore,
    private readonly numbers: Uint16Array,
    private readonly at: number,
    private readonly bytes: Buffer,
    private readonly textStart: number,
    directives: SuppressionDirective[],
    directiveLocations: Location[],
  ) {
    this.directives = directives.length ? directives : NONE;
    this.directiveLocations = directiveLocations.length ? directiveLocations : NONE;
  }

  /**
   * One of the entry's texts, decoded on its own: a flat string of its own, so that whatever keeps it
   * (a table of titles, a memo of normalised names) keeps only it, not the entry's other texts.
   */
  private textAt(start: number, end: number): string {
    const wide = (this.numbers[this.at] & WIDE_TEXT) !== 0;
    const width = wide ? 2 : 1;
    return this.bytes.toString(wide ? 'utf16le' : 'latin1', this.textStart + width * start, this.textStart + width * end);
  }

  private head(): Head {
    const r = new Reader(this.numbers, this.at);
    const flags = r.next();
    r.next(); // the texts' length
    const slice = () => this.textAt(r.next(), r.next());
    const indexed = () => ({ text: slice(), location: r.location() });
    const fileStart = r.location();
    const number = flags & HAS_NUMBER ? indexed() : undefined;
    const numberDigits = flags & HAS_DIGITS ? slice() : undefined;
    const unitCode = flags & HAS_UNIT ? indexed() : undefined;
    const title = flags & HAS_TITLE ? indexed() : undefined;
    const keterkaitanEnd = flags & HAS_LIST_END ? { offset: r.next(), indent: slice(), eol: slice() } : undefined;
    return { number, numberDigits, unitCode, title, keterkaitanEnd, fileStart, references: r };
  }

  get number(): IndexedText | undefined {
    return this.head().number;
  }

  get numberDigits(): string | undefined {
    return this.head().numberDigits;
  }

  get unitCode(): IndexedText | undefined {
    return this.head().unitCode;
  }

  get title(): IndexedText | undefined {
    return this.head().title;
  }

  get identityMissing(): boolean {
    return (this.numbers[this.at] & IDENTITY_MISSING) !== 0;
  }

  get fileStart(): Location {
    return this.head().fileStart;
  }

  get keterkaitanEnd(): ListEnd | undefined {
    return this.head().keterkaitanEnd;
  }

  get references(): IndexedReference[] {
    return this.readReferences(this.head().references);
  }

  private readReferences(r: Reader): IndexedReference[] {
    const references: IndexedReference[] = [];
    for (let n = r.next(); n > 0; n--) {
      const text = this.store.strings[r.next()];
      const kind = KINDS[r.next()];
      const location = r.location();
      const origin = r.next();
      const step = r.next();
      references.push({ text, kind, location, origin: origin === 0 ? KETERKAITAN : { kind: 'step', stepNumber: origin === 2 ? null : step } });
    }
    return references;
  }

  get content(): SopContent | undefined {
    if ((this.numbers[this.at] & HAS_CONTENT) === 0) return undefined;
    // Each part is read when asked for: a rule may need the subjects of every SOP, and the cells of one.
    const entry = this;
    return {
      get subjects() {
        return entry.contentParts().subjects;
      },
      get actorLabels() {
        return entry.contentParts().actorLabels;
      },
      get cells() {
        return entry.contentParts(true).cells;
      },
    };
  }

  private contentParts(withCells = false): SopContent {
    const head = this.head();
    const r = head.references;
    this.readReferences(r);
    const strings = this.store.strings;
    const subjects: string[][] = [];
    for (let n = r.next(); n > 0; n--) {
      const stems: string[] = [];
      for (let k = r.next(); k > 0; k--) stems.push(strings[r.next()]);
      subjects.push(stems);
    }
    const actorLabels: ActorLabel[] = [];
    for (let n = r.next(); n > 0; n--) actorLabels.push({ label: strings[r.next()], location: r.location() });
    const cells: ContentCell[] = [];
    for (let n = withCells ? r.next() : 0; n > 0; n--) {
      const code = r.next();
      const shared = r.next();
      const text = shared ? this.store.strings[shared - 1] : this.textAt(r.next(), r.next());
      cells.push({ stepNumber: code & 4 ? null : code >>> 3, field: FIELDS[code & 3], text, offset: r.next(), line: r.next(), column: r.next() });
    }
    return { subjects, actorLabels, cells };
  }
}
