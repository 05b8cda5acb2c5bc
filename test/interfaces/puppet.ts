import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { runProcess, splitEvenly } from './process.js';
import type { InterpreterResult, RecordedResource } from './recorded.js';

export type { InterpreterResult, RecordedResource } from './recorded.js';

const here = dirname(fileURLToPath(import.meta.url));
const driver = join(here, 'puppet', 'compile.rb');
const standInModules = join(here, 'puppet', 'modules');

/** Debian's puppetlabs-stdlib (package puppet-module-puppetlabs-stdlib). */
export const stdlibPath = '/usr/share/puppet/modules/stdlib';

/** Module names the harness itself puts on the modulepath. */
const reservedNames = new Set(['docker', 'berth_probe', 'stdlib']);

export interface PuppetCompileOptions {
  /** Directories of the modules under test, each with `manifests/`, and usually `hiera.yaml`. */
  modules: string[];
  /** Classes to include, as `puppet apply -e 'include a include b'` would. */
  classes: string[];
  /**
   * Environment-level Hiera data (the layer above module data). Keys are lookup keys;
   * `lookup_options` works as in a data file, e.g.
   * `{ lookup_options: { 'codeit::password': { convert_to: 'Sensitive' } } }`.
   */
  hieraData?: Record<string, unknown>;
}

export interface PuppetBatchOptions {
  /** Ruby processes to spread the cases over (default 1); each one pays the Puppet start. */
  processes?: number;
  /**
   * One Puppet environment per case. By default cases whose modules have distinct names share
   * an environment, so the stand-ins are parsed and loaded once for all of them; a case can
   * then see (but does not include) the other modules of its environment.
   */
  isolate?: boolean;
}

/** Compiles one catalog. See {@link compilePuppetBatch}. */
export async function compilePuppet(options: PuppetCompileOptions): Promise<InterpreterResult> {
  const [result] = await compilePuppetBatch([options]);
  return result!;
}

/**
 * Compiles one catalog per case against the stand-in `docker` module and Debian's stdlib, in
 * one Ruby process (or `processes` of them). Each case has its own node, compile, classes and
 * environment-level Hiera data. Results come back in the order of the cases. Rejects only
 * when the interpreter itself cannot run; a catalog that fails to compile is a result.
 */
