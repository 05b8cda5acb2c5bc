import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { BerthError } from '../../diagnostics/diagnostic.js';
import { targets } from '../../generators/index.js';
import type { GeneratedFile } from '../../generators/types.js';
import { modelFromText } from '../../model/index.js';

/** A berth file given as text, as the pull-request reporter reads it at the head commit. */
export interface SpecSource {
  /** As shown in messages and resolved against the working folder. */
  path: string;
  /** Undefined when the file does not exist. */
  text: string | undefined;
}

/** One file the berth file generates, with the folder of its tree (`chef/codeit`). */
export interface Rendered {
  root: string;
  file: GeneratedFile;
}

/** The berth file found for a generated file, rendered; or why there is none. */
export type Spec =
  { ok: true; path: string; rendered: Rendered[] } | { ok: false; path: string; problem: string };

/** Reads, validates and renders a berth file with every target, as `berth generate` would. */
export function renderSpec(source: SpecSource): Spec {
  if (source.text === undefined) {
    return { ok: false, path: source.path, problem: `${source.path} does not exist` };
  }
  try {
    const { model } = modelFromText(source.path, source.text);
    const rendered = targets.flatMap((target) => {
      const result = target.render(model);
      return result.files.map((file) => ({ root: result.root, file }));
    });
    return { ok: true, path: source.path, rendered };
  } catch (error) {
    if (!(error instanceof BerthError)) throw error;
    return { ok: false, path: source.path, problem: invalidSpec(source.path, error) };
  }
}

function invalidSpec(path: string, error: BerthError): string {
  const first = error.diagnostics[0];
  if (!first) return `${path} is invalid`;
  const where = first.line === undefined ? '' : ` at line ${first.line}:${first.column ?? 1}`;
  return `${path} is invalid (${first.code}${where}: ${first.message})`;
}

/** Reads a berth file from disk; a file that cannot be read counts as missing. */
export function readSpec(absolute: string, shown: string): SpecSource {
  try {
    return { path: shown, text: readFileSync(absolute, 'utf8') };
  } catch {
    return { path: shown, text: undefined };
  }
}

/** The nearest `name` in `folder` or a folder above it. */
export function findUpwards(folder: string, name: string): string | undefined {
  let current = resolve(folder);
  for (;;) {
    const candidate = join(current, name);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/**
 * The rendered file a file on disk corresponds to: its path ends with the tree's folder and
 * the file's path in it (`chef/codeit/recipes/default.rb`); or, for a tree kept elsewhere
 * (`cookbooks/codeit/`), with the tree's last folder and the file's path; or, failing both,
 * with a path in the tree that only one rendered file has (`recipes/default.rb`).
 */
export function renderedFor(path: string, rendered: readonly Rendered[]): Rendered | undefined {
  const posix = `/${path.replace(/\\/g, '/')}`;
  let best: Rendered | undefined;
  let bestScore = 0;
  for (const candidate of rendered) {
    const score = matchScore(posix, candidate, rendered);
    if (score > bestScore) [best, bestScore] = [candidate, score];
  }
  return best;
}

function matchScore(posix: string, candidate: Rendered, rendered: readonly Rendered[]): number {
  const last = candidate.root.split('/').pop() ?? candidate.root;
  if (posix.endsWith(`/${candidate.root}/${candidate.file.path}`)) return 3;
  if (posix.endsWith(`/${last}/${candidate.file.path}`)) return 2;
  if (!posix.endsWith(`/${candidate.file.path}`)) return 0;
  const same = rendered.filter((other) => other.file.path === candidate.file.path);
  return same.length === 1 ? 1 : 0;
}

/** The folder on disk that holds the tree `rendered` belongs to, given where one file is. */
export function treeFolder(path: string, rendered: Rendered): string {
  const posix = path.replace(/\\/g, '/');
  return posix.slice(0, posix.length - rendered.file.path.length).replace(/\/$/, '');
}
