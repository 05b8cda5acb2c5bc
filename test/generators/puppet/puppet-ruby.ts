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

const compileScript = `
require 'puppet_pal'
require 'json'
jobs = JSON.parse(STDIN.read)
work = ARGV[0]
def facts
  {
    'os' => { 'family' => 'Debian', 'name' => 'Debian', 'release' => { 'major' => '12' } },
    'kernel' => 'Linux',
  }
end
Puppet.initialize_settings(['--vardir', work + '/var', '--confdir', work + '/conf',
  '--codedir', work + '/code', '--log_level', 'err', '--strict_variables', '--strict', 'error'])
results = jobs.map do |job|
  begin
    Puppet[:hiera_config] = job['hiera_config']
    catalog = Puppet::Pal.in_tmp_environment('berth_test', modulepath: job['modulepath'],
        facts: facts) do |pal|
      pal.with_catalog_compiler do |c|
        c.evaluate_string(job['code'])
        c.compile_additions
        c.catalog_data_hash
      end
    end
    { 'resources' => catalog['resources'] }
  rescue StandardError => e
    { 'error' => e.message }
  end
end
STDOUT.write(JSON.generate(results))
`;

export interface CatalogResource {
  type: string;
  title: string;
  parameters?: Record<string, unknown>;
}

export interface CompileJob {
  modulepath: string[];
  hieraConfig: string;
  /** Top-level code, e.g. `include codeit`. */
  code: string;
}

export type CompileResult = { resources: CatalogResource[] } | { error: string };

/**
 * Compiles one catalog per job in a single Ruby process, with strict variables and strict mode
 * as Puppet 8 defaults to. A job that fails to compile returns its error message.
 */
export function compileCatalogs(jobs: CompileJob[]): CompileResult[] {
  const work = mkdtempSync(join(tmpdir(), 'berth-catalog-'));
  const input = JSON.stringify(
    jobs.map((job) => ({
      modulepath: job.modulepath,
      hiera_config: job.hieraConfig,
      code: job.code,
    })),
  );
  try {
    const out = execFileSync('ruby', ['-e', compileScript, work], {
      input,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    return JSON.parse(out) as CompileResult[];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
