// The version lives in package.json only; run-time code reads it from this generated module.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function versionModuleSource(): string {
  const packageJson = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { version: string };
  return `// Generated from package.json by scripts/generate.ts; do not edit.\nexport const VERSION = '${packageJson.version}';\n`;
}
