import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { berthBin } from './support/cli.js';
import { snapshotTree } from './support/tree.js';

/**
 * A real `berth generate`, killed with SIGKILL at spread-out moments while it replaces one
 * output with another: every file left behind is whole (the old or the new version), and the
 * next run ends with exactly the new output.
 */
const dir = mkdtempSync(join(tmpdir(), 'berth-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fleet(count: number, tag: string): string {
  const lines = ['name: fleet', 'version: 1.0.0', 'author: acme', 'containers:'];
  for (let i = 0; i < count; i++) {
    lines.push(`  app-${i}:`, `    image: acme/app:${tag}`, `    environment: { INDEX: "${i}" }`);
  }
  return `${lines.join('\n')}\n`;
}

function generate(file: string, out: string) {
  return spawnSync(process.execPath, [berthBin, 'generate', file, '--out', out], {
    encoding: 'utf8',
  });
}

describe('a generate killed at any moment', () => {
  const oldFile = join(dir, 'old.yaml');
  const newFile = join(dir, 'new.yaml');
  writeFileSync(oldFile, fleet(3000, '1.0'));
  writeFileSync(newFile, fleet(3000, '2.0'));
  const reference = (file: string, name: string) => {
    const out = join(dir, name);
    expect(generate(file, out).status).toBe(0);
    return snapshotContents(out);
  };

  it('leaves whole files that the next run completes', async () => {
    const before = reference(oldFile, 'ref-old');
    const after = reference(newFile, 'ref-new');
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    const start = Date.now();
    generate(newFile, join(dir, 'timing'));
    const duration = Date.now() - start;

    for (let round = 0; round < 8; round++) {
      const out = join(dir, `round-${round}`);
      expect(generate(oldFile, out).status).toBe(0);
      await killedRun(newFile, out, (duration * (round + 1)) / 9);

      // Both outputs have the same paths: a kill may leave a mix of versions, never a gap.
      const left = snapshotContents(out);
      expect(Object.keys(left).sort()).toEqual(Object.keys(before).sort());
      for (const [path, content] of Object.entries(left)) {
        expect([before[path], after[path]], path).toContain(content);
      }
      expect(generate(newFile, out).status).toBe(0);
      expect(snapshotContents(out)).toEqual(after);
    }
  });
});

function killedRun(file: string, out: string, afterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [berthBin, 'generate', file, '--out', out], {
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Path to content of every generated file (the manifest and leftovers of a run excluded). */
function snapshotContents(out: string): Record<string, string> {
  const contents: Record<string, string> = {};
  for (const path of Object.keys(snapshotTree(out))) {
    if (path.endsWith('/') || path.startsWith('.berth')) continue;
    contents[path] = readFileSync(join(out, path), 'utf8');
  }
  return contents;
}
