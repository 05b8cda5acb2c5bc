/**
 * Parsers for the small languages inside field values: image references, sizes, durations,
 * ports and mounts. Each returns the parsed value or throws a ValueProblem, which the
 * normalizer turns into a located BERTH-SPEC-VALUE diagnostic.
 */
import type { ImageRef, PortRange, Protocol } from './types.js';

export class ValueProblem extends Error {
  constructor(
    readonly problem: string,
    readonly hint: string,
  ) {
    super(problem);
  }
}

function invalid(problem: string, hint: string): never {
  throw new ValueProblem(problem, hint);
}

// Docker's reference grammar (distribution/reference), written out piece by piece.
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domain = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[0-9A-Fa-f:]+\\])(?::[0-9]+)?`;
const pathComponent = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const name = `(?:${domain}/)?${pathComponent}(?:/${pathComponent})*`;
const referencePattern = new RegExp(
  `^(${name})(?::([\\w][\\w.-]{0,127}))?(?:@(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128}))?$`,
);

/** Splits `[registry/]repository[:tag][@digest]`, refusing anything Docker would refuse. */
export function parseImageReference(reference: string): ImageRef {
  const match = referencePattern.exec(reference);
  if (!match) {
    invalid(
      `"${reference}" is not a valid image reference`,
      'write [registry/]repository[:tag][@sha256:digest] in lowercase, e.g. nginx:1.27',
    );
  }
  const repository = match[1]!;
  const first = repository.split('/')[0]!;
  const hasRegistry =
    repository.includes('/') &&
    (first.includes('.') || first.includes(':') || first === 'localhost');
  if (repository.length > 255) invalid('the repository name is longer than 255 characters', '');

  return {
    repository,
    ...(hasRegistry ? { registry: first } : {}),
    ...(match[2] ? { tag: match[2] } : {}),
    ...(match[3] ? { digest: match[3] } : {}),
    reference,
  };
}

/** `repository[:tag][@digest]`, the form both targets and `docker pull` accept. */
export function canonicalImage(ref: ImageRef): string {
  return `${ref.repository}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

const sizeUnits: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** `512m`, `1.5g`, `64mb`, `100` → bytes. Units are powers of 1024, as Docker reads them. */
export function parseSize(value: string | number): number {
  if (typeof value === 'number') return value;
  const match = /^([0-9]+(?:\.[0-9]+)?)\s*([bkmg]?)b?$/i.exec(value.trim());
  if (!match) invalid(`"${value}" is not a size`, 'write a number of bytes or e.g. 512m, 2g');
  const bytes = Number(match[1]) * sizeUnits[match[2]!.toLowerCase()]!;
  if (!Number.isSafeInteger(Math.round(bytes))) invalid(`"${value}" is too large`, '');
  return Math.round(bytes);
}

const durationUnits: Record<string, number> = {
  h: 3_600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
  us: 0.001,
  ns: 0.000001,
};

/** Go-style durations (`1m30s`, `500ms`) → whole milliseconds. */
export function parseDuration(value: string): number {
  let total = 0;
  for (const part of value.matchAll(/([0-9]+(?:\.[0-9]+)?)(h|ms|m|s|us|ns)/g)) {
    total += Number(part[1]) * durationUnits[part[2]!]!;
  }
  const rounded = Math.round(total);
  if (Math.abs(total - rounded) > 1e-9) {
    invalid(`"${value}" is not a whole number of milliseconds`, 'round it to milliseconds');
  }
  return rounded;
}

function parsePortRange(text: string, what: string): PortRange {
  const match = /^([0-9]+)(?:-([0-9]+))?$/.exec(text);
  if (!match) invalid(`${what} "${text}" is not a port or a range`, 'write e.g. 8080 or 8000-8002');
  const start = Number(match[1]);
  const end = match[2] === undefined ? start : Number(match[2]);
  if (start < 1 || end > 65535) invalid(`${what} "${text}" is outside 1-65535`, '');
  if (end < start) invalid(`${what} "${text}" ends before it starts`, 'write the lower port first');
  return { start, end };
}

const rangeSize = (range: PortRange) => range.end - range.start + 1;

export interface ParsedPort {
  target: PortRange;
  published?: PortRange;
  hostIp?: string;
  protocol: Protocol;
}

/** `[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]`, with `[::1]` for an IPv6 host address. */
export function parsePortString(text: string): ParsedPort {
  const [address, protocolText = 'tcp'] = splitOnce(text, '/');
  const protocol = parseProtocol(protocolText);

  let hostIp: string | undefined;
  let rest = address;
  const bracketed = /^\[([0-9A-Fa-f:.]+)\]:(.*)$/.exec(address);
  if (bracketed) {
    hostIp = bracketed[1];
    rest = bracketed[2]!;
  }

  const parts = rest.split(':');
  if (parts.length > 3 || (hostIp !== undefined && parts.length !== 2)) {
    invalid(`"${text}" is not a port mapping`, 'write [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/udp]');
  }
  if (parts.length === 3) hostIp = parts.shift();
  const target = parsePortRange(parts.pop()!, 'container port');
  const publishedText = parts.pop();
  const published = publishedText ? parsePortRange(publishedText, 'host port') : undefined;
  return checkedPort({ target, published, hostIp: hostIp || undefined, protocol }, text);
}

