import type { Attribute, ResourceDeclaration, Value } from '../types.js';
import type { Expr } from './ast.js';
import { isOpener, type Cursor } from './cursor.js';
import { parseExpression } from './expressions.js';
import { expectClosingBrace, startsDeclaration } from './statements.js';
import { isAttributeKeyword, Tok, type Token } from './tokens.js';
import { toValue, unknown } from './values.js';

/** Where a resource expression starts (its `@` or `@@` included) and which form it has. */
interface Context {
  start: number;
  form: 'virtual' | 'exported' | undefined;
}

interface Operation {
  name: Token;
  arrow: Token;
  value: Expr;
}

interface Body {
  title: Expr;
  operations: Operation[];
}

/**
 * The resource level of Puppet's grammar: an expression, possibly marked virtual (`@`) or
 * exported (`@@`), followed by resource bodies in braces. The expression before the brace
 * decides what the braces mean:
 *
 * - a name (`file`, `docker::run`, `class`) with titled bodies declares resources;
 * - a reference (`File`) sets defaults for that type;
 * - an access (`File['a']`, `Service[$x]`) overrides attributes of existing resources;
 * - a name with untitled attributes is a function call with a hash, as in Puppet.
 */
export function parseResource(p: Cursor): Expr {
  const context: Context = { start: p.peek().start, form: undefined };
  let prefix: Token | undefined;
  while (p.at(Tok.At) || p.at(Tok.AtAt)) {
    const marker = p.next();
    prefix ??= marker;
    context.form ??= marker.kind === Tok.At ? 'virtual' : 'exported';
  }

  let expr =
    p.at(Tok.Class) && p.kind(1) === Tok.LBrace
      ? parseClassResource(p, context)
      : parseExpression(p);
  while (p.at(Tok.LBrace) && !p.panic) expr = parseBodies(p, expr, context);

  if (prefix && expr.kind !== 'resource' && expr.kind !== 'error' && !p.panic) {
    const marker = prefix.kind === Tok.At ? 'virtual (@)' : 'exported (@@)';
    p.report(`${marker} applies only to a resource expression`, prefix.start, prefix.end);
  }
  return expr;
}

/** `class { 'apache': }`: declaring a class like a resource. Its bodies must have titles. */
function parseClassResource(p: Cursor, context: Context): Expr {
  const keyword = p.next();
  const open = p.next();
  const type: Expr = { kind: 'name', value: 'class', start: keyword.start, end: keyword.end };
  if (startsUntitled(p)) {
    p.error("expected a title, such as 'apache': after 'class {'");
    return skipBody(p, open, context);
  }
  return parseTitledBodies(p, type, context, open);
}

function parseBodies(p: Cursor, type: Expr, context: Context): Expr {
  const open = p.next();
  if (type.kind === 'error') return skipBody(p, open, context);
  if (startsUntitled(p)) return parseUntitledBody(p, type, context, open);
  return parseTitledBodies(p, type, context, open);
}

/**
 * Whether the braces hold attributes directly (`File { mode => '0644' }`) rather than titled
 * bodies (`file { 'a': mode => '0644' }`): they are empty, or start with `name =>`, `name +>`
 * or `* =>`.
 */
function startsUntitled(p: Cursor): boolean {
  const first = p.kind();
  const second = p.kind(1);
  if (first === Tok.RBrace) return true;
  if (first === Tok.Times) return second === Tok.FArrow;
  if (first !== Tok.Name && !isAttributeKeyword(first)) return false;
  return second === Tok.FArrow || second === Tok.PArrow;
}

/** `file { 'a': ...; ['b', 'c']: ...; default: ... }` */
function parseTitledBodies(p: Cursor, type: Expr, context: Context, open: Token): Expr {
  const bodies: Body[] = [];
  do {
    if (p.at(Tok.RBrace)) break;
    const body = parseTitledBody(p);
    if (body) bodies.push(body);
    if (p.panic) {
      if (!p.skipUntil((kind) => kind === Tok.Semic || kind === Tok.RBrace)) break;
      p.panic = false;
    }
  } while (p.accept(Tok.Semic));
  closeBody(p, open);

  const typeName = resourceType(p, type);
  if (p.declares(typeName)) {
    const declarations = bodies.map((body) => {
      const title = toValue(p, body.title);
      return declare(p, typeName, title, body.operations, type, context);
    });
    p.resources.push(...declarations);
  }
  return { kind: 'resource', start: context.start, end: p.lastEnd };
}

