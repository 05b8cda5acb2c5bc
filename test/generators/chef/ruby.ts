import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RubyRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `ruby <args> <file>` on a script written to a temporary file. */
export function runRuby(script: string, args: string[] = ['-w']): RubyRun {
  const dir = mkdtempSync(join(tmpdir(), 'berth-ruby-'));
  try {
    const file = join(dir, 'script.rb');
    writeFileSync(file, script);
    const run = spawnSync('ruby', [...args, file], { encoding: 'utf8', maxBuffer: 1 << 28 });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `ruby -wc` on each file: the syntax check, with warnings, that every generated file passes. */
export function checkSyntax(files: { path: string; content: string }[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'berth-rubyc-'));
  try {
    return files.flatMap((file, i) => {
      const path = join(dir, `${i}.rb`);
      writeFileSync(path, file.content);
      const run = spawnSync('ruby', ['-wc', path], { encoding: 'utf8' });
      const output = `${run.stdout}${run.stderr}`.trim();
      return run.status === 0 && output === 'Syntax OK' ? [] : [`${file.path}: ${output}`];
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
