/**
 * What each target must carry of a case's values, next to what the interpreters recorded. An
 * expectation is written from the values as the berth file holds them, never from generated
 * code, so that a quoting mistake cannot cancel itself out.
 */
import type { RecordedResource } from '../interfaces/recorded.js';
import type { InjectedValues } from './cases.js';
import type { MetadataResult } from './metadata.js';
import type { ShellCalls } from './shell.js';

/** `/tmp/PATH[:OPTIONS]` as Docker reads it: the options start at the first ":". */
function tmpfsOf(v: InjectedValues): { target: string; options: string } {
  const entry = `/tmp/${v.tmpfs}`;
  const colon = entry.indexOf(':');
  return colon < 0
    ? { target: entry, options: '' }
    : { target: entry.slice(0, colon), options: entry.slice(colon + 1) };
}

/** The password the data bag item and the Hiera key hold, in every case. */
export const registryPassword = 'registry-password';

export function chefValues(container: RecordedResource, registry: RecordedResource | undefined) {
  const p = container.params as Record<string, any>;
  return {
    registryUser: registry?.params.username,
    registryPassword: registry?.params.password,
    command: p.command,
    entrypoint: p.entrypoint,
    env: p.env,
    labels: p.labels,
    volumes: p.volumes,
    tmpfs: p.tmpfs,
    workingDir: p.working_dir,
    healthTest: p.health_check?.Test,
    logOptions: p.log_opts,
    securityOpt: p.security_opt,
    sysctls: p.sysctls,
    envFile: p.env_file,
    dns: p.dns,
    dnsSearch: p.dns_search,
    extraHosts: p.extra_hosts,
    devices: p.devices,
    network: p.network_mode,
    aliases: p.network_aliases,
    cgroupParent: p.cgroup_parent,
    volumesFrom: p.volumes_from,
  };
}

export function expectedChef(v: InjectedValues): ReturnType<typeof chefValues> {
  const tmpfs = tmpfsOf(v);
  return {
    registryUser: v.registryUser,
    // Read at converge time from the data bag item, under the key berth wrote.
    registryPassword: { lazy: registryPassword },
    command: ['run', v.argument, '--'],
    entrypoint: [`/bin/${v.executable}`, v.entrypoint],
    env: [`VALUE=${v.environment}`],
    labels: { [`com.example.${v.labelKey}`]: v.label },
    volumes: [`/src/${v.bindSource}:/dst/${v.bindTarget}`],
    tmpfs: { [tmpfs.target]: tmpfs.options },
    workingDir: `/work/${v.workingDir}`,
    healthTest: v.healthExec
      ? ['CMD', 'check', v.healthcheck]
      : ['CMD-SHELL', `check ${v.healthcheck}`],
    logOptions: { tag: v.logTag, [`x-${v.logKey}`]: v.logValue },
    securityOpt: [`label=${v.securityOpt}`],
    sysctls: { 'net.core.somaxconn': v.sysctl },
    envFile: [`/etc/env/${v.envFile}`],
    dns: [v.dns],
    dnsSearch: [v.dnsSearch],
    extraHosts: [`h${v.extraHost}:${v.extraHostIp}`],
    devices: [
      {
        PathOnHost: `/dev/${v.device[0]}`,
        PathInContainer: `/dev/${v.device[1]}`,
        CgroupPermissions: v.device[2],
      },
    ],
    network: 'front',
    aliases: [v.aliases[0]],
    cgroupParent: v.chefCgroupParent,
    volumesFrom: [v.chefVolumesFrom],
  };
}

/**
 * The docker::run parameters the module writes into its start script as they are, without
 * escaping: the shell reads them. Everything else the module passes through shell_escape.
 */
const shellParameters = ['command', 'health_check_cmd', 'extra_parameters', 'after_create'];

export function puppetValues(run: RecordedResource) {
  const p = run.params as Record<string, any>;
  const unexpected = Object.keys(p).filter((name) => !puppetParameters.has(name));
  return {
    env: p.env,
    labels: p.labels,
    volumes: p.volumes,
    envFile: p.env_file,
    dns: p.dns,
    dnsSearch: p.dns_search,
    hostEntries: p.hostentries,
    net: p.net,
    syslogIdentifier: p.syslog_identifier,
    beforeStop: p.before_stop,
    unexpected,
  };
}

