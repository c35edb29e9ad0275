/**
 * A copy of a string that does not keep its source alive. V8 represents a slice of a long string,
 * and a concatenation, as a view on the original: a title kept in the corpus index would keep its
 * whole file in memory. Everything that outlives a file's phase 1 goes through this.
 */
export function ownCopy(text: string): string {
  // The concatenation is flattened into a new string by slice(); the result refers only to that.
  return (' ' + text).slice(1);
}
