import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { findTarget } from '../../generators/index.js';
import { loadModel } from '../../model/index.js';
import type { Model } from '../../model/types.js';
import { goldenRoot } from '../support/golden.js';

/** A golden case rendered by the real generator: its model and the folder of the tree. */
export interface Generated {
  model: Model;
  /** The cookbook or module folder (`<base>/chef/<cookbook>`, `<base>/puppet/<module>`). */
  dir: string;
}

/**
 * Renders the golden case `name` for `target` with the generator berth runs, into `base`. The
 * mutation proofs corrupt this output rather than a hand-written fixture, so they show that the
 * interface checks catch a mistake in the code berth actually writes.
 */
export async function renderGolden(
  name: string,
  target: 'chef' | 'puppet',
  base: string,
): Promise<Generated> {
  const model = loadModel(join(goldenRoot, name, 'berth.yaml'));
  const result = findTarget(target)!.render(model);
  const errors = result.notes.filter((note) => note.severity === 'error');
  if (errors.length > 0) {
    throw new Error(
      `golden case ${name} renders ${target} with errors: ${errors.map((e) => e.code)}`,
    );
  }
  for (const file of result.files) {
    const path = join(base, result.root, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content);
  }
  return { model, dir: join(base, result.root) };
}
