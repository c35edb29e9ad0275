import type { Language } from '../diagnostics/diagnostic.js';

/** `--lang` wins; else the locale (LC_ALL, LC_MESSAGES, LANG): Indonesian for id_*, English otherwise. */
export function pickLanguage(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Language {
  if (flag === 'id' || flag === 'en') return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^(id|in)([_.-]|$)/i.test(locale) ? 'id' : 'en';
}
