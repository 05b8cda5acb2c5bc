import { rubyLiteral, rubyProperty, rubyRegexp, rubyString, rubySymbol } from '../quote/ruby.js';
import type { ContainerView } from './containers.js';
import { markdownCode, secretExpression } from './helpers.js';
import type { Property } from './ports.js';

/**
 * The Ruby (and Markdown) text of one container, quoted here rather than by a Handlebars helper
 * per value: a file of 10,000 containers places about half a million values, and a helper call
 * each costs more than the rest of the render. The templates still only place these strings.
 */
export interface ContainerCode {
  name: string;
  /** `containers[name][key]` expressions reading the container's attributes. */
  enabled: string;
  repo: string;
  tag: string;
  env: string;
  pull?: { action: string; notify: string };
  secrets: { name: string; value: string }[];
  /**
   * The property lines of the docker_container block, joined by a line break and the block's
   * indentation (4), so that the template places them at once.
   */
  properties: string;
  subscribes?: string;
  connections: ConnectionCode[];
  /** The container's lines of attributes/default.rb, joined. */
  attributes: string;
  /** `%r{...}` literals for the InSpec `ports` checks. */
  ports: string[];
  readme: { name: string; repo: string; tag: string; pull: string };
}

interface ConnectionCode {
  name: string;
  network: string;
  container: string;
  properties: string;
  resubscribe?: string;
}

/** Property lines for a block at `indent`, joined so that each starts at that indentation. */
function propertyBlock(properties: Property[], indent: number): string {
  const options = { indent };
  const separator = `\n${' '.repeat(indent)}`;
  let block = '';
  for (const { name, value } of properties) {
    const line =
      typeof value === 'object' ? rubyProperty(name, value, options) : scalarLine(name, value);
    block += block ? separator + line : line;
  }
  return block;
}

/**
 * Lines such as `oom_score_adj 0` or `restart_policy 'always'` recur in most containers; they
 * are written once and looked up after that. The cache holds scalar lines only and is bounded.
 */
function scalarLine(name: string, value: string | number | bigint | boolean | null): string {
  const key = `${name}\u0000${typeof value}\u0000${String(value)}`;
  let line = scalarLines.get(key);
  if (line === undefined) {
    line = rubyProperty(name, value);
    if (scalarLines.size >= 4096) scalarLines.clear();
    scalarLines.set(key, line);
  }
  return line;
}

const scalarLines = new Map<string, string>();

/** The recipe's local variable holding `node[<cookbook>]['containers']`. */
export const containersVariable = 'containers';

/** The keys of each container's attributes, quoted once rather than for every container. */
const keys = { enabled: "['enabled']", repo: "['repo']", tag: "['tag']", env: "['env']" };

/**
 * `defaultsPath` is `default['<cookbook>']['containers']`, where attributes/default.rb sets
 * the attributes of every container.
 */
export function containerCode(container: ContainerView, defaultsPath: string): ContainerCode {
  const quotedName = rubyString(container.name);
  const settings = `${containersVariable}[${quotedName}]`;
  const resource = rubyString(container.resource);

  return {
    name: quotedName,
    enabled: settings + keys.enabled,
    repo: settings + keys.repo,
    tag: settings + keys.tag,
    env: settings + keys.env,
    pull: container.pullAction
      ? { action: rubySymbol(container.pullAction), notify: resource }
      : undefined,
    secrets: container.secrets.map((secret) => ({
      name: rubyString(secret.name),
      value: secretExpression(secret.source),
    })),
    properties: propertyBlock(container.properties, 4),
    subscribes: container.subscribesTo ? rubyString(container.subscribesTo) : undefined,
    connections: container.connections.map((connection) => ({
      name: rubyString(connection.resourceName),
      network: rubyString(connection.network),
      container: quotedName,
      properties: propertyBlock(connection.properties, 4),
      resubscribe: connection.resubscribe ? resource : undefined,
    })),
    attributes: attributeLines(container, `${defaultsPath}[${quotedName}]`),
    ports: container.portPatterns.map(rubyRegexp),
    readme: readmeRow(container),
  };
}

function attributeLines(container: ContainerView, prefix: string): string {
  const line = (key: string, value: Parameters<typeof rubyLiteral>[0]) => {
    const target = `${prefix}${key} = `;
    return target + rubyLiteral(value, { column: target.length });
  };
  const { defaults } = container;
  return [
    line(keys.enabled, true),
    line(keys.repo, defaults.repo),
    line(keys.tag, defaults.tag),
    line(keys.env, defaults.env),
  ].join('\n');
}

function readmeRow(container: ContainerView): ContainerCode['readme'] {
  return {
    name: markdownCode(container.name),
    repo: markdownCode(container.defaults.repo),
    tag: markdownCode(container.defaults.tag),
    pull: container.pullAction ? markdownCode(container.pullAction) : 'never',
  };
}
