import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

import { BerthError, diagnostic, fail, type Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * Writes generated trees so that nothing is lost:
 *
 * - a file is never half-written: new contents are written beside the tree, then renamed;
 * - a run that is killed leaves the previous output whole: renames start only after a journal
 *   listing them is in place, and the next run finishes a journal it finds;
 * - an unchanged file is not touched (content and modification time stay);
 * - a file someone edited after berth wrote it is not overwritten without `force`;
 * - berth deletes only files it wrote itself and nobody edited since.
 *
 * What berth wrote is remembered in a manifest at the top of the output folder, by path and
 * SHA-256, which is how an edit is told apart from berth's own earlier output. The manifest
 * also names the berth file the output came from, which is how `berth lint` finds it for the
 * drift check when it is not in the output's folder or above it.
 */

export const manifestName = '.berth-manifest.json';
const journalName = '.berth-journal.json';
const stagingName = '.berth-staging';

export interface OutputFile {
  /** Relative to the output folder, with `/`. */
  path: string;
  content: string;
}

export interface WriteOptions {
  force: boolean;
  /** The berth file the files were generated from. */
  source?: string;
}

export type ChangeKind = 'create' | 'update' | 'delete';

export interface Change {
  kind: ChangeKind;
  path: string;
}

export interface WriteReport {
  changes: Change[];
  unchanged: number;
}

export interface Manifest {
  version: 1;
  /** The berth file, relative to the output folder and with `/`. */
  source?: string;
  /** Each file berth wrote, relative to the output folder, with the SHA-256 of its content. */
  files: Record<string, string>;
}

interface Journal {
  renames: [string, string][];
  deletes: string[];
}

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/**
 * What writing `files` would change, without changing anything (`generate --check`): a file
 * edited by hand is simply one that differs.
 */
export function planChanges(outDir: string, files: OutputFile[]): Change[] {
  return plan(outDir, files, { force: true }).changes;
}

/** Brings the output folder to exactly `files` (plus whatever berth did not write). */
export function writeOutput(
  outDir: string,
  files: OutputFile[],
  options: WriteOptions,
): WriteReport {
  ensureDirectory(outDir);
  recover(outDir);

  const { changes, manifest, previous } = plan(outDir, files, options);
  const unchanged = files.length - changes.filter((c) => c.kind !== 'delete').length;
  const remembered = existsSync(join(outDir, manifestName)) && previous.source === manifest.source;
  if (changes.length === 0 && remembered) return { changes, unchanged };

  const contents = new Map(files.map((f) => [f.path, f.content]));
  const staging = join(outDir, stagingName);
  const journal: Journal = { renames: [], deletes: [] };

  guarded(staging, () => {
    rmSync(staging, { recursive: true, force: true });
    makeDirectory(staging);
    changes.forEach((change, index) => {
      if (change.kind === 'delete') {
        journal.deletes.push(change.path);
        return;
      }
      const staged = join(stagingName, String(index));
      writeFileSync(join(outDir, staged), contents.get(change.path)!);
      journal.renames.push([staged, change.path]);
    });
    const manifestStaged = join(stagingName, 'manifest');
    writeFileSync(join(outDir, manifestStaged), `${JSON.stringify(manifest, null, 2)}\n`);
    journal.renames.push([manifestStaged, manifestName]);
    commitJournal(outDir, journal);
  });

  recover(outDir);
  return { changes, unchanged };
}

function plan(outDir: string, files: OutputFile[], options: WriteOptions) {
  const previous = readManifest(outDir);
  const changes: Change[] = [];
  const refusals: Diagnostic[] = [];
  const next: Manifest = { version: 1, source: sourceFrom(outDir, options.source), files: {} };

  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const blocked = blockedBy(outDir, file.path);
    if (blocked) {
      refusals.push(blockedPath(blocked));
      continue;
    }
    const hash = sha256(file.content);
    next.files[file.path] = hash;
    const current = readIfFile(join(outDir, file.path));
    const currentHash = current === undefined ? undefined : sha256(current);
    if (currentHash === undefined) {
      changes.push({ kind: 'create', path: file.path });
    } else if (currentHash !== hash) {
      // Only berth's own last output may be replaced: a file whose content is not what the
      // manifest remembers was edited by hand, or was never berth's.
      if (!options.force && currentHash !== previous.files[file.path]) {
        refusals.push(editedFile(outDir, file.path));
      }
      changes.push({ kind: 'update', path: file.path });
    }
  }

  for (const [path, hash] of Object.entries(previous.files)) {
    if (path in next.files) continue;
    const current = readIfFile(join(outDir, path));
    // A file berth no longer generates is removed only while it is still berth's own: one
    // that was edited is kept (and forgotten by the manifest), so no one's work is deleted.
    if (current !== undefined && sha256(current) === hash) changes.push({ kind: 'delete', path });
  }

  if (refusals.length > 0) throw new BerthError(refusals);
  return { changes, manifest: next, previous };
}

