import { readFileSync } from 'node:fs';

import fc from 'fast-check';
import yaml from 'js-yaml';

import { BerthError, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { modelFromText } from '../../model/index.js';
import type { Model } from '../../model/types.js';

/**
 * Strings built to break out of a literal: quotes of every kind, backslashes, interpolation in
 * Ruby (`#{}`, `#@x`, `#$x`), Puppet and shell (`${}`, `$var`, backticks), format and
 * comment characters, line breaks, tabs, control characters, non-ASCII text, and very long
 * strings, mixed with arbitrary Unicode.
 */
const hostilePieces = [
  "'",
  '"',
  '`',
  '\\',
  '\\\\',
  "\\'",
  '\\"',
  '#{`id`}',
  '#{1+1}',
  '#@x',
  '#$0',
  '${x}',
  '${::fqdn}',
  '$HOME',
  '$(id)',
  '$1',
  '$@',
  '%',
  '%s',
  '%{x}',
  '\n',
  '\r\n',
  '\r',
  '\t',
  '\u0001',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u202e',
  'é',
  'ß',
  '日本',
  '🚀',
  '\ufeff',
  '#',
  ' # comment',
  '--',
  '-e',
  ';',
  '&&',
  '|',
  '>',
  '<',
  '*',
  '?',
  '[',
  ']',
  '{',
  '}',
  ',',
  '=',
  ':',
  '@',
  '!',
  '~',
  'end',
  'EOS',
  '<<~EOS',
  '__END__',
  'undef',
  'true',
  '0x1F',
  '1.10',
  'null',
  ' ',
];

/**
 * What no target can carry: NUL, and UTF-16 surrogates without their other half (which YAML's
 * `\uD800` escape can write). Two of these pieces side by side can also make a valid pair,
 * which must be carried. Rare, so that most cases reach the interpreters.
 */
const uncarriablePieces = ['\u0000', '\ud800', '\udc00'];

const piece = fc.oneof(
  { weight: 600, arbitrary: fc.constantFrom(...hostilePieces) },
  { weight: 1, arbitrary: fc.constantFrom(...uncarriablePieces) },
);

const shortHostile = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .array(fc.oneof(piece, fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 12 })
      .map((parts) => parts.join('')),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 40 }) },
);

// One field in twenty holds a very long string: about one and a half per case.
export const hostileString = fc.oneof(
  { weight: 19, arbitrary: shortHostile },
  {
    weight: 1,
    arbitrary: fc
      .tuple(piece, fc.integer({ min: 2000, max: 12000 }))
      .map(([p, n]) => p.repeat(Math.ceil(n / p.length))),
  },
);

/** Hostile text without the characters a field's schema pattern refuses. */
const hostileWithout = (refused: RegExp) => hostileString.map((s) => s.replace(refused, ''));

const nonEmpty = (text: fc.Arbitrary<string>) => text.filter((s) => s.length > 0);

/** At most `max` code points, the way JSON Schema's maxLength counts. */
const atMost = (max: number, text: fc.Arbitrary<string>) =>
  text.map((s) => Array.from(s).slice(0, max).join(''));

/** A field's pattern, from the schema: such a field only ever holds what its pattern allows. */
function schemaPattern(...path: (string | number)[]): RegExp {
  const node = path.reduce((at: any, key) => at[key], schema);
  return new RegExp(node.pattern as string);
}