/** Every parameter berth sets on this container; any other one would be a surprise. */
const puppetParameters = new Set([
  ...shellParameters,
  'ensure',
  'image',
  'env',
  'labels',
  'volumes',
  'env_file',
  'dns',
  'dns_search',
  'hostentries',
  'net',
  'syslog_identifier',
  'before_stop',
  'systemd_restart',
  'require',
]);

export function expectedPuppet(v: InjectedValues): ReturnType<typeof puppetValues> {
  return {
    env: [`VALUE=${v.environment}`],
    labels: [`com.example.${v.labelKey}=${v.label}`],
    volumes: [`/src/${v.bindSource}:/dst/${v.bindTarget}`],
    envFile: [`/etc/env/${v.envFile}`],
    dns: [v.dns],
    dnsSearch: [v.dnsSearch],
    hostEntries: [`h${v.extraHost}:${v.extraHostIp}`],
    net: 'front',
    syslogIdentifier: v.puppetSyslogIdentifier,
    beforeStop: v.puppetBeforeStop,
    unexpected: [],
  };
}

const flagsMark = '@@berth-flags@@';
const nameMark = '@@berth-name@@';

/**
 * The lines puppetlabs-docker 10.x writes into a container's start script: `docker create`
 * with `--health-cmd='<health_check_cmd>'` and each `extra_parameters` item as they are,
 * joined by backslash-newline, then `--name`, the image and `command` as it is; then
 * `after_create` on a line of its own. The escaped flags are left out; two marker words
 * show where the flags start and end, and a value that escaped its quotes would swallow one.
 */
export function startScript(run: RecordedResource): string {
  const p = run.params as Record<string, any>;
  const flags: string[] = [
    ...(p.health_check_cmd === undefined ? [] : [`--health-cmd='${p.health_check_cmd}'`]),
    ...((p.extra_parameters ?? []) as string[]),
  ];
  const create = [
    `docker create ${flagsMark} ${flags.join(' \\\n  ')} \\`,
    `  ${nameMark} --name app ${p.image} ${p.command ?? ''}`,
  ];
  return [...create, ...(p.after_create ? [p.after_create] : [])].join('\n');
}

/**
 * The command docker::registry 10.x runs to log in: `docker login -u '<username>'` with the
 * password from the environment, in an exec whose command is `Deferred('sprintf', [...])`, so
 * Ruby's format reads it first (see `rubySprintf`) and then a shell.
 */
export function loginCommand(registry: RecordedResource): string {
  const p = registry.params as Record<string, any>;
  const receipt = `//root/registry-auth-puppet_receipt_${p.server}_root`;
  return `docker login -u '${p.username}' -p "\${password}" ${p.server} || rm -f "${receipt}"`;
}

export interface PuppetShellValues {
  flags: string[];
  healthCmd: string[];
  run: string[];
  /** What runs after `docker create`: the second network's connect, then the login. */
  later: ShellCalls;
}

/** The words of the `docker create` call, sorted into flags, the health command and the rest. */
export function puppetShellValues(calls: ShellCalls): PuppetShellValues {
  const [create = [], ...later] = calls;
  // `docker create @@berth-flags@@ ... @@berth-name@@ --name ...`; anything else is all flags.
  const start = create.indexOf(flagsMark);
  const end = create.indexOf(nameMark);
  const marked = start === 2 && end > start;
  const flags = marked ? create.slice(start + 1, end) : create;
  const health = flags.filter((word) => word.startsWith('--health-cmd='));
  return {
    flags: flags.filter((word) => !health.includes(word)).sort(),
    healthCmd: health.map((word) => word.slice('--health-cmd='.length)),
    run: marked ? [...create.slice(0, 2), ...create.slice(end + 1)] : [],
    later,
  };
}

