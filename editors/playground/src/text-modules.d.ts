/** esbuild loads .sop files as text (the bundled sample). */
declare module '*.sop' {
  const text: string;
  export default text;
}
