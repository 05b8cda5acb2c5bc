import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { findTarget } from '../generators/index.js';
import type { RenderResult } from '../generators/types.js';
import { shellSplit } from '../model/shell-words.js';
import { evaluateChefBatch } from './interfaces/chef.js';
import { compilePuppetBatch } from './interfaces/puppet.js';
import type { RecordedResource } from './interfaces/recorded.js';
import { sampleCases, type InjectedValues, type Outcome } from './injection/cases.js';
import { requireTool } from './support/toolchain.js';

/**
 * No user value may break out of a string in generated code. Each run draws at least 1,000
 * cases of hostile strings (a fresh seed each run, printed on failure; set
 * BERTH_INJECTION_SEED to replay one), generates code for every target, runs it in the real
 * interpreter against the stand-ins, and compares each value the stand-ins receive with the
 * value written in berth.yaml, byte for byte. A value berth cannot carry must be refused
 * when the file is read, with a BerthError.
 */
// Some draws hold a character no target can carry (NUL, an unpaired surrogate, ":" in a
// mount path) and are refused; drawing 1,300 leaves well over 1,000 carried cases per target.
const count = 1300;
const seed = Number(process.env.BERTH_INJECTION_SEED ?? Date.now() % 2_147_483_647);
const outcomes = sampleCases(count, seed);
const accepted = outcomes.filter((o): o is Extract<Outcome, { accepted: true }> => o.accepted);
const root = mkdtempSync(join(tmpdir(), 'berth-injection-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function writeTree(result: RenderResult): string {
  for (const file of result.files) {
    const path = join(root, result.root, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
  return join(root, result.root);
}

const replay = `(seed ${seed}: BERTH_INJECTION_SEED=${seed} replays this run)`;

describe(`injection ${replay}`, () => {
  it('refuses only values no target can carry, with a located error', () => {
    const refused = outcomes.filter((o) => !o.accepted);
    for (const outcome of refused) {
      expect(outcome.codes.every((code) => code.startsWith('BERTH-'))).toBe(true);
    }
    // Most hostile strings are perfectly sayable: a refusal rate above a few percent would mean
    // berth rejects what it should carry (only NUL and unpaired surrogates, and ":" in mount
    // paths, cannot be said).
    expect(accepted.length, `${refused.length} refused`).toBeGreaterThanOrEqual(1000);
  });

  it.runIf(requireTool('ruby', 'Chef injection'))(
    'carries every value into Chef byte for byte',
    async () => {
      const chef = findTarget('chef')!;
      const runs = accepted.map(({ model }) => {
        const cookbook = writeTree(chef.render(model));
        return { cookbooks: [cookbook], runList: [`${model.chef.cookbookName}::default`] };
      });

      const results = await evaluateChefBatch(runs, { processes: 2 });

      results.forEach((result, i) => {
        const { name, values } = accepted[i]!;
        expect(result.errors, `${name} ${replay}`).toEqual([]);
        const container = result.resources.find((r) => r.type === 'docker_container')!;
        expect(chefValues(container), `${name} ${replay}`).toEqual(expectedChef(values));
      });
    },
  );
});

describe(`injection into Puppet ${replay}`, () => {
  it.runIf(requireTool('puppet', 'Puppet injection'))(
    'carries every value into Puppet byte for byte',
    async () => {
      const puppet = findTarget('puppet')!;
      const runs = accepted.map(({ model }) => ({
        modules: [writeTree(puppet.render(model))],
        classes: [model.puppet.moduleName],
      }));

      const results = await compilePuppetBatch(runs, { processes: 2 });

      results.forEach((result, i) => {
        const { name, values } = accepted[i]!;
        expect(result.errors, `${name} ${replay}`).toEqual([]);
        const run = result.resources.find((r) => r.type === 'docker::run')!;
        expect(puppetValues(run), `${name} ${replay}`).toEqual(expectedPuppet(values));
      });
    },
  );
});

/**
 * What the container gets from the module's parameters. `command` and `extra_parameters` go
 * into a shell script as written, and `health_check_cmd` inside single quotes, so they are
 * read back the way that shell would split them.
 */
function puppetValues(run: RecordedResource) {
  const p = run.params as Record<string, any>;
  const extra: string[] = (p.extra_parameters ?? []).flatMap((item: string) => shellSplit(item));
  return {
    command: shellSplit(p.command),
    env: p.env,
    labels: p.labels,
    volumes: p.volumes,
    envFile: p.env_file,
    healthCmd: shellSplit(`--health-cmd='${p.health_check_cmd}'`),
    extra: extra
      .filter((word) => /^--(entrypoint|workdir|log-opt|security-opt|sysctl)=/.test(word))
      .sort(),
  };
}

function expectedPuppet(v: InjectedValues) {
  return {
    command: [v.entrypoint, 'run', v.argument, '--'],
    env: [`VALUE=${v.environment}`],
    labels: [`com.example.label=${v.label}`],
    volumes: [`/src/${v.bindSource}:/dst/${v.bindTarget}`],
    envFile: [`/etc/env/${v.envFile}`],
    healthCmd: [`--health-cmd=check ${v.healthcheck}`],
    extra: [
      '--entrypoint=/bin/entry',
      `--workdir=/work/${v.workingDir}`,
      `--security-opt=label=${v.securityOpt}`,
      `--sysctl=net.core.somaxconn=${v.sysctl}`,
      `--log-opt=tag=${v.logTag}`,
    ].sort(),
  };
}

function chefValues(container: RecordedResource) {
  const p = container.params as Record<string, any>;
  return {
    command: p.command,
    entrypoint: p.entrypoint,
    env: p.env,
    labels: p.labels,
    volumes: p.volumes,
    workingDir: p.working_dir,
    healthTest: p.health_check?.Test,
    logTag: p.log_opts?.tag,
    securityOpt: p.security_opt,
    sysctl: p.sysctls?.['net.core.somaxconn'],
    envFile: p.env_file,
  };
}

function expectedChef(v: InjectedValues) {
  return {
    command: ['run', v.argument, '--'],
    entrypoint: ['/bin/entry', v.entrypoint],
    env: [`VALUE=${v.environment}`],
    labels: { 'com.example.label': v.label },
    volumes: [`/src/${v.bindSource}:/dst/${v.bindTarget}`],
    workingDir: `/work/${v.workingDir}`,
    healthTest: ['CMD-SHELL', `check ${v.healthcheck}`],
    logTag: v.logTag,
    securityOpt: [`label=${v.securityOpt}`],
    sysctl: v.sysctl,
    envFile: [`/etc/env/${v.envFile}`],
  };
}