export function expectedPuppetShell(v: InjectedValues, healthCmd: string[]): PuppetShellValues {
  const tmpfs = tmpfsOf(v);
  return {
    flags: [
      `--entrypoint=/bin/${v.executable}`,
      `--tmpfs=${tmpfs.options ? `${tmpfs.target}:${tmpfs.options}` : tmpfs.target}`,
      `--workdir=/work/${v.workingDir}`,
      `--security-opt=label=${v.securityOpt}`,
      `--device=/dev/${v.device[0]}:/dev/${v.device[1]}:${v.device[2]}`,
      `--network-alias=${v.aliases[0]}`,
      `--sysctl=net.core.somaxconn=${v.sysctl}`,
      '--log-driver=json-file',
      `--log-opt=tag=${v.logTag}`,
      `--log-opt=x-${v.logKey}=${v.logValue}`,
      v.puppetExtraParameter,
    ].sort(),
    // The exec form's command is shell text of berth's making, read by a second shell below:
    // here it only has to be one flag.
    healthCmd: v.healthExec ? [healthCmd[0] ?? '(no --health-cmd)'] : [`check ${v.healthcheck}`],
    run: [
      'docker',
      'create',
      '--name',
      'app',
      'busybox:1.36',
      v.entrypoint,
      'run',
      v.argument,
      '--',
    ],
    later: [
      ['docker', 'network', 'connect', '--alias', v.aliases[1], 'back', 'app'],
      // The password comes from the exec's environment, which this shell does not have.
      ['docker', 'login', '-u', v.registryUser, '-p', '', 'ghcr.io'],
    ],
  };
}

/** What the container's shell runs for an exec-form healthcheck: `check` and its argument. */
export const expectedHealthCalls = (v: InjectedValues): ShellCalls => [['check', v.healthcheck]];

/** The methods metadata.rb may call; anything else came from a value. */
const metadataMethods = new Set([
  'name',
  'maintainer',
  'maintainer_email',
  'license',
  'description',
  'version',
  'chef_version',
  'source_url',
  'issues_url',
  'supports',
  'depends',
]);

export function metadataValues(result: MetadataResult) {
  const calls = result.chef ?? [];
  const chef = (method: string) => calls.filter(([name]) => name === method).map(([, ...a]) => a);
  const json = result.puppet ?? {};
  return {
    errors: result.errors,
    chefUnexpected: calls.filter(([name]) => !metadataMethods.has(name)),
    chef: {
      name: chef('name'),
      maintainer: chef('maintainer'),
      maintainerEmail: chef('maintainer_email'),
      license: chef('license'),
      description: chef('description'),
      version: chef('version'),
      sourceUrl: chef('source_url'),
      issuesUrl: chef('issues_url'),
    },
    puppet: {
      name: json.name,
      version: json.version,
      author: json.author,
      summary: json.summary,
      license: json.license,
      source: json.source,
      projectPage: json.project_page,
      issuesUrl: json.issues_url,
      description: json.description,
    },
  };
}

export function expectedMetadata(
  name: string,
  v: InjectedValues,
): ReturnType<typeof metadataValues> {
  return {
    errors: [],
    chefUnexpected: [],
    chef: {
      name: [[name]],
      maintainer: [[v.maintainer]],
      maintainerEmail: [[v.maintainerEmail]],
      license: [[v.license]],
      // metadata.rb's description is the one-line summary.
      description: [[v.summary]],
      // Chef takes MAJOR.MINOR.PATCH only; berth drops a pre-release or build suffix, and says so.
      version: [[v.version.replace(/[-+].*$/, '')]],
      sourceUrl: [[v.sourceUrl]],
      issuesUrl: [[v.issuesUrl]],
    },
    puppet: {
      name: `${v.author}-${name}`,
      version: v.version,
      author: v.author,
      summary: v.summary,
      license: v.license,
      source: v.sourceUrl,
      projectPage: v.sourceUrl,
      issuesUrl: v.issuesUrl,
      // Trailing space (the line break a YAML block scalar ends with) is not kept.
      description: v.description === '' ? undefined : v.description.trimEnd(),
    },
  };
}

/**
 * The texts each README must hold as written: they are Markdown prose, which no interpreter
 * reads back, so the value is looked for in the file.
 */
export function readmeTexts(v: InjectedValues) {
  return {
    chef: [v.summary, v.description.trim()].filter(Boolean),
    puppet: [
      v.summary,
      `Maintainer: ${v.maintainer} <${v.maintainerEmail}>`,
      v.description.trimEnd(),
    ].filter(Boolean),
  };
}

/** A manifest without its comment lines: the code Puppet reads. */
export function codeLines(manifest: string): string[] {
  return manifest.split('\n').filter((line) => !/^\s*#/.test(line));
}
