/** The Indonesian hyphenator of the `hyphen` package (CommonJS, no types of its own). */
declare module 'hyphen/id/index.js' {
  interface HyphenateOptions {
    hyphenChar?: string;
    minWordLength?: number;
    exceptions?: string[];
  }
  const hyphenator: { hyphenateSync(text: string, options?: HyphenateOptions): string };
  export default hyphenator;
}
