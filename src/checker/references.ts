/**
 * Resolving "SOP ..." references: by title against the corpus and the declared external SOPs, by
 * number against the corpus. One table, built once per run, shared by the xref rules and renderers.
 */
import { editDistance, normalizeWords } from '../util/similarity.js';
import type { CorpusIndex, IndexEntry } from './corpus-index.js';

/** "SOP Surat keluar." → "surat keluar"; "SOP-405/BKBPM" → "405". */
export function referenceKey(text: string): string {
  const number = /^SOP-(\d+)/i.exec(text.trim());
  if (number) return number[1];
  return normalizeWords(text.replace(/^\s*SOP\b[\s-]*/i, ''));
}

export interface ReferenceTarget {
  /** The name as it should be written: "SOP <title>" for the corpus, as declared for external SOPs. */
  canonical: string;
  kind: 'corpus' | 'external';
  entry?: IndexEntry;
}

export class ReferenceTable {
  private readonly byKey = new Map<string, ReferenceTarget>();

  constructor(index: CorpusIndex, externalSops: string[]) {
    for (const entry of index.entries) {
      if (entry.title) this.add(referenceKey(entry.title.text), { canonical: `SOP ${entry.title.text}`, kind: 'corpus', entry });
      if (entry.numberDigits) this.add(entry.numberDigits, { canonical: entry.number!.text, kind: 'corpus', entry });
    }
    for (const name of externalSops) this.add(referenceKey(name), { canonical: name, kind: 'external' });
  }

  private add(key: string, target: ReferenceTarget): void {
    if (key && !this.byKey.has(key)) this.byKey.set(key, target);
  }

  resolve(text: string): ReferenceTarget | undefined {
    return this.byKey.get(referenceKey(text));
  }

  /** The closest known name, for "did you mean". */
  suggest(text: string): string | undefined {
    const key = referenceKey(text);
    let best: ReferenceTarget | undefined;
    let bestDistance = Infinity;
    for (const [candidate, target] of this.byKey) {
      if (/^\d+$/.test(candidate)) continue;
      const limit = Math.max(2, Math.floor(Math.max(key.length, candidate.length) * 0.3));
      let distance = editDistance(key, candidate, limit);
      // A name that contains the written one, or the reverse ("SOP Penetapan Keputusan Produk Hukum").
      if (distance > limit && (candidate.includes(key) || key.includes(candidate)) && Math.min(key.length, candidate.length) >= 4) distance = limit;
      if (distance <= limit && distance < bestDistance) {
        best = target;
        bestDistance = distance;
      }
    }
    return best?.canonical;
  }

  get names(): string[] {
    return [...new Set([...this.byKey.values()].map((t) => t.canonical))];
  }
}
