import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const berthBin = fileURLToPath(new URL('../../bin/berth.js', import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built `berth` command as a user would, with a bounded heap and a time limit: a
 * run that blows its memory or hangs fails the test instead of the machine.
 */
export function runBerth(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; input?: string; uid?: number } = {},
): CliResult {
  const result = spawnSync(process.execPath, ['--max-old-space-size=512', berthBin, ...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    input: options.input,
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A JavaScript stack trace line, which a user must never see. */
export const stackTrace = /^\s+at .+:\d+:\d+\)?$/m;
