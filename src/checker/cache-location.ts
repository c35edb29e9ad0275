/** Where `soplint check --cache` keeps its results unless told otherwise (in the working folder). */
export const DEFAULT_CACHE_FILE = '.soplintcache';
