import { closest } from '../../model/suggest.js';
import { chefCommonNames, chefTargets } from './chef.js';
import { puppetTargets } from './puppet.js';
import type { Legacy, TargetType } from './types.js';

export type { Legacy, Property, TargetType } from './types.js';
export { resourceHashes } from './puppet.js';

const chefByType = new Map(chefTargets.map((target) => [target.type, target]));
const puppetTypes = new Map(
  puppetTargets.filter((target) => !target.isClass).map((target) => [target.type, target]),
);
const puppetClasses = new Map(
  puppetTargets.filter((target) => target.isClass).map((target) => [target.type, target]),
);

export function chefTarget(type: string): TargetType | undefined {
  return chefByType.get(type);
}

/** A Puppet defined or native type by its lowercase name. */
export function puppetTarget(type: string): TargetType | undefined {
  return puppetTypes.get(type);
}

/** A Puppet class by name; a leading `::` is ignored, as Puppet does. */
export function puppetClass(name: string): TargetType | undefined {
  return puppetClasses.get(name.replace(/^::/, '').toLowerCase());
}

/** What an attribute name means to a resource type. */
export type AttributeMeaning =
  | { status: 'property'; property: string }
  | { status: 'alias'; property: string }
  | { status: 'method' }
  /** Chef's common properties (`action`, `notifies`) and code such as `puts`. */
  | { status: 'common' }
  | { status: 'legacy'; legacy: Legacy }
  /** Puppet's `* => $hash`, which sets attributes known only at run time. */
  | { status: 'splat' }
  | { status: 'unknown'; suggestion?: string };

export function meaningOf(target: TargetType, name: string): AttributeMeaning {
  if (name === '*' && target.dialect === 'puppet') return { status: 'splat' };
  if (target.properties.has(name)) return { status: 'property', property: name };
  const aliased = target.aliases.get(name);
  if (aliased) return { status: 'alias', property: aliased };
  if (target.methods.has(name)) return { status: 'method' };
  if (target.dialect === 'chef' && chefCommonNames.has(name)) return { status: 'common' };
  const old = target.legacy.get(name);
  if (old) return { status: 'legacy', legacy: old };
  const suggestion = closest(name, candidates(target));
  return suggestion ? { status: 'unknown', suggestion } : { status: 'unknown' };
}

const candidateCache = new WeakMap<TargetType, string[]>();

/** The names worth suggesting: properties, aliases and methods, not internal ones. */
function candidates(target: TargetType): string[] {
  let list = candidateCache.get(target);
  if (!list) {
    const properties = [...target.properties.values()].filter((property) => !property.internal);
    list = [...properties.map((property) => property.name), ...target.aliases.keys()];
    list.push(...target.methods);
    candidateCache.set(target, list);
  }
  return list;
}
