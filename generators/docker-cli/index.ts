import { basename } from 'node:path';

import type { Container, Model } from '../../model/types.js';
import { generatedHeader } from '../header.js';
import { TemplateSet } from '../templates.js';
import type { RenderResult, Target } from '../types.js';
import { fields } from './fields.js';
import { renderWord, runFlags, runTail, secretVariable, type Word } from './flags.js';

const maxWidth = 100;

/** One command, on one line when it fits, else one flag group per continuation line. */
function commandLine(groups: Word[][]): string {
  const rendered = groups.map((group) => group.map(renderWord).join(' '));
  const single = rendered.join(' ');
  if (single.length <= maxWidth) return single;
  return rendered.join(' \\\n    ');
}

function registrySteps(model: Model) {
  return model.registries.map((registry) => {
    const login: Word[][] = [['docker', 'login'], [registry.server]];
    if (registry.username) login.push(['--username', registry.username]);
    if (!registry.password)
      return { comment: `registry ${registry.name}`, commands: [commandLine(login)] };
    login.push(['--password-stdin']);
    const variable = secretVariable(registry.password.secret);
    return {
      comment: `registry ${registry.name} (password from $${variable})`,
      commands: [`printf '%s\\n' "$${variable}" | ${commandLine(login)}`],
    };
  });
}

function networkSteps(model: Model) {
  return model.networks
    .filter((network) => !network.external)
    .map((network) => {
      const create: Word[][] = [['docker', 'network', 'create']];
      if (network.driver) create.push([`--driver=${network.driver}`]);
      if (network.ipamDriver) create.push([`--ipam-driver=${network.ipamDriver}`]);
      create.push(...network.subnets.map((s) => [`--subnet=${s}`]));
      create.push(...network.ipRanges.map((r) => [`--ip-range=${r}`]));
      create.push(...network.gateways.map((g) => [`--gateway=${g}`]));
      if (network.internal) create.push(['--internal']);
      if (network.enableIpv6) create.push(['--ipv6']);
      create.push(...network.options.map((o) => ['--opt', `${o.name}=${o.value}`]));
      create.push([network.name]);
      return { comment: `network ${network.name}`, commands: [commandLine(create)] };
    });
}

function volumeSteps(model: Model) {
  return model.volumes
    .filter((volume) => !volume.external)
    .map((volume) => {
      const create: Word[][] = [['docker', 'volume', 'create']];
      if (volume.driver) create.push([`--driver=${volume.driver}`]);
      create.push(...volume.options.map((o) => ['--opt', `${o.name}=${o.value}`]));
      create.push([volume.name]);
      return { comment: `volume ${volume.name}`, commands: [commandLine(create)] };
    });
}

function containerStep(model: Model, container: Container) {
  const image = model.images.find((i) => i.key === container.imageKey)!;
  const commands: string[] = [];
  if (image.pullPolicy !== 'never') commands.push(commandLine([['docker', 'pull', image.key]]));
  commands.push(
    commandLine([['docker', 'run'], ...runFlags(container), runTail(container, image.key)]),
  );
  for (const network of container.networkMode ? [] : container.networks.slice(1)) {
    const connect: Word[][] = [['docker', 'network', 'connect']];
    connect.push(...network.aliases.map((a) => ['--alias', a]));
    if (network.ipv4Address) connect.push(['--ip', network.ipv4Address]);
    if (network.ipv6Address) connect.push(['--ip6', network.ipv6Address]);
    connect.push([network.name, container.name]);
    commands.push(commandLine(connect));
  }
  return { comment: `container ${container.name}`, commands };
}

/** Images pulled for later use: the `images:` entries no container runs. */
function imageSteps(model: Model) {
  return model.images
    .filter((image) => image.usedBy.length === 0 && image.pullPolicy !== 'never')
    .map((image) => ({
      comment: `image ${image.key}`,
      commands: [commandLine([['docker', 'pull', image.key]])],
    }));
}

/** The plain `docker` commands that do what the cookbook and the module do. */
export function renderDockerScript(model: Model): string {
  const secrets = model.secrets.map((s) => secretVariable(s.name));
  const view = {
    header: generatedHeader('#', basename(model.file)),
    secrets,
    steps: [
      ...registrySteps(model),
      ...networkSteps(model),
      ...volumeSteps(model),
      ...imageSteps(model),
      ...model.containers.map((container) => containerStep(model, container)),
    ],
  };
  return templates().render('run.sh', view);
}

let templateSet: TemplateSet | undefined;
const templates = () => (templateSet ??= new TemplateSet('docker'));

export const dockerCliTarget: Target = {
  name: 'docker',
  description: 'a shell script of `docker pull` and `docker run` lines (also `berth explain`)',
  fields,
  render(model: Model): RenderResult {
    return {
      root: 'docker',
      files: [{ path: `${model.metadata.name}.sh`, content: renderDockerScript(model) }],
      notes: [],
    };
  },
};
