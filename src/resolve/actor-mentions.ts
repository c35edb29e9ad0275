/**
 * Which actor column a Kegiatan names ("meneruskan kepada Kasubbid PE & PKM", "dikembalikan ke JFU"):
 * by its label, its id, or the first word of its label when only one column starts with it. Case,
 * punctuation and spacing do not matter ("Kasubbid. PE & PKM").
 */
import type { Actor } from '../ast/types.js';
import { normalizeWords, plainWords } from '../util/similarity.js';

/** The names of an actor table's columns, by position: tables recur across a book, so each is built once. */
class NameTable {
  /** Longest first: "kasubbid pe & pkm" before "kasubbid". */
  readonly names: { column: number; name: string }[] = [];
  /** A first word two columns share ("kasubbid" of two Kasubbids) names neither (-1). */
  readonly firstWords = new Map<string, number>();

  constructor(actors: Actor[]) {
    actors.forEach((actor, column) => {
      const label = normalizeWords(actor.label);
      const id = actor.id.toLowerCase();
      if (label) this.names.push({ column, name: label });
      if (id && id !== label) this.names.push({ column, name: id });
      const first = label.split(' ')[0];
      if (first) this.firstWords.set(first, this.firstWords.has(first) && this.firstWords.get(first) !== column ? -1 : column);
    });
    this.names.sort((a, b) => b.name.length - a.name.length);
  }
}

const tablesByContent = new Map<string, NameTable>();

export class ActorMentions {
  private readonly table: NameTable;

  constructor(private readonly actors: Actor[]) {
    const key = actors.map((a) => `${a.id}\u0000${a.label}`).join('\u0001');
    let table = tablesByContent.get(key);
    if (!table) {
      if (tablesByContent.size >= 1000) tablesByContent.clear();
      tablesByContent.set(key, (table = new NameTable(actors)));
    }
    this.table = table;
  }

  /** The actor the text (from `at`) begins by naming, if any. Compares in place: a Kegiatan is not copied. */
  atStart(text: string, at = 0): Actor | undefined {
    let start = at;
    while (start < text.length && !isWordChar(text, start)) start++;
    const named = this.table.names.find(({ name }) => nameAt(text, start, name));
    if (named) return this.actors[named.column];
    let end = start;
    while (end < text.length && isWordChar(text, end)) end++;
    const column = end > start ? this.table.firstWords.get(text.slice(start, end).toLowerCase()) : undefined;
    return column === undefined || column < 0 ? undefined : this.actors[column];
  }

  /** Every actor the text names anywhere, by label or id. */
  anywhere(text: string): Set<Actor> {
    const words = ` ${plainWords(text)} `;
    const found = new Set<Actor>();
    for (const { column, name } of this.table.names) if (words.includes(` ${name} `)) found.add(this.actors[column]);
    return found;
  }
}

/** A character that plainWords keeps: a letter, a digit or '&'. */
function isWordChar(text: string, index: number): boolean {
  const c = text.charCodeAt(index);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 38;
  return /[\p{L}\p{N}]/u.test(text[index]);
}

/**
 * Whether `name` (words as plainWords writes them) stands at `at` in the text as whole words, whatever
 * the case, with any run of spaces and punctuation where the name has a space ("Kasubbid. PE & PKM").
 */
function nameAt(text: string, at: number, name: string): boolean {
  let j = at;
  for (let i = 0; i < name.length; i++) {
    if (name.charCodeAt(i) === 32) {
      if (j >= text.length || isWordChar(text, j)) return false;
      while (j < text.length && !isWordChar(text, j)) j++;
      continue;
    }
    if (j >= text.length) return false;
    const c = text.charCodeAt(j);
    const lower = c >= 65 && c <= 90 ? c + 32 : c;
    if (lower !== name.charCodeAt(i) && (c < 128 || text[j].toLowerCase() !== name[i])) return false;
    j++;
  }
  return j >= text.length || !isWordChar(text, j);
}
