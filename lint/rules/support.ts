import type { ContainerFacts, DockerResource, Fact } from '../extract/index.js';
import type { LintedFile, Report } from '../rule.js';

/** Each container resource of the file with its facts. */
export function* containers(file: LintedFile): Generator<[DockerResource, ContainerFacts]> {
  for (const resource of file.resources) {
    if (resource.container) yield [resource, resource.container];
  }
}

/** The attribute a fact came from, with its flag: `extra_parameters --cap-add`. */
export function attributeOf(fact: Fact<unknown>): string {
  const { attribute, flag } = fact.origin;
  return flag ? `${attribute} ${flag}` : attribute;
}

/** Reports a known fact, at its span, for the resource it belongs to. */
export function reportFact(
  report: Report,
  resource: DockerResource,
  fact: Fact<unknown>,
  message: string,
  value: string,
): void {
  report({ span: fact.span, message, resource, attribute: attributeOf(fact), value });
}

/**
 * A host path as the kernel resolves it, for comparing with sensitive paths: repeated and
 * trailing slashes dropped, `.` and `..` resolved. A relative path stays relative.
 */
export function normalisePath(path: string): string {
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  const joined = parts.join('/');
  return absolute ? `/${joined}` : joined;
}
