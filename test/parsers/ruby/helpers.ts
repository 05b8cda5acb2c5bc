import type { Span } from '../../../diagnostics/position.js';
import { loadRubyParser } from '../../../parsers/ruby/index.js';
import type { ParseResult, Value } from '../../../parsers/types.js';

export async function parseRecipe(text: string, file = 'recipes/default.rb'): Promise<ParseResult> {
  return (await loadRubyParser()).parse(file, text);
}

/** A value without its spans, in a shape that reads well in a table. */
export type Plain =
  | string
  | number
  | boolean
  | null
  | Plain[]
  | { symbol: string }
  | { hash: [Plain, Plain][] }
  | { unknown: string; text: string };

export function plain(value: Value): Plain {
  switch (value.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return value.value;
    case 'symbol':
      return { symbol: value.value };
    case 'nil':
      return null;
    case 'array':
      return value.items.map(plain);
    case 'hash':
      return { hash: value.entries.map((entry) => [plain(entry.key), plain(entry.value)]) };
    case 'unknown':
      return { unknown: value.reason, text: value.text };
  }
}

/** `line:column-line:column`, both ends 1-based, the end exclusive. */
export function at(span: Span): string {
  return `${span.start.line}:${span.start.column}-${span.end.line}:${span.end.column}`;
}