export async function compilePuppetBatch(
  cases: readonly PuppetCompileOptions[],
  options: PuppetBatchOptions = {},
): Promise<InterpreterResult[]> {
  const root = await mkdtemp(join(tmpdir(), 'berth-puppet-'));
  try {
    const indexed = cases.map((spec, index) => ({ spec, index, names: moduleNames(spec.modules) }));
    const isolate = options.isolate ?? false;
    const chunks = await Promise.all(
      splitEvenly(indexed, options.processes ?? 1).map((chunk, n) =>
        runJob(join(root, `job${n}`), groupCases(chunk, isolate)),
      ),
    );

    const results: InterpreterResult[] = [];
    for (const { index, result } of chunks.flat()) results[index] = result;
    return results;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

interface IndexedCase {
  spec: PuppetCompileOptions;
  index: number;
  /** Module name → directory. */
  names: Map<string, string>;
}

interface Group {
  modules: Map<string, string>;
  cases: IndexedCase[];
}

/** Puts each case in the first group where none of its module names means another directory. */
function groupCases(cases: readonly IndexedCase[], isolate: boolean): Group[] {
  const groups: Group[] = [];
  for (const entry of cases) {
    const fits = (group: Group) =>
      [...entry.names].every(([name, dir]) => (group.modules.get(name) ?? dir) === dir);
    let group = isolate ? undefined : groups.find(fits);
    if (!group) {
      group = { modules: new Map(), cases: [] };
      groups.push(group);
    }
    for (const [name, dir] of entry.names) group.modules.set(name, dir);
    group.cases.push(entry);
  }
  return groups;
}

async function runJob(
  base: string,
  groups: readonly Group[],
): Promise<{ index: number; result: InterpreterResult }[]> {
  const dirs = await makePuppetDirs(base);
  const staged = (
    await Promise.all(groups.map((group, n) => stageGroup(dirs, `env_${n}`, group)))
  ).flat();
  const jobFile = join(base, 'job.json');
  const resultsFile = join(base, 'results.jsonl');
  await writeFile(jobFile, JSON.stringify({ ...dirs.settings, cases: staged }));

  const run = await runProcess('ruby', [driver, jobFile, resultsFile]);
  if (run.code !== 0) {
    throw new Error(`the Puppet compile driver failed (exit ${run.code}):\n${run.stderr}`);
  }

  const lines = (await readFile(resultsFile, 'utf8')).split('\n').filter(Boolean);
  if (lines.length !== staged.length) {
    throw new Error(`the Puppet compile driver answered ${lines.length} of ${staged.length} cases`);
  }
  return Promise.all(
    staged.map(async (entry, i) => ({
      index: entry.index,
      result: await readCaseResult(lines[i]!, entry),
    })),
  );
}

interface PuppetDirs {
  vendor: string;
  settings: { confdir: string; vardir: string; codedir: string; environmentpath: string };
}

/** Private confdir, vardir and codedir, so that nothing under /etc/puppet is read or written. */
async function makePuppetDirs(base: string): Promise<PuppetDirs> {
  const settings = {
    confdir: join(base, 'conf'),
    vardir: join(base, 'var'),
    codedir: join(base, 'code'),
    environmentpath: join(base, 'environments'),
  };
  const vendor = join(base, 'vendor');
  for (const dir of [...Object.values(settings), vendor]) await mkdir(dir, { recursive: true });

  // stdlib gets a directory of its own: Debian's module directory holds many other modules.
  await symlink(stdlibPath, join(vendor, 'stdlib'));
  await writeFile(join(settings.confdir, 'hiera.yaml'), '---\nversion: 5\nhierarchy: []\n');
  return { vendor, settings };
}

interface StagedCase {
  environment: string;
  case: string;
  classes: string[];
  probeLog: string;
  index: number;
}

async function stageGroup(
  dirs: PuppetDirs,
  environment: string,
  group: Group,
): Promise<StagedCase[]> {
  const envDir = join(dirs.settings.environmentpath, environment);
  await mkdir(join(envDir, 'modules'), { recursive: true });
  await mkdir(join(envDir, 'data', 'cases'), { recursive: true });
  for (const [name, dir] of group.modules) await symlink(dir, join(envDir, 'modules', name));

  const modulepath = ['modules', standInModules, dirs.vendor].join(':');
  await writeFile(join(envDir, 'environment.conf'), `modulepath = ${modulepath}\n`);
  await writeFile(join(envDir, 'hiera.yaml'), environmentHiera);

  return Promise.all(
    group.cases.map(async ({ spec, index }) => {
      const id = `case_${index}`;
      await writeFile(
        join(envDir, 'data', 'cases', `${id}.json`),
        JSON.stringify(spec.hieraData ?? {}),
      );
      const probeLog = join(envDir, `${id}.probe.jsonl`);
      return { environment, case: id, classes: spec.classes.map(checkClassName), probeLog, index };
    }),
  );
}

// Each case reads its own data file, chosen by the `berth_case` fact the driver sets. JSON
// rather than YAML, so that every value the test passes arrives exactly as given.
const environmentHiera = `---
version: 5
defaults:
  datadir: data
  data_hash: json_data
hierarchy:
  - name: "this case"
    path: "cases/%{facts.berth_case}.json"
`;

/** A module's name: the part after the dash in metadata.json's `name`, else the directory's. */
function moduleNames(dirs: readonly string[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const dir of dirs) {
    const name = metadataName(dir) ?? basename(resolve(dir));
    if (reservedNames.has(name)) throw new Error(`module ${dir}: the name "${name}" is reserved`);
    if (names.has(name)) throw new Error(`modules ${names.get(name)} and ${dir} share "${name}"`);
    names.set(name, resolve(dir));
  }
  return names;
}

function metadataName(dir: string): string | undefined {
  const file = join(dir, 'metadata.json');
  if (!existsSync(file)) return undefined;
  const metadata = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown };
  return typeof metadata.name === 'string' ? metadata.name.split(/[-/]/).pop() : undefined;
}

function checkClassName(name: string): string {
  if (!/^(::)?[a-z][a-z0-9_]*(::[a-z][a-z0-9_]*)*$/.test(name)) {
    throw new Error(`"${name}" is not a Puppet class name`);
  }
  return name;
}

async function readCaseResult(line: string, entry: StagedCase): Promise<InterpreterResult> {
  const outcome = JSON.parse(line) as Omit<InterpreterResult, 'resources'> & { case: string };
  if (outcome.case !== entry.case) throw new Error(`expected ${entry.case}, got ${outcome.case}`);
  const resources = existsSync(entry.probeLog)
    ? parseJsonLines(await readFile(entry.probeLog, 'utf8'))
    : [];
  return { ok: outcome.ok, errors: outcome.errors, warnings: outcome.warnings, resources };
}

function parseJsonLines(text: string): RecordedResource[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as RecordedResource);
}
