import type { Container, PortMapping, PortRange, Protocol } from '../../model/types.js';
import { rubyRegexpText, type RubyValue } from '../quote/ruby.js';

/** One docker_container property and its value. */
export interface Property {
  name: string;
  value: RubyValue;
}

const rangeText = (range: PortRange) =>
  range.start === range.end ? `${range.start}` : `${range.start}-${range.end}`;

const isIpv6 = (address: string | undefined) => address?.includes(':') === true;

/**
 * A mapping in the cookbook's `port` syntax: `[host_ip:][host_port:]container_port[/proto]`.
 * The parser splits on every `:`, so `127.0.0.1::80` keeps an empty host port (a random one).
 */
export function portString(port: PortMapping): string {
  const protocol = port.protocol === 'tcp' ? '' : `/${port.protocol}`;
  const published = port.published ? rangeText(port.published) : '';
  const host = port.hostIp ? `${port.hostIp}:${published}:` : published ? `${published}:` : '';
  return `${host}${rangeText(port.target)}${protocol}`;
}

const portKey = (port: number, protocol: Protocol) => `${port}/${protocol}`;

function eachPort(range: PortRange): number[] {
  const ports: number[] = [];
  for (let port = range.start; port <= range.end; port++) ports.push(port);
  return ports;
}

/**
 * The Hash the cookbook would build from port strings, written out. Used when a host address
 * is IPv6, which the port syntax cannot hold. A missing host address means all interfaces
 * (`0.0.0.0`, as the cookbook's parser writes it) when a host port is given, and Docker's
 * choice when it is not.
 */
function portBindings(ports: PortMapping[]): Record<string, RubyValue[]> {
  const bindings: Record<string, RubyValue[]> = {};
  for (const port of ports) {
    let offset = 0;
    for (const target of eachPort(port.target)) {
      const hostPort = port.published ? String(port.published.start + offset++) : '';
      const hostIp = port.hostIp ?? (port.published ? '0.0.0.0' : '');
      (bindings[portKey(target, port.protocol)] ??= []).push({
        HostIp: hostIp,
        HostPort: hostPort,
      });
    }
  }
  return bindings;
}

function exposedPorts(container: Container): Record<string, RubyValue> {
  const exposed: Record<string, RubyValue> = {};
  for (const port of container.ports) {
    for (const target of eachPort(port.target)) exposed[portKey(target, port.protocol)] = {};
  }
  for (const entry of container.expose) {
    for (const target of eachPort(entry.port)) exposed[portKey(target, entry.protocol)] = {};
  }
  return exposed;
}

/**
 * The port properties of a container. `port` strings when they can say it; it sets both
 * exposed_ports and port_bindings, so `exposed_ports` (for `expose`) comes after it and repeats
 * the published ports. A container with an IPv6 host address gets both Hashes instead.
 */
export function portProperties(container: Container): Property[] {
  const { ports, expose } = container;
  if (ports.some((port) => isIpv6(port.hostIp))) {
    return [
      { name: 'exposed_ports', value: exposedPorts(container) },
      { name: 'port_bindings', value: portBindings(ports) },
    ];
  }
  const properties: Property[] = [];
  if (ports.length > 0) properties.push({ name: 'port', value: ports.map(portString) });
  if (expose.length > 0) properties.push({ name: 'exposed_ports', value: exposedPorts(container) });
  return properties;
}

interface Published {
  hostIp: string;
  /** Absent: a random host port. */
  hostPort: number | undefined;
  target: number;
  protocol: Protocol;
}

function publishedPorts(ports: PortMapping[]): Published[] {
  const published: Published[] = [];
  for (const port of ports) {
    for (let target = port.target.start; target <= port.target.end; target++) {
      const hostPort = port.published && port.published.start + target - port.target.start;
      const hostIp = port.hostIp ?? '0.0.0.0';
      published.push({ hostIp, hostPort, target, protocol: port.protocol });
    }
  }
  return published;
}

/** Most ports are published on every address; the pattern for that is made once. */
const everyAddressPattern = rubyRegexpText('0.0.0.0');

/** IPv6 addresses are shown bracketed by recent Docker clients and bare by older ones. */
function addressPattern(address: string): string {
  if (address === '0.0.0.0') return everyAddressPattern;
  if (!isIpv6(address)) return rubyRegexpText(address);
  return `(?:\\[${rubyRegexpText(address)}\\]|${rubyRegexpText(address)})`;
}

const entryPattern = (entry: string) => `(?:\\A|, )${entry}(?:,|\\z)`;

/**
 * Regexp sources matching each published port in the `Ports` column of `docker ps`, which
 * InSpec's docker_container `ports` returns. Docker lists a port published on a different host
 * port on its own (`0.0.0.0:80->8000/tcp`) and merges runs of ports published on the same
 * number (`0.0.0.0:80-81->80-81/tcp`); a random host port is matched as any number.
 */
export function portPatterns(ports: PortMapping[]): string[] {
  const single: string[] = [];
  const sameNumber = new Map<string, { address: string; protocol: Protocol; ports: number[] }>();

  for (const port of publishedPorts(ports)) {
    const address = addressPattern(port.hostIp);
    if (port.hostPort === port.target) {
      const key = `${port.hostIp}/${port.protocol}`;
      const group = sameNumber.get(key) ?? { address, protocol: port.protocol, ports: [] };
      group.ports.push(port.target);
      sameNumber.set(key, group);
      continue;
    }
    const hostPort = port.hostPort === undefined ? '\\d+' : `${port.hostPort}`;
    single.push(entryPattern(`${address}:${hostPort}->${port.target}/${port.protocol}`));
  }

  const merged: string[] = [];
  for (const group of sameNumber.values()) {
    for (const run of runs(group.ports)) {
      merged.push(
        entryPattern(`${group.address}:${rubyRegexpText(`${run}->${run}/${group.protocol}`)}`),
      );
    }
  }
  return [...merged, ...single];
}

/** Consecutive runs of distinct ports, as `80` or `80-82`. */
function runs(ports: number[]): string[] {
  const sorted = [...new Set(ports)].sort((a, b) => a - b);
  const result: string[] = [];
  let start = sorted[0]!;
  for (let i = 1; i <= sorted.length; i++) {
    if (sorted[i] === sorted[i - 1]! + 1) continue;
    const end = sorted[i - 1]!;
    result.push(start === end ? `${start}` : `${start}-${end}`);
    start = sorted[i]!;
  }
  return result;
}
