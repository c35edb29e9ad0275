// fontkit (a dependency of pdfkit) ships no type declarations; the tests read a font's cmap with it.
declare module 'fontkit' {
  export function openSync(path: string): { hasGlyphForCodePoint(codePoint: number): boolean };
}
