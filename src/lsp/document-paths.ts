/**
 * Files by path, and the editor's documents that are no file yet (VS Code's `untitled:Untitled-1`):
 * those are checked as if they were a file in the workspace folder, named after the URI.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { docsPath } from '../rules/rule.js';

export class DocumentPaths {
  private readonly unsaved = new Map<string, string>();
  private readonly unsavedByPath = new Map<string, string>();

  /** The absolute path a URI stands for, or undefined for a URI that is neither a file nor unsaved. */
  pathOf(uri: string, root = process.cwd()): string | undefined {
    if (uri.startsWith('file:')) return resolve(fileURLToPath(uri));
    if (!uri.startsWith('untitled:')) return undefined;
    let path = this.unsaved.get(uri);
    if (!path) {
      const name = decodeURIComponent(uri.slice('untitled:'.length)).replace(/[^\w.-]+/g, '-');
      path = join(root, name.endsWith('.sop') ? name : `${name}.sop`);
      this.unsaved.set(uri, path);
      this.unsavedByPath.set(path, uri);
    }
    return path;
  }

  uriOf(absolute: string): string {
    return this.unsavedByPath.get(absolute) ?? pathToFileURL(absolute).href;
  }
}

/** The rule's docs page shipped beside this build (dist/../docs), as a file URL. */
export function docsLink(ruleId: string): string | undefined {
  try {
    let dir = dirname(fileURLToPath(import.meta.url));
    const [path, anchor] = docsPath(ruleId).split('#');
    for (let i = 0; i < 4; i++, dir = dirname(dir)) {
      const page = join(dir, path);
      if (existsSync(page)) return `${pathToFileURL(page).href}${anchor ? `#${anchor}` : ''}`;
    }
  } catch {
    // no file URL for this build (bundled into the editor extension)
  }
  return undefined;
}
