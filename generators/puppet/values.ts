/**
 * Model values written the way `docker run` and puppetlabs-docker take them: sizes with a
 * unit, Go durations, port and mount specifications.
 */
import type { Device, Mount, PortMapping, PortRange, Protocol, Ulimit } from '../../model/types.js';

const units = [
  ['g', 1024 ** 3],
  ['m', 1024 ** 2],
  ['k', 1024],
] as const;

/**
 * Bytes in the largest unit that divides them exactly: `1610612736` is `1536m`. The result fits
 * docker::run's `memory_limit` pattern (`^\d*(b|k|m|g)$`) and every docker size flag.
 */
export function dockerSize(bytes: number): string {
  for (const [unit, size] of units) {
    if (bytes !== 0 && bytes % size === 0) return `${bytes / size}${unit}`;
  }
  return `${bytes}b`;
}

/** Milliseconds as a Go duration: whole seconds as `90s`, anything finer as `1500ms`. */
export function goDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

/** Whole seconds for the module's Integer parameters, rounding a fraction up. */
export function wholeSeconds(ms: number): number {
  return Math.ceil(ms / 1000);
}

function range(ports: PortRange): string {
  return ports.start === ports.end ? `${ports.start}` : `${ports.start}-${ports.end}`;
}

function protocolSuffix(protocol: Protocol): string {
  return protocol === 'tcp' ? '' : `/${protocol}`;
}

/** `[HOST_IP:][PUBLISHED]:TARGET[/PROTOCOL]`, as `docker run -p` takes it. */
export function portSpec(port: PortMapping): string {
  const host = port.hostIp?.includes(':') ? `[${port.hostIp}]` : port.hostIp;
  const published = port.published ? range(port.published) : '';
  const prefix = host !== undefined ? `${host}:${published}:` : published ? `${published}:` : '';
  return `${prefix}${range(port.target)}${protocolSuffix(port.protocol)}`;
}

export function exposeSpec(expose: { port: PortRange; protocol: Protocol }): string {
  return `${range(expose.port)}${protocolSuffix(expose.protocol)}`;
}

/** `SOURCE:TARGET[:ro]`, or the target alone for an anonymous volume. */
export function mountSpec(mount: Mount): string {
  if (mount.type === 'anonymous') return mount.target;
  return `${mount.source}:${mount.target}${mount.readOnly ? ':ro' : ''}`;
}

/** `HOST[:CONTAINER[:PERMISSIONS]]`, leaving out what Docker assumes anyway. */
export function deviceSpec(device: Device): string {
  if (device.permissions !== 'rwm')
    return `${device.host}:${device.container}:${device.permissions}`;
  if (device.container !== device.host) return `${device.host}:${device.container}`;
  return device.host;
}

/** `name=soft[:hard]`; Docker sets both limits from a single number. */
export function ulimitSpec(ulimit: Ulimit): string {
  const limits = ulimit.soft === ulimit.hard ? `${ulimit.soft}` : `${ulimit.soft}:${ulimit.hard}`;
  return `${ulimit.name}=${limits}`;
}
