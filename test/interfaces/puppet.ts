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
}

/** Compiles one catalog. See {@link compilePuppetBatch}. */
export async function compilePuppet(options: PuppetCompileOptions): Promise<InterpreterResult> {
  const [result] = await compilePuppetBatch([options]);
  return result!;
}

/**
 * Compiles one catalog per case against the stand-in `docker` module and Debian's stdlib, in
 * one Ruby process (or `processes` of them), each case in its own Puppet environment with its
 * own modulepath and Hiera data. Results come back in the order of the cases. Rejects only
 * when the interpreter itself cannot run; a catalog that fails to compile is a result.
 */
export async function compilePuppetBatch(
  cases: readonly PuppetCompileOptions[],
  options: PuppetBatchOptions = {},
): Promise<InterpreterResult[]> {
  const root = await mkdtemp(join(tmpdir(), 'berth-puppet-'));
  try {
    const jobs = splitEvenly(
      cases.map((spec, index) => ({ spec, index })),
      options.processes ?? 1,
    );
    const chunks = await Promise.all(jobs.map((job, n) => runJob(root, `job${n}`, job)));
    return chunks.flat();
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

interface IndexedCase {
  spec: PuppetCompileOptions;
  index: number;
}

async function runJob(
  root: string,
  name: string,
  cases: IndexedCase[],
): Promise<InterpreterResult[]> {
  const dirs = await makePuppetDirs(join(root, name));
  const staged = await Promise.all(cases.map((entry) => stageCase(dirs, entry)));
  const jobFile = join(dirs.base, 'job.json');
  const resultsFile = join(dirs.base, 'results.jsonl');
  await writeFile(jobFile, JSON.stringify({ ...dirs.settings, cases: staged }));

  const run = await runProcess('ruby', [driver, jobFile, resultsFile]);
  if (run.code !== 0) {
    throw new Error(`the Puppet compile driver failed (exit ${run.code}):\n${run.stderr}`);
  }

  const lines = (await readFile(resultsFile, 'utf8')).split('\n').filter(Boolean);
  return Promise.all(staged.map((entry, i) => readCaseResult(lines[i], entry.probeLog)));
}

interface PuppetDirs {
  base: string;
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
  return { base, vendor, settings };
}

interface StagedCase {
  environment: string;
  classes: string[];
  probeLog: string;
}

async function stageCase(dirs: PuppetDirs, { spec, index }: IndexedCase): Promise<StagedCase> {
  const environment = `case_${index}`;
  const envDir = join(dirs.settings.environmentpath, environment);
  const modulesDir = join(envDir, 'modules');
  await mkdir(join(envDir, 'data'), { recursive: true });
  await mkdir(modulesDir);

  for (const [name, dir] of moduleNames(spec.modules)) {
    await symlink(resolve(dir), join(modulesDir, name));
  }
  const modulepath = ['modules', standInModules, dirs.vendor].join(':');
  await writeFile(join(envDir, 'environment.conf'), `modulepath = ${modulepath}\n`);
  await writeFile(join(envDir, 'hiera.yaml'), environmentHiera);
  await writeFile(join(envDir, 'data', 'common.json'), JSON.stringify(spec.hieraData ?? {}));

  const probeLog = join(envDir, 'probe.jsonl');
  return { environment, classes: spec.classes.map(checkClassName), probeLog };
}

// JSON data rather than YAML: every value the test passes arrives exactly as given.
const environmentHiera = `---
version: 5
defaults:
  datadir: data
  data_hash: json_data
hierarchy:
  - name: common
    path: common.json
`;

/** A module's name: the part after the dash in metadata.json's `name`, else the directory's. */
function moduleNames(dirs: readonly string[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const dir of dirs) {
    const name = metadataName(dir) ?? basename(resolve(dir));
    if (reservedNames.has(name)) throw new Error(`module ${dir}: the name "${name}" is reserved`);
    if (names.has(name)) throw new Error(`modules ${names.get(name)} and ${dir} share "${name}"`);
    names.set(name, dir);
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

async function readCaseResult(
  line: string | undefined,
  probeLog: string,
): Promise<InterpreterResult> {
  if (line === undefined) throw new Error('the Puppet compile driver stopped before this case');
  const outcome = JSON.parse(line) as Omit<InterpreterResult, 'resources'>;
  const resources = existsSync(probeLog) ? parseJsonLines(await readFile(probeLog, 'utf8')) : [];
  return { ok: outcome.ok, errors: outcome.errors, warnings: outcome.warnings, resources };
}

function parseJsonLines(text: string): RecordedResource[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as RecordedResource);
}
