/** The "never write over an SOP" guard, on real paths: a report behind a symbolic link to an SOP is an SOP. */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path); // does not exist (yet)
  }
}

/** A predicate for real paths that are SOPs: named `.sop`, or one of the inputs (by their real paths). */
export function sopGuard(inputs: string[]): (path: string) => boolean {
  let reals: Set<string> | undefined;
  return (path) => {
    const real = realPath(path);
    if (real.toLowerCase().endsWith('.sop') || path.toLowerCase().endsWith('.sop')) return true;
    reals ??= new Set(inputs.map(realPath));
    return reals.has(real);
  };
}
