/**
 * Links from reports and --help to the documentation: the one place the repository's address is
 * derived, from package.json's `repository`. Rule pages are docs/rules/<id>.md of the repository.
 */
import pkg from '../../package.json' with { type: 'json' };
import { docsPath } from '../checker/rule.js';

/** `git+https://github.com/o/r.git` → `https://github.com/o/r`. */
export function repositoryWebUrl(repository: string | { url: string }): string {
  const url = typeof repository === 'string' ? repository : repository.url;
  return url.replace(/^git\+/, '').replace(/\.git$/, '');
}

export const REPOSITORY_URL = repositoryWebUrl(pkg.repository);

/** Base of every link to a file of the docs: the default branch of the repository. */
export const DOCS_BASE_URL = `${REPOSITORY_URL}/blob/main/`;

/** The web address of a repository file, e.g. `docs/ci.md`. */
export const docsUrl = (path: string): string => DOCS_BASE_URL + path;

/** The web address of a rule's page (or of the pipeline's own findings' section). */
export const ruleDocsUrl = (ruleId: string): string => docsUrl(docsPath(ruleId));
