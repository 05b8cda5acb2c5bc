import type { Expr } from './ast.js';
import type { Cursor } from './cursor.js';
import {
  parseCase,
  parseClassDefinition,
  parseDefine,
  parseFunctionDefinition,
  parseIf,
  parseNode,
  parseTypeKeyword,
  parseUnless,
} from './definitions.js';
import { numberValue } from './numbers.js';
import { parseCollector } from './resources.js';
import { parseAssignment, parseBlock } from './statements.js';
import { Tok, type Token, type TokenKind } from './tokens.js';

/*
 * Binding strength of operators, from Puppet's grammar (egrammar.ra). Unusually, `==` and
 * `!=` bind tighter than `<` and `>`, and `in` and `=~` tighter than arithmetic.
 */
const UNARY_MINUS = 11;
const SPLAT = 12;
const NOT = 13;

const infix = new Uint8Array(128);
infix[Tok.Or] = 1;
infix[Tok.And] = 2;
infix[Tok.QMark] = 3;
for (const kind of [Tok.GreaterEqual, Tok.GreaterThan, Tok.LessThan, Tok.LessEqual]) {
  infix[kind] = 4;
}
infix[Tok.NotEqual] = infix[Tok.IsEqual] = 5;
infix[Tok.LShift] = infix[Tok.RShift] = 6;
infix[Tok.Minus] = infix[Tok.Plus] = 7;
infix[Tok.Times] = infix[Tok.Div] = infix[Tok.Modulo] = 8;
infix[Tok.Match] = infix[Tok.NoMatch] = 9;
infix[Tok.In] = 10;
infix[Tok.LCollect] = infix[Tok.LLCollect] = 14;
infix[Tok.LBrack] = 15;
infix[Tok.Dot] = 16;
infix[Tok.LParen] = 17;

/**
 * An expression: operands joined by operators binding at least as tightly as `minBinding`.
 * A resource body `{` is not part of an expression; the statement level takes it.
 */
export function parseExpression(p: Cursor, minBinding = 1): Expr {
  if (!p.enter()) return p.skipTooDeep();
  let left = parsePrimary(p);
  for (;;) {
    const kind = p.kind();
    const binding = infix[kind] ?? 0;
    if (binding === 0 || binding < minBinding) break;
    left = parseInfix(p, left, kind, binding);
  }
  p.leave();
  return left;
}

function parseInfix(p: Cursor, left: Expr, kind: TokenKind, binding: number): Expr {
  switch (kind) {
    case Tok.LBrack:
      return parseAccess(p, left);
    case Tok.Dot:
      return parseMethodCall(p, left);
    case Tok.LParen:
      return parseCall(p, left);
    case Tok.LCollect:
    case Tok.LLCollect:
      return parseCollector(p, left);
    case Tok.QMark:
      return parseSelector(p, left);
    default: {
      p.next();
      const right = parseExpression(p, binding + 1);
      return { kind: 'other', start: left.start, end: right.end };
    }
  }
}

// ------------------------------------------------------------------ operands

function parsePrimary(p: Cursor): Expr {
  const token = p.peek();
  switch (token.kind) {
    case Tok.Variable:
      p.next();
      return { kind: 'variable', name: token.value, start: token.start, end: token.end };
    case Tok.String:
    case Tok.Word:
    case Tok.Name:
    case Tok.ClassRef:
    case Tok.Number:
    case Tok.Boolean:
    case Tok.Undef:
    case Tok.Default:
    case Tok.Regex:
      p.next();
      return literal(token);
    case Tok.DqPre:
      return parseInterpolated(p);
    case Tok.Heredoc:
      return parseHeredoc(p);
    case Tok.ListStart:
    case Tok.LBrack:
      return parseArray(p);
    case Tok.LBrace:
    case Tok.SelBrace:
      return parseHash(p);
    default:
      return parseKeywordOrOperator(p, token);
  }
}

function parseKeywordOrOperator(p: Cursor, token: Token): Expr {
  switch (token.kind) {
    case Tok.LParen:
    case Tok.WsLParen:
      return parseParenthesized(p);
    case Tok.Minus:
      return parseNegation(p);
    case Tok.Times:
      return parsePrefixed(p, SPLAT);
    case Tok.Not:
      return parsePrefixed(p, NOT);
    case Tok.If:
      return parseIf(p);
    case Tok.Unless:
      return parseUnless(p);
    case Tok.Case:
      return parseCase(p);
    default:
      return parseDefinitionOrError(p, token);
  }
}

function parseDefinitionOrError(p: Cursor, token: Token): Expr {
  switch (token.kind) {
    case Tok.Class:
      return parseClassDefinition(p);
    case Tok.Define:
      return parseDefine(p);
    case Tok.Node:
      return parseNode(p);
    case Tok.Function:
      return parseFunctionDefinition(p);
    case Tok.Type:
      return parseTypeKeyword(p);
    case Tok.Attr:
    case Tok.Private:
      // Reserved for future use; Puppet parses them and refuses them when validating.
      p.next();
      return { kind: 'other', start: token.start, end: token.end };
    case Tok.Error:
      p.next();
      p.panic = true;
      return { kind: 'error', start: token.start, end: token.end };
    default:
      return p.error('expected an expression');
  }
}

