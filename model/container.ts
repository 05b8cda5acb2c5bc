import type { NormalizeContext } from './context.js';
import { mapDefined } from './lists.js';
import { childPath } from './paths.js';
import { shellSplit } from './shell-words.js';
import { closest } from './suggest.js';
import type {
  Container,
  Dependency,
  Device,
  EnvironmentVariable,
  ExtraHost,
  Healthcheck,
  KeyValue,
  Mount,
  NetworkAttachment,
  PassThrough,
  PortMapping,
  Restart,
  Tmpfs,
  Ulimit,
  YamlPath,
} from './types.js';
import {
  absoluteOnNode,
  absoluteSource,
  absoluteTarget,
  canonicalImage,
  checkedPort,
  parseDuration,
  parseImageReference,
  parseDevice,
  parseMountString,
  parsePortNumberOrRange,
  parsePortString,
  parseProtocol,
  parseSize,
  splitOnce,
  type ParsedMount,
} from './values.js';

/** A container as the schema allows it to be written. */
export type ContainerSpec = Record<string, any>;

export interface Declared {
  secrets: Set<string>;
  networks: Set<string>;
  volumes: Set<string>;
  containers: Set<string>;
}

/**
 * Normalizes one container. Field parsers report problems through the context and leave the
 * field out, so that one pass finds every mistake; the caller throws before anything is
 * generated from a model with problems.
 */
export function normalizeContainer(
  context: NormalizeContext,
  name: string,
  spec: ContainerSpec,
  declared: Declared,
): Container | undefined {
  const path: YamlPath = ['containers', name];
  const at = (field: string): YamlPath => childPath(path, field);

  const image = context.parse(at('image'), () => parseImageReference(spec.image));
  if (!image) return undefined;
  const fields = new FieldReader(context, spec, path);

  // Every field is set, to undefined when absent, so that all containers share one object
  // shape: a model of 100,000 containers stays compact and fast to read.
  const container: Container = {
    name,
    image,
    imageKey: canonicalImage(image),
    pullPolicy: spec.pull_policy ?? 'missing',
    command: fields.argv('command'),
    entrypoint: fields.argv('entrypoint'),
    environment: fields.environment(declared.secrets),
    envFiles: fields
      .list('env_file')
      .map((file, i) => absolutePath(context, file, childPath(path, 'env_file', i))),
    ports: fields.ports(),
    expose: fields.expose(),
    mounts: fields.mounts(declared.volumes),
    tmpfs: fields.tmpfs(),
    restart: fields.restart(),
    healthcheck: fields.healthcheck(),
    labels: fields.keyValues('labels'),
    user: spec.user,
    workingDir: spec.working_dir,
    hostname: spec.hostname,
    domainname: spec.domainname,
    networks: fields.networks(declared.networks),
    networkMode: spec.network_mode,
    dns: fields.list('dns'),
    dnsSearch: fields.list('dns_search'),
    extraHosts: fields.extraHosts(),
    capAdd: spec.cap_add ? spec.cap_add.map(capability) : none,
    capDrop: spec.cap_drop ? spec.cap_drop.map(capability) : none,
    privileged: spec.privileged === true,
    readOnly: spec.read_only === true,
    securityOpt: spec.security_opt ?? none,
    devices: fields.devices(),
    pid: spec.pid,
    ipc: spec.ipc,
    usernsMode: spec.userns_mode,
    memoryBytes: fields.size('mem_limit'),
    memorySwapBytes: spec.memswap_limit === -1 ? -1 : fields.size('memswap_limit'),
    memoryReservationBytes: fields.size('mem_reservation'),
    shmSizeBytes: fields.size('shm_size'),
    cpus: spec.cpus === undefined ? undefined : Number(spec.cpus),
    cpuShares: spec.cpu_shares,
    cpuset: spec.cpuset,
    pidsLimit: spec.pids_limit,
    logging: fields.logging(),
    stopSignal: spec.stop_signal,
    stopGracePeriodMs: fields.duration(['stop_grace_period']),
    ulimits: fields.ulimits(),
    sysctls: fields.keyValues('sysctls'),
    init: spec.init,
    tty: spec.tty === true,
    stdinOpen: spec.stdin_open === true,
    dependsOn: fields.dependsOn(name, declared.containers),
    chef: passThrough(spec['x-chef'], at('x-chef')),
    puppet: passThrough(spec['x-puppet'], at('x-puppet')),
    path,
    written: Object.keys(spec),
  };

  checkConflicts(context, container, spec);
  return container;
}

