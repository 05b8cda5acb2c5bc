import type { Span } from '../../diagnostics/position.js';
import type { Attribute, Value } from '../../parsers/types.js';
import type { Fact, Origin } from './types.js';

/** Where the facts of an attribute come from. */
export function originOf(attribute: Attribute): Origin {
  return attribute.conditional
    ? { attribute: attribute.name, conditional: true }
    : { attribute: attribute.name };
}

/** A string, a symbol (`:host`, Puppet's bare `host`) or a number, as text. */
export function scalarText(value: Value): string | undefined {
  switch (value.kind) {
    case 'string':
    case 'symbol':
      return value.value;
    case 'number':
      return value.raw;
    default:
      return undefined;
  }
}

/**
 * The items of a list-valued attribute: an array's items, one scalar as a list of one, and
 * nothing for nil (Puppet's `undef`, which leaves the default).
 */
export function itemsOf(value: Value): Value[] {
  if (value.kind === 'array') return value.items;
  if (value.kind === 'nil') return [];
  return [value];
}

function unknownFact<T>(value: Value & { kind: 'unknown' }, span: Span, origin: Origin): Fact<T> {
  return { known: false, text: value.text, span, origin };
}

/**
 * A fact read from one value with `read`. An unknown value gives an unknown fact; a literal
 * `read` cannot use (a type mistake, another rule's business) gives nothing.
 */
export function factOf<T>(
  value: Value,
  span: Span,
  origin: Origin,
  read: (value: Value) => T | undefined,
): Fact<T> | undefined {
  if (value.kind === 'unknown') return unknownFact(value, span, origin);
  const known = read(value);
  return known === undefined ? undefined : { known: true, value: known, span, origin };
}

/** A single-valued attribute: the fact spans the whole attribute. */
export function attributeFact<T>(
  attribute: Attribute,
  read: (value: Value) => T | undefined,
): Fact<T> | undefined {
  return factOf(attribute.value, attribute.span, originOf(attribute), read);
}

/** A list-valued attribute: one fact per item, each spanning its item (or the attribute). */
export function itemFacts<T>(
  attribute: Attribute,
  read: (value: Value) => T | undefined,
): Fact<T>[] {
  const origin = originOf(attribute);
  const value = attribute.value;
  if (value.kind !== 'array') {
    const fact = factOf(value, attribute.span, origin, read);
    return fact && value.kind !== 'nil' ? [fact] : [];
  }
  const facts: Fact<T>[] = [];
  for (const item of value.items) {
    const fact = factOf(item, item.span, origin, read);
    if (fact) facts.push(fact);
  }
  return facts;
}

export function readBoolean(value: Value): boolean | undefined {
  return value.kind === 'boolean' ? value.value : undefined;
}

export function readString(value: Value): string | undefined {
  return scalarText(value);
}

export function readNumber(value: Value): number | undefined {
  if (value.kind === 'number') return value.value;
  if (value.kind === 'string' && /^\d+$/.test(value.value)) return Number(value.value);
  return undefined;
}

/** A hash entry's value by key, with string, symbol and Puppet bare-word keys alike. */
export function hashValue(value: Value, key: string): Value | undefined {
  if (value.kind !== 'hash') return undefined;
  const entry = value.entries.find((candidate) => scalarText(candidate.key) === key);
  return entry?.value;
}

/**
 * `Sensitive('secret')` in Puppet hides the value from logs and reports, but the text is
 * still in the manifest. A plain single-quoted or escape-free argument is a literal; any
 * other argument stays unknown.
 */
const SENSITIVE_LITERAL = /^Sensitive\(\s*(?:'([^'\\]*)'|"([^"\\$]*)")\s*\)$/;

export function unwrapSensitive(value: Value): Value {
  if (value.kind !== 'unknown' || value.reason !== 'call') return value;
  const match = SENSITIVE_LITERAL.exec(value.text);
  if (!match) return value;
  return { kind: 'string', value: match[1] ?? match[2] ?? '', span: value.span };
}