const schema = JSON.parse(
  readFileSync(new URL('../../schema/berth.schema.json', import.meta.url), 'utf8'),
) as unknown;
const aliasPattern = schemaPattern(
  ...['$defs', 'container', 'properties', 'networks', 'oneOf', 1, 'additionalProperties'],
  ...['oneOf', 1, 'properties', 'aliases', 'items'],
);
const authorPattern = schemaPattern('properties', 'author');
const licensePattern = schemaPattern('properties', 'license');
const versionPattern = schemaPattern('properties', 'version');
const emailPattern = schemaPattern('properties', 'maintainer_email');
const urlPattern = schemaPattern('$defs', 'httpUrl');
/** What maintainer_email (`^[^@\s'"]+@[^@\s'"]+$`) and the URLs (`[^\s'"]`) leave out. */
const notInEmail = /[@\s'"]/g;
const notInUrl = /[\s'"]/g;

/** The free-text values one case places, each in its own field. */
export interface InjectedValues {
  executable: string;
  entrypoint: string;
  argument: string;
  environment: string;
  labelKey: string;
  label: string;
  bindSource: string;
  bindTarget: string;
  tmpfs: string;
  workingDir: string;
  healthcheck: string;
  /** `[CMD, check, value]` rather than the shell form `check value`. */
  healthExec: boolean;
  logTag: string;
  logKey: string;
  logValue: string;
  securityOpt: string;
  sysctl: string;
  envFile: string;
  dns: string;
  dnsSearch: string;
  extraHost: string;
  extraHostIp: string;
  /** Host path, container path and permissions: a device is written with ":" between them. */
  device: [string, string, string];
  /** Aliases on the first network and on the second. */
  aliases: [string, string];
  chefCgroupParent: string;
  chefVolumesFrom: string;
  puppetSyslogIdentifier: string;
  puppetBeforeStop: string;
  puppetExtraParameter: string;
  /** The user name of a registry login, and the data bag key that holds its password. */
  registryUser: string;
  secretKey: string;
  author: string;
  version: string;
  maintainer: string;
  maintainerEmail: string;
  license: string;
  summary: string;
  description: string;
  sourceUrl: string;
  issuesUrl: string;
}

const withoutColon = hostileWithout(/:/g);

const url = (scheme: string) =>
  nonEmpty(hostileWithout(notInUrl))
    .map((rest) => `${scheme}://${rest}`)
    .filter((text) => urlPattern.test(text));

export const injectedValues: fc.Arbitrary<InjectedValues> = fc.record({
  executable: hostileString,
  entrypoint: hostileString,
  argument: hostileString,
  environment: hostileString,
  // Label names and extra host names hold no separator ("=", ":"): the schema refuses those.
  labelKey: shortHostile.map((s) => s.replace(/=/g, '')),
  label: hostileString,
  bindSource: hostileString,
  bindTarget: hostileString,
  tmpfs: hostileString,
  workingDir: hostileString,
  healthcheck: hostileString,
  healthExec: fc.boolean(),
  logTag: hostileString,
  logKey: shortHostile,
  logValue: hostileString,
  securityOpt: hostileString,
  sysctl: hostileString,
  envFile: hostileString,
  dns: hostileString,
  dnsSearch: hostileString,
  extraHost: shortHostile.map((s) => s.replace(/:/g, '')),
  extraHostIp: hostileString,
  // Permissions are r, w and m, each at most once, as Docker takes them; rwm is the default.
  device: fc.tuple(
    withoutColon,
    withoutColon,
    fc
      .shuffledSubarray(['r', 'w', 'm'], { minLength: 1 })
      .map((letters) => letters.join(''))
      .filter((p) => p !== 'rwm'),
  ),
  aliases: fc.tuple(fc.stringMatching(aliasPattern), fc.stringMatching(aliasPattern)),
  chefCgroupParent: hostileString,
  chefVolumesFrom: hostileString,
  puppetSyslogIdentifier: hostileString,
  puppetBeforeStop: hostileString,
  puppetExtraParameter: hostileString,
  registryUser: nonEmpty(hostileString),
  secretKey: nonEmpty(hostileString),
  author: fc.stringMatching(authorPattern),
  version: fc.stringMatching(versionPattern),
  maintainer: nonEmpty(atMost(200, hostileString)),
  maintainerEmail: fc
    .tuple(nonEmpty(hostileWithout(notInEmail)), nonEmpty(hostileWithout(notInEmail)))
    .map(([local, domain]) => `${local}@${domain}`)
    .filter((email) => emailPattern.test(email)),
  license: fc.stringMatching(licensePattern),
  summary: nonEmpty(atMost(144, hostileString)),
  description: hostileString,
  sourceUrl: url('https'),
  issuesUrl: url('http'),
});

/** Where the registry password lives for each target. */
export const registrySecret = { bag: 'creds', item: 'hub', hiera: 'inj::token' };

/** The berth file of one case, as data: every injected value in the field it names. */
export function specOf(name: string, v: InjectedValues): Record<string, unknown> {
  return {
    name,
    version: v.version,
    author: v.author,
    maintainer: v.maintainer,
    maintainer_email: v.maintainerEmail,
    license: v.license,
    summary: v.summary,
    description: v.description,
    source_url: v.sourceUrl,
    issues_url: v.issuesUrl,
    secrets: {
      token: {
        chef: { data_bag: registrySecret.bag, item: registrySecret.item, key: v.secretKey },
        puppet: { hiera: registrySecret.hiera },
      },
    },
    registries: {
      hub: { server: 'ghcr.io', username: v.registryUser, password: { secret: 'token' } },
    },
    // The first network is the container's own; the second is joined once it is created.
    networks: { front: null, back: null },
    containers: {
      app: {
        image: 'busybox:1.36',
        entrypoint: [`/bin/${v.executable}`, v.entrypoint],
        command: ['run', v.argument, '--'],
        environment: { VALUE: v.environment },
        labels: { [`com.example.${v.labelKey}`]: v.label },
        volumes: [{ type: 'bind', source: `/src/${v.bindSource}`, target: `/dst/${v.bindTarget}` }],
        tmpfs: [`/tmp/${v.tmpfs}`],
        working_dir: `/work/${v.workingDir}`,
        healthcheck: {
          test: v.healthExec ? ['CMD', 'check', v.healthcheck] : `check ${v.healthcheck}`,
        },
        logging: {
          driver: 'json-file',
          options: { tag: v.logTag, [`x-${v.logKey}`]: v.logValue },
        },
        security_opt: [`label=${v.securityOpt}`],
        sysctls: { 'net.core.somaxconn': v.sysctl },
        env_file: `/etc/env/${v.envFile}`,
        dns: [v.dns],
        dns_search: [v.dnsSearch],
        extra_hosts: { [`h${v.extraHost}`]: v.extraHostIp },
        devices: [`/dev/${v.device[0]}:/dev/${v.device[1]}:${v.device[2]}`],
        networks: {
          front: { aliases: [v.aliases[0]] },
          back: { aliases: [v.aliases[1]] },
        },
        'x-chef': { cgroup_parent: v.chefCgroupParent, volumes_from: [v.chefVolumesFrom] },
        'x-puppet': {
          syslog_identifier: v.puppetSyslogIdentifier,
          before_stop: v.puppetBeforeStop,
          extra_parameters: [v.puppetExtraParameter],
        },
      },
    },
  };
}

export function berthFileOf(name: string, v: InjectedValues): string {
  return yaml.dump(specOf(name, v), { lineWidth: -1 });
}

export interface Accepted {
  accepted: true;
  /** Identifies the values, so that results computed for a value can be found again. */
  key: string;
  name: string;
  values: InjectedValues;
  model: Model;
}

export interface Refused {
  accepted: false;
  key: string;
  name: string;
  values: InjectedValues;
  text: string;
  diagnostics: Diagnostic[];
}

export type Outcome = Accepted | Refused;

export const keyOf = (values: InjectedValues) => JSON.stringify(values);

/**
 * Reads one case's berth file. A value berth cannot carry must be refused with a BerthError
 * (a clear, located error); anything else thrown is a failure of the property.
 */
export function readCase(name: string, values: InjectedValues): Outcome {
  const key = keyOf(values);
  const text = berthFileOf(name, values);
  try {
    const { model } = modelFromText(`${name}.yaml`, text);
    return { accepted: true, key, name, values, model };
  } catch (error) {
    if (!(error instanceof BerthError)) throw error;
    return { accepted: false, key, name, values, text, diagnostics: error.diagnostics };
  }
}

/**
 * Every case read once, by its values: the drawn ones in order, and those fast-check shrinks
 * to when a property fails. Names stay unique, since each becomes a cookbook and a module.
 */
export class CaseBook {
  private readonly outcomes = new Map<string, Outcome>();

  outcome(values: InjectedValues): Outcome {
    const key = keyOf(values);
    let outcome = this.outcomes.get(key);
    if (!outcome) {
      outcome = readCase(`inj_${String(this.outcomes.size).padStart(4, '0')}`, values);
      this.outcomes.set(key, outcome);
    }
    return outcome;
  }
}
