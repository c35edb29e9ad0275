/** Near-miss matching for "did you mean ...?" suggestions. */

// Three reusable rows: edit distances run for every near miss, often in code that is not yet optimised.
let rowBeforePrevious = new Uint32Array(64);
let previousRow = new Uint32Array(64);
let currentRow = new Uint32Array(64);

/**
 * Edit distance counting a swap of two neighbouring letters as one edit ("Telahaan" / "Telaahan"),
 * the commonest typo (optimal string alignment). Exits early once it exceeds `limit` (then `limit + 1`
 * is returned).
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (previousRow.length <= b.length) {
    rowBeforePrevious = new Uint32Array(b.length * 2 + 1);
    previousRow = new Uint32Array(b.length * 2 + 1);
    currentRow = new Uint32Array(b.length * 2 + 1);
  }
  let beforePrevious = rowBeforePrevious;
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  let previousMin = 0;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    const caBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= b.length; j++) {
      const cb = b.charCodeAt(j - 1);
      const substitute = previous[j - 1] + (ca === cb ? 0 : 1);
      const insertOrDelete = (previous[j] < current[j - 1] ? previous[j] : current[j - 1]) + 1;
      let best = substitute < insertOrDelete ? substitute : insertOrDelete;
      if (j > 1 && ca === b.charCodeAt(j - 2) && caBefore === cb && ca !== cb) {
        const swap = beforePrevious[j - 2] + 1;
        if (swap < best) best = swap;
      }
      current[j] = best;
      if (best < rowMin) rowMin = best;
    }
    // A swap reaches back two rows: stop only when neither of the last two rows can come back under.
    if (rowMin > limit && previousMin >= limit) return limit + 1;
    previousMin = rowMin;
    const oldest = beforePrevious;
    beforePrevious = previous;
    previous = current;
    current = oldest;
  }
  return previous[b.length] <= limit ? previous[b.length] : limit + 1;
}

const COUNT_BUCKETS = 32;

/** How often each character (folded into 32 buckets) occurs in a name. */
export function characterCounts(text: string): Uint8Array {
  const counts = new Uint8Array(COUNT_BUCKETS);
  for (let i = 0; i < text.length; i++) {
    const bucket = text.charCodeAt(i) & (COUNT_BUCKETS - 1);
    if (counts[bucket] < 255) counts[bucket]++;
  }
  return counts;
}

/** A lower bound of the edit distance: one edit changes the character counts by at most 2. */
export function editDistanceLowerBound(a: Uint8Array, b: Uint8Array): number {
  let difference = 0;
  for (let i = 0; i < COUNT_BUCKETS; i++) difference += a[i] > b[i] ? a[i] - b[i] : b[i] - a[i];
  return Math.ceil(difference / 2);
}

/** Lower case, punctuation to spaces, single spaces: "Telaahan  Kegiatan." → "telaahan kegiatan". */
export function normalizeWords(text: string): string {
  let normalized = normalizedWords.get(text);
  if (normalized === undefined) {
    normalized = plainWords(text);
    // The same names recur across a corpus ("Surat Undangan", "SOP Surat Keluar"): remember a bounded number.
    if (normalizedWords.size >= 50_000) normalizedWords.clear();
    normalizedWords.set(text, normalized);
  }
  return normalized;
}
const normalizedWords = new Map<string, string>();
const ASCII = /^[\x00-\x7f]*$/;

/** normalizeWords without remembering: for text that seldom recurs (a Kegiatan). */
export function plainWords(text: string): string {
  const lower = text.toLowerCase();
  // ASCII text (nearly all of it) needs no Unicode letter classes, which are slow to set up.
  return (ASCII.test(lower) ? lower.replace(/[^a-z0-9&]+/g, ' ') : lower.replace(/[^\p{L}\p{N}&]+/gu, ' ')).trim();
}

/** The closest candidate within a distance that grows with the length of the word. */
export function closest(word: string, candidates: Iterable<string>, maxRatio = 0.34): string | undefined {
  const target = normalizeWords(word);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const normalized = normalizeWords(candidate);
    const limit = Math.max(1, Math.floor(Math.max(normalized.length, target.length) * maxRatio));
    const distance = editDistance(target, normalized, limit);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
