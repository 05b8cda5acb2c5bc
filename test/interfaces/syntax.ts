import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { runProcess } from './process.js';

const here = join(dirname(fileURLToPath(import.meta.url)), 'syntax');

/** The puppet-lint options berth's generated modules must pass (see docs/proofs.md). */
export const puppetLintRc = join(here, 'puppet-lint.rc');

export interface CheckResult {
  /** True when no file has a problem and the tool reported nothing else. */
  ok: boolean;
  /** Every problem the tool reported, as it worded them. */
  problems: string[];
  /** The problems of each checked file (absolute path), an empty list for a clean file. */
  byFile: Record<string, string[]>;
}

/**
 * `ruby -wc` over many files in one Ruby process (`ruby -wc` checks only its first
 * argument). Every warning fails the check, like a syntax error.
 */
export async function rubySyntaxCheck(files: readonly string[]): Promise<CheckResult> {
  const paths = files.map((file) => resolve(file));
  const run = await runProcess('ruby', [join(here, 'ruby_syntax.rb'), ...paths]);
  if (run.code !== 0) throw new Error(`the Ruby syntax checker failed:\n${run.stderr}`);

  const byFile = emptyReport(paths);
  for (const line of run.stdout.split('\n').filter(Boolean)) {
    const { file, messages } = JSON.parse(line) as { file: string; messages: string[] };
    byFile[file] = messages;
  }
  return report(byFile);
}

/**
 * `puppet parser validate` over many files in one call, with Puppet 8's `strict=error`, in a
 * private confdir so that nothing under /etc/puppet is read. Warnings fail the check.
 */
export async function puppetParserValidate(files: readonly string[]): Promise<CheckResult> {
  const paths = files.map((file) => resolve(file));
  const dirs = await mkdtemp(join(tmpdir(), 'berth-validate-'));
  try {
    const settings = ['confdir', 'vardir', 'codedir'].flatMap((key) => [
      `--${key}`,
      join(dirs, key),
    ]);
    const args = ['parser', 'validate', '--color', 'false', '--strict', 'error', ...settings];
    const run = await runProcess('puppet', [...args, ...paths]);
    const problems = (run.stdout + run.stderr)
      .split('\n')
      .filter((line) => /^(Error|Warning)/.test(line));
    if (run.code !== 0 && problems.length === 0) problems.push(`puppet exited with ${run.code}`);
    return report(attribute(paths, problems, /\(file: ([^,)]+)/), problems);
  } finally {
    await rm(dirs, { recursive: true, force: true });
  }
}

/** puppet-lint over many files in one call, with {@link puppetLintRc} and no other rc file. */
export async function puppetLint(files: readonly string[]): Promise<CheckResult> {
  const paths = files.map((file) => resolve(file));
  const format = '%{fullpath}:%{line}:%{column}: %{kind}: %{message} (%{check})';
  const args = ['--no-config', '--config', puppetLintRc, '--log-format', format, ...paths];
  const run = await runProcess('puppet-lint', args);
  const problems = run.stdout.split('\n').filter(Boolean);
  if (run.code !== 0 && problems.length === 0) problems.push(`puppet-lint failed: ${run.stderr}`);
  return report(attribute(paths, problems, /^([^:]+):\d+:\d+:/), problems);
}

function emptyReport(paths: readonly string[]): Record<string, string[]> {
  return Object.fromEntries(paths.map((path) => [path, [] as string[]]));
}

/** Files each problem to the path the pattern finds in it. */
function attribute(
  paths: readonly string[],
  problems: readonly string[],
  pattern: RegExp,
): Record<string, string[]> {
  const byFile = emptyReport(paths);
  for (const problem of problems) {
    const file = pattern.exec(problem)?.[1];
    if (file !== undefined && file in byFile) byFile[file]!.push(problem);
  }
  return byFile;
}

function report(
  byFile: Record<string, string[]>,
  problems: readonly string[] = Object.values(byFile).flat(),
): CheckResult {
  return { ok: problems.length === 0, problems: [...problems], byFile };
}
