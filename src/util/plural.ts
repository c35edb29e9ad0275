/** "1 file", "3 files": an English count for summaries (the Indonesian forms do not inflect). */
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
