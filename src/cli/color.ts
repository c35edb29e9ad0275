/**
 * Whether a report on a stream gets colours, as the ecosystem expects (ESLint, Node, no-color.org):
 *   1. `--color` / `--no-color` decide, whatever the environment says;
 *   2. `FORCE_COLOR`: `0` or `false` off, `1`, `2`, `3` or `true` on (Node gives it precedence over NO_COLOR);
 *   3. `NO_COLOR` with any non-empty value: off;
 *   4. `TERM=dumb`: off;
 *   5. otherwise on only when the stream is a terminal.
 * An empty variable counts as unset (`NO_COLOR=` does not turn colours off, https://no-color.org).
 */
export function shouldColor(flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env, isTTY: boolean = process.stdout.isTTY === true): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR?.trim().toLowerCase();
  if (force) {
    if (force === '0' || force === 'false') return false;
    if (force === 'true' || /^[1-3]$/.test(force)) return true;
  }
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}
