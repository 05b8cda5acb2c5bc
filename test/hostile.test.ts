import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { writeOutput } from '../generators/writer.js';
import { cases } from './hostile/catalogue.js';
import { runBerth, stackTrace } from './support/cli.js';
import { snapshotTree } from './support/tree.js';

/**
 * The hostile-input catalogue: every case must exit 2 with exactly the expected code at the
 * expected place, show no stack trace, write nothing to standard output, and leave the output
 * folder (which holds an earlier generation) exactly as it was.
 */
describe('hostile input catalogue', () => {
  it('holds at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, hostile) => {
    if (hostile.available && !hostile.available()) {
      process.stderr.write(`\n*** hostile case "${hostile.name}" cannot run on this machine ***\n`);
      if (process.env.CI) throw new Error(`"${hostile.name}" must run under CI`);
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'berth-hostile-'));
    try {
      const previous = [{ path: 'docker/previous.sh', content: '#!/bin/sh\necho previous\n' }];
      writeOutput(join(dir, 'out'), previous, { force: false });
      const args = hostile.setup(dir);
      const before = snapshotTree(dir);

      const asRoot = process.getuid?.() === 0;
      const uid = asRoot ? hostile.runAs : undefined;
      const result = runBerth(args, { cwd: dir, ...(uid === undefined ? {} : { uid }) });

      expect(result.status, result.stderr).toBe(2);
      expect(result.stderr).toContain(hostile.code);
      if (hostile.at) expect(result.stderr).toContain(`:${hostile.at} ${hostile.code}`);
      expect(result.stderr).not.toMatch(stackTrace);
      expect(result.stderr).not.toContain('BERTH-INTERNAL');
      expect(result.stdout).toBe('');
      expect(snapshotTree(dir)).toEqual(before);
    } finally {
      hostile.cleanup?.(dir);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