const capability = (name: string) => name.toUpperCase().replace(/^CAP_/, '');

/**
 * The one empty list every absent list field shares: most containers leave most lists empty,
 * and a model of 100,000 containers should not hold a million empty arrays. Frozen, so that a
 * generator that tried to add to it would fail loudly instead of changing every container.
 */
const none: never[] = Object.freeze([]) as unknown as never[];

/**
 * A freshly parsed value with its path added as its last field. Not `{ ...value, path }`: once
 * optimized, V8 gives each object made that way a hidden class of its own, and 100,000
 * containers would hold 100,000 classes per field, each read megamorphically by the generators.
 */
function located<T extends object>(value: T, path: YamlPath): T & { path: YamlPath } {
  return Object.assign(value, { path });
}

function absolutePath(context: NormalizeContext, file: string, path: YamlPath): string {
  return context.parse(path, () => absoluteOnNode(file)) ?? file;
}

function passThrough(values: Record<string, unknown> | undefined, path: YamlPath): PassThrough[] {
  if (!values) return none;
  return Object.entries(values ?? {}).map(([name, value]) => ({
    name,
    value,
    path: childPath(path, name),
  }));
}

/** Reads the fields of one container; each method handles one field's forms. */
class FieldReader {
  constructor(
    private readonly context: NormalizeContext,
    private readonly spec: ContainerSpec,
    private readonly path: YamlPath,
  ) {}

  private at(...segments: (string | number)[]): YamlPath {
    return childPath(this.path, ...segments);
  }

  private report(path: YamlPath, problem: string, valueHint: string): void {
    const subject = path.slice(2).join('.');
    this.context.report('BERTH-SPEC-VALUE', { subject, problem, valueHint }, path);
  }

  list(field: string): string[] {
    const value = this.spec[field];
    if (value === undefined) return none;
    return Array.isArray(value) ? value : [value];
  }

  /** A command or entrypoint: a list as is, a string split the way a shell splits words. */
  argv(field: string): string[] | undefined {
    const value = this.spec[field];
    if (value === undefined) return undefined;
    if (Array.isArray(value)) return value;
    const words = shellSplit(value);
    if (!words)
      this.report(this.at(field), 'a quote is left open', 'close the quote, or write a list');
    return words;
  }

  size(field: string): number | undefined {
    const value = this.spec[field];
    if (value === undefined) return undefined;
    return this.context.parse(this.at(field), () => parseSize(value));
  }

  duration(segments: string[]): number | undefined {
    let value: any = this.spec;
    for (const segment of segments) value = value?.[segment];
    if (value === undefined) return undefined;
    return this.context.parse(this.at(...segments), () => parseDuration(value));
  }

  environment(secrets: Set<string>): EnvironmentVariable[] {
    const value = this.spec.environment;
    if (value === undefined) return none;
    const variable = (
      name: string,
      raw: unknown,
      path: YamlPath,
    ): EnvironmentVariable | undefined => {
      if (raw === null) {
        this.report(path, `"${name}" has no value`, 'write NAME: "" for an empty value');
        return undefined;
      }
      if (typeof raw === 'object') {
        const secret = (raw as { secret: string }).secret;
        if (!secrets.has(secret)) this.reportMissingSecret(secret, path, secrets);
        return { name, value: { secret, path }, path };
      }
      return { name, value: this.context.text(raw, path), path };
    };

    if (Array.isArray(value)) {
      return mapDefined(value, (item: string, i) => {
        const [name, rest] = splitOnce(item, '=');
        return variable(name, rest ?? null, this.at('environment', i));
      });
    }
    return mapDefined(Object.keys(value), (name) =>
      variable(name, value[name], this.at('environment', name)),
    );
  }

