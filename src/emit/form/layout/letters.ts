/** Off-page connector letters: A, B, ..., Z, AA, AB, ... — one per connector pair, unique in a document. */
export class LetterSequence {
  private count = 0;

  next(): string {
    let n = this.count++;
    let letters = '';
    do {
      letters = String.fromCharCode(65 + (n % 26)) + letters;
      n = Math.floor(n / 26) - 1;
    } while (n >= 0);
    return letters;
  }
}
