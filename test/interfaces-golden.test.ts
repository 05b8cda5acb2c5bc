import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { findTarget } from '../generators/index.js';
import { loadModel } from '../model/index.js';
import type { Model } from '../model/types.js';
import { evaluateChefBatch } from './interfaces/chef.js';
import { compilePuppetBatch } from './interfaces/puppet.js';
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

/** Cases whose Puppet module carries an error note generate no module worth compiling. */
const puppetCases = cases.filter(({ model }) => !puppetErrors(model));

function puppetErrors(model: Model): boolean {
  return findTarget('puppet')!
    .render(model)
    .notes.some((note) => note.severity === 'error');
}

describe.runIf(requireTool('puppet', 'Puppet interface compilation'))('Puppet interface', () => {
  it('compiles every golden module against the puppetlabs-docker 10.x stand-in', async () => {
    const runs = puppetCases.map(({ name, model }) => {
      const module = model.puppet.moduleName;
      return {
        modules: [join(goldenRoot, name, 'expected', 'puppet', module)],
        classes: [module],
        hieraData: puppetSecretData(model),
      };
    });

    const results = await compilePuppetBatch(runs, { processes: 2, isolate: true });

    const failures = results.flatMap((result, i) =>
      result.ok ? [] : [`${puppetCases[i]!.name}: ${result.errors.join('; ')}`],
    );
    expect(failures).toEqual([]);
    results.forEach((result, i) => {
      const runsSeen = result.resources.filter((r) => r.type === 'docker::run');
      const names = puppetCases[i]!.model.containers.map((c) => c.name);
      expect(runsSeen.map((r) => r.title).sort()).toEqual([...names].sort());
    });
  });
});
