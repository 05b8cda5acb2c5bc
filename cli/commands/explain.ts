import { renderDockerScript } from '../../generators/docker-cli/index.js';
import { readModel } from '../../model/index.js';
import { single, usage, type ParsedArgs } from '../args.js';
import { explainSpec } from '../specs.js';
import { out } from '../output.js';

export function runExplain(args: ParsedArgs): number {
  const file = args.positionals[0] ?? 'berth.yaml';
  const { model } = readModel(file);
  const only = single(args, 'container');

  if (only !== undefined) {
    const container = model.containers.find((c) => c.name === only);
    if (!container) usage(explainSpec, `no container named "${only}" in ${file}`);
    model.containers = [container];
    model.images = model.images.filter((i) => i.key === container.imageKey);
    model.registries = [];
    model.networks = [];
    model.volumes = [];
  }
  out(renderDockerScript(model));
  return 0;
}
