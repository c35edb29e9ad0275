/**
 * Which actor column a Kegiatan names ("meneruskan kepada Kasubbid PE & PKM", "dikembalikan ke JFU"):
 * by its label, its id, or the first word of its label when only one column starts with it. Case,
 * punctuation and spacing do not matter ("Kasubbid. PE & PKM").
 */
import type { Actor } from '../ast/types.js';
import { normalizeWords, plainWords } from '../util/similarity.js';

export class ActorMentions {
  private static readonly byTable = new WeakMap<Actor[], ActorMentions>();

  /** One per actor table: the rules that read names from text share it. */
  static of(actors: Actor[]): ActorMentions {
    let mentions = ActorMentions.byTable.get(actors);
    if (!mentions) ActorMentions.byTable.set(actors, (mentions = new ActorMentions(actors)));
    return mentions;
  }

  private readonly names: { actor: Actor; name: string }[] = [];
  private readonly firstWords = new Map<string, Actor | null>();
  /** How much of a text can hold a name at its start (spacing and punctuation may lengthen it). */
  private readonly reach: number;

  constructor(actors: Actor[]) {
    for (const actor of actors) {
      const label = normalizeWords(actor.label);
      for (const name of new Set([label, actor.id.toLowerCase()])) if (name) this.names.push({ actor, name });
      const first = label.split(' ')[0];
      // A first word two columns share ("kasubbid" of two Kasubbids) names neither.
      if (first) this.firstWords.set(first, this.firstWords.has(first) && this.firstWords.get(first) !== actor ? null : actor);
    }
    // The longest name first: "kasubbid pe pkm" before "kasubbid".
    this.names.sort((a, b) => b.name.length - a.name.length);
    this.reach = 2 * (this.names[0]?.name.length ?? 0) + 8;
  }

  /** The actor the text begins by naming, if any. */
  atStart(text: string): Actor | undefined {
    // Only the first words matter: a long Kegiatan is not normalised whole (cut at a space, so that
    // no word is cut into a name).
    const cut = text.length > this.reach ? text.lastIndexOf(' ', this.reach) : -1;
    const words = plainWords(cut > 0 ? text.slice(0, cut) : text);
    const named = this.names.find(({ name }) => words === name || words.startsWith(`${name} `));
    if (named) return named.actor;
    return this.firstWords.get(words.split(' ')[0]) ?? undefined;
  }

  /** Every actor the text names anywhere, by label or id. */
  anywhere(text: string): Set<Actor> {
    const words = ` ${plainWords(text)} `;
    const found = new Set<Actor>();
    for (const { actor, name } of this.names) if (words.includes(` ${name} `)) found.add(actor);
    return found;
  }
}