  private reportMissingSecret(secret: string, path: YamlPath, secrets: Set<string>): void {
    const guess = closest(secret, [...secrets]);
    this.context.report(
      'BERTH-SPEC-REFERENCE',
      {
        kind: 'secret',
        name: secret,
        section: 'secrets',
        suggestion: guess ? ` (or did you mean "${guess}"?)` : '',
      },
      childPath(path, 'secret'),
    );
  }

  keyValues(field: string): KeyValue[] {
    const value = this.spec[field];
    if (value === undefined) return none;
    if (Array.isArray(value)) {
      return value.map((item: string, i) => {
        const [name, rest] = splitOnce(item, '=');
        return { name, value: rest ?? '', path: this.at(field, i) };
      });
    }
    return Object.entries(value).map(([name, v]) => {
      const path = this.at(field, name);
      return { name, value: v === null ? '' : this.context.text(v, path), path };
    });
  }

  ports(): PortMapping[] {
    if (this.spec.ports === undefined) return none;
    return mapDefined(this.spec.ports ?? [], (port: unknown, i: number) => {
      const path = this.at('ports', i);
      const parsed = this.context.parse(path, () => {
        if (typeof port === 'string') return parsePortString(port);
        if (typeof port === 'number') return parsePortString(String(port));
        const long = port as Record<string, any>;
        return checkedPort(
          {
            target: parsePortNumberOrRange(long.target, 'container port'),
            ...(long.published !== undefined
              ? { published: parsePortNumberOrRange(long.published, 'host port') }
              : {}),
            ...(long.host_ip ? { hostIp: long.host_ip } : {}),
            protocol: parseProtocol(long.protocol ?? 'tcp'),
          },
          JSON.stringify(port),
        );
      });
      return parsed ? located(parsed, path) : undefined;
    });
  }

  expose(): Container['expose'] {
    if (this.spec.expose === undefined) return none;
    return mapDefined(this.spec.expose ?? [], (entry: string | number, i: number) => {
      const path = this.at('expose', i);
      const parsed = this.context.parse(path, () => {
        const [port, protocol = 'tcp'] = splitOnce(String(entry), '/');
        return { port: parsePortNumberOrRange(port, 'port'), protocol: parseProtocol(protocol) };
      });
      return parsed ? located(parsed, path) : undefined;
    });
  }

  mounts(volumes: Set<string>): Mount[] {
    if (this.spec.volumes === undefined) return none;
    return mapDefined(this.spec.volumes ?? [], (entry: unknown, i: number) => {
      const path = this.at('volumes', i);
      const tmpfs = typeof entry === 'object' && (entry as { type: string }).type === 'tmpfs';
      if (tmpfs) return undefined;
      const mount = this.context.parse(path, () => parseMount(entry));
      if (!mount) return undefined;
      if (mount.type === 'volume' && !volumes.has(mount.source)) {
        this.context.report(
          'BERTH-SPEC-REFERENCE',
          { kind: 'volume', name: mount.source, section: 'volumes', suggestion: '' },
          path,
        );
      }
      return located(mount, path);
    });
  }

  tmpfs(): Tmpfs[] {
    const inVolumes = (this.spec.volumes ?? []).some(
      (entry: any) => typeof entry === 'object' && entry?.type === 'tmpfs',
    );
    if (this.spec.tmpfs === undefined && !inVolumes) return none;
    const short = mapDefined(this.list('tmpfs'), (entry, i) => {
      const path = Array.isArray(this.spec.tmpfs) ? this.at('tmpfs', i) : this.at('tmpfs');
      const [target, options] = splitOnce(entry, ':');
      const checked = this.context.parse(path, () => absoluteTarget(target));
      return checked ? { target: checked, ...(options ? { options } : {}), path } : undefined;
    });
    const long = mapDefined(this.spec.volumes ?? [], (entry: any, i: number) => {
      if (typeof entry !== 'object' || entry.type !== 'tmpfs') return undefined;
      const path = this.at('volumes', i);
      const target = this.context.parse(path, () => absoluteTarget(entry.target));
      const options = this.tmpfsOptions(entry.tmpfs ?? {}, childPath(path, 'tmpfs'));
      return target ? { target, ...(options ? { options } : {}), path } : undefined;
    });
    return [...short, ...long];
  }