/** The berth file as the manifest names it: relative, so the output can move with it. */
function sourceFrom(outDir: string, source: string | undefined): string | undefined {
  if (source === undefined) return undefined;
  return relative(resolve(outDir), resolve(source)).split(sep).join('/');
}

/**
 * The first path on the way to `path` that is not what the tree needs (a file where a folder
 * must go, or a folder where the file must go): found before anything is written, so that a
 * run never stops half-way through its renames.
 */
function blockedBy(outDir: string, path: string): string | undefined {
  const parts = path.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const current = join(outDir, ...parts.slice(0, i));
    const isLast = i === parts.length;
    try {
      const stat = statSync(current);
      if (isLast ? stat.isDirectory() : !stat.isDirectory()) return current;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function blockedPath(path: string): Diagnostic {
  return diagnostic(
    'BERTH-WRITE-FAILED',
    {
      path,
      reason: 'something else is in the way',
      writeHint: 'move it away, or choose another --out',
    },
    { file: path },
  );
}

function editedFile(outDir: string, path: string): Diagnostic {
  return diagnostic(
    'BERTH-WRITE-EDITED',
    { path: join(outDir, path) },
    { file: join(outDir, path) },
  );
}

/**
 * The manifest of an output folder: what berth wrote there, and from which berth file. A
 * missing or unreadable one is empty.
 */
export function readManifest(outDir: string): Manifest {
  const text = readIfFile(join(outDir, manifestName));
  const empty: Manifest = { version: 1, files: {} };
  if (text === undefined) return empty;
  try {
    const parsed: unknown = JSON.parse(text.toString('utf8'));
    if (!isRecord(parsed) || !isRecord(parsed.files)) return empty;
    const source = typeof parsed.source === 'string' ? parsed.source : undefined;
    return { version: 1, source, files: parsed.files as Record<string, string> };
  } catch {
    // A manifest that is not JSON says nothing about which files are berth's; treating every
    // existing file as someone else's is the safe reading: nothing is overwritten or deleted.
    return empty;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readIfFile(path: string): Buffer | undefined {
  try {
    return statSync(path).isFile() ? readFileSync(path) : undefined;
  } catch {
    return undefined;
  }
}

function ensureDirectory(outDir: string): void {
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) {
    fail('BERTH-WRITE-NOT-DIRECTORY', { path: outDir }, { file: outDir });
  }
  guarded(outDir, () => makeDirectory(outDir));
}

/**
 * Creates `path` and the folders above it that are missing, one at a time. Node's recursive
 * mkdir reports a refusal by a read-only or full file system as ENOENT (nodejs/node#47098),
 * which would tell the user a folder is missing; a plain mkdir reports the real reason.
 */
function makeDirectory(path: string): void {
  if (existsSync(path)) return;
  makeDirectory(dirname(path));
  mkdirSync(path);
}

/** The journal is written beside its final name and renamed: it exists whole or not at all. */
function commitJournal(outDir: string, journal: Journal): void {
  const path = join(outDir, journalName);
  writeFileSync(`${path}.tmp`, JSON.stringify(journal));
  renameSync(`${path}.tmp`, path);
}

/**
 * Finishes what a journal lists (renames are repeatable: a rename already done is skipped),
 * then removes the journal and the staging folder. Without a journal, a staging folder left by
 * a killed run holds nothing the tree refers to and is simply removed.
 */
function recover(outDir: string): void {
  const journalPath = join(outDir, journalName);
  const staging = join(outDir, stagingName);

  guarded(outDir, () => {
    const text = readIfFile(journalPath);
    if (text !== undefined) {
      const journal = JSON.parse(text.toString('utf8')) as Journal;
      for (const [from, to] of journal.renames) {
        if (!existsSync(join(outDir, from))) continue;
        makeDirectory(dirname(join(outDir, to)));
        renameSync(join(outDir, from), join(outDir, to));
      }
      for (const path of journal.deletes) rmSync(join(outDir, path), { force: true });
      unlinkSync(journalPath);
    }
    rmSync(`${journalPath}.tmp`, { force: true });
    rmSync(staging, { recursive: true, force: true });
  });
}

/** Runs file-system work, turning a refusal by the system into BERTH-WRITE-FAILED. */
function guarded(path: string, action: () => void): void {
  try {
    action();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    const reasons: Record<string, string> = {
      EACCES: 'permission denied',
      EPERM: 'operation not permitted',
      EROFS: 'read-only file system',
      ENOSPC: 'no space left on device',
      ENOTDIR: 'a path component is a file, not a folder',
      EEXIST: 'a file is in the way',
    };
    const reason = reasons[code] ?? code;
    fail(
      'BERTH-WRITE-FAILED',
      { path: (error as NodeJS.ErrnoException).path ?? path, reason, writeHint: writeHint(code) },
      { file: path },
    );
  }
}

function writeHint(code: string): string {
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return 'make the output folder writable, or choose another --out';
  }
  if (code === 'ENOSPC') return 'free some disk space';
  return 'check the output folder';
}
