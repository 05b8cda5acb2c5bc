import type { Expr } from './ast.js';
import { isCloser, isOpener, type Cursor } from './cursor.js';
import { parseResource } from './resources.js';
import { Tok, type TokenKind } from './tokens.js';

/**
 * Names Puppet calls as functions when an argument follows without parentheses:
 * `include apache`, `notice 'x'`, `require foo, bar`.
 */
const statementCalls = new Set([
  'require',
  'realize',
  'include',
  'contain',
  'tag',
  'debug',
  'info',
  'notice',
  'warning',
  'err',
  'fail',
  'import',
  'break',
  'next',
  'return',
]);

export function parseProgram(p: Cursor): void {
  parseStatements(p, Tok.Eof);
}

/** `{ statements }`: a class, define, node or conditional body, or a lambda's. */
export function parseBlock(p: Cursor): void {
  if (!p.at(Tok.LBrace)) {
    p.error("expected '{'");
    return;
  }
  if (!p.enter()) {
    p.skipTooDeep();
    return;
  }
  const open = p.next();
  parseStatements(p, Tok.RBrace);
  expectClosingBrace(p, open.start);
  p.leave();
}

/** Expects the `}` that closes the brace at `openedAt`, naming its line when it is missing. */
export function expectClosingBrace(p: Cursor, openedAt: number): void {
  if (p.accept(Tok.RBrace)) return;
  const line = p.lines.position(openedAt).line;
  p.error(`expected '}' to close the '{' of line ${line}`);
}

/**
 * Statements up to `closer`. Puppet needs no separator between statements; a `;` is allowed.
 * A statement that fails to parse is skipped up to a point where the next one can start.
 */
function parseStatements(p: Cursor, closer: TokenKind): void {
  let previous: Expr | undefined;
  let separated = true;
  while (!p.at(closer) && !p.at(Tok.Eof)) {
    if (p.at(Tok.Semic)) {
      separator(p, separated, closer);
      separated = true;
      continue;
    }
    separated = false;
    if (isCloser(p.kind())) {
      p.error('unbalanced closing bracket');
      p.next();
      p.panic = false;
      continue;
    }
    const before = p.index;
    const statement = parseStatement(p, previous);
    if (p.panic || p.index === before) recoverStatement(p, before);
    previous = isStatementCall(previous) ? callWith(previous, statement) : statement;
  }
}

/**
 * In Puppet a `;` separates two statements; it may not end a block or the file, start one, or
 * follow another `;`.
 */
function separator(p: Cursor, separated: boolean, closer: TokenKind): void {
  const semicolon = p.next();
  const next = p.kind();
  const misplaced = separated || next === closer || next === Tok.Eof || next === Tok.Semic;
  const firstOfRun = p.tokens[p.index - 2]?.kind !== Tok.Semic;
  if (misplaced && firstOfRun) {
    p.report("a ';' must stand between two statements", semicolon.start, semicolon.end);
  }
}

/**
 * One statement, or a comma-separated list, which only a statement call may take as its
 * arguments (`include a, b`).
 */
function parseStatement(p: Cursor, previous: Expr | undefined): Expr {
  const first = parseAssignment(p);
  const comma = p.accept(Tok.Comma);
  if (!comma) return first;
  do parseAssignment(p);
  while (!p.panic && p.accept(Tok.Comma));
  const problem = argumentListProblem(previous);
  if (problem && !p.panic) p.report(problem, comma.start, comma.end);
  return { kind: 'other', start: first.start, end: p.lastEnd };
}

function argumentListProblem(previous: Expr | undefined): string | undefined {
  if (previous?.kind !== 'name') return 'a comma-separated list is not a statement';
  if (statementCalls.has(previous.value)) return undefined;
  return `the function '${previous.value}' cannot take an argument list without parentheses`;
}

/** `include foo`: the name before the statement becomes a call taking it as argument. */
function callWith(name: Expr, argument: Expr): Expr {
  return { kind: 'call', functor: name, start: name.start, end: argument.end };
}

function isStatementCall(expr: Expr | undefined): expr is Expr & { kind: 'name' } {
  return expr?.kind === 'name' && statementCalls.has(expr.value);
}

/** `$x = value`, `$x += [1]`; right-associative. */
export function parseAssignment(p: Cursor): Expr {
  const left = parseRelationship(p);
  const kind = p.kind();
  if (kind !== Tok.Equals && kind !== Tok.Appends && kind !== Tok.Deletes) return left;
  p.next();
  if (!p.enter()) return p.skipTooDeep();
  const right = parseAssignment(p);
  p.leave();
  return { kind: 'other', start: left.start, end: right.end };
}

/** `A -> B ~> C <- D <~ E`. */
function parseRelationship(p: Cursor): Expr {
  let left = parseResource(p);
  for (;;) {
    const kind = p.kind();
    if (kind !== Tok.InEdge && kind !== Tok.InEdgeSub && kind !== Tok.OutEdge) {
      if (kind !== Tok.OutEdgeSub) return left;
    }
    p.next();
    const right = parseResource(p);
    left = { kind: 'other', start: left.start, end: right.end };
  }
}

/**
 * Skips what is left of a statement that failed: up to a `;`, the `}` of the enclosing block,
 * or a line that starts with something a statement can start with.
 */
function recoverStatement(p: Cursor, before: number): void {
  if (p.index === before) {
    p.error('expected a statement');
    if (isOpener(p.kind())) p.skipGroup();
    else p.next();
  }
  for (;;) {
    const kind = p.kind();
    if (kind === Tok.Eof || kind === Tok.RBrace) break;
    if (kind === Tok.Semic) {
      p.next();
      break;
    }
    if (startsStatement(kind) && p.startsLine()) break;
    if (isOpener(kind)) p.skipGroup();
    else p.next();
  }
  p.panic = false;
}

function startsStatement(kind: TokenKind): boolean {
  switch (kind) {
    case Tok.Name:
    case Tok.ClassRef:
    case Tok.Variable:
    case Tok.At:
    case Tok.AtAt:
    case Tok.Class:
    case Tok.Define:
    case Tok.Node:
    case Tok.If:
    case Tok.Unless:
    case Tok.Case:
    case Tok.Function:
    case Tok.Type:
      return true;
    default:
      return false;
  }
}

/** A declaration or definition, as opposed to an attribute: `file {`, `File[...] {`, `class`. */
export function startsDeclaration(p: Cursor): boolean {
  switch (p.kind()) {
    case Tok.Name:
    case Tok.ClassRef:
      return p.kind(1) === Tok.LBrace || p.kind(1) === Tok.LBrack;
    case Tok.At:
    case Tok.AtAt:
    case Tok.Class:
    case Tok.Define:
    case Tok.Node:
    case Tok.If:
    case Tok.Unless:
    case Tok.Case:
    case Tok.Function:
      return true;
    default:
      return false;
  }
}