/** A one-token operand. */
export function literal(token: Token): Expr {
  const { start, end } = token;
  switch (token.kind) {
    case Tok.String:
      return { kind: 'string', value: token.value, start, end };
    case Tok.Word:
      return { kind: 'word', value: token.value, start, end };
    case Tok.Name:
      return { kind: 'name', value: token.value, start, end };
    case Tok.ClassRef:
      return { kind: 'classref', value: token.value, start, end };
    case Tok.Number:
      return { kind: 'number', value: numberValue(token.value), raw: token.value, start, end };
    case Tok.Boolean:
      return { kind: 'boolean', value: token.value === 'true', start, end };
    case Tok.Undef:
      return { kind: 'undef', start, end };
    case Tok.Default:
      return { kind: 'default', start, end };
    default:
      return { kind: 'regex', start, end };
  }
}

function parsePrefixed(p: Cursor, binding: number): Expr {
  const operator = p.next();
  const operand = parseExpression(p, binding);
  return { kind: 'other', start: operator.start, end: operand.end };
}

/** `-1` is a negative number, as Puppet folds it; `-$x` stays an expression. */
function parseNegation(p: Cursor): Expr {
  const minus = p.next();
  const operand = parseExpression(p, UNARY_MINUS);
  const start = minus.start;
  const end = operand.end;
  if (operand.kind === 'number' && !operand.raw.startsWith('-')) {
    return { kind: 'number', value: -operand.value, raw: p.text.slice(start, end), start, end };
  }
  return { kind: 'negate', operand, start, end };
}

function parseParenthesized(p: Cursor): Expr {
  const open = p.next();
  parseAssignment(p);
  p.expect(Tok.RParen, "expected ')'");
  return { kind: 'other', start: open.start, end: p.lastEnd };
}

// ------------------------------------------------------------------ strings

/** `"a ${b} c"`: text parts around interpolated expressions, which may be any assignment. */
export function parseInterpolated(p: Cursor): Expr {
  const first = p.next();
  do parseAssignment(p);
  while (!p.panic && p.accept(Tok.DqMid));
  if (p.panic) skipToStringEnd(p);
  else p.expect(Tok.DqPost, "expected '}' to end the interpolation");
  return { kind: 'interpolated', start: first.start, end: p.lastEnd };
}

/** After an error inside an interpolation, resumes after the string. */
function skipToStringEnd(p: Cursor): void {
  let depth = 0;
  for (;;) {
    const kind = p.next().kind;
    if (kind === Tok.Eof) return;
    if (kind === Tok.DqPre) depth++;
    else if (kind === Tok.DqPost && depth-- === 0) break;
  }
  p.panic = false;
}

/** `@(END)`: the text follows as a string or an interpolated string. */
function parseHeredoc(p: Cursor): Expr {
  const opener = p.next();
  const body = p.peek();
  let text: Expr;
  if (body.kind === Tok.String) text = literal(p.next());
  else if (body.kind === Tok.DqPre) text = parseInterpolated(p);
  else text = p.error('expected the text of the heredoc');
  return { kind: 'heredoc', text, start: opener.start, end: opener.end };
}

// ------------------------------------------------------------------ collections

function parseArray(p: Cursor): Expr {
  const open = p.next();
  const items = parseEntries(p, Tok.RBrack, true);
  return { kind: 'array', items, start: open.start, end: p.lastEnd };
}

function parseHash(p: Cursor): Expr {
  const open = p.next();
  const entries: [Expr, Expr][] = [];
  parseDelimited(p, Tok.RBrace, () => {
    const key = parseHashEntry(p);
    if (!p.expect(Tok.FArrow, "expected '=>' after a hash key")) return;
    entries.push([key, parseHashEntry(p)]);
  });
  return { kind: 'hash', entries, start: open.start, end: p.lastEnd };
}

/** A hash key or value: any assignment, or the keywords `type` and `function` as strings. */
function parseHashEntry(p: Cursor): Expr {
  const token = p.peek();
  if (token.kind === Tok.Type || token.kind === Tok.Function) {
    const after = p.kind(1);
    if (
      after === Tok.Comma ||
      after === Tok.FArrow ||
      after === Tok.RBrace ||
      after === Tok.RBrack
    ) {
      p.next();
      return { kind: 'string', value: token.value, start: token.start, end: token.end };
    }
  }
  return parseAssignment(p);
}

/**
 * Array items, call arguments and access keys. A `key => value` pair among them makes a hash,
 * and adjacent pairs share one (`foo(a => 1, b => 2)` passes one hash).
 */
