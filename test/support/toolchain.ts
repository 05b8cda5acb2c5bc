import { execFileSync } from 'node:child_process';

/**
 * The real interpreters the proofs run against. On a laptop without them the suites that need
 * them skip with a loud message; under CI (CI=true) a missing tool is a failure, because a
 * skipped proof is no proof.
 */
export type Tool = 'ruby' | 'puppet' | 'puppet-lint';

const found = new Map<Tool, boolean>();

export function hasTool(tool: Tool): boolean {
  let ok = found.get(tool);
  if (ok === undefined) {
    try {
      execFileSync(tool, ['--version'], { stdio: 'ignore', timeout: 60_000 });
      ok = true;
    } catch {
      ok = false;
    }
    found.set(tool, ok);
  }
  return ok;
}

/**
 * Returns true when the suite may run. Throws under CI when the tool is missing; elsewhere
 * prints a warning that names the tool and the Debian package that brings it.
 */
export function requireTool(tool: Tool, suite: string): boolean {
  if (hasTool(tool)) return true;
  const message =
    `${suite}: \`${tool}\` is not installed, so this suite is SKIPPED. ` +
    `Install it with \`apt-get install ${tool}\` to run the proof.`;
  if (process.env.CI) throw new Error(`${message} Under CI a missing toolchain is a failure.`);
  process.stderr.write(`\n*** ${message} ***\n\n`);
  return false;
}
