import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

import { goldenCases, goldenRoot, listFiles } from './support/golden.js';

/** Every generated JSON and YAML file of every golden case parses, in every target. */
const files = goldenCases().flatMap((name) => {
  const expected = join(goldenRoot, name, 'expected');
  return listFiles(expected)
    .filter((path) => /\.(json|ya?ml)$/.test(path))
    .map((path) => join(expected, path));
});

describe('generated data files', () => {
  it('exist in every kind', () => {
    expect(files.some((f) => f.endsWith('metadata.json'))).toBe(true);
    expect(files.some((f) => f.endsWith('kitchen.yml'))).toBe(true);
    expect(files.some((f) => f.endsWith('common.yaml'))).toBe(true);
  });

  it.each(files.map((f) => [f.slice(goldenRoot.length), f]))('%s parses', (_, file) => {
    const text = readFileSync(file, 'utf8');
    const parsed = file.endsWith('.json') ? JSON.parse(text) : yaml.load(text);
    expect(parsed).toBeTypeOf('object');
  });
});
