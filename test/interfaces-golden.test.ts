import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadModel } from '../model/index.js';
import { evaluateChefBatch } from './interfaces/chef.js';
import { goldenCases, goldenRoot } from './support/golden.js';
import { chefSecretSources } from './support/secrets.js';
import { requireTool } from './support/toolchain.js';

/**
 * Every golden case's generated code is run against the stand-ins of the real APIs: the Chef
 * recipes by Ruby with a stand-in of the recipe DSL and the docker cookbook's resources. A
 * property the cookbook lacks, a value of the wrong type or an unknown action fails the case.
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