function parseTitledBody(p: Cursor): Body | undefined {
  const title = parseExpression(p);
  if (p.panic || !p.expect(Tok.Colon, "expected ':' after the resource title")) return undefined;
  return { title, operations: parseOperations(p) };
}

/** Defaults (`File { }`), overrides (`File['a'] { }`), or a call with a hash (`f { a => 1 }`). */
function parseUntitledBody(p: Cursor, lhs: Expr, context: Context, open: Token): Expr {
  const operations = parseOperations(p);
  closeBody(p, open);
  const end = p.lastEnd;

  if (lhs.kind === 'name') {
    if (operations.some((operation) => operation.arrow.kind === Tok.PArrow)) {
      p.report("'+>' needs a resource title or a reference before the braces", open.start, end);
    }
    return { kind: 'call', functor: lhs, start: lhs.start, end };
  }
  const target = defaultsOrOverride(p, lhs);
  if (!target) {
    p.report(
      'only a resource type, a reference or a collector may take a body here',
      lhs.start,
      lhs.end,
    );
    return { kind: 'other', start: lhs.start, end };
  }
  if (p.declares(target.type)) {
    const declaration = declare(p, target.type, target.title, operations, target.typeExpr, context);
    declaration.form = target.form;
    p.resources.push(declaration);
  }
  return { kind: 'resource', start: context.start, end };
}

/** The type and title that `File { }` and `File['a'] { }` address. */
function defaultsOrOverride(p: Cursor, lhs: Expr) {
  if (lhs.kind === 'classref') {
    const title = unknown(p, lhs, 'reference');
    return { form: 'defaults' as const, type: typeName(lhs.value), title, typeExpr: lhs };
  }
  if (lhs.kind !== 'access') return undefined;
  // Puppet's parser reads `Resource['file'] { }` as an override too, not as `File { }`.
  const key = lhs.keys[0];
  const title = lhs.keys.length === 1 && key ? toValue(p, key) : keysValue(p, lhs.keys, lhs);
  const target = lhs.target;
  return { form: 'override' as const, type: resourceType(p, target), title, typeExpr: target };
}

/** `File['a', 'b']` overrides two resources: its title is the array of keys. */
function keysValue(p: Cursor, keys: Expr[], access: Expr): Value {
  const start = keys[0]?.start ?? access.end;
  const end = keys[keys.length - 1]?.end ?? access.end;
  return { kind: 'array', items: keys.map((key) => toValue(p, key)), span: p.span(start, end) };
}

/** `User <| title == 'bob' |> { shell => '/bin/zsh' }`; `<<| |>>` collects exported ones. */
export function parseCollector(p: Cursor, type: Expr): Expr {
  const open = p.next();
  const closer = open.kind === Tok.LCollect ? Tok.RCollect : Tok.RRCollect;
  if (!p.at(closer)) parseExpression(p);
  p.expect(closer, `expected '${closer === Tok.RCollect ? '|>' : '|>>'}' to end the collector`);
  const query: Expr = { kind: 'other', start: open.start, end: p.lastEnd };
  if (p.panic || !p.at(Tok.LBrace)) return { kind: 'other', start: type.start, end: p.lastEnd };

  const brace = p.next();
  const operations = parseOperations(p);
  closeBody(p, brace);
  // A collector without attributes only realizes resources; it declares nothing to read.
  const typeName = resourceType(p, type);
  if (operations.length > 0 && p.declares(typeName)) {
    const context: Context = { start: type.start, form: undefined };
    const title = unknown(p, query, 'expression');
    const declaration = declare(p, typeName, title, operations, type, context);
    declaration.form = 'collector';
    p.resources.push(declaration);
  }
  return { kind: 'other', start: type.start, end: p.lastEnd };
}

// ------------------------------------------------------------------ attributes

