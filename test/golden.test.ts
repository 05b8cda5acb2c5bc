import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { compile } from '../cli/compile.js';
import { targets } from '../generators/index.js';
import { goldenCases, goldenRoot, listFiles } from './support/golden.js';

/**
 * Each case's berth.yaml is compiled by every target and compared, file by file, with the
 * tree under expected/, and its target-difference warnings with expected/warnings.txt. `npm run test:update` rewrites the trees on purpose; read the diff.
 * Under CI vitest writes no snapshot, so a missing or stale golden file fails.
 */
describe.each(goldenCases())('golden case %s', (name) => {
  const caseDir = join(goldenRoot, name);
  const compiled = compile(join(caseDir, 'berth.yaml'), targets, false);
  const model = compiled.loaded.model;

  it('warns as expected/warnings.txt says', async () => {
    const lines = compiled.diagnostics.map(
      (d) =>
        `berth.yaml:${d.line}:${d.column} ${d.code} ${d.severity} [${d.target}] ${d.message}` +
        (d.also ? ` (also at ${d.also.join(', ')})` : ''),
    );
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot(
      join(caseDir, 'expected', 'warnings.txt'),
    );
  });

  describe.each(targets.map((t) => [t.name, t] as const))('target %s', (_, target) => {
    const result = target.render(model);
    const expectedDir = join(caseDir, 'expected', result.root);

    it.each(result.files.map((f) => [f.path, f] as const))('%s', async (_, file) => {
      await expect(file.content).toMatchFileSnapshot(join(expectedDir, file.path));
    });

    it('has no expected file the target no longer writes', () => {
      const generated = new Set(result.files.map((f) => f.path));
      const stale = listFiles(expectedDir).filter((path) => !generated.has(path));
      expect(stale, `delete these from ${expectedDir}`).toEqual([]);
    });
  });
});
