import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { targets } from '../generators/index.js';
import { loadModel } from '../model/index.js';
import { goldenCases, goldenRoot, listFiles } from './support/golden.js';

/**
 * Each case's berth.yaml is compiled by every target and compared, file by file, with the
 * tree under expected/. `npm run test:update` rewrites the trees on purpose; read the diff.
 * Under CI vitest writes no snapshot, so a missing or stale golden file fails.
 */
describe.each(goldenCases())('golden case %s', (name) => {
  const caseDir = join(goldenRoot, name);
  const model = loadModel(join(caseDir, 'berth.yaml'));

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
