/**
 * Links from reports and --help to the documentation: the one place the repository's address is
 * kept. It is package.json's `repository` (src/ reads no file above it; test/format/ci-formats.test.ts
 * checks the two agree). Rule pages are docs/rules/<id>.md of the repository.
 */
import { docsPath } from '../rules/rule.js';

/** `git+https://github.com/o/r.git` → `https://github.com/o/r`. */
export function repositoryWebUrl(repository: string | { url: string }): string {
  const url = typeof repository === 'string' ? repository : repository.url;
  return url.replace(/^git\+/, '').replace(/\.git$/, '');
}

export const REPOSITORY_URL = repositoryWebUrl('git+https://github.com/soplint/soplint.git');

/** Base of every link to a file of the docs: the default branch of the repository. */
export const DOCS_BASE_URL = `${REPOSITORY_URL}/blob/main/`;

/** The web address of a repository file, e.g. `docs/ci.md`. */
export const docsUrl = (path: string): string => DOCS_BASE_URL + path;

/** The web address of a rule's page (or of the pipeline's own findings' section). */
export const ruleDocsUrl = (ruleId: string): string => docsUrl(docsPath(ruleId));
