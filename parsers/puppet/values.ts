import type { UnknownReason, Value } from '../types.js';
import type { Expr } from './ast.js';
import type { Cursor } from './cursor.js';

/**
 * What berth knows of an expression before run time. Literals keep their value (strings
 * unescaped, numbers in any radix, bare words as symbols, `undef` as nil); arrays and hashes
 * keep their items; anything computed is `unknown`, with the reason and the source text.
 */
export function toValue(p: Cursor, expr: Expr): Value {
  const span = p.span(expr.start, expr.end);
  switch (expr.kind) {
    case 'string':
      return { kind: 'string', value: expr.value, span };
    case 'word':
    case 'name':
      return { kind: 'symbol', value: expr.value, span };
    case 'default':
      return { kind: 'symbol', value: 'default', span };
    case 'number':
      return { kind: 'number', value: expr.value, raw: expr.raw, span };
    case 'boolean':
      return { kind: 'boolean', value: expr.value, span };
    case 'undef':
      return { kind: 'nil', span };
    case 'array':
      return { kind: 'array', items: expr.items.map((item) => toValue(p, item)), span };
    case 'hash': {
      const entries = expr.entries.map(([key, value]) => ({
        key: toValue(p, key),
        value: toValue(p, value),
      }));
      return { kind: 'hash', entries, span };
    }
    case 'heredoc':
      if (expr.text.kind === 'string') return { kind: 'string', value: expr.text.value, span };
      return unknown(p, expr, 'heredoc');
    default:
      return unknown(p, expr, unknownReason(expr));
  }
}

export function unknown(p: Cursor, expr: Expr, reason: UnknownReason): Value {
  return { kind: 'unknown', text: p.slice(expr), reason, span: p.span(expr.start, expr.end) };
}

/** `$x` and `$x['a']` are variables; `File['a']` and `String` are references. */
export function unknownReason(expr: Expr): UnknownReason {
  let subject = expr;
  while (subject.kind === 'access') subject = subject.target;
  switch (subject.kind) {
    case 'variable':
      return 'variable';
    case 'classref':
      return 'reference';
    case 'interpolated':
      return subject === expr ? 'interpolation' : 'expression';
    case 'call':
      return subject === expr ? 'call' : 'expression';
    default:
      return 'expression';
  }
}
