/**
 * `x-puppet` keys of a container: `docker::run` parameters passed as written, for knobs only
 * the module has (`service_prefix`, `before_start`, ...). A key the module does not have, or a
 * value of the wrong shape, is an error note rather than a catalog that fails on every node.
 */
import type { PassThrough } from '../../model/types.js';
import { closest } from '../../model/suggest.js';
import { PuppetHash, renderPuppet, type PuppetValue } from '../quote/puppet.js';
import { shellQuote } from '../quote/shell.js';
import type { RunContext } from './run-context.js';
import type { RunParts } from './run-parts.js';
import { describeKinds, kindOf, runParameters } from './run-parameters.js';

const parameterNames = Object.keys(runParameters);

/**
 * Applies every valid x-puppet key. `extra_parameters` items are added to the flags berth
 * writes (each item one shell word, quoted like berth's own); any other key replaces the
 * parameter berth would have written, with a note when the two differ.
 */
export function addPassThrough(context: RunContext, parts: RunParts): void {
  for (const entry of context.container.puppet) {
    if (!isValid(context, entry)) continue;
    if (entry.name === 'extra_parameters') {
      const items = Array.isArray(entry.value) ? entry.value : [entry.value];
      parts.flags.push(...items.map(String));
      continue;
    }
    replace(context, parts, entry);
  }
}

function isValid({ notes }: RunContext, entry: PassThrough): boolean {
  const kinds = runParameters[entry.name];
  if (!kinds) {
    const guess = closest(entry.name, parameterNames);
    notes.invalid(
      entry.path,
      `"${entry.name}" is not a docker::run parameter${guess ? ` (did you mean "${guess}"?)` : ''}`,
      'use a parameter of puppetlabs-docker 10.x docker::run, or the berth field for it',
      'key',
    );
    return false;
  }
  const kind = kindOf(entry.value);
  if (kind === undefined || !kinds.includes(kind)) {
    notes.invalid(
      entry.path,
      `docker::run ${entry.name} takes ${describeKinds(kinds)}`,
      `write ${entry.name} as ${describeKinds(kinds)}`,
    );
    return false;
  }
  return true;
}

function replace({ container, notes }: RunContext, parts: RunParts, entry: PassThrough): void {
  const value = puppetValue(entry.value);
  const derived = parts.get(entry.name);
  parts.set(entry.name, value);
  if (!derived?.field || sameValue(derived.value, value)) return;
  notes.differs(
    entry.path,
    `uses x-puppet ${entry.name} for ${container.name} in place of the value berth derives from ` +
      derived.field,
    `remove ${derived.field} or the x-puppet ${entry.name} key, so that one place sets it`,
  );
}

function sameValue(a: PuppetValue, b: PuppetValue): boolean {
  return renderPuppet(a, { indent: '' }) === renderPuppet(b, { indent: '' });
}

/** A YAML value as written, as Puppet data: mappings become hashes, null becomes undef. */
export function puppetValue(value: unknown): PuppetValue {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(puppetValue);
  if (typeof value === 'object') {
    return new PuppetHash(Object.entries(value).map(([key, item]) => [key, puppetValue(item)]));
  }
  return value as string | number | boolean;
}

/** Every flag is one word of the command line the module writes unescaped. */
export function quotedFlags(flags: readonly string[]): string[] {
  return flags.map(shellQuote);
}
