import { describe, expect, it } from 'vitest';

import { BerthError } from '../../diagnostics/diagnostic.js';
import { modelFromText } from '../../model/index.js';

/** The diagnostics a container with `field` written as below is refused with. */
function refusals(field: string, body: string) {
  const text =
    'name: demo\nversion: 1.0.0\nauthor: acme\ncontainers:\n  web:\n    image: nginx:1.27\n' +
    `    ${field}:\n${body}`;
  try {
    modelFromText('berth.yaml', text);
    return [];
  } catch (error) {
    if (error instanceof BerthError) return error.diagnostics;
    throw error;
  }
}

// A key that holds the separator Docker splits on would be read back as another key.
describe('map keys that hold their separator', () => {
  it.each([
    ['labels', '"a=b"', 'without "="'],
    ['sysctls', '"net.core.somaxconn=1"', 'without "="'],
    ['extra_hosts', '"db:1"', 'without ":"'],
  ])('%s: refuses the key %s where it is written, and only once', (field, key, hint) => {
    const diagnostics = refusals(field, `      ${key}: "1"\n`);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'BERTH-SPEC-NAME', line: 8, column: 7 });
    expect(diagnostics[0]!.hint).toContain(hint);
  });

  it.each([
    ['labels', '      - "a=b=c"\n'],
    ['extra_hosts', '      - "db:fd00::1"\n'],
  ])('%s: the list form splits at the first separator, as Docker does', (field, body) => {
    expect(refusals(field, body)).toEqual([]);
  });
});
