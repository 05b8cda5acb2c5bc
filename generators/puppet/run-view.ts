/**
 * One container as the manifest declares it: the values it reads from Hiera, its secrets, and
 * the `docker::run` parameters for the enabled and the disabled case.
 */
import type { Container, Model } from '../../model/types.js';
import { mapDefined } from '../../model/lists.js';
import { identifierOf } from '../../model/names.js';
import {
  PuppetCode,
  PuppetHash,
  puppetString,
  renderAttributes,
  type LintCheck,
} from '../quote/puppet.js';
import type { Attribute, Findings, ModelIndex, RunContext } from './run-context.js';
import {
  addCommand,
  addEnvironmentFiles,
  addIdentity,
  addNameResolution,
  addPublishing,
  addResources,
  addRuntime,
  addSecurity,
  addStorage,
} from './run-fields.js';
import { addHealthcheck } from './run-health.js';
import { addDependencies, addPull, addRestart, addStop, namespaceOwners } from './run-lifecycle.js';
import { addNetworks } from './run-network.js';
import { addPassThrough, quotedFlags } from './run-passthrough.js';
import { RunParts } from './run-parts.js';

export interface ContainerView {
  name: string;
  /** The name as a Puppet literal: the resource title and the key of its Hiera entry. */
  title: string;
  /** The container's variables are `$<variable>_container`, `_image` and `_secrets`. */
  variable: string;
  /** Whether the manifest declares the image (not for `pull_policy: never`). */
  pullImage: boolean;
  secrets: PuppetHash | null;
  /** The parameter lines of the enabled and the disabled `docker::run`, laid out in place. */
  run: string;
  absent: string;
}

const fieldBuilders = [
  addCommand,
  addPull,
  addPublishing,
  addStorage,
  addEnvironment,
  addEnvironmentFiles,
  addNameResolution,
  addIdentity,
  addNetworks,
  addSecurity,
  addResources,
  addHealthcheck,
  addRuntime,
  addRestart,
  addStop,
  addDependencies,
  addStartAfter,
];

export function containerView(
  model: Model,
  index: ModelIndex,
  container: Container,
  { notes, trips }: Findings,
): ContainerView {
  const mode = model.puppet.restartMode;
  const variable = identifierOf(container.name);
  const context: RunContext = { model, index, container, variable, notes, trips, mode };
  const parts = new RunParts();
  parts.set('ensure', 'present');
  parts.set('image', new PuppetCode(`$${variable}_image`), 'image');
  for (const build of fieldBuilders) build(context, parts);
  addPassThrough(context, parts);

  return {
    name: container.name,
    title: puppetString(container.name),
    variable,
    pullImage: container.pullPolicy !== 'never',
    secrets: secretsHash(context),
    run: runBody(finish(parts), trips),
    absent: runBody(absentAttributes(parts), trips),
  };
}

/**
 * Plain variables come from the Hiera hash, so an environment can override them; secrets are
 * looked up by their own Hiera keys. The module's `env` is an Array of Strings, so the secrets
 * are unwrapped there: they end up in the catalog and in the container's start script.
 */
function addEnvironment(context: RunContext, parts: RunParts): void {
  const { container, model, variable } = context;
  const secrets = container.environment.some((entry) => typeof entry.value !== 'string');
  const args = [
    `$${variable}_container['environment']`,
    ...(secrets ? [`$${variable}_secrets`] : []),
  ];
  parts.set(
    'env',
    new PuppetCode(`${model.puppet.moduleName}::env(${args.join(', ')})`),
    'environment',
  );
  for (const entry of container.environment) {
    if (typeof entry.value === 'string') continue;
    context.notes.approximate(
      entry.path,
      `the secret in environment ${entry.name}`,
      'docker::run takes env as plain Strings, so the secret is unwrapped from Sensitive: it is ' +
        'in the compiled catalog, in reports and in the container start script in clear text',
      'pass the secret in a file the container reads (env_file or a mounted volume) to keep ' +
        'it out of the catalog',
    );
  }
}

/** Sharing another container's network, PID or IPC namespace needs that container first. */
function addStartAfter(context: RunContext, parts: RunParts): void {
  const { container, mode } = context;
  const owners = namespaceOwners(container);
  for (const owner of owners) parts.require(context.index.reference('Docker::Run', owner));
  // `depends` already orders the units after the containers it names.
  const after = owners.filter((owner) => !container.dependsOn.some((d) => d.name === owner));
  if (after.length > 0 && mode === 'systemd') parts.set('after', after);
}

function secretsHash({ index, container }: RunContext): PuppetHash | null {
  const entries = mapDefined(container.environment, (entry) => {
    if (typeof entry.value === 'string') return undefined;
    const secret = index.secrets.get(entry.value.secret);
    const lookup = `Sensitive(lookup(${puppetString(secret!.puppet.hiera)}, String))`;
    return [entry.name, new PuppetCode(lookup)] as const;
  });
  return entries.length > 0 ? new PuppetHash(entries) : null;
}

function finish(parts: RunParts): Attribute[] {
  const attributes = parts.list();
  if (parts.flags.length > 0) {
    attributes.push({ name: 'extra_parameters', value: quotedFlags(parts.flags) });
  }
  if (parts.requires.length > 0) {
    const value = parts.requires.length === 1 ? parts.requires[0]! : parts.requires;
    attributes.push({ name: 'require', value });
  }
  return attributes;
}

/**
 * A disabled container is removed (`ensure => absent`) rather than left undeclared, so that a
 * running copy is stopped and other containers' `require` still resolve. The module removes a
 * restart-mode container only when `restart` is given, and finds a unit by its prefix.
 */
function absentAttributes(parts: RunParts): Attribute[] {
  const kept = [
    'restart',
    'service_prefix',
    'service_provider',
    'socket_connect',
    'stop_wait_time',
  ];
  const attributes: Attribute[] = [{ name: 'ensure', value: 'absent' }];
  for (const name of kept) {
    const attribute = parts.get(name);
    if (attribute) attributes.push({ name, value: attribute.value });
  }
  return attributes;
}

/** Inside `if ... {` inside the class: the parameters of `docker::run` sit six spaces in. */
function runBody(attributes: Attribute[], trips: Set<LintCheck>): string {
  return renderAttributes(attributes, { indent: '      ', trips });
}
