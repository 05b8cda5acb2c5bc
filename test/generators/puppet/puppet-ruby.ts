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
modulepath, hiera_config, work, code = ARGV
facts = {
  'os' => { 'family' => 'Debian', 'name' => 'Debian', 'release' => { 'major' => '12' } },
  'kernel' => 'Linux',
}
Puppet.initialize_settings(['--vardir', work + '/var', '--confdir', work + '/conf',
  '--codedir', work + '/code', '--hiera_config', hiera_config, '--log_level', 'err',
  '--strict_variables', '--strict', 'error'])
catalog = Puppet::Pal.in_tmp_environment('berth_test', modulepath: modulepath.split(':'),
    facts: facts) do |pal|
  pal.with_catalog_compiler do |c|
    c.evaluate_string(code)
    c.compile_additions
    c.catalog_data_hash
  end
end
STDOUT.write(JSON.generate(catalog))
`;

export interface CatalogResource {
  type: string;
  title: string;
  parameters?: Record<string, unknown>;
}

/**
 * Compiles a catalog for `code` (e.g. `include codeit`) against the modules in `modulepath`,
 * with strict variables and strict mode, as Puppet 8 defaults to.
 */
export function compileCatalog(
  modulepath: string[],
  hieraConfig: string,
  code: string,
): CatalogResource[] {
  const work = mkdtempSync(join(tmpdir(), 'berth-catalog-'));
  try {
    const out = execFileSync(
      'ruby',
      ['-e', compileScript, modulepath.join(':'), hieraConfig, work, code],
      { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return (JSON.parse(out) as { resources: CatalogResource[] }).resources;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
