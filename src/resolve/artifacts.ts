/** Matching the documents that flow between steps: "Telaahan kegiatan." ≈ "telaahan  Kegiatan". */
import { editDistance, normalizeWords } from '../util/similarity.js';

export function normalizeArtifact(text: string): string {
  return normalizeWords(text);
}

/** Same artifact, tolerating case, punctuation and small spelling differences (typos, OCR). */
export function sameArtifact(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > Math.max(a.length, b.length) * 0.1 + 1) return false;
  const longest = Math.max(a.length, b.length);
  const limit = longest <= 6 ? 0 : longest <= 15 ? 1 : Math.floor(longest * 0.1);
  if (limit === 0) return false;
  // "Telaahan 3" and "Telaahan 4" are different documents, however close the spelling (the numbers
  // compared last: most pairs are already told apart by the bounded edit distance, without allocating).
  return editDistance(a, b, limit) <= limit && a.replace(/\D+/g, ' ').trim() === b.replace(/\D+/g, ' ').trim();
}

const stemsOf = (s: string) =>
  new Set(
    s
      .split(' ')
      .filter(Boolean)
      .map((w) => w.replace(/^(di|ber|me[nm]?|pe[nm]?)/, '').slice(0, 5)),
  );

/**
 * A score in [0, 1] for "did you mean": shared words (by 5-letter stems) and character overlap.
 * Scores below `floor` are not needed by callers and come back as 0, which saves the full edit distance.
 */
export function artifactSimilarity(a: string, b: string, floor = 0): number {
  const sa = stemsOf(a);
  const sb = stemsOf(b);
  let shared = 0;
  for (const w of sa) if (sb.has(w)) shared++;
  const dice = sa.size + sb.size === 0 ? 0 : (2 * shared) / (sa.size + sb.size);
  const longest = Math.max(a.length, b.length, 1);
  // The character score beats max(dice, floor) only within this many edits.
  const limit = Math.floor(longest * (1 - Math.max(dice, floor)));
  const distance = editDistance(a, b, limit);
  const chars = distance > limit ? 0 : 1 - distance / longest;
  const score = Math.max(dice, chars);
  return score >= floor ? score : 0;
}

/** Whether `key` is one of `keys`: exact first (the common case), then tolerant. */
export function containsArtifact(keys: ReadonlySet<string>, key: string): boolean {
  if (keys.has(key)) return true;
  for (const candidate of keys) if (sameArtifact(candidate, key)) return true;
  return false;
}
