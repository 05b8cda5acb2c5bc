/**
 * Networks. The module's `net` creates the container on one network; aliases and addresses on
 * it are docker flags. Further networks are joined by `docker network connect` right after the
 * container is created (`after_create`, unit mode), or, in restart mode where the module runs
 * `docker run` itself, by one `--network` flag each.
 */
import type { Container, NetworkAttachment } from '../../model/types.js';
import { shellJoin } from '../quote/shell.js';
import { fieldPath, type RunContext } from './run-context.js';
import type { RunParts } from './run-parts.js';

export function addNetworks(context: RunContext, parts: RunParts): void {
  const { container } = context;
  if (container.networkMode) {
    parts.set('net', container.networkMode, 'network_mode');
    return;
  }
  const [first, ...rest] = container.networks;
  if (!first) return;

  requireNetworks(context, parts);
  if (rest.length > 0 && context.mode === 'docker') {
    addNetworkFlags(context, parts);
    return;
  }
  parts.set('net', first.name, 'networks');
  addAttachmentFlags(first, parts);
  if (rest.length > 0) {
    parts.set('after_create', rest.map((n) => connectCommand(container, n)).join('; '), 'networks');
  }
}

/** Networks berth creates must exist first; external ones are managed elsewhere. */
function requireNetworks({ index, container }: RunContext, parts: RunParts): void {
  for (const network of container.networks) {
    if (!index.externalNetworks.has(network.name)) {
      parts.require(index.reference('Docker_network', network.name));
    }
  }
}

function addAttachmentFlags(network: NetworkAttachment, parts: RunParts): void {
  for (const alias of network.aliases) parts.flag('network-alias', alias);
  if (network.ipv4Address) parts.flag('ip', network.ipv4Address);
  if (network.ipv6Address) parts.flag('ip6', network.ipv6Address);
}

function connectCommand(container: Container, network: NetworkAttachment): string {
  const options = network.aliases.flatMap((alias) => ['--alias', alias]);
  if (network.ipv4Address) options.push('--ip', network.ipv4Address);
  if (network.ipv6Address) options.push('--ip6', network.ipv6Address);
  return shellJoin(['docker', 'network', 'connect', ...options, network.name, container.name]);
}

/**
 * `--network name=...,alias=...` once per network: Docker Engine 25 and later create the
 * container attached to all of them, each with its own aliases and addresses.
 */
function addNetworkFlags({ container, notes }: RunContext, parts: RunParts): void {
  for (const network of container.networks) {
    const settings = [
      `name=${network.name}`,
      ...network.aliases.map((alias) => `alias=${alias}`),
      ...(network.ipv4Address ? [`ip=${network.ipv4Address}`] : []),
      ...(network.ipv6Address ? [`ip6=${network.ipv6Address}`] : []),
    ];
    parts.flag('network', settings.join(','));
  }
  notes.differs(
    fieldPath(container, 'networks'),
    'attaches a container to several networks with one --network flag each in docker restart ' +
      'mode, which needs Docker Engine 25 or later',
    'run Docker Engine 25 or later, or set x-puppet restart_mode: systemd, where the module ' +
      'connects the extra networks after creating the container',
  );
}