  /**
   * `size` and `mode` of a long-form tmpfs mount as `--tmpfs` options. The mode is read as the
   * octal digits written (`1777`), the way people write file modes, not as the decimal number
   * YAML would make of them.
   */
  private tmpfsOptions(tmpfs: { size?: unknown; mode?: unknown }, path: YamlPath): string {
    const options: string[] = [];
    if (tmpfs.size !== undefined) {
      const bytes = this.context.parse(childPath(path, 'size'), () =>
        parseSize(tmpfs.size as string),
      );
      if (bytes !== undefined) options.push(`size=${bytes}`);
    }
    if (tmpfs.mode !== undefined) {
      const modePath = childPath(path, 'mode');
      const digits = this.context.text(tmpfs.mode, modePath).replace(/^0o?/, '');
      if (/^[0-7]{1,4}$/.test(digits)) options.push(`mode=${digits}`);
      else
        this.report(modePath, `"${digits}" is not an octal file mode`, 'write e.g. 1777 or 0755');
    }
    return options.join(',');
  }

  restart(): Restart | undefined {
    const value: string | undefined = this.spec.restart;
    if (value === undefined) return undefined;
    const [policy, retries] = splitOnce(value, ':');
    return {
      policy: policy as Restart['policy'],
      ...(retries !== undefined ? { maxRetries: Number(retries) } : {}),
      path: this.at('restart'),
    };
  }

  healthcheck(): Healthcheck | undefined {
    const value = this.spec.healthcheck;
    if (value === undefined) return undefined;
    const path = this.at('healthcheck');
    const test = value.test;
    const disabled = value.disable === true || (Array.isArray(test) && test[0] === 'NONE');
    const check: Healthcheck = { disabled, path };

    if (!disabled && test !== undefined) {
      const parsed = this.healthTest(test, childPath(path, 'test'));
      if (parsed) check.test = parsed;
    }
    const interval = this.duration(['healthcheck', 'interval']);
    const timeout = this.duration(['healthcheck', 'timeout']);
    const startPeriod = this.duration(['healthcheck', 'start_period']);
    if (interval !== undefined) check.intervalMs = interval;
    if (timeout !== undefined) check.timeoutMs = timeout;
    if (startPeriod !== undefined) check.startPeriodMs = startPeriod;
    if (value.retries !== undefined) check.retries = value.retries;
    return check;
  }

  private healthTest(test: string | string[], path: YamlPath): Healthcheck['test'] {
    if (typeof test === 'string') return { kind: 'shell', command: test };
    const [kind, ...rest] = test;
    if (kind === 'CMD' && rest.length > 0) return { kind: 'exec', argv: rest };
    if (kind === 'CMD-SHELL' && rest.length === 1) return { kind: 'shell', command: rest[0]! };
    this.report(
      path,
      'is not a healthcheck test',
      'write a command string, [CMD, arg, ...], [CMD-SHELL, "command"] or [NONE]',
    );
    return undefined;
  }

  networks(declared: Set<string>): NetworkAttachment[] {
    const value = this.spec.networks;
    if (value === undefined) return none;
    const entries: [string, any, YamlPath][] = Array.isArray(value)
      ? value.map((name: string, i) => [name, null, this.at('networks', i)])
      : Object.entries(value).map(([name, v]) => [name, v, this.at('networks', name)]);

    return entries.map(([name, options, path]) => {
      if (!declared.has(name)) {
        const guess = closest(name, [...declared]);
        this.context.report(
          'BERTH-SPEC-REFERENCE',
          {
            kind: 'network',
            name,
            section: 'networks',
            suggestion: guess ? ` (or did you mean "${guess}"?)` : '',
          },
          path,
          !Array.isArray(value),
        );
      }
      return {
        name,
        aliases: options?.aliases ?? [],
        ...(options?.ipv4_address ? { ipv4Address: options.ipv4_address } : {}),
        ...(options?.ipv6_address ? { ipv6Address: options.ipv6_address } : {}),
        path,
      };
    });
  }

