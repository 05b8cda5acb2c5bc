import * as fs from 'node:fs';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { BerthError } from '../diagnostics/diagnostic.js';
import { manifestName, planChanges, writeOutput, type OutputFile } from '../generators/writer.js';
import { snapshotTree } from './support/tree.js';

vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  return { ...real, renameSync: vi.fn(real.renameSync), writeFileSync: vi.fn(real.writeFileSync) };
});

const first: OutputFile[] = [
  { path: 'chef/app/metadata.rb', content: "name 'app'\n" },
  { path: 'chef/app/recipes/default.rb', content: "docker_image 'nginx'\n" },
  { path: 'puppet/app/manifests/init.pp', content: 'class app {}\n' },
];
const second: OutputFile[] = [
  { path: 'chef/app/metadata.rb', content: "name 'app'\nversion '2.0.0'\n" },
  { path: 'chef/app/recipes/default.rb', content: "docker_image 'nginx'\n" },
  { path: 'puppet/app/manifests/init.pp', content: 'class app { }\n' },
  { path: 'puppet/app/data/common.yaml', content: '---\n' },
];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'berth-writer-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  vi.mocked(fs.renameSync).mockRestore?.();
});

const read = (path: string) => readFileSync(join(dir, path), 'utf8');
const managed = (tree: Record<string, string>) =>
  Object.keys(tree).filter((path) => !path.endsWith('/') && path !== manifestName);

