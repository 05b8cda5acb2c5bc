import type { Expr } from './ast.js';
import type { Cursor } from './cursor.js';
import {
  literal,
  parseArray,
  parseCall,
  parseExpression,
  parseHash,
  parseInterpolated,
  parseParameterList,
  parseTypeExpression,
} from './expressions.js';
import { expectClosingBrace, parseBlock } from './statements.js';
import { Tok } from './tokens.js';

/*
 * Conditionals and definitions. berth reads none of them, but it parses them exactly, so that
 * the resources inside their bodies are found and a syntax error in them is reported.
 */

function spanned(p: Cursor, start: number): Expr {
  return { kind: 'other', start, end: p.lastEnd };
}

/** `if a { } elsif b { } else { }` */
export function parseIf(p: Cursor): Expr {
  const start = p.next().start;
  do {
    parseExpression(p);
    parseBlock(p);
  } while (!p.panic && p.accept(Tok.Elsif));
  if (!p.panic && p.accept(Tok.Else)) parseBlock(p);
  return spanned(p, start);
}

/** `unless a { } else { }`; there is no `elsif` after `unless`. */
export function parseUnless(p: Cursor): Expr {
  const start = p.next().start;
  parseExpression(p);
  parseBlock(p);
  if (!p.panic && p.accept(Tok.Else)) parseBlock(p);
  return spanned(p, start);
}

/** `case $x { 'a', 'b': { } /re/: { } default: { } }` */
export function parseCase(p: Cursor): Expr {
  const start = p.next().start;
  parseExpression(p);
  const open = p.expect(Tok.LBrace, "expected '{' after the case expression");
  if (!open) return spanned(p, start);
  do {
    const before = p.index;
    parseCaseOption(p);
    // An option that could not even start (a stray `)`, say) is skipped, so the loop moves on.
    if (p.index === before) p.next();
  } while (!p.at(Tok.RBrace) && !p.at(Tok.Eof));
  expectClosingBrace(p, open.start);
  return spanned(p, start);
}

function parseCaseOption(p: Cursor): void {
  do parseExpression(p);
  while (!p.panic && p.accept(Tok.Comma));
  if (!p.panic) p.expect(Tok.Colon, "expected ':' after the case values");
  if (p.panic) {
    if (!p.skipUntil((kind) => kind === Tok.LBrace || kind === Tok.RBrace)) return;
    p.panic = false;
    if (p.at(Tok.RBrace)) return;
  }
  parseBlock(p);
}

/** `class name(params) inherits parent { }` */
export function parseClassDefinition(p: Cursor): Expr {
  const start = p.next().start;
  if (!parseClassName(p, 'a class')) return spanned(p, start);
  parseParameterList(p);
  if (p.accept(Tok.Inherits) && !p.accept(Tok.Default)) parseClassName(p);
  parseBlock(p);
  return spanned(p, start);
}

/** `define name(params) { }` */
export function parseDefine(p: Cursor): Expr {
  const start = p.next().start;
  if (!parseClassName(p, 'a define')) return spanned(p, start);
  parseParameterList(p);
  parseBlock(p);
  return spanned(p, start);
}

/** `function name::space(params) >> Type { }`, a function written in Puppet. */
export function parseFunctionDefinition(p: Cursor): Expr {
  const start = p.next().start;
  if (!parseClassName(p, 'a function')) return spanned(p, start);
  parseParameterList(p);
  if (p.accept(Tok.RShift)) parseTypeExpression(p);
  parseBlock(p);
  return spanned(p, start);
}

/** The names Puppet accepts for what a manifest defines: `apache`, `profile::docker_host`. */
const DEFINED_NAME = /^[a-z][a-z0-9_]*(?:::[a-z][a-z0-9_]*)*$/;

/**
 * A class, define or function name (`defined` says which), or the parent a class inherits.
 * Puppet refuses to define `my-docker`, `Docker` or `::docker`, though it reads them as names.
 */
function parseClassName(p: Cursor, defined?: string): boolean {
  const kind = p.kind();
  if (kind === Tok.Name || kind === Tok.Word || kind === Tok.ClassRef) {
    const name = p.next();
    if (defined && !DEFINED_NAME.test(name.value)) {
      const rule = "lowercase words of letters, digits and '_', joined by '::'";
      p.report(
        `'${name.value}' is not a name Puppet takes for ${defined}: ${rule}`,
        name.start,
        name.end,
      );
    }
    return true;
  }
  if (kind === Tok.Class) p.error("'class' is not allowed as a name here");
  else if (kind === Tok.String) p.error('a quoted string is not valid as a name here');
  else p.error('expected a name');
  return false;
}

/** `node 'a', /b/, c.example.com, default inherits x { }` */
export function parseNode(p: Cursor): Expr {
  const start = p.next().start;
  do {
    if (!parseHostname(p)) return spanned(p, start);
  } while (p.accept(Tok.Comma) && !p.at(Tok.LBrace) && !p.at(Tok.Inherits));
  if (p.accept(Tok.Inherits)) parseHostname(p);
  parseBlock(p);
  return spanned(p, start);
}

function parseHostname(p: Cursor): boolean {
  const kind = p.kind();
  if (kind === Tok.Name || kind === Tok.Number) {
    p.next();
    while (p.at(Tok.Dot) && (p.kind(1) === Tok.Name || p.kind(1) === Tok.Number)) {
      p.next();
      p.next();
    }
    return true;
  }
  if (kind === Tok.DqPre) return parseInterpolated(p).kind !== 'error';
  if (kind === Tok.Heredoc) return parseExpression(p).kind !== 'error';
  if (kind === Tok.String || kind === Tok.Word || kind === Tok.Default || kind === Tok.Regex) {
    p.next();
    return true;
  }
  p.error('expected a node name, a regular expression or default');
  return false;
}

/**
 * `type Name = Type`, `type Name = Object { ... }`, `type Name inherits Other { }`, or a call
 * of the function `type(...)`.
 */
export function parseTypeKeyword(p: Cursor): Expr {
  const keyword = p.next();
  if (p.at(Tok.LParen)) return parseCall(p, literal({ ...keyword, kind: Tok.Name }));
  if (!p.at(Tok.ClassRef)) return p.error("expected a type name after 'type'");
  parseTypeExpression(p);
  if (p.accept(Tok.Equals)) parseAliasedType(p);
  else if (p.accept(Tok.Inherits)) {
    if (p.expect(Tok.ClassRef, 'expected the parent type')) parseBlock(p);
  } else parseBlock(p);
  return spanned(p, keyword.start);
}

function parseAliasedType(p: Cursor): void {
  const kind = p.kind();
  if (kind === Tok.ClassRef) {
    parseTypeExpression(p);
    if (p.at(Tok.LBrace)) parseHash(p);
  } else if (kind === Tok.LBrace) parseHash(p);
  else if (kind === Tok.ListStart || kind === Tok.LBrack) parseArray(p);
  else p.error('expected a type, a hash or an array');
}
