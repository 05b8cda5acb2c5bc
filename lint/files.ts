import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

import yaml from 'js-yaml';

import { fail } from '../diagnostics/diagnostic.js';
import type { SourceKind } from './extract/index.js';
import { globMatcher } from './glob.js';

/** Folders a walk never enters: tools' caches, vendored gems and modules, test fixtures. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'vendor', '.bundle', 'pkg']);
const SKIPPED_PATHS = /(?:^|\/)spec\/fixtures$/;

/** Folders whose YAML files are Hiera data, by Hiera's and the PDK's conventions. */
const HIERA_FOLDERS = /(?:^|\/)(?:data|hieradata)\//;

export interface Classifier {
  /** What a file is, or undefined when berth does not read it. */
  kindOf(absolute: string, named: boolean): SourceKind | undefined;
  /** Whether the configuration's `ignore` patterns leave the path out. */
  ignored(absolute: string): boolean;
  /** Takes the data folders a `hiera.yaml` in `folder` names, for the folders below it. */
  learnHieraConfig(folder: string): void;
}

/**
 * `*.rb` files are recipes and `*.pp` files manifests. A YAML file is Hiera data when it is
 * under a `data/` or `hieradata/` folder, matches a `hiera` pattern of the configuration, or
 * is named on the command line; other YAML files (CI settings, Compose files) are not read.
 */
export function classifier(
  base: string,
  ignore: readonly string[],
  hiera: readonly string[],
): Classifier {
  const ignoredPath = globMatcher(ignore);
  const hieraPath = globMatcher(hiera);
  const relativeTo = (absolute: string) => toPosix(relative(base, absolute));
  const dataFolders: string[] = [];
  const inDataFolder = (absolute: string) =>
    dataFolders.some((folder) => absolute.startsWith(folder + sep));
  return {
    kindOf(absolute, named) {
      if (absolute.endsWith('.rb')) return 'recipe';
      if (absolute.endsWith('.pp')) return 'manifest';
      if (!/\.ya?ml$/.test(absolute)) return undefined;
      const path = relativeTo(absolute);
      const isHiera =
        named || HIERA_FOLDERS.test(`/${path}`) || hieraPath(path) || inDataFolder(absolute);
      return isHiera ? 'hiera' : undefined;
    },
    ignored: (absolute) => ignore.length > 0 && ignoredPath(relativeTo(absolute)),
    learnHieraConfig(folder) {
      for (const datadir of hieraDatadirs(join(folder, 'hiera.yaml'))) {
        dataFolders.push(resolve(folder, datadir));
      }
    },
  };
}

/**
 * The data folders of a Hiera 5 `hiera.yaml`: `defaults.datadir` (`data` when unset) and each
 * level's own. A file that cannot be read or is not Hiera 5 names none, and a folder built
 * from interpolations (`%{environment}`) is left out: berth cannot know it.
 */
function hieraDatadirs(config: string): string[] {
  let parsed: unknown;
  try {
    parsed = yaml.load(readFileSync(config, 'utf8'), { schema: yaml.CORE_SCHEMA });
  } catch {
    return [];
  }
  if (!isRecord(parsed) || parsed.version !== 5) return [];
  const defaults = isRecord(parsed.defaults) ? parsed.defaults : {};
  const levels = Array.isArray(parsed.hierarchy) ? parsed.hierarchy.filter(isRecord) : [];
  const folders = [defaults.datadir ?? 'data', ...levels.map((level) => level.datadir)];
  return folders.filter(
    (folder): folder is string => typeof folder === 'string' && !folder.includes('%{'),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface FoundFile {
  /** As reported: relative to the working folder when given so, with `/` separators. */
  path: string;
  absolute: string;
  kind: SourceKind;
}

/**
 * The files to lint under the given paths, sorted. A file named directly is linted whatever
 * its folder; folders are walked, following symbolic links once each, and skipping hidden
 * folders and those in SKIPPED_FOLDERS. A path that does not exist stops the run.
 */
export function findFiles(
  paths: readonly string[],
  cwd: string,
  classify: Classifier,
): FoundFile[] {
  const found = new Map<string, FoundFile>();
  const visited = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const stat = statOrFail(absolute, path);
    if (stat.isDirectory()) walk(path, absolute, classify, visited, found);
    else addFile(path, absolute, true, classify, found);
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function statOrFail(absolute: string, shown: string) {
  try {
    return statSync(absolute);
  } catch {
    const lintHint =
      'check the path; berth lint takes files and folders of recipes, manifests and Hiera data';
    fail(
      'BERTH-LINT-INPUT',
      { problem: `no such file or folder "${shown}"`, lintHint },
      { file: shown },
    );
  }
}

function walk(
  shown: string,
  absolute: string,
  classify: Classifier,
  visited: Set<string>,
  found: Map<string, FoundFile>,
): void {
  const real = safeRealpath(absolute);
  if (real === undefined || visited.has(real)) return;
  visited.add(real);
  const entries = readEntries(absolute, shown);
  if (entries.some((entry) => entry.name === 'hiera.yaml' && !entry.isDirectory())) {
    classify.learnHieraConfig(absolute);
  }
  for (const entry of entries) {
    const childShown = shown === '.' ? entry.name : join(shown, entry.name);
    const childAbsolute = join(absolute, entry.name);
    const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && isFolder(childAbsolute));
    if (isDirectory) {
      if (skipFolder(entry.name, childAbsolute, classify)) continue;
      walk(childShown, childAbsolute, classify, visited, found);
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      addFile(childShown, childAbsolute, false, classify, found);
    }
  }
}

function skipFolder(name: string, absolute: string, classify: Classifier): boolean {
  if (name.startsWith('.') || SKIPPED_FOLDERS.has(name)) return true;
  return SKIPPED_PATHS.test(toPosix(absolute)) || classify.ignored(absolute);
}

function addFile(
  shown: string,
  absolute: string,
  named: boolean,
  classify: Classifier,
  found: Map<string, FoundFile>,
): void {
  const kind = classify.kindOf(absolute, named);
  if (!kind || classify.ignored(absolute)) return;
  const path = toPosix(shown);
  if (!found.has(path)) found.set(path, { path, absolute, kind });
}

/** A folder that cannot be listed stops the run: berth would not see all of its input. */
function readEntries(folder: string, shown: string): Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    const problem = `cannot list the folder "${shown}" (${reason})`;
    const lintHint = 'check its permissions, or leave it out with --ignore';
    fail('BERTH-LINT-INPUT', { problem, lintHint }, { file: shown });
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function safeRealpath(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
