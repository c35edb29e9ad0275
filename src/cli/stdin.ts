/** The name of the text read from stdin (`soplint check -`, `soplint render -`) when --stdin-filename gives none. */
export const STDIN_NAME = '<stdin>';
