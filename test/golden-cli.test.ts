import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { runBerth } from './support/cli.js';
import { goldenCases, goldenRoot } from './support/golden.js';

/**
 * The built command reproduces every golden tree byte for byte: `generate --check` against the
 * expected folder finds nothing to change. (The in-process golden test compiles templates
 * from templates/; the command uses the ones the build precompiled.)
 */
const cases = goldenCases().filter(
  (name) =>
    !readFileSync(join(goldenRoot, name, 'expected', 'warnings.txt'), 'utf8').includes(' error '),
);

describe('berth generate --check against the golden trees', () => {
  it.each(cases)('%s', (name) => {
    const dir = join(goldenRoot, name);
    const result = runBerth([
      'generate',
      join(dir, 'berth.yaml'),
      '--out',
      join(dir, 'expected'),
      '--target',
      'chef,puppet,docker',
      '--check',
      '--no-warnings',
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
