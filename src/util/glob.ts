/** Minimal glob matching for config paths: `**` any folders, `*` within a name, `?` one character. */
const cache = new Map<string, RegExp>();

function toRegExp(glob: string): RegExp {
  let cached = cache.get(glob);
  if (cached) return cached;
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        source += '(?:.*/)?';
      } else source += '.*';
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // A folder pattern ("sops/draft/") matches everything under it.
  if (glob.endsWith('/')) source += '.*';
  cached = new RegExp(`^${source}$`);
  cache.set(glob, cached);
  return cached;
}

export function matchesGlob(path: string, glob: string): boolean {
  const normalized = path.replace(/^\.\//, '');
  return toRegExp(glob.replace(/^\.\//, '')).test(normalized);
}
