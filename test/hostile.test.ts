import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { writeOutput } from '../generators/writer.js';
import { cases } from './hostile/catalogue.js';
import { runBerth, stackTrace } from './support/cli.js';
import { snapshotTree } from './support/tree.js';

interface Printed {
  /** What precedes the code: `file:line:column`, a file alone, or nothing. */
  place: string;
  /** The place without its position. */
  file: string;
  code: string;
  message: string;
}

/**
 * The diagnostics in a run's standard error: each is a `place CODE message` line followed by
 * indented lines (the hint, the other places), so every line that is not indented starts one.
 */
function diagnostics(stderr: string): Printed[] {
  return stderr
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith(' '))
    .map((line) => {
      const head = /^(?:(.*?) )?(BERTH-[A-Z0-9-]+) (.*)$/.exec(line);
      if (!head) return { place: '', file: '', code: '', message: line };
      const place = head[1] ?? '';
      return { place, file: place.replace(/:\d+:\d+$/, ''), code: head[2]!, message: head[3]! };
    });
}

/**
 * The hostile-input catalogue: every case must exit 2 with exactly one diagnostic, of the
 * expected code at the expected place (or at none), with the expected message and suggestion,
 * show no stack trace, write nothing to standard output, and leave the output folder (which
 * holds an earlier generation) exactly as it was.
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
      const printed = diagnostics(result.stderr);
      expect(printed, result.stderr).toHaveLength(1);
      const [only] = printed;
      expect(only!.code).toBe(hostile.code);
      // Located problems point into the berth file; the others carry no position at all.
      expect(only!.place).toBe(
        hostile.at ? `${join(dir, 'berth.yaml')}:${hostile.at}` : only!.file,
      );
      if (hostile.message) expect(only!.message).toBe(hostile.message(dir));
      if (hostile.suggests) {
        expect(only!.message).toMatch(new RegExp(`did you mean "?${hostile.suggests}\\b`));
      } else {
        expect(only!.message).not.toContain('did you mean');
      }
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
