// The Chef corpus of the lint benchmarks: the valid recipes of test/fixtures/lint/chef repeated
// with varied names, so that no two of the files are equal (a linter cannot skip repeats).
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { root } from './machine.mjs';

const fixtures = join(root, 'test', 'fixtures', 'lint', 'chef');

/**
 * Empties `dir` and writes `count` recipes into it as `recipe-0000.rb`...; returns their paths.
 * `header` starts each recipe with a comment line, as the Ruby parser benchmark always has.
 */
export function writeRecipes(dir, count, { header = false } = {}) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // The broken fixtures are left out: they would measure the parser's error recovery instead.
  const sources = readdirSync(fixtures)
    .filter((name) => name.endsWith('.rb') && !name.includes('broken'))
    .sort()
    .map((name) => readFileSync(join(fixtures, name), 'utf8'));

  const files = [];
  for (let i = 0; i < count; i++) {
    const varied = sources[i % sources.length].replace(/'([a-z][\w.-]*)'/g, `'$1-${i}'`);
    const file = join(dir, `recipe-${String(i).padStart(4, '0')}.rb`);
    writeFileSync(file, header ? `# generated recipe ${i}\n${varied}` : varied);
    files.push(file);
  }
  return files;
}
