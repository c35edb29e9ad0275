/** Golden outputs of the official form: each fixture's HTML page, and the fixtures' corpus pages. */
import { basename } from 'node:path';
import { describe, it } from 'vitest';
import { expectGolden } from '../../helpers/golden.js';
import { fromRoot } from '../../helpers/paths.js';
import { corpusPages, FIXTURES, rendered } from './render-helpers.js';

const golden = (name: string) => fromRoot('test/render/form/golden', name);

describe('official form goldens (UPDATE_GOLDEN=1 rewrites them)', () => {
  it.each(FIXTURES.map((f) => [basename(f), f]))('%s → html', (_name, file) => {
    const sop = rendered(file);
    expectGolden(golden(`${sop.name}.html`), sop.html);
  });

  it('index.html and keterkaitan.html of the fixtures', () => {
    for (const [name, html] of Object.entries(corpusPages(FIXTURES))) expectGolden(golden(`corpus-${name}`), html);
  });
});