/** `name => value, name +> value, * => $hash`, with an optional trailing comma. */
function parseOperations(p: Cursor): Operation[] {
  const operations: Operation[] = [];
  // A comma may stand before the first attribute, or alone: `file { 'x':, mode => '0644' }`
  // and `file { 'x': , }` are both Puppet.
  if (p.accept(Tok.Comma) && !startsOperation(p)) return operations;
  for (;;) {
    const kind = p.kind();
    if (kind === Tok.RBrace || kind === Tok.Semic || kind === Tok.Eof) break;
    const operation = parseOperation(p);
    if (operation) operations.push(operation);
    if (p.panic) {
      const stops = (next: number) =>
        next === Tok.Comma || next === Tok.Semic || next === Tok.RBrace;
      if (!p.skipUntil(stops)) break;
      p.panic = false;
    }
    if (p.accept(Tok.Comma)) continue;
    if (!startsOperation(p)) break;
    // The commonest slip: a comma forgotten between two attributes. Say so and go on.
    const next = p.peek();
    p.report("expected ',' between attributes", next.start, next.end);
  }
  return operations;
}

function startsOperation(p: Cursor): boolean {
  const name = p.kind();
  const arrow = p.kind(1);
  if (name === Tok.Times) return arrow === Tok.FArrow;
  if (name !== Tok.Name && !isAttributeKeyword(name)) return false;
  return arrow === Tok.FArrow || arrow === Tok.PArrow;
}

/**
 * Expects the `}` of a resource body. When something else stands there, it is skipped up to
 * that `}`, unless a line that starts a new declaration comes first: then the `}` is taken
 * as missing and parsing resumes with that declaration.
 */
function closeBody(p: Cursor, open: Token): void {
  if (p.accept(Tok.RBrace)) return;
  expectClosingBrace(p, open.start);
  for (;;) {
    const kind = p.kind();
    if (kind === Tok.Eof || (p.startsLine() && startsDeclaration(p))) return;
    if (kind === Tok.RBrace) {
      p.next();
      p.panic = false;
      return;
    }
    if (isOpener(kind)) p.skipGroup();
    else p.next();
  }
}

function parseOperation(p: Cursor): Operation | undefined {
  const name = p.peek();
  const arrow = p.peek(1);
  const isName = name.kind === Tok.Name || isAttributeKeyword(name.kind);
  const valid =
    (name.kind === Tok.Times && arrow.kind === Tok.FArrow) ||
    (isName && (arrow.kind === Tok.FArrow || arrow.kind === Tok.PArrow));
  if (!valid) {
    p.error(isName ? "expected '=>' after the attribute name" : 'expected an attribute name');
    return undefined;
  }
  p.next();
  p.next();
  // A value that does not parse is kept, as unknown: the attribute is there, only its value
  // cannot be read, and rules must not take it for missing.
  return { name, arrow, value: parseExpression(p) };
}

// ------------------------------------------------------------------ declarations

function declare(
  p: Cursor,
  type: string,
  title: Value,
  operations: Operation[],
  typeExpr: Expr,
  context: Context,
): ResourceDeclaration {
  const declaration: ResourceDeclaration = {
    dialect: 'puppet',
    type,
    title,
    attributes: operations.map((operation) => toAttribute(p, operation)),
    typeSpan: p.span(typeExpr.start, typeExpr.end),
    span: p.span(context.start, p.lastEnd),
  };
  if (context.form === 'virtual') declaration.virtual = true;
  if (context.form === 'exported') declaration.exported = true;
  return declaration;
}

function toAttribute(p: Cursor, operation: Operation): Attribute {
  const { name, arrow, value } = operation;
  const converted = toValue(p, value);
  const attribute: Attribute = {
    name: name.kind === Tok.Times ? '*' : name.value,
    value: converted,
    arguments: [converted],
    nameSpan: p.span(name.start, name.end),
    span: p.span(name.start, value.end),
  };
  if (arrow.kind === Tok.PArrow) attribute.append = true;
  return attribute;
}

/** The resource type an expression names: `file`, `docker::run`, `class`. */
function resourceType(p: Cursor, expr: Expr): string {
  if (expr.kind === 'name' || expr.kind === 'classref') return typeName(expr.value);
  return p.slice(expr);
}

/** Puppet type names are case-insensitive and may be written with a leading `::`. */
function typeName(written: string): string {
  return (written.startsWith('::') ? written.slice(2) : written).toLowerCase();
}

/** After an error right inside the braces, skips the whole body. */
function skipBody(p: Cursor, open: Token, context: Context): Expr {
  p.skipUntil((kind) => kind === Tok.RBrace);
  p.accept(Tok.RBrace);
  p.panic = false;
  return { kind: 'error', start: context.start, end: Math.max(open.end, p.lastEnd) };
}
