import type { Span } from '../../diagnostics/position.js';
import type { Attribute, HashEntry, ResourceDeclaration, Value } from '../../parsers/types.js';
import type { DockerResource } from '../extract/index.js';
import type { Problem } from '../rule.js';

/** One side of a comparison: a file's declarations, and the docker resources among them. */
export interface Side {
  declarations: readonly ResourceDeclaration[];
  resources: readonly DockerResource[];
}

/** A value as written: literals in a canonical form, computed values by their source text. */
export function written(value: Value): string {
  switch (value.kind) {
    case 'string':
      return `'${value.value}'`;
    case 'number':
      return value.raw;
    case 'boolean':
      return String(value.value);
    case 'symbol':
      return value.value;
    case 'nil':
      return 'nil';
    case 'array':
      return `[${value.items.map(written).join(', ')}]`;
    case 'hash':
      return `{${value.entries.map(writtenEntry).join(', ')}}`;
    case 'unknown':
      return value.text.replace(/\s+/g, ' ').trim();
  }
}

function writtenEntry(entry: HashEntry): string {
  return `${written(entry.key)} => ${written(entry.value)}`;
}

function writtenArguments(attribute: Attribute): string {
  return attribute.arguments.length > 0
    ? attribute.arguments.map(written).join(', ')
    : written(attribute.value);
}

/** Keys that stay the same when a declaration moves: type, title and which one of those. */
function keyed<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T> {
  const counts = new Map<string, number>();
  const result = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    result.set(`${key}#${count}`, item);
  }
  return result;
}

const declarationKey = (declaration: ResourceDeclaration) =>
  `${declaration.type} ${written(declaration.title)}`;

/**
 * Compares the declarations of the file on disk with those berth.yaml generates, resource by
 * resource and attribute by attribute, and says what differs where it is on disk.
 */
export function compareDeclarations(
  disk: Side,
  fresh: Side,
  spec: string,
  header: Span,
  report: (problem: Problem) => void,
): void {
  const { pairs, extra, missing } = pairDeclarations(disk.declarations, fresh.declarations);
  const resourceOf = (side: Side, declaration: ResourceDeclaration) =>
    side.resources.find((candidate) => candidate.declaration === declaration);
  for (const declaration of extra) {
    const resource = resourceOf(disk, declaration);
    const message = `${describer(declaration, resource)()} is not in ${spec}`;
    report(at(declaration.typeSpan, message, resource, 'resource'));
  }
  for (const [declaration, generated] of pairs) {
    const resource = resourceOf(disk, declaration);
    const problems = compareAttributes(
      declaration,
      generated,
      spec,
      describer(declaration, resource),
    );
    for (const problem of problems) report({ ...problem, ...(resource ? { resource } : {}) });
  }
  for (const generated of missing) {
    const described = describer(generated, resourceOf(fresh, generated))();
    const message = `${spec} declares ${described}, which is missing here`;
    report(at(header, message, undefined, `missing ${declarationKey(generated)}`));
  }
}

interface Pairing {
  pairs: [ResourceDeclaration, ResourceDeclaration][];
  /** On disk only. */
  extra: ResourceDeclaration[];
  /** Generated only. */
  missing: ResourceDeclaration[];
}

/**
 * Pairs each declaration on disk with a generated one of the same type and title. Where
 * several share them (a container declared in both branches of an `if`), each takes the
 * one with the most attributes alike, so that one edit does not shift every pair.
 */
function pairDeclarations(
  ours: readonly ResourceDeclaration[],
  theirs: readonly ResourceDeclaration[],
): Pairing {
  const pairing: Pairing = { pairs: [], extra: [], missing: [] };
  const free = [...theirs];
  for (const declaration of ours) {
    const key = declarationKey(declaration);
    let best = -1;
    let bestScore = -1;
    free.forEach((candidate, index) => {
      if (declarationKey(candidate) !== key) return;
      const score = alike(declaration, candidate);
      if (score > bestScore) [best, bestScore] = [index, score];
    });
    if (best < 0) pairing.extra.push(declaration);
    else
      pairing.pairs.push([declaration, ...free.splice(best, 1)] as [
        ResourceDeclaration,
        ResourceDeclaration,
      ]);
  }
  pairing.missing = free;
  return pairing;
}

function alike(a: ResourceDeclaration, b: ResourceDeclaration): number {
  const written = new Set(
    b.attributes.map((attribute) => `${attribute.name} ${writtenArguments(attribute)}`),
  );
  return a.attributes.filter((attribute) =>
    written.has(`${attribute.name} ${writtenArguments(attribute)}`),
  ).length;
}

function compareAttributes(
  declaration: ResourceDeclaration,
  generated: ResourceDeclaration,
  spec: string,
  describe: () => string,
): Problem[] {
  const problems: Problem[] = [];
  const ours = keyed(declaration.attributes, (attribute) => attribute.name);
  const theirs = keyed(generated.attributes, (attribute) => attribute.name);
  for (const [key, attribute] of ours) {
    const other = theirs.get(key);
    const here = writtenArguments(attribute);
    if (!other) {
      const message = `${describe()}: ${attribute.name} ${here} is set here but not in ${spec}`;
      problems.push(at(attribute.nameSpan, message, undefined, attribute.name));
      continue;
    }
    const there = writtenArguments(other);
    if (here === there) continue;
    const message = `${describe()}: ${attribute.name} is ${here} here but ${spec} says ${there}`;
    problems.push(at(attribute.nameSpan, message, undefined, attribute.name));
  }
  for (const [key, other] of theirs) {
    if (ours.has(key)) continue;
    const message =
      `${describe()}: ${spec} sets ${other.name} ${writtenArguments(other)}, ` +
      `which is missing here`;
    problems.push(at(declaration.typeSpan, message, undefined, other.name));
  }
  return problems;
}

const NOUNS: Partial<Record<DockerResource['kind'], string>> = {
  container: 'container',
  image: 'image',
  network: 'network',
  volume: 'volume',
  registry: 'registry',
};

/** "container web", or the type and title for other declarations. */
function describer(declaration: ResourceDeclaration, resource: DockerResource | undefined) {
  return () => {
    const title =
      declaration.title.kind === 'string' ? declaration.title.value : written(declaration.title);
    const noun = resource && NOUNS[resource.kind];
    return noun ? `${noun} ${title}` : `${declaration.type} ${title}`;
  };
}

function at(
  span: Span,
  message: string,
  resource: DockerResource | undefined,
  attribute: string,
): Problem {
  const problem: Problem = { span, message, attribute, value: 'drift' };
  if (resource) problem.resource = resource;
  return problem;
}
