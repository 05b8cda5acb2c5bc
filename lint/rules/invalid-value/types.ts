import type { Value } from '../../../parsers/types.js';

/** What the target calls a literal's type: `String`, `Integer`, `Array`... */
export function kindName(value: Value): string | undefined {
  switch (value.kind) {
    case 'string':
      return 'String';
    case 'symbol':
      return 'Symbol';
    case 'number':
      // Ruby writes 1_000 and 0x1F for Integers; a point or an exponent makes a Float.
      return Number.isInteger(value.value) && !/\.|^-?[\d_]+e/i.test(value.raw)
        ? 'Integer'
        : 'Float';
    case 'boolean':
      return 'Boolean';
    case 'array':
      return 'Array';
    case 'hash':
      return 'Hash';
    default:
      return undefined;
  }
}

/** "an Integer", "a String". */
export function article(kind: string): string {
  return /^[AEIOU]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

/** A Puppet type as the module declares it, reduced to what a literal can be checked against. */
export interface PuppetType {
  /** `String`, `Integer`, `Boolean`, `Array`, `Hash`; `Undef` when Optional. */
  kinds: Set<string>;
  /** The values of an `Enum[...]`, if the type is one. */
  values?: string[];
}

/** Reads `Optional[Variant[String,Array]]`, `Enum[present,absent]`, `Pattern`... */
export function puppetType(declared: string): PuppetType {
  const type: PuppetType = { kinds: new Set() };
  addType(type, declared);
  return type;
}

function addType(type: PuppetType, text: string): void {
  const match = /^(\w+)(?:\[(.*)\])?$/.exec(text.trim());
  if (!match) return;
  const [, name = '', inner = ''] = match;
  if (name === 'Optional') {
    type.kinds.add('Undef');
    addType(type, inner);
  } else if (name === 'Variant') {
    for (const part of splitTopLevel(inner)) addType(type, part);
  } else if (name === 'Enum') {
    type.kinds.add('String');
    type.values = [...(type.values ?? []), ...splitTopLevel(inner)];
  } else {
    type.kinds.add(name === 'Pattern' ? 'String' : name);
  }
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    if (char === '[') depth++;
    if (char === ']') depth--;
    current += char;
  }
  if (current.trim() !== '') parts.push(current.trim());
  return parts;
}
