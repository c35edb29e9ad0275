/** Matching the documents that flow between steps: "Telaahan kegiatan." ≈ "telaahan  Kegiatan". */
import { editDistance, normalizeWords } from '../util/similarity.js';

export function normalizeArtifact(text: string): string {
  return normalizeWords(text);
}

/** Same artifact, tolerating case, punctuation and small spelling differences (typos, OCR). */
export function sameArtifact(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > Math.max(a.length, b.length) * 0.1 + 1) return false;
  // "Telaahan 3" and "Telaahan 4" are different documents, however close the spelling.
  if (a.replace(/\D+/g, ' ').trim() !== b.replace(/\D+/g, ' ').trim()) return false;
  const longest = Math.max(a.length, b.length);
  const limit = longest <= 6 ? 0 : longest <= 15 ? 1 : Math.floor(longest * 0.1);
  return limit > 0 && editDistance(a, b, limit) <= limit;
}

/** A score in [0, 1] for "did you mean": shared words (by 5-letter stems) and character overlap. */
export function artifactSimilarity(a: string, b: string): number {
  const stems = (s: string) => new Set(s.split(' ').filter(Boolean).map((w) => w.replace(/^(di|ber|me[nm]?|pe[nm]?)/, '').slice(0, 5)));
  const sa = stems(a);
  const sb = stems(b);
  let shared = 0;
  for (const w of sa) if (sb.has(w)) shared++;
  const dice = sa.size + sb.size === 0 ? 0 : (2 * shared) / (sa.size + sb.size);
  const distance = editDistance(a, b);
  const chars = 1 - distance / Math.max(a.length, b.length, 1);
  return Math.max(dice, chars);
}

/** Whether `key` is one of `keys`: exact first (the common case), then tolerant. */
export function containsArtifact(keys: ReadonlySet<string>, key: string): boolean {
  if (keys.has(key)) return true;
  for (const candidate of keys) if (sameArtifact(candidate, key)) return true;
  return false;
}