  extraHosts(): ExtraHost[] {
    const value = this.spec.extra_hosts;
    if (value === undefined) return none;
    if (!Array.isArray(value)) {
      return Object.entries(value).map(([host, ip]) => ({
        host,
        ip: String(ip),
        path: this.at('extra_hosts', host),
      }));
    }
    return mapDefined(value, (entry: string, i: number) => {
      const path = this.at('extra_hosts', i);
      // HOST:IP or HOST=IP; an IPv6 address holds colons, so split at the first separator.
      const match = /^([^:=]+)[:=](.+)$/.exec(entry);
      if (!match) {
        this.report(path, `"${entry}" is not HOST:IP`, 'write e.g. db.internal:10.0.0.5');
        return undefined;
      }
      return { host: match[1]!, ip: match[2]!, path };
    });
  }

  devices(): Device[] {
    if (this.spec.devices === undefined) return none;
    return mapDefined(this.spec.devices ?? [], (entry: string, i: number) => {
      const path = this.at('devices', i);
      const device = this.context.parse(path, () => parseDevice(entry));
      return device ? located(device, path) : undefined;
    });
  }

  logging(): Container['logging'] {
    const value = this.spec.logging;
    if (value === undefined) return undefined;
    const path = this.at('logging');
    const options = Object.entries(value.options ?? {}).map(([name, v]) => {
      const optionPath = childPath(path, 'options', name);
      return { name, value: this.context.text(v, optionPath), path: optionPath };
    });
    return { driver: value.driver, options, path };
  }

  ulimits(): Ulimit[] {
    if (this.spec.ulimits === undefined) return none;
    return Object.entries(this.spec.ulimits ?? {}).map(([name, value]: [string, any]) => ({
      name,
      soft: typeof value === 'number' ? value : value.soft,
      hard: typeof value === 'number' ? value : value.hard,
      path: this.at('ulimits', name),
    }));
  }

  dependsOn(self: string, containers: Set<string>): Dependency[] {
    const value = this.spec.depends_on;
    if (value === undefined) return none;
    const entries: [string, any, YamlPath][] = Array.isArray(value)
      ? value.map((name: string, i) => [name, {}, this.at('depends_on', i)])
      : Object.entries(value).map(([name, v]) => [name, v, this.at('depends_on', name)]);

    return mapDefined(entries, ([name, options, path]) => {
      if (name === self || !containers.has(name)) {
        const guess = closest(
          name,
          [...containers].filter((c) => c !== self),
        );
        this.context.report(
          'BERTH-SPEC-REFERENCE',
          {
            kind: name === self ? 'container (other than itself)' : 'container',
            name,
            section: 'containers',
            suggestion: guess ? ` (or did you mean "${guess}"?)` : '',
          },
          path,
          !Array.isArray(value),
        );
        return undefined;
      }
      return { name, condition: options?.condition ?? 'service_started', path };
    });
  }
}

function parseMount(entry: unknown): ParsedMount {
  if (typeof entry === 'string') return parseMountString(entry);
  const long = entry as {
    type: 'bind' | 'volume';
    source?: string;
    target: string;
    read_only?: boolean;
  };
  const target = absoluteTarget(long.target);
  if (!long.source) return { type: 'anonymous', target };
  const source = long.type === 'bind' ? absoluteSource(long.source) : long.source;
  return { type: long.type, source, target, readOnly: long.read_only === true };
}

/** Combinations Docker refuses, caught here rather than on the node. */
function checkConflicts(
  context: NormalizeContext,
  container: Container,
  spec: ContainerSpec,
): void {
  const at = (field: string): YamlPath => childPath(container.path, field);
  const conflict = (field: string, problem: string, conflictHint: string) =>
    context.report(
      'BERTH-SPEC-CONFLICT',
      { subject: field, problem, conflictHint },
      at(field),
      true,
    );

  if (container.networkMode && container.networks.length > 0) {
    conflict('networks', 'cannot be combined with network_mode', 'keep one of the two');
  }
  if (container.networkMode === 'host' && container.ports.length > 0) {
    conflict(
      'ports',
      'are not published with network_mode: host',
      'remove ports; the container uses the host ports directly',
    );
  }
  if (container.networkMode === 'host' && spec.hostname !== undefined) {
    conflict('hostname', 'cannot be set with network_mode: host', 'remove hostname');
  }
}
