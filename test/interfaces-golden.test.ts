import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadModel } from '../model/index.js';
import { evaluateChefBatch } from './interfaces/chef.js';
import { compilePuppetBatch } from './interfaces/puppet.js';
import { inOrder } from './interfaces/text.js';
import { goldenCases, goldenRoot } from './support/golden.js';
import { chefSecretSources, puppetSecretData } from './support/secrets.js';
import { requireTool } from './support/toolchain.js';

/**
 * Every golden case's generated code is run against the stand-ins of the real APIs: the Chef
 * recipes by Ruby with a stand-in of the recipe DSL and the docker cookbook's resources, the
 * modules compiled into catalogs by Puppet against a stand-in of puppetlabs-docker with its
 * exact parameter names and data types. A property or parameter the API lacks, a value of the
 * wrong type or an unknown action fails the case.
 */
const cases = goldenCases().map((name) => {
  const model = loadModel(join(goldenRoot, name, 'berth.yaml'));
  return { name, model };
});

describe.runIf(requireTool('ruby', 'Chef interface evaluation'))('Chef interface', () => {
  it('evaluates every golden cookbook against the docker cookbook 11.x stand-in', async () => {
    const runs = cases.map(({ name, model }) => {
      const cookbook = model.chef.cookbookName;
      return {
        cookbooks: [join(goldenRoot, name, 'expected', 'chef', cookbook)],
        runList: [`${cookbook}::default`],
        ...chefSecretSources(model),
      };
    });

    const results = await evaluateChefBatch(runs, { processes: 2 });

    const failures = results.flatMap((result, i) =>
      result.ok ? [] : [`${cases[i]!.name}: ${result.errors.join('; ')}`],
    );
    expect(failures).toEqual([]);
    results.forEach((result, i) => {
      const containers = result.resources.filter((r) => r.type === 'docker_container');
      expect(containers.map((c) => c.title)).toEqual(cases[i]!.model.containers.map((c) => c.name));
    });
  });
});

/**
 * Golden cases whose catalog must not compile, with the error that stops it. Every other case,
 * error notes or not, must compile: a case whose note is an error (an x-puppet value of the
 * wrong type, an unknown x-puppet key) still gets a module, without the offending key, which
 * `puppetDropped` names.
 *
 * The module for an image on an IPv6 registry host (`[fd00::1]:5000/...`) fails by design:
 * puppetlabs-docker writes the image unquoted into a shell command, where `[` and `]` are pattern
 * characters, so berth reports BERTH-GEN-UNSUPPORTED, and the module's own Container type
 * refuses the image before docker::image or docker::run can see it.
 */
const puppetRefusals: Record<string, string[]> = {
  'puppet-image-ipv6-registry': [
    "Class[Ipv6registry]: parameter 'containers' entry 'app' entry 'image'",
    'expects a match for Pattern[/\\A[A-Za-z0-9][A-Za-z0-9._\\/:-]*\\z/],',
    "got '[fd00::1]:5000/acme/app'",
  ],
};

const puppetDropped: Record<string, string> = {
  'puppet-x-puppet-type': 'stop_wait_time',
  'puppet-x-puppet-unknown': 'service_prefx',
};

describe.runIf(requireTool('puppet', 'Puppet interface compilation'))('Puppet interface', () => {
  it('compiles every golden module against the puppetlabs-docker 10.x stand-in', async () => {
    const named = [...Object.keys(puppetRefusals), ...Object.keys(puppetDropped)];
    expect(named.filter((name) => !goldenCases().includes(name))).toEqual([]);
    const runs = cases.map(({ name, model }) => {
      const module = model.puppet.moduleName;
      return {
        modules: [join(goldenRoot, name, 'expected', 'puppet', module)],
        classes: [module],
        hieraData: puppetSecretData(model),
      };
    });

    const results = await compilePuppetBatch(runs, { processes: 2, isolate: true });

    const unexpected = results.flatMap((result, i) => {
      const { name } = cases[i]!;
      const refusal = puppetRefusals[name];
      if (!refusal) return result.ok ? [] : [`${name}: ${result.errors.join('; ')}`];
      const refused = result.errors.length === 1 && inOrder(...refusal).test(result.errors[0]!);
      return refused
        ? []
        : [`${name} must fail only with ${refusal.join(' ... ')}: ${result.errors}`];
    });
    expect(unexpected).toEqual([]);
    results.forEach((result, i) => {
      if (puppetRefusals[cases[i]!.name]) return;
      const runsSeen = result.resources.filter((r) => r.type === 'docker::run');
      const names = cases[i]!.model.containers.map((c) => c.name);
      expect(runsSeen.map((r) => r.title).sort()).toEqual([...names].sort());
      const dropped = puppetDropped[cases[i]!.name];
      if (dropped) {
        expect(runsSeen.length).toBeGreaterThan(0);
        for (const run of runsSeen) expect(run.params).not.toHaveProperty(dropped);
      }
    });
  });
});
