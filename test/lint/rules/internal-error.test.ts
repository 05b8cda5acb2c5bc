import { describe, expect, it } from 'vitest';

import { exitCode } from '../../../lint/index.js';
import { LintEngine } from '../../../lint/engine.js';
import { emptyConfig } from '../../../lint/config.js';
import { rule as privileged } from '../../../lint/rules/privileged-container.js';
import { QUIET } from '../table.js';

describe('internal-error', () => {
  it('reports a rule that throws, keeps the other rules going, and exits 2', async () => {
    const original = privileged.check;
    privileged.check = () => {
      throw new Error('boom');
    };
    try {
      const engine = new LintEngine({ ...emptyConfig('/'), rules: { ...QUIET } });
      const text = `docker::run { 'a':\n  net => 'host',\n}\n`;
      const result = await engine.lint([{ path: 'm.pp', kind: 'manifest', text }]);
      expect(result.findings.map((f) => [f.ruleId, f.line, f.message])).toEqual([
        ['internal-error', 1, 'rule privileged-container failed on this file: boom'],
        ['host-namespace', 2, expect.stringContaining('network namespace')],
      ]);
      expect(exitCode(result)).toBe(2);
    } finally {
      privileged.check = original;
    }
  });
});
