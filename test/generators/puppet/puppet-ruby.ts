import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs Puppet in-process through its library interface (Puppet as a Library), which skips
 * Facter and starts in about half a second: one Ruby process evaluates a whole batch.
 */
const evaluateScript = `
require 'puppet_pal'
require 'json'
code = STDIN.read
work = ARGV[0]
Puppet.initialize_settings(['--vardir', work + '/var', '--confdir', work + '/conf',
  '--codedir', work + '/code', '--log_level', 'err'])
result = Puppet::Pal.in_tmp_environment('pal_env', modulepath: [], facts: {}) do |pal|
  pal.with_script_compiler { |c| c.evaluate_string(code) }
end
STDOUT.write(JSON.generate([result]))
`;

/** Evaluates one Puppet expression and returns its value as JSON data. */
export function evaluatePuppet(expression: string): unknown {
  const work = mkdtempSync(join(tmpdir(), 'berth-pal-'));
  try {
    const out = execFileSync('ruby', ['-e', evaluateScript, work], {
      input: expression,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return (JSON.parse(out) as unknown[])[0];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
