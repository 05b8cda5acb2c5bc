import { expect } from 'vitest';
import { LineIndex, type Span } from '../../../diagnostics/position.js';
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

/** Every span a result holds, values included. */
function allSpans(result: ParseResult): Span[] {
  const spans: Span[] = [];
  const pending: Value[] = [];
  for (const comment of result.comments) spans.push(comment.span);
  for (const problem of result.problems) spans.push(problem.span);
  for (const resource of result.resources) {
    spans.push(resource.span, resource.typeSpan);
    pending.push(resource.title);
    for (const attribute of resource.attributes) {
      spans.push(attribute.span, attribute.nameSpan);
      pending.push(...attribute.arguments);
    }
  }
  for (let value = pending.pop(); value; value = pending.pop()) {
    spans.push(value.span);
    if (value.kind === 'array') pending.push(...value.items);
    if (value.kind === 'hash') {
      for (const entry of value.entries) pending.push(entry.key, entry.value);
    }
  }
  return spans;
}

/** Checks each position against an independent line index over the same text. */
export function expectConsistentSpans(text: string, result: ParseResult): void {
  const index = new LineIndex(text);
  for (const span of allSpans(result)) {
    expect(span.start.offset).toBeLessThanOrEqual(span.end.offset);
    expect(span.end.offset).toBeLessThanOrEqual(text.length);
    expect(span.start).toEqual(index.position(span.start.offset));
    expect(span.end).toEqual(index.position(span.end.offset));
  }
}
