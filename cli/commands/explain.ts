import { renderDockerScript } from '../../generators/docker-cli/index.js';
import { readModel } from '../../model/index.js';
import { single, usage, type CommandSpec, type ParsedArgs } from '../args.js';
import { out } from '../output.js';

export const explainSpec: CommandSpec = {
  name: 'explain',
  summary: 'print the docker commands that do what the generated code does',
  usage: 'berth explain [FILE] [options]',
  description: [
    'Prints, for FILE (default: berth.yaml), the `docker pull` and `docker run` lines (and the',
    'network, volume and login commands) equivalent to the generated cookbook and module,',
    'shell-quoted. Secrets are read from environment variables named after them.',
  ].join('\n'),
  options: [{ name: 'container', short: 'c', value: 'NAME', description: 'only this container' }],
};

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