export function checkedPort(port: ParsedPort, text: string): ParsedPort {
  if (port.published && rangeSize(port.published) !== rangeSize(port.target)) {
    invalid(
      `"${text}" maps ${rangeSize(port.published)} host ports onto ${rangeSize(port.target)}`,
      'give both ranges the same length',
    );
  }
  if (port.hostIp !== undefined && !/^[0-9.]+$|^[0-9A-Fa-f:]+$/.test(port.hostIp)) {
    invalid(`"${port.hostIp}" is not an IP address`, 'write an IPv4 or IPv6 address');
  }
  const result: ParsedPort = { target: port.target, protocol: port.protocol };
  if (port.published) result.published = port.published;
  if (port.hostIp) result.hostIp = port.hostIp;
  return result;
}

export function parseProtocol(text: string): Protocol {
  if (text === 'tcp' || text === 'udp' || text === 'sctp') return text;
  return invalid(`"${text}" is not a protocol`, 'write tcp, udp or sctp');
}

export function parsePortNumberOrRange(value: string | number, what: string): PortRange {
  return parsePortRange(String(value), what);
}

export function splitOnce(text: string, separator: string): [string, string | undefined] {
  const index = text.indexOf(separator);
  return index < 0 ? [text, undefined] : [text.slice(0, index), text.slice(index + 1)];
}

export type ParsedMount =
  | { type: 'bind' | 'volume'; source: string; target: string; readOnly: boolean }
  | { type: 'anonymous'; target: string };

/** `SOURCE:TARGET[:ro|rw]` or `TARGET`. A source that is a path makes a bind mount. */
export function parseMountString(text: string): ParsedMount {
  const parts = text.split(':');
  if (parts.length === 1) return { type: 'anonymous', target: absoluteTarget(parts[0]!) };
  if (parts.length > 3) {
    invalid(`"${text}" has too many ":"`, 'write SOURCE:TARGET[:ro], with no ":" in the paths');
  }

  const [source, target, mode = 'rw'] = parts as [string, string, string?];
  if (mode !== 'ro' && mode !== 'rw') {
    invalid(`"${mode}" is not a mount mode berth supports`, 'write ro or rw');
  }
  return {
    type: isPathLike(source) ? 'bind' : 'volume',
    source: isPathLike(source) ? absoluteSource(source) : source,
    target: absoluteTarget(target),
    readOnly: mode === 'ro',
  };
}

export const isPathLike = (source: string) => /^[/.~]/.test(source);

/**
 * Docker's `-v`, the Chef cookbook's `volumes` and the Puppet module's `volumes` all write a
 * mount as SOURCE:TARGET[:MODE], so a path holding ":" cannot be said to any of them.
 */
function noColon(path: string): string {
  if (path.includes(':')) {
    invalid(
      `the path "${path}" contains ":", which separates the parts of a mount`,
      'rename the path, or mount a folder above it',
    );
  }
  return path;
}

export function absoluteSource(source: string): string {
  return absoluteOnNode(noColon(source));
}

/** A path on the node: absolute, since a berth file has no working directory there. */
export function absoluteOnNode(source: string): string {
  if (!source.startsWith('/')) {
    invalid(
      `the host path "${source}" is relative`,
      'write an absolute path on the node; berth files have no working directory on the node',
    );
  }
  return source;
}

/**
 * `HOST[:CONTAINER[:PERMISSIONS]]`, the way `docker run --device` takes it: a fourth part, a
 * relative container path or permissions other than `r`, `w` and `m` (each once) would be
 * refused by Docker, so they are refused here rather than passed on.
 */
export function parseDevice(entry: string): {
  host: string;
  container: string;
  permissions: string;
} {
  const parts = entry.split(':');
  if (parts.length > 3) {
    invalid(
      `the device "${entry}" has ${parts.length} parts separated by ":"`,
      'write HOST_PATH[:CONTAINER_PATH[:PERMISSIONS]], e.g. /dev/fuse:/dev/fuse:rwm',
    );
  }
  const [host, container = host, permissions = 'rwm'] = parts as [string, ...string[]];
  if (!container.startsWith('/')) {
    invalid(`the container path "${container}" of the device is relative`, 'start it with /');
  }
  if (!/^[rwm]{1,3}$/.test(permissions) || new Set(permissions).size !== permissions.length) {
    invalid(
      `the device permissions "${permissions}" are not a combination of r, w and m`,
      'write r, w and m, each at most once, e.g. rwm or r',
    );
  }
  return { host, container, permissions };
}

export function absoluteTarget(target: string): string {
  noColon(target);
  if (!target.startsWith('/'))
    invalid(`the container path "${target}" is relative`, 'start it with /');
  return target;
}
