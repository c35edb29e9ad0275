/**
 * Glob matching for config paths (`ignores`, `overrides[].files`): `**` any folders, `*` within a
 * name, `?` one character, `[...]`, `{a,b}`, extglobs; names starting with a dot match too, and a
 * folder pattern ("sops/draft/") matches everything under it.
 *
 * Each name of the glob is matched by picomatch against one name of the path; the folders between
 * are matched by a small automaton (the set of glob positions reachable after each folder), not by
 * one regular expression over the whole path: picomatch compiles `**` to a lazy `(?:...)*?` and `*`
 * to `[^/]*?`, which backtrack polynomially in their number (issue 19: `**` and a name alternating
 * twelve times against a deep path, `*a*a*...*b` against a long name, no answer in 60 s). Here a match takes
 * (glob names) x (path names) name matches, and one name match at most MAX_STARS_PER_NAME stars
 * against a name of at most 255 bytes; a glob with more stars in one name is refused (globProblem,
 * reported by the config loader at its line).
 */
import picomatch from 'picomatch';

/** Stars (`*`, extglob `*(`, `+(`) allowed in one folder or file name of a glob. */
export const MAX_STARS_PER_NAME = 3;

const OPTIONS: picomatch.PicomatchOptions = { dot: true, windows: false };

/** The names of a glob: split at each `/` outside braces, brackets and parentheses. */
function namesOf(glob: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '\\') i++;
    else if (ch === '{' || ch === '(' || ch === '[') depth++;
    else if ((ch === '}' || ch === ')' || ch === ']') && depth > 0) depth--;
    else if (ch === '/' && depth === 0) {
      names.push(glob.slice(start, i));
      start = i + 1;
    }
  }
  names.push(glob.slice(start));
  return names;
}

/** Why a glob is refused, or undefined: more stars in one name than a quick match allows, or a `/` inside a group. */
export function globProblem(glob: string): string | undefined {
  for (const name of namesOf(glob)) {
    if (name === '**') continue;
    const plain = name.replace(/\\./g, 'x');
    if (plain.includes('/')) return `glob '${glob}' has a '/' inside {...}, [...] or (...): write one glob for each path instead`;
    // An escaped star (\*) is a letter; a run of stars within a name counts once.
    const stars = plain.match(/\*+|\+\(/g)?.length ?? 0;
    if (stars > MAX_STARS_PER_NAME) {
      return `glob '${glob}' has ${stars} wildcards in the name '${name}': at most ${MAX_STARS_PER_NAME} are allowed in one name (more would take too long to match); split it into several globs`;
    }
  }
  return undefined;
}

/** A compiled glob: per name, `**` (any number of folders) or a matcher of one name. */
type Compiled = ('**' | ((name: string) => boolean))[];

const cache = new Map<string, Compiled>();

function compile(glob: string): Compiled {
  let compiled = cache.get(glob);
  if (compiled) return compiled;
  const problem = globProblem(glob);
  if (problem) throw new Error(problem);
  // A folder pattern ("sops/draft/") matches everything under it.
  const names = namesOf(glob.endsWith('/') ? `${glob}**` : glob);
  compiled = [];
  for (const name of names) {
    if (name !== '**') compiled.push(picomatch(name, OPTIONS));
    else if (compiled.at(-1) !== '**') compiled.push('**'); // a run of `**` is one
  }
  cache.set(glob, compiled);
  return compiled;
}

export function matchesGlob(path: string, glob: string): boolean {
  const compiled = compile(glob.replace(/^\.\//, ''));
  const names = path.replace(/^\.\//, '').split('/');
  // The glob positions reached so far (a position past a `**` is reached with it: it may match no folder).
  const closure = (positions: Set<number>) => {
    for (const at of [...positions].sort((a, b) => a - b)) if (compiled[at] === '**') positions.add(at + 1);
    return positions;
  };
  let reached = closure(new Set([0]));
  for (const name of names) {
    const next = new Set<number>();
    for (const at of reached) {
      const part = compiled[at];
      if (part === undefined) continue;
      if (part === '**') {
        // `**` takes any folder name, but not `.` or `..` (as picomatch's own `**`).
        if (name !== '.' && name !== '..') next.add(at);
      } else if (part(name)) next.add(at + 1);
    }
    if (next.size === 0) return false;
    reached = closure(next);
  }
  return reached.has(compiled.length);
}

/** A folder's path as the literal start of a glob: picomatch's special characters escaped. */
export function globLiteral(text: string): string {
  return text.replace(/[*?[\]{}()!+@\\]/g, '\\$&');
}
