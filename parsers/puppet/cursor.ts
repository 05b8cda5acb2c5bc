import type { LineIndex, Span } from '../../diagnostics/position.js';
import type { ResourceDeclaration } from '../types.js';
import type { Expr } from './ast.js';
import type { RawProblem } from './lexer.js';
import { Tok, type Token, type TokenKind } from './tokens.js';

/**
 * Nesting deeper than this (brackets, blocks, operators) is reported instead of parsed, so a
 * hostile file cannot exhaust the stack. Real manifests stay far below it.
 */
export const maxDepth = 150;

/**
 * The parser's state: the token stream and a position in it, the problems and resources found
 * so far. Parsing functions in the sibling modules take it as their first argument.
 *
 * Error recovery works in panic mode: `error()` reports and sets `panic`; the nearest list,
 * body or statement loop then skips to a point where parsing can resume and clears it. Only
 * the first error of a panic is reported, so one mistake gives one problem.
 */
export class Cursor {
  index = 0;
  panic = false;
  depth = 0;
  readonly problems: RawProblem[] = [];
  readonly resources: ResourceDeclaration[] = [];
  private tooDeepReported = false;

  constructor(
    readonly text: string,
    readonly tokens: Token[],
    readonly lines: LineIndex,
    /** Whether declarations of a resource type go into `resources`. */
    readonly declares: (type: string) => boolean,
  ) {}

  /** The token `ahead` tokens on; the end-of-input token once past the end. */
  peek(ahead = 0): Token {
    // `index` never passes the final Eof token, so the common case needs no bounds check.
    if (ahead === 0) return this.tokens[this.index] as Token;
    const last = this.tokens.length - 1;
    return this.tokens[Math.min(this.index + ahead, last)] as Token;
  }

  kind(ahead = 0): TokenKind {
    return this.peek(ahead).kind;
  }

  at(kind: TokenKind): boolean {
    return (this.tokens[this.index] as Token).kind === kind;
  }

  next(): Token {
    const token = this.peek();
    if (token.kind !== Tok.Eof) this.index++;
    return token;
  }

  accept(kind: TokenKind): Token | undefined {
    return this.at(kind) ? this.next() : undefined;
  }

  /** The previous token's end: where the construct being parsed stops. */
  get lastEnd(): number {
    return this.index > 0 ? (this.tokens[this.index - 1] as Token).end : 0;
  }

  /** Consumes a token of `kind`, or reports `message` and leaves the position unchanged. */
  expect(kind: TokenKind, message: string): Token | undefined {
    if (this.at(kind)) return this.next();
    this.error(message);
    return undefined;
  }

  /** Reports a syntax error at `token` unless the parser is already recovering from one. */
  error(message: string, token: Token = this.peek()): Expr {
    if (!this.panic) {
      const where = token.kind === Tok.Eof ? 'end of input' : `'${this.source(token)}'`;
      this.report(`${message}, found ${where}`, token.start, Math.max(token.end, token.start));
    }
    this.panic = true;
    return { kind: 'error', start: token.start, end: token.end };
  }

  report(message: string, start: number, end: number): void {
    this.problems.push({ message, start, end });
  }

  source(token: Token): string {
    const text = this.text.slice(token.start, Math.min(token.end, token.start + 40));
    return token.end - token.start > 40 ? `${text}...` : text;
  }

  slice(node: { start: number; end: number }): string {
    return this.text.slice(node.start, node.end);
  }

  span(start: number, end: number): Span {
    return this.lines.span(start, end);
  }

  /** Enters one level of nesting; false (and a problem, once) when that is too deep. */
  enter(): boolean {
    if (this.depth < maxDepth) {
      this.depth++;
      return true;
    }
    if (!this.tooDeepReported) {
      const token = this.peek();
      this.report(
        `nesting deeper than ${maxDepth} levels; the rest is skipped`,
        token.start,
        token.end,
      );
      this.tooDeepReported = true;
    }
    return false;
  }

  leave(): void {
    this.depth--;
  }

  /** Skips the construct at the cursor (a whole bracketed group), for a level too deep. */
  skipTooDeep(): Expr {
    const start = this.peek().start;
    if (isOpener(this.kind())) this.skipGroup();
    else this.next();
    this.panic = true;
    return { kind: 'error', start, end: this.lastEnd };
  }

  /** Skips a bracketed group starting at an opener, without recursion. */
  skipGroup(): void {
    let depth = 0;
    do {
      const kind = this.next().kind;
      if (isOpener(kind)) depth++;
      else if (isCloser(kind)) depth--;
      else if (kind === Tok.Eof) return;
    } while (depth > 0);
  }

  /**
   * Skips to the first token at the current nesting level that `stop` accepts. Returns false
   * (without consuming it) at the end of input or at a closer of an enclosing group.
   */
  skipUntil(stop: (kind: TokenKind) => boolean): boolean {
    let depth = 0;
    for (;;) {
      const kind = this.kind();
      if (kind === Tok.Eof) return false;
      if (depth === 0 && stop(kind)) return true;
      if (isOpener(kind)) depth++;
      else if (isCloser(kind)) {
        if (depth === 0) return false;
        depth--;
      }
      this.next();
    }
  }

  /** Whether a line break separates the token at the cursor from the one before it. */
  startsLine(): boolean {
    if (this.index === 0) return true;
    // Only the gap between the two tokens is read, so recovery on a one-line file stays linear.
    const start = this.peek().start;
    for (let i = this.lastEnd; i < start; i++) {
      if (this.text.charCodeAt(i) === 10) return true;
    }
    return false;
  }
}

export function isOpener(kind: TokenKind): boolean {
  return (
    kind === Tok.LBrace ||
    kind === Tok.SelBrace ||
    kind === Tok.LBrack ||
    kind === Tok.ListStart ||
    kind === Tok.LParen ||
    kind === Tok.WsLParen ||
    kind === Tok.DqPre
  );
}

export function isCloser(kind: TokenKind): boolean {
  return kind === Tok.RBrace || kind === Tok.RBrack || kind === Tok.RParen || kind === Tok.DqPost;
}
