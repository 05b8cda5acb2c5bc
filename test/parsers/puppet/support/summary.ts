import type { Span } from '../../../../diagnostics/position.js';
import type { ParseResult, ResourceDeclaration, Value } from '../../../../parsers/types.js';

/**
 * Compact, readable summaries of parse results for table-driven tests: every value and name
 * with the line and column where it starts, `@line:column`.
 */
export function at(span: Span): string {
  return `@${span.start.line}:${span.start.column}`;
}

export function through(span: Span): string {
  return `${span.start.line}:${span.start.column}-${span.end.line}:${span.end.column}`;
}

export function value(v: Value): string {
  switch (v.kind) {
    case 'string':
      return `${JSON.stringify(v.value)}${at(v.span)}`;
    case 'symbol':
      return `${v.value}${at(v.span)}`;
    case 'number':
      return `${v.value}(${v.raw})${at(v.span)}`;
    case 'boolean':
      return `${v.value}${at(v.span)}`;
    case 'nil':
      return `undef${at(v.span)}`;
    case 'array':
      return `[${v.items.map(value).join(', ')}]${at(v.span)}`;
    case 'hash': {
      const entries = v.entries.map((e) => `${value(e.key)} => ${value(e.value)}`);
      return `{${entries.join(', ')}}${at(v.span)}`;
    }
    case 'unknown':
      return `${v.reason}(${v.text})${at(v.span)}`;
  }
}

/** `file 'a'@1:8 ensure@1:13=present@1:23`, with the form and markers in front. */
export function resource(r: ResourceDeclaration): string {
  const marks = [r.form, r.virtual && 'virtual', r.exported && 'exported'].filter(Boolean);
  const head = `${[...marks, r.type].join(' ')}${at(r.typeSpan)} ${value(r.title)}`;
  const attributes = r.attributes.map(
    (a) => `${a.name}${at(a.nameSpan)}${a.append ? '+>' : '=>'}${value(a.value)}`,
  );
  return [head, ...attributes].join(' ');
}

export function resources(result: ParseResult): string[] {
  return result.resources.map(resource);
}

export function problems(result: ParseResult): string[] {
  return result.problems.map((p) => `${p.span.start.line}:${p.span.start.column} ${p.message}`);
}
