import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { targets } from '../generators/index.js';
import { supportMatrixDoc, withReadmeMatrix } from '../generators/matrix-docs.js';
import { schema } from '../model/validate.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

/** The generated parts of the documentation must match the code; `npm run docs` fixes them. */
describe('documentation generated from the code', () => {
  it('README.md carries the current support matrix', () => {
    const readme = read('README.md');
    expect(withReadmeMatrix(readme), 'run `npm run docs`').toBe(readme);
  });

  it('docs/support-matrix.md is current', () => {
    expect(read('docs/support-matrix.md'), 'run `npm run docs`').toBe(supportMatrixDoc());
  });

  it.each(targets.map((t) => [t.name, t] as const))(
    'the %s target maps every container field of the schema',
    (_, target) => {
      const fields = Object.keys(schema.$defs.container.properties);
      expect(fields.filter((field) => !(field in target.fields))).toEqual([]);
    },
  );

  it('docs/berth-yaml.md names every container field of the schema', () => {
    const reference = read('docs/berth-yaml.md');
    const fields = Object.keys(schema.$defs.container.properties);
    expect(fields.filter((field) => !reference.includes(`\`${field}\``))).toEqual([]);
  });
});
