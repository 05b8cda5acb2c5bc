import { describe, expect, it } from 'vitest';

import { lintFiles } from '../../lint/index.js';
import { QUIET } from './table.js';

describe('hostile input', () => {
  it('reads an alias bomb in Hiera data without expanding it', async () => {
    const items = (name: string) => `[${Array(9).fill(name).join(', ')}]`;
    let text = `a: &a ${items('docker')}\n`;
    let previous = 'a';
    for (const name of 'bcdefghi') {
      text += `${name}: &${name} ${items(`*${previous}`)}\n`;
      previous = name;
    }
    text += `docker::runs:\n  x:\n    env: *${previous}\n    privileged: true\n`;
    const result = await lintFiles([{ path: 'data/bomb.yaml', text }], {
      config: false,
      rules: QUIET,
    });
    expect(result.findings.map((f) => `${f.line} ${f.ruleId}`)).toEqual([
      '13 privileged-container',
    ]);
  });

  it('reports nesting too deep as a syntax error', async () => {
    const text = `docker::runs:\n  x: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const result = await lintFiles([{ path: 'data/deep.yaml', text }], { config: false });
    expect(result.findings.map((f) => f.message)).toEqual([
      'malformed YAML: nesting exceeded maxDepth (64)',
    ]);
  });

  it('keeps going past NUL bytes and invalid text in a flag string', async () => {
    const text = `docker::run { "a\\u0000b":\n  extra_parameters => ['--cap-add', "--privileged='"],\n}\n`;
    const result = await lintFiles([{ path: 'm.pp', text: `${text}\u0000` }], { config: false });
    expect(result.findings.filter((f) => f.ruleId === 'internal-error')).toEqual([]);
  });
});
