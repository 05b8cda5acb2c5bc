import type { Span } from '../../diagnostics/position.js';
import type { Attribute, ResourceDeclaration, Value } from '../../parsers/types.js';
import { scalarText } from './values.js';

/**
 * The resources a `title => parameters` hash declares, as `create_resources` does for
 * Hiera's `docker::runs` or class `docker::run_instance`'s `instance`. Each title's key is
 * where its resource is; each parameter's key is where its attribute is.
 */
export function declarationsFromHash(type: string, hash: Value): ResourceDeclaration[] {
  if (hash.kind !== 'hash') return [];
  return hash.entries.map(({ key, value }) => ({
    dialect: 'puppet' as const,
    type,
    title: key,
    attributes: value.kind === 'hash' ? attributesFromHash(value) : [],
    typeSpan: key.span,
    span: spanning(key.span, value.span),
  }));
}

/** `{ image => 'nginx', ports => [...] }` read as the attributes of a resource body. */
export function attributesFromHash(hash: Value & { kind: 'hash' }): Attribute[] {
  const attributes: Attribute[] = [];
  for (const { key, value } of hash.entries) {
    const name = scalarText(key);
    if (name === undefined) continue;
    attributes.push({
      name,
      value,
      arguments: [value],
      nameSpan: key.span,
      span: spanning(key.span, value.span),
    });
  }
  return attributes;
}

export function spanning(first: Span, last: Span): Span {
  return last.end.offset >= first.start.offset ? { start: first.start, end: last.end } : first;
}