describe('writing generated trees', () => {
  it('creates the tree and a manifest of what it wrote', () => {
    const report = writeOutput(dir, first, { force: false });
    expect(report.changes.map((c) => c.kind)).toEqual(['create', 'create', 'create']);
    expect(read('chef/app/metadata.rb')).toBe("name 'app'\n");
    const manifest = JSON.parse(read(manifestName));
    expect(Object.keys(manifest.files).sort()).toEqual(first.map((f) => f.path).sort());
  });

  it('rewrites nothing when run again with the same input', () => {
    writeOutput(dir, first, { force: false });
    const past = new Date('2020-01-01T00:00:00Z');
    for (const file of first) utimesSync(join(dir, file.path), past, past);
    const before = snapshotTree(dir);

    const report = writeOutput(dir, first, { force: false });

    expect(report.changes).toEqual([]);
    expect(report.unchanged).toBe(3);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('updates only the files whose content changes', () => {
    writeOutput(dir, first, { force: false });
    const before = snapshotTree(dir);
    const report = writeOutput(dir, second, { force: false });
    const after = snapshotTree(dir);

    expect(report.changes).toEqual([
      { kind: 'update', path: 'chef/app/metadata.rb' },
      { kind: 'create', path: 'puppet/app/data/common.yaml' },
      { kind: 'update', path: 'puppet/app/manifests/init.pp' },
    ]);
    expect(after['chef/app/recipes/default.rb']).toBe(before['chef/app/recipes/default.rb']);
  });

  it('names the berth file in the manifest, relative to the output folder', () => {
    writeOutput(join(dir, 'generated'), first, { force: false, source: join(dir, 'berth.yaml') });
    const manifest = JSON.parse(read(`generated/${manifestName}`));
    expect(manifest.source).toBe('../berth.yaml');
  });

  it('rewrites only the manifest when the same output comes from another berth file', () => {
    writeOutput(dir, first, { force: false, source: join(dir, 'a', 'berth.yaml') });
    const past = new Date('2020-01-01T00:00:00Z');
    for (const file of first) utimesSync(join(dir, file.path), past, past);
    const before = snapshotTree(dir);

    const report = writeOutput(dir, first, { force: false, source: join(dir, 'b', 'berth.yaml') });

    expect(report.changes).toEqual([]);
    const after = snapshotTree(dir);
    for (const file of first) expect(after[file.path]).toBe(before[file.path]);
    expect(JSON.parse(read(manifestName)).source).toBe('b/berth.yaml');
  });

  it.each([
    ['a list', '[]'],
    ['files that are null', '{"version": 1, "files": null}'],
    ['a source that is not a path', '{"version": 1, "source": 7, "files": {}}'],
  ])('reads a manifest holding %s as one that remembers nothing', (_, text) => {
    writeFileSync(join(dir, manifestName), text);
    const report = writeOutput(dir, first, { force: false });
    expect(report.changes.map((c) => c.kind)).toEqual(['create', 'create', 'create']);
    expect(JSON.parse(read(manifestName)).source).toBeUndefined();
  });

  it('refuses to overwrite a file edited by hand, and writes nothing at all', () => {
    writeOutput(dir, first, { force: false });
    writeFileSync(join(dir, 'chef/app/metadata.rb'), "name 'app' # tuned by hand\n");
    const before = snapshotTree(dir);

    const run = () => writeOutput(dir, second, { force: false });

    expect(run).toThrow(BerthError);
    try {
      run();
    } catch (error) {
      expect((error as BerthError).diagnostics.map((d) => d.code)).toEqual(['BERTH-WRITE-EDITED']);
      expect((error as BerthError).diagnostics[0]!.file).toBe(join(dir, 'chef/app/metadata.rb'));
    }
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('overwrites an edited file with force', () => {
    writeOutput(dir, first, { force: false });
    writeFileSync(join(dir, 'chef/app/metadata.rb'), 'edited\n');
    writeOutput(dir, second, { force: true });
    expect(read('chef/app/metadata.rb')).toBe("name 'app'\nversion '2.0.0'\n");
  });

  it('refuses a file berth never wrote that stands where a generated file must go', () => {
    writeFileSync(join(dir, 'notes.txt'), 'mine\n');
    fs.mkdirSync(join(dir, 'chef/app'), { recursive: true });
    writeFileSync(join(dir, 'chef/app/metadata.rb'), "name 'mine'\n");
    expect(() => writeOutput(dir, first, { force: false })).toThrow(/not written by berth/);
    expect(read('chef/app/metadata.rb')).toBe("name 'mine'\n");
  });

  it('deletes files it no longer generates, but never files it did not write', () => {
    writeOutput(dir, second, { force: false });
    writeFileSync(join(dir, 'puppet/app/README.local'), 'mine\n');
    const report = writeOutput(dir, first, { force: false });

    expect(report.changes).toContainEqual({ kind: 'delete', path: 'puppet/app/data/common.yaml' });
    expect(fs.existsSync(join(dir, 'puppet/app/data/common.yaml'))).toBe(false);
    expect(read('puppet/app/README.local')).toBe('mine\n');
  });

  it('keeps a file it no longer generates when someone edited it', () => {
    writeOutput(dir, second, { force: false });
    writeFileSync(join(dir, 'puppet/app/data/common.yaml'), '---\nmine: true\n');
    writeOutput(dir, first, { force: false });
    expect(read('puppet/app/data/common.yaml')).toBe('---\nmine: true\n');
  });

  it('plans without writing', () => {
    writeOutput(dir, first, { force: false });
    const before = snapshotTree(dir);
    expect(planChanges(dir, second).map((c) => c.kind)).toEqual(['update', 'create', 'update']);
    expect(planChanges(dir, first)).toEqual([]);
    expect(snapshotTree(dir)).toEqual(before);
  });
});

/**
 * A run that dies at any step: the k-th file-system write or rename fails as if the process
 * were killed there. Before the journal is in place the previous tree must be untouched;
 * after it, every file must be whole (old or new), and the next run must finish the job.
 */
describe('a run killed at any moment', () => {
  const real = vi.importActual<typeof import('node:fs')>('node:fs');
  const steps = 16;
  const outcomes = new Set<'before the journal' | 'after the journal' | 'not at all'>();

  it.each(Array.from({ length: steps }, (_, k) => [k]))('dies at step %i', async (step) => {
    const fsReal = await real;
    writeOutput(dir, first, { force: false });
    const previous = snapshotTree(dir);
    const oldContents = new Map(first.map((f) => [f.path, f.content]));
    const newContents = new Map(second.map((f) => [f.path, f.content]));

    let count = 0;
    const die = () => {
      if (count++ === step) throw Object.assign(new Error('killed'), { code: undefined });
    };
    vi.mocked(fs.writeFileSync).mockImplementation(
      (...args: Parameters<typeof fs.writeFileSync>) => {
        die();
        return fsReal.writeFileSync(...args);
      },
    );
    vi.mocked(fs.renameSync).mockImplementation((...args: Parameters<typeof fs.renameSync>) => {
      die();
      return fsReal.renameSync(...args);
    });

    let died = false;
    try {
      writeOutput(dir, second, { force: false });
    } catch {
      died = true;
    } finally {
      vi.mocked(fs.writeFileSync).mockImplementation(fsReal.writeFileSync);
      vi.mocked(fs.renameSync).mockImplementation(fsReal.renameSync);
    }

    const journalWritten = fsReal.existsSync(join(dir, '.berth-journal.json'));
    outcomes.add(
      died ? (journalWritten ? 'after the journal' : 'before the journal') : 'not at all',
    );
    if (died && !journalWritten) {
      // Died before the commit point: the previous output is exactly as it was.
      const now = snapshotTree(dir);
      for (const path of managed(previous)) expect(now[path]).toBe(previous[path]);
    }
    // Whatever the moment, no file of the previous output is missing, and every file there
    // is whole: its previous or its new content. A file only the new output has may be absent.
    for (const path of oldContents.keys()) {
      expect(fsReal.existsSync(join(dir, path)), path).toBe(true);
      expect([oldContents.get(path), newContents.get(path)]).toContain(read(path));
    }
    for (const path of newContents.keys()) {
      if (oldContents.has(path) || !fsReal.existsSync(join(dir, path))) continue;
      expect(read(path)).toBe(newContents.get(path));
    }

    writeOutput(dir, second, { force: false });
    for (const file of second) expect(read(file.path)).toBe(file.content);
    expect(fsReal.existsSync(join(dir, '.berth-journal.json'))).toBe(false);
    expect(fsReal.existsSync(join(dir, '.berth-staging'))).toBe(false);
  });

  it('died before the commit point, after it, and at no step, so every step was tried', () => {
    expect([...outcomes].sort()).toEqual(['after the journal', 'before the journal', 'not at all']);
  });
});