export function parseEntries(p: Cursor, closer: TokenKind, assignments: boolean): Expr[] {
  const items: Expr[] = [];
  let pairs: (Expr & { kind: 'hash' }) | undefined;
  parseDelimited(p, closer, () => {
    const item = assignments ? parseHashEntry(p) : parseExpression(p);
    if (!p.accept(Tok.FArrow)) {
      pairs = undefined;
      return items.push(item);
    }
    const value = parseHashEntry(p);
    if (pairs) {
      pairs.entries.push([item, value]);
      pairs.end = value.end;
      return;
    }
    pairs = { kind: 'hash', entries: [[item, value]], start: item.start, end: value.end };
    items.push(pairs);
  });
  return items;
}

/**
 * Items separated by commas, with an optional trailing comma, up to `closer`. After an error
 * in an item it skips to the next comma or the closer and goes on.
 */
export function parseDelimited(p: Cursor, closer: TokenKind, parseItem: () => unknown): void {
  while (!p.at(closer) && !p.at(Tok.Eof)) {
    const before = p.index;
    parseItem();
    if (p.panic || p.index === before) {
      if (!p.panic) p.error('expected an expression');
      if (!p.skipUntil((kind) => kind === Tok.Comma || kind === closer)) return;
      p.panic = false;
    }
    if (!p.accept(Tok.Comma)) break;
  }
  p.expect(closer, `expected '${closingText(closer)}'`);
}

function closingText(kind: TokenKind): string {
  if (kind === Tok.RBrack) return ']';
  if (kind === Tok.RParen) return ')';
  if (kind === Tok.Pipe) return '|';
  return '}';
}

// ------------------------------------------------------------------ postfix forms

function parseAccess(p: Cursor, target: Expr): Expr {
  p.next();
  const keys = parseEntries(p, Tok.RBrack, false);
  return { kind: 'access', target, keys, start: target.start, end: p.lastEnd };
}

/** `f(args)`, optionally followed by a lambda. */
function parseCall(p: Cursor, functor: Expr): Expr {
  p.next();
  parseEntries(p, Tok.RParen, true);
  if (p.at(Tok.Pipe)) parseLambda(p);
  return { kind: 'call', functor, start: functor.start, end: p.lastEnd };
}

/** `$x.each`, `$x.map(1)`, `$x.each |$v| { }`: a method call, parentheses optional. */
function parseMethodCall(p: Cursor, receiver: Expr): Expr {
  p.next();
  const name = p.peek();
  if (name.kind !== Tok.Name && name.kind !== Tok.Type) return p.error('expected a method name');
  p.next();
  if (p.accept(Tok.LParen)) parseEntries(p, Tok.RParen, true);
  if (p.at(Tok.Pipe)) parseLambda(p);
  const functor = literal(name);
  return { kind: 'call', functor, start: receiver.start, end: p.lastEnd };
}

/** `$x ? { a => 1, default => 2 }`, or the rare single-entry form `$x ? a => 1`. */
function parseSelector(p: Cursor, subject: Expr): Expr {
  p.next();
  if (p.accept(Tok.SelBrace)) parseDelimited(p, Tok.RBrace, () => parseSelectorEntry(p));
  else parseSelectorEntry(p);
  return { kind: 'other', start: subject.start, end: p.lastEnd };
}

function parseSelectorEntry(p: Cursor): void {
  parseExpression(p);
  if (p.expect(Tok.FArrow, "expected '=>' in the selector")) parseExpression(p);
}

// ------------------------------------------------------------------ lambdas and parameters

/** `|$a, Integer $b = 1| >> Type { ... }` */
export function parseLambda(p: Cursor): void {
  p.next();
  parseDelimited(p, Tok.Pipe, () => parseParameter(p));
  if (p.accept(Tok.RShift)) parseTypeExpression(p);
  parseBlock(p);
}

/** `(Type $name = default, *$rest)` after a class, define or function name; optional. */
export function parseParameterList(p: Cursor): void {
  if (!p.accept(Tok.LParen) && !p.accept(Tok.WsLParen)) return;
  parseDelimited(p, Tok.RParen, () => parseParameter(p));
}

function parseParameter(p: Cursor): void {
  if (p.at(Tok.ClassRef)) parseTypeExpression(p);
  p.accept(Tok.Times);
  if (!p.expect(Tok.Variable, 'expected a parameter such as $name')) return;
  if (p.accept(Tok.Equals)) parseExpression(p);
}

/** `String`, `Optional[Array[String[1]]]`. */
export function parseTypeExpression(p: Cursor): Expr {
  const name = p.expect(Tok.ClassRef, 'expected a type such as String');
  if (!name) return { kind: 'error', start: p.peek().start, end: p.peek().start };
  const type = literal(name);
  return p.at(Tok.LBrack) ? parseAccess(p, type) : type;
}

export { parseArray, parseCall, parseHash };
